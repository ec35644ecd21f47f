package dev.roomsdk.contract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One of the three contracts in {@code specs/}: its parsed document, the base path of its
 * first server, and a resolver from a concrete request (method + path) to the operationId
 * it exercises. Instances are cached per API and immutable.
 */
public final class ApiSpec {

    private static final Map<String, ApiSpec> CACHE = new ConcurrentHashMap<>();

    private final String api;
    private final Path file;
    private final OpenAPI openApi;
    private final String basePath;
    private final List<Route> routes;

    private ApiSpec(String api) {
        this.api = api;
        this.file = Path.of("specs", api + ".yaml").toAbsolutePath();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readLocation(file.toUri().toString(), null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("cannot parse " + file + ": " + result.getMessages());
        }
        this.openApi = result.getOpenAPI();
        String serverUrl = openApi.getServers() == null || openApi.getServers().isEmpty()
                ? "/" : openApi.getServers().get(0).getUrl();
        String path = URI.create(serverUrl).getPath();
        this.basePath = path == null || path.equals("/") ? "" : path.replaceAll("/$", "");
        this.routes = buildRoutes(openApi);
    }

    /** The contract of {@code api} ({@code carbonio}, {@code zoom} or {@code videsk}). */
    public static ApiSpec of(String api) {
        return CACHE.computeIfAbsent(api, ApiSpec::new);
    }

    public String api() {
        return api;
    }

    public Path file() {
        return file;
    }

    public OpenAPI openApi() {
        return openApi;
    }

    /** Path prefix of the spec's first server, e.g. {@code /v2} for Zoom; empty when none. */
    public String basePath() {
        return basePath;
    }

    /** Every operationId the spec declares, sorted. */
    public TreeSet<String> operationIds() {
        TreeSet<String> ids = new TreeSet<>();
        routes.forEach(r -> ids.add(r.operationId));
        return ids;
    }

    /**
     * The operation a request exercises. {@code rawPath} is the path as sent (still
     * percent-encoded, with the server's base path). Literal segments win over templated
     * ones, as OpenAPI requires.
     */
    public Optional<String> operationFor(String method, String rawPath) {
        if (!rawPath.startsWith(basePath)) {
            return Optional.empty();
        }
        String relative = rawPath.substring(basePath.length());
        String m = method.toUpperCase(Locale.ROOT);
        return routes.stream()
                .filter(r -> r.method.equals(m) && r.pattern.matcher(relative).matches())
                .map(r -> r.operationId)
                .findFirst();
    }

    private static List<Route> buildRoutes(OpenAPI openApi) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, PathItem> e : openApi.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : e.getValue().readOperationsMap().entrySet()) {
                routes.add(new Route(op.getKey().name(), e.getKey(), op.getValue().getOperationId()));
            }
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.templatedSegments)
                .thenComparing(r -> -r.template.length()));
        return routes;
    }

    private static final class Route {
        final String method;
        final String template;
        final String operationId;
        final Pattern pattern;
        final int templatedSegments;

        Route(String method, String template, String operationId) {
            this.method = method;
            this.template = template;
            this.operationId = operationId;
            StringBuilder regex = new StringBuilder();
            int params = 0;
            for (String part : template.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{") && part.endsWith("}")) {
                    regex.append("[^/]+");
                    params++;
                } else {
                    regex.append(Pattern.quote(part));
                }
            }
            this.pattern = Pattern.compile(regex.toString());
            this.templatedSegments = params;
        }
    }
}
