package dev.roomsdk.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One contract of {@code specs/} as the sandbox uses it: the parsed document, a router from a
 * request (method and raw path) to its operationId, the examples of the declared responses, and
 * swagger-request-validator checking requests and responses as strictly as the contract tests
 * ({@code dev.roomsdk.contract}: undeclared response fields rejected, {@code allOf} merged first,
 * deepObject map parameters checked by hand because the validator does not read them).
 *
 * <p>The contract is read from the classpath ({@code dev/roomsdk/sandbox/specs/<api>.yaml}, where
 * the build copies {@code specs/}, so the sandbox jar carries it), else from {@code specs/} in the
 * working directory. The sandbox answers from it but does not own it: the files in {@code specs/}
 * stay the single source of truth. Missing credentials are left to the sandbox (it answers 401 as
 * the contract declares) instead of being reported as violations. Thread-safe.
 */
final class SandboxContract {

    /** Where the build puts the contracts on the test classpath (and in the sandbox jar). */
    static final String RESOURCE_DIR = "dev/roomsdk/sandbox/specs/";

    private static final Map<String, SandboxContract> CACHE = new ConcurrentHashMap<>();
    private static final Pattern DEEP_KEY = Pattern.compile("^(.+)\\[([^\\]]+)\\]$");

    private final String api;
    private final OpenAPI openApi;
    private final String basePath;
    private final List<Route> routes;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Map<String, List<Parameter>> parameters = new LinkedHashMap<>();
    private final OpenApiInteractionValidator validator;

