package dev.roomsdk.contract;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: a WireMock server on 127.0.0.1 (random port) speaking one API's
 * contract. Register it as a static field:
 *
 * <pre>{@code @RegisterExtension static final ContractServer server = ContractServer.forApi("videsk");}</pre>
 *
 * <p>It loads the API's default stubs from {@code src/test/resources/stubs/<api>/} (WireMock's
 * {@code mappings/} and {@code __files/} layout), which tests extend with the Java DSL; resets stubs and
 * journal before each test, and after each test validates every request the SDK sent and
 * every response WireMock served against {@code specs/<api>.yaml}. Any violation fails the
 * test with the validator's report. Each interaction validated after a test is recorded, with
 * its query and the test's name, in this build's coverage files ({@link ExercisedOperations}),
 * which the coverage checks ({@code SpecCoverageTest}, {@code PaginatedOperationsTest}) read in
 * surefire's later {@code coverage} execution.
 */
public final class ContractServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final ApiSpec spec;
    private WireMockServer server;

    private ContractServer(String api) {
        this.spec = ApiSpec.of(api);
    }

    /** A server for {@code carbonio}, {@code zoom} or {@code videsk}. */
    public static ContractServer forApi(String api) {
        return new ContractServer(api);
    }

    /** Base URL the SDK should use: loopback, the random port, and the spec server's path (e.g. /v2). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + spec.basePath();
    }

    /** Path as it goes over the wire for a spec path, e.g. {@code /rooms} becomes {@code /v2/rooms} for Zoom. */
    public String path(String specPath) {
        return spec.basePath() + specPath;
    }

    public WireMockServer wireMock() {
        return server;
    }

    public StubMapping stubFor(MappingBuilder mapping) {
        return server.stubFor(mapping);
    }

    /** Requests received in this test, oldest first. */
    public List<LoggedRequest> requests() {
        return events().stream().map(ServeEvent::getRequest).collect(Collectors.toList());
    }

    /** The only request of this test; fails unless exactly one was received. */
    public LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = requests();
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests.size() + ": "
                    + requests.stream().map(r -> r.getMethod() + " " + r.getUrl()).collect(Collectors.toList()));
        }
        return requests.get(0);
    }

    private List<ServeEvent> events() {
        // WireMock lists newest first; two requests in one millisecond must keep their order
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events);
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        return events;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        WireMockConfiguration config = wireMockConfig().bindAddress("127.0.0.1").dynamicPort();
        Path stubs = Path.of("src/test/resources/stubs", spec.api());
        if (!Files.isDirectory(stubs.resolve("mappings"))) {
            throw new IllegalStateException("no stub folder " + stubs.resolve("mappings").toAbsolutePath());
        }
        config = config.usingFilesUnderDirectory(stubs.toString());
        server = new WireMockServer(config);
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.resetAll();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        boolean forwardCompatible = context.getTestMethod()
                .map(m -> m.isAnnotationPresent(ForwardCompatible.class)).orElse(false);
        boolean offContract = context.getTestMethod()
                .map(m -> m.isAnnotationPresent(OffContract.class)).orElse(false);
        String test = context.getRequiredTestClass().getSimpleName() + "#"
                + context.getTestMethod().map(Method::getName).orElse("?");
        List<String> violations = offContract ? requestViolations() : violations(forwardCompatible, test);
        if (!violations.isEmpty()) {
            throw new AssertionError("contract violations against " + spec.file().getFileName() + ":\n"
                    + String.join("\n---\n", violations));
        }
    }

    private static Map<String, List<String>> query(LoggedRequest request) {
        Map<String, List<String>> query = new TreeMap<>();
        request.getQueryParams().forEach((name, values) -> query.put(name, List.copyOf(values.values())));
        return query;
    }

    /** Validates only the requests of the current test (responses were broken on purpose). */
    public List<String> requestViolations() {
        List<String> violations = new ArrayList<>();
        for (ServeEvent event : events()) {
            LoggedRequest request = event.getRequest();
            String path = URI.create(request.getUrl()).getRawPath();
            String operation = spec.operationFor(request.getMethod().getName(), path).orElse(null);
            String report = operation == null ? request.getMethod() + " " + request.getUrl() + " matches no operation"
                    : InteractionValidator.validateRequest(spec, operation, request);
            if (!report.isEmpty()) {
                violations.add(report);
            }
        }
        return violations;
    }

    /**
     * Validates every interaction of the current test against the spec and returns the
     * violations found. Public so the harness's own tests (and tests that check an interaction
     * on purpose) can see that it catches drift; it records nothing: only the validation after
     * each test counts an operation as exercised.
     */
    public List<String> violations(boolean forwardCompatible) {
        return violations(forwardCompatible, null);
    }

    /** As {@link #violations(boolean)}; when {@code test} is given, records each valid interaction under it. */
    private List<String> violations(boolean forwardCompatible, String test) {
        List<String> violations = new ArrayList<>();
        for (ServeEvent event : events()) {
            LoggedRequest request = event.getRequest();
            String path = URI.create(request.getUrl()).getRawPath();
            String operation = spec.operationFor(request.getMethod().getName(), path).orElse(null);
            if (operation == null) {
                violations.add(request.getMethod() + " " + request.getUrl() + " matches no operation of "
                        + spec.file().getFileName());
                continue;
            }
            String report = InteractionValidator.validate(spec, operation, forwardCompatible, request, event.getResponse());
            if (!report.isEmpty()) {
                violations.add(report);
            } else if (test != null) {
                ExercisedOperations.current().record(spec.api(), operation, test, query(request));
            }
        }
        return violations;
    }
}
