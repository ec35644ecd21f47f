package dev.roomsdk.core.operation;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.MediaType;

/**
 * What one operation of a contract is, as data: its operationId, method and path template,
 * its parameters in the generated call's order, the body's media type, what it returns, whether
 * it needs credentials, and whether it may be sent again. The generated API classes declare
 * one per operation, from the spec (SDK hints are the spec's {@code x-sdk-*} vendor extensions);
 * {@link OperationRuntime} runs any of them. Immutable and thread-safe.
 */
public final class Operation {

    /** What a successful response carries. */
    enum Result { NONE, JSON, DOWNLOAD }

    /** Whether a failed attempt may be sent again ({@code x-sdk-retry}; default by method). */
    enum Retry { BY_METHOD, NEVER, WHEN_BODY_FIELD }

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    final String id;
    final String method;
    final String pathTemplate;
    final Parameter[] parameters;
    /** The path as literal pieces (String) and parameter positions (Integer), split once here. */
    final Object[] pathPieces;
    final MediaType bodyType;
    final boolean multipart;
    final boolean formUrlEncoded;
    final String accept;
    final Type returnType;
    final Result result;
    final boolean anonymous;
    final Retry retry;
    final String retryField;
    /** {@code x-sdk-empty-body}: the Content-Type of the empty body an operation without one is sent with, or null. */
    final MediaType emptyBodyType;
    /** The {@code info.version} of the contract the operation comes from (a Carbonio generation). */
    final String contractVersion;
    /** {@code x-sdk-items-when}: item counts of a body list that depend on another body field. */
    final ItemsRule[] itemsRules;
    final int bodyIndex;
    final boolean transfer;
    /** What messages and exceptions call it: {@code getRoom (GET /vpaas/rooms/{roomId})}. */
    final String label;
    /** The result's Gson adapter, looked up once (each API has one Gson). */
    volatile Adapter adapter;

    private Operation(Builder b) {
        this.id = b.id;
        this.method = b.method;
        this.pathTemplate = b.path;
        this.parameters = b.parameters.toArray(new Parameter[0]);
        this.bodyType = b.consumes == null ? null : MediaType.get(b.consumes);
        this.multipart = b.consumes != null && b.consumes.startsWith("multipart/");
        this.formUrlEncoded = "application/x-www-form-urlencoded".equals(b.consumes);
        this.accept = b.accepts == null ? null : String.join(", ", b.accepts);
        this.returnType = b.returnType;
        this.result = b.result;
        this.anonymous = b.anonymous;
        this.retry = b.retry;
        this.retryField = b.retryField;
        this.emptyBodyType = b.emptyBody == null ? null : MediaType.get(b.emptyBody);
        this.contractVersion = b.contractVersion;
        this.itemsRules = b.itemsRules.toArray(new ItemsRule[0]);
        int body = -1;
        boolean files = false;
        for (int i = 0; i < parameters.length; i++) {
            parameters[i].freeze();
            if (parameters[i].location == Parameter.Location.BODY) {
                body = i;
            }
            files |= parameters[i].file;
        }
        this.bodyIndex = body;
        this.transfer = files || result == Result.DOWNLOAD;
        this.pathPieces = splitPath(b.path, parameters);
        this.label = id + " (" + method + " " + pathTemplate + ")";
    }

    /**
     * Starts the description of operation {@code id}, sent as {@code method} to {@code path}.
     *
     * @param id the contract's operationId; not null
     * @param method the HTTP method, upper case, e.g. {@code GET}; not null
     * @param path the path template, e.g. {@code /vpaas/rooms/{roomId}}; not null
     * @return a new builder
     */
    public static Builder builder(String id, String method, String path) {
        return new Builder(id, method, path);
    }

    /** {@return the contract's operationId} */
    public String id() {
        return id;
    }

    /** {@return the HTTP method, e.g. {@code GET}} */
    public String method() {
        return method;
    }

    /**
     * {@return the {@code info.version} of the contract the operation was generated from, e.g.
     * {@code 1.6}; null if not given}
     */
    public String contractVersion() {
        return contractVersion;
    }