    private SandboxContract(String api) {
        this.api = api;
        String text = read(api);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readContents(text, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("cannot parse the " + api + " contract: " + result.getMessages());
        }
        this.openApi = result.getOpenAPI();
        String serverUrl = openApi.getServers() == null || openApi.getServers().isEmpty()
                ? "/" : openApi.getServers().get(0).getUrl();
        String path = URI.create(serverUrl).getPath();
        this.basePath = path == null || path.equals("/") ? "" : path.replaceAll("/$", "");
        this.routes = new ArrayList<>();
        for (Map.Entry<String, PathItem> e : openApi.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : e.getValue().readOperationsMap().entrySet()) {
                String id = op.getValue().getOperationId();
                routes.add(new Route(op.getKey().name(), e.getKey(), id));
                operations.put(id, op.getValue());
                List<Parameter> all = new ArrayList<>();
                if (e.getValue().getParameters() != null) {
                    all.addAll(e.getValue().getParameters());
                }
                if (op.getValue().getParameters() != null) {
                    all.addAll(op.getValue().getParameters());
                }
                parameters.put(id, all);
            }
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.templatedSegments).thenComparing(r -> -r.template.length()));
        LevelResolver levels = LevelResolver.create()
                // credentials are checked by the sandbox, which answers 401 as the contracts declare
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                .build();
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(text)
                .withLevelResolver(levels)
                // merge allOf before the validator injects additionalProperties=false per branch
                .withResolveCombinators(true)
                .build();
    }

    /** The contract of {@code carbonio}, {@code zoom} or {@code videsk}. */
    static SandboxContract of(String api) {
        return CACHE.computeIfAbsent(api, SandboxContract::new);
    }

    private static String read(String api) {
        String name = api + ".yaml";
        try (InputStream in = SandboxContract.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path file = Path.of("specs", name);
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + api + " contract", e);
        }
        throw new IllegalStateException("no " + api + " contract: neither classpath:" + RESOURCE_DIR + name
                + " nor " + Path.of("specs", name).toAbsolutePath());
    }

    String api() {
        return api;
    }

    /** Path prefix of the spec's first server, e.g. {@code /v2} for Zoom; empty when none. */
    String basePath() {
        return basePath;
    }

    /** Every operationId the contract declares, sorted. */
    TreeSet<String> operationIds() {
        return new TreeSet<>(operations.keySet());
    }

    /** The operation a request exercises; {@code rawPath} is as sent, base path included. */
    Optional<String> operationFor(String method, String rawPath) {
        if (!rawPath.startsWith(basePath)) {
            return Optional.empty();
        }
        String relative = rawPath.substring(basePath.length());
        String m = method.toUpperCase(Locale.ROOT);
        return routes.stream().filter(r -> r.method.equals(m) && r.pattern.matcher(relative).matches())
                .map(r -> r.operationId).findFirst();
    }

    /** The path template of {@code operationId}'s route, e.g. {@code /rooms/{roomId}}. */
    String template(String operationId) {
        return routes.stream().filter(r -> r.operationId.equals(operationId)).map(r -> r.template).findFirst()
                .orElseThrow();
    }

    /** The path parameters of a request routed to {@code operationId}, percent-decoded. */
    Map<String, String> pathParams(String operationId, String rawPath) {
        Map<String, String> values = new LinkedHashMap<>();
        Route route = routes.stream().filter(r -> r.operationId.equals(operationId)).findFirst().orElseThrow();
        Matcher m = route.named.matcher(rawPath.substring(basePath.length()));
        if (m.matches()) {
            for (String name : route.names) {
                values.put(name, URLDecoder.decode(m.group(name).replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** Whether the operation needs credentials (it does unless it declares {@code security: []}). */
    boolean secured(String operationId) {
        List<?> security = operations.get(operationId).getSecurity();
        return security == null || !security.isEmpty();
    }

    /** The statuses the operation declares, in the contract's order. */
    List<Integer> statuses(String operationId) {
        List<Integer> statuses = new ArrayList<>();
        operations.get(operationId).getResponses().keySet().forEach(code -> {
            if (code.matches("\\d{3}")) {
                statuses.add(Integer.valueOf(code));
            }
        });
        return statuses;
    }

    /**
     * The status to answer an invalid request of {@code operationId} with: 400 when declared,
     * else the first declared 4xx (say, 401 for a Carbonio operation that lists no 400), else 400.
     */
    int badRequestStatus(String operationId) {
        List<Integer> statuses = statuses(operationId);
        if (statuses.contains(400)) {
            return 400;
        }
        return statuses.stream().filter(s -> s >= 400 && s < 500).findFirst().orElse(400);
    }

    /**
     * The first 2xx response the operation declares (else its first response, e.g. Videsk's
     * deleteRoom, always 403): its status, media type and example (null when none).
     */
    Canned canned(String operationId) {
        Map<String, ApiResponse> responses = operations.get(operationId).getResponses();
        boolean any2xx = responses.keySet().stream().anyMatch(code -> code.startsWith("2"));
        for (Map.Entry<String, ApiResponse> e : responses.entrySet()) {
            if (any2xx ? !e.getKey().startsWith("2") : !e.getKey().matches("\\d{3}")) {
                continue;
            }
            int status = Integer.parseInt(e.getKey());
            Content content = e.getValue().getContent();
            if (content == null || content.isEmpty()) {
                return new Canned(status, null, null);
            }
            Map.Entry<String, MediaType> first = content.entrySet().iterator().next();
            MediaType media = first.getValue();
            Object example = media.getExample();
            if (example == null && media.getExamples() != null && !media.getExamples().isEmpty()) {
                example = media.getExamples().values().iterator().next().getValue();
            }
            if (example == null && media.getSchema() != null) {
                example = media.getSchema().getExample();
            }
            String json = example == null ? null : toJson(example);
            return new Canned(status, first.getKey(), json);
        }
        return new Canned(204, null, null);
    }

    /** A declared 2xx (or other) response: status, its first media type (null: no body) and example JSON. */
    static final class Canned {
        final int status;
        final String mediaType;
        final String exampleJson;

        Canned(int status, String mediaType, String exampleJson) {
            this.status = status;
            this.mediaType = mediaType;
            this.exampleJson = exampleJson;
        }
    }

    private static String toJson(Object example) {
        try {
            return Json.mapper().writeValueAsString(example);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empty when the request satisfies the contract, else a readable report. */
    String validateRequest(String operationId, com.github.tomakehurst.wiremock.http.Request request) {
        URI uri = URI.create(request.getUrl());
        Map<String, List<String>> query = ValidatorMessages.queryParams(uri.getRawQuery());
        List<String> problems = new ArrayList<>(checkDeepObjects(operationId, query));
        ValidationReport report;
        synchronized (validator) {
            report = validator.validateRequest(ValidatorMessages.request(request, uri, query));
        }
        if (report.hasErrors()) {
            problems.add(SimpleValidationReportFormat.getInstance().apply(report).trim());
        }
        return problems.isEmpty() ? "" : String.join("\n", problems);
    }

    /** Empty when the response satisfies the contract for the request's operation, else a readable report. */
    String validateResponse(String method, String rawPath, int status, HttpHeaders headers, byte[] body) {
        ValidationReport report;
        synchronized (validator) {
            report = validator.validateResponse(rawPath, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
                    ValidatorMessages.response(status, headers, body));
        }
        return report.hasErrors() ? SimpleValidationReportFormat.getInstance().apply(report).trim() : "";
    }
    /**
     * swagger-request-validator does not understand deepObject map parameters
     * ({@code $sort[createdAt]=-1}): this takes their keys out of {@code query} and checks the
     * values against the map's value schema (integer/boolean and enum) itself.
     */
    private List<String> checkDeepObjects(String operationId, Map<String, List<String>> query) {
        List<String> problems = new ArrayList<>();
        List<Parameter> declared = parameters.getOrDefault(operationId, List.of());
        for (Iterator<Map.Entry<String, List<String>>> it = query.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, List<String>> e = it.next();
            Matcher m = DEEP_KEY.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            Parameter p = declared.stream().filter(x -> "query".equals(x.getIn()) && m.group(1).equals(x.getName())
                    && x.getStyle() == Parameter.StyleEnum.DEEPOBJECT).findFirst().orElse(null);
            if (p == null) {
                continue;
            }
            it.remove();
            Schema<?> schema = p.getSchema();
            if (schema != null && schema.get$ref() != null) {
                schema = openApi.getComponents().getSchemas().get(schema.get$ref().replaceAll(".*/", ""));
            }
            Object values = schema == null ? null : schema.getAdditionalProperties();
            if (!(values instanceof Schema)) {
                continue;
            }
            for (String v : e.getValue()) {
                String problem = checkValue((Schema<?>) values, v);
                if (problem != null) {
                    problems.add("[ERROR][REQUEST] query parameter " + e.getKey() + "=" + v + ": " + problem);
                }
            }
        }
        return problems;
    }

    private static String checkValue(Schema<?> schema, String value) {
        Object typed = value;
        try {
            if ("integer".equals(schema.getType())) {
                typed = Integer.valueOf(value);
            } else if ("boolean".equals(schema.getType()) && !value.matches("true|false")) {
                return "not a boolean";
            }
        } catch (NumberFormatException e) {
            return "not an integer";
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            for (Object allowed : schema.getEnum()) {
                if (String.valueOf(allowed).equals(String.valueOf(typed))) {
                    return null;
                }
            }
            return "not one of " + schema.getEnum();
        }
        return null;
    }

    private static final class Route {
        final String method;
        final String template;
        final String operationId;
        final Pattern pattern;
        final Pattern named;
        final List<String> names = new ArrayList<>();
        final int templatedSegments;

        Route(String method, String template, String operationId) {
            this.method = method;
            this.template = template;
            this.operationId = operationId;
            StringBuilder regex = new StringBuilder();
            StringBuilder namedRegex = new StringBuilder();
            int params = 0;
            for (String part : template.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{") && part.endsWith("}")) {
                    String name = part.substring(1, part.length() - 1);
                    regex.append("[^/]+");
                    namedRegex.append("(?<").append(name).append(">[^/]+)");
                    names.add(name);
                    params++;
                } else {
                    regex.append(Pattern.quote(part));
                    namedRegex.append(Pattern.quote(part));
                }
            }
            this.pattern = Pattern.compile(regex.toString());
            this.named = Pattern.compile(namedRegex.toString());
            this.templatedSegments = params;
        }
    }
}
