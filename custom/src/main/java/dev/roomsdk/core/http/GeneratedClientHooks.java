package dev.roomsdk.core.http;

import dev.roomsdk.core.auth.Anonymous;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.Request;

/**
 * What every API's subclass of its generated {@code ApiClient} does before and after the
 * generated code builds a request, kept here once: the contract check before any I/O
 * ({@link RequestValidator}, path parameters included), the refusal of an operation that needs
 * credentials on a client built without any, and the tags the policies read ({@link RequestOptions},
 * {@link Idempotent}, {@link Anonymous}). The generated {@code Pair} type differs per API, hence the two
 * accessor functions. Stateless and thread-safe.
 */
public final class GeneratedClientHooks {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private GeneratedClientHooks() {
    }

    /** Checks a request about to be built; see {@link RequestValidator#check}. */
    public static <P> void check(List<P> queryParams, List<P> collectionQueryParams,
                                 Function<P, String> name, Function<P, String> value,
                                 Map<String, String> headerParams, Object body) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (List<P> list : List.of(nullToEmpty(queryParams), nullToEmpty(collectionQueryParams))) {
            list.forEach(p -> pairs.add(new SimpleImmutableEntry<>(name.apply(p), value.apply(p))));
        }
        RequestValidator.check(pairs, headerParams, body);
    }

    /**
     * Called with every value the generated client percent-encodes. Values escaped by a
     * generated API class are path parameters, which must not be empty, {@code .} or
     * {@code ..} ({@link RequestValidator#checkPathParameter}); query values, escaped by the
     * client itself, may be anything. Only those three values cost a look at the stack.
     */
    public static void checkEscaped(String value) {
        if (value != null && (value.isEmpty() || value.equals(".") || value.equals(".."))) {
            boolean pathParameter = STACK.walk(frames -> frames.skip(2).findFirst())
                    .map(f -> f.getDeclaringClass().getPackageName().endsWith(".api")).orElse(false);
            if (pathParameter) {
                RequestValidator.checkPathParameter(value);
            }
        }
    }

    /**
     * Refuses, before any I/O, to build operation {@code method path} when it needs
     * credentials ({@code authNames}, from the contract's {@code security}, is not empty) and
     * the client has none. {@code withoutCredentials} is null when the client has credentials,
     * else the sentence telling the caller how to build one that has them.
     *
     * @throws IllegalStateException naming the operation and quoting {@code withoutCredentials}
     */
    public static void checkCredentials(String method, String path, String[] authNames, String withoutCredentials) {
        if (withoutCredentials != null && !isAnonymous(authNames)) {
            throw new IllegalStateException(method + " " + path + " needs credentials, but " + withoutCredentials);
        }
    }

    /**
     * {@code request} carrying {@code options} (when not null), the retry-safe mark when
     * {@code idempotent}, and the {@link Anonymous} mark when {@code authNames} is empty (the
     * contract says {@code security: []}), so no credential goes on it.
     */
    public static Request tag(Request request, String[] authNames, RequestOptions options, boolean idempotent) {
        boolean anonymous = isAnonymous(authNames);
        if (options == null && !idempotent && !anonymous) {
            return request;
        }
        Request.Builder b = request.newBuilder();
        if (options != null) {
            b.tag(RequestOptions.class, options);
        }
        if (idempotent) {
            b.tag(Idempotent.class, Idempotent.YES);
        }
        if (anonymous) {
            b.tag(Anonymous.class, Anonymous.YES);
        }
        return b.build();
    }

    // the generated code passes the operation's security schemes; none listed means none needed
    private static boolean isAnonymous(String[] authNames) {
        return authNames != null && authNames.length == 0;
    }

    private static <P> List<P> nullToEmpty(List<P> list) {
        return list == null ? List.of() : list;
    }
}