    /** {@return the path template, e.g. {@code /vpaas/rooms/{roomId}}} */
    public String pathTemplate() {
        return pathTemplate;
    }

    int parameterCount() {
        return parameters.length;
    }

    /** Whether an attempt of this operation carrying {@code body} may be sent again after a failure. */
    boolean mayRetry(Object body) {
        switch (retry) {
            case NEVER:
                return false;
            case WHEN_BODY_FIELD:
                return body != null && ModelConstraints.property(body, retryField) != null;
            default:
                return SAFE_METHODS.contains(method);
        }
    }

    private static Object[] splitPath(String path, Parameter[] parameters) {
        List<Object> pieces = new ArrayList<>();
        int at = 0;
        while (at < path.length()) {
            int open = path.indexOf('{', at);
            if (open < 0) {
                pieces.add(path.substring(at));
                break;
            }
            int close = path.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{' in path " + path);
            }
            if (open > at) {
                pieces.add(path.substring(at, open));
            }
            pieces.add(indexOf(path.substring(open + 1, close), parameters, path));
            at = close + 1;
        }
        return pieces.toArray();
    }

    private static Integer indexOf(String name, Parameter[] parameters, String path) {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].location == Parameter.Location.PATH && parameters[i].name.equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("path " + path + " names {" + name + "}, which is no path parameter");
    }

    @Override
    public String toString() {
        return label;
    }

    /** A Gson adapter with the Gson it came from. */
    static final class Adapter {
        final com.google.gson.Gson gson;
        final com.google.gson.TypeAdapter<?> adapter;

        Adapter(com.google.gson.Gson gson, com.google.gson.TypeAdapter<?> adapter) {
            this.gson = gson;
            this.adapter = adapter;
        }
    }

    /** Builder used by generated code. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String method;
        private final String path;
        private final List<Parameter> parameters = new ArrayList<>();
        private String consumes;
        private String[] accepts;
        private Type returnType;
        private Result result = Result.NONE;
        private boolean anonymous;
        private Retry retry = Retry.BY_METHOD;
        private String retryField;
        private String emptyBody;
        private String contractVersion;
        private final List<ItemsRule> itemsRules = new ArrayList<>();

        private Builder(String id, String method, String path) {
            this.id = Objects.requireNonNull(id, "id");
            this.method = Objects.requireNonNull(method, "method");
            this.path = Objects.requireNonNull(path, "path");
        }

        /**
         * The next parameter, in the order the generated call sets them (1-based positions).
         *
         * @param parameter not null
         * @return this builder
         */
        public Builder parameter(Parameter parameter) {
            parameters.add(Objects.requireNonNull(parameter, "parameter"));
            return this;
        }

        /**
         * The request body's media type (the contract's first).
         *
         * @param mediaType e.g. {@code application/json}; null for none
         * @return this builder
         */
        public Builder consumes(String mediaType) {
            this.consumes = mediaType;
            return this;
        }

        /**
         * The media types of the contract's responses, sent as {@code Accept}.
         *
         * @param mediaTypes e.g. {@code application/json}; copied
         * @return this builder
         */
        public Builder accepts(String... mediaTypes) {
            this.accepts = mediaTypes.clone();
            return this;
        }

        /**
         * A JSON result of type {@code type}.
         *
         * @param type the result's Java type, generic types included; not null
         * @return this builder
         */
        public Builder returns(Type type) {
            this.returnType = Objects.requireNonNull(type, "type");
            this.result = Result.JSON;
            return this;
        }

        /**
         * A binary result, streamed as a {@link dev.roomsdk.core.transfer.Download}.
         *
         * @return this builder
         */
        public Builder returnsDownload() {
            this.result = Result.DOWNLOAD;
            return this;
        }

        /**
         * The contract says {@code security: []}: no credential goes on it.
         *
         * @return this builder
         */
        public Builder anonymous() {
            this.anonymous = true;
            return this;
        }

        /**
         * {@code x-sdk-retry}: {@code never} (each attempt would act again), or
         * {@code when-body-field <field>} (a POST that is safe to repeat when the body carries
         * that unique field). Without it, GET, HEAD, PUT, DELETE and OPTIONS may be retried.
         *
         * @param rule the extension's value
         * @return this builder
         * @throws IllegalArgumentException if {@code rule} is neither form
         */
        public Builder retry(String rule) {
            if ("never".equals(rule)) {
                this.retry = Retry.NEVER;
            } else if (rule != null && rule.startsWith("when-body-field ")) {
                this.retry = Retry.WHEN_BODY_FIELD;
                this.retryField = rule.substring("when-body-field ".length()).trim();
            } else {
                throw new IllegalArgumentException("x-sdk-retry of " + id + ": unknown rule " + rule);
            }
            return this;
        }

        /**
         * {@code x-sdk-empty-body}: the operation takes no body, but is sent with an empty one of
         * this media type, as the vendor's own client does.
         *
         * @param mediaType the empty body's media type; not null
         * @return this builder
         */
        public Builder emptyBody(String mediaType) {
            this.emptyBody = Objects.requireNonNull(mediaType, "mediaType");
            return this;
        }

        /**
         * {@code x-sdk-items-when}: when body field {@code whenField} holds {@code whenValue}, body
         * list {@code itemsField} must have {@code minItems} to {@code maxItems} items (a rule
         * OpenAPI cannot state without a {@code oneOf}); checked before any I/O.
         *
         * @param itemsField the list's JSON name, e.g. {@code members}
         * @param whenField the deciding field's JSON name, e.g. {@code type}
         * @param whenValue its value as sent, e.g. {@code one_to_one}
         * @param minItems the fewest items
         * @param maxItems the most items, or -1 for no limit
         * @return this builder
         */
        public Builder bodyItemsWhen(String itemsField, String whenField, String whenValue, int minItems, int maxItems) {
            itemsRules.add(new ItemsRule(itemsField, whenField, whenValue, minItems, maxItems));
            return this;
        }

        /**
         * The contract's {@code info.version}. A runtime that speaks one version of a contract
         * (a Carbonio generation) refuses, before any I/O, operations of another.
         *
         * @param version e.g. {@code 1.6}; null if the contract gives none
         * @return this builder
         */
        public Builder contractVersion(String version) {
            this.contractVersion = version;
            return this;
        }

        /**
         * Builds the operation and freezes its parameters.
         *
         * @return the immutable, thread-safe operation
         * @throws IllegalArgumentException if the path template is malformed or names a
         *         parameter that is not a path parameter
         */
        public Operation build() {
            return new Operation(this);
        }
    }

    /** One {@code x-sdk-items-when} rule. */
    static final class ItemsRule {
        private final String itemsField;
        private final String whenField;
        private final String whenValue;
        private final int minItems;
        private final int maxItems;

        ItemsRule(String itemsField, String whenField, String whenValue, int minItems, int maxItems) {
            this.itemsField = Objects.requireNonNull(itemsField, "itemsField");
            this.whenField = Objects.requireNonNull(whenField, "whenField");
            this.whenValue = Objects.requireNonNull(whenValue, "whenValue");
            this.minItems = minItems;
            this.maxItems = maxItems;
        }

        /** Adds a violation when {@code body} holds {@link #whenValue} and the list's size is out of range. */
        void check(Object body, List<String> violations) {
            Object when = ModelConstraints.property(body, whenField);
            Object items = ModelConstraints.property(body, itemsField);
            // a missing list is the required-field check's to report; enums print as their contract value
            if (when == null || !whenValue.equals(when.toString()) || !(items instanceof java.util.Collection)) {
                return;
            }
            int n = ((java.util.Collection<?>) items).size();
            if (n < minItems || (maxItems >= 0 && n > maxItems)) {
                String range = minItems == maxItems ? "exactly " + minItems
                        : maxItems < 0 ? "at least " + minItems : minItems + " to " + maxItems;
                violations.add(itemsField + ": must have " + range + (maxItems == 1 ? " item" : " items")
                        + " when " + whenField + " is " + whenValue + ", got " + n);
            }
        }
    }
}
