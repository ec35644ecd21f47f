package dev.roomsdk.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One API of the sandbox: an embedded WireMock server on 127.0.0.1 with one catch-all stub whose
 * answer a {@link ResponseDefinitionTransformerV2} computes from the {@link ApiBackend}'s state,
 * and a {@link ServeEventListener} that validates what was served against the contract.
 *
 * <p>Per request: route it to an operation of the contract (a path that matches none is a
 * violation, answered 404); validate the request (a violation, answered with the API's error for
 * 400 or the operation's first declared 4xx); check credentials (401 as the contract declares);
 * let the backend answer, or the contract's example. After the answer went out, the exact status,
 * headers and body served are validated against the operation's declared responses, strictly
 * (undeclared fields are violations). Every violation goes to {@link Violations}.
 */
final class SandboxServer implements AutoCloseable {

    /** Requests kept in WireMock's journal (for a test to inspect), so a long-running sandbox stays bounded. */
    static final int JOURNAL_ENTRIES = 200;

    /** Marks the answer to a request that broke the contract: that request is the violation, its answer is not checked. */
    static final String REQUEST_VIOLATION = "X-Sandbox-Request-Violation";

    private final ApiBackend backend;
    private final SandboxContract contract;
    private final Violations violations;
    private final WireMockServer server;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong checked = new AtomicLong();
    private final Object quiet = new Object();
    /** Answers whose validation was waited for in vain; guarded by {@link #quiet}. */
    private long lost;

    SandboxServer(ApiBackend backend, int port, Violations violations) {
        this.backend = backend;
        this.contract = backend.contract;
        this.violations = violations;
        this.server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .port(port)
                .maxRequestJournalEntries(JOURNAL_ENTRIES)
                .extensions(new Answer(), new Check()));
    }

    void start() {
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    int port() {
        return server.port();
    }

    /** The root, e.g. {@code http://127.0.0.1:8080}. */
    String rootUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The base URL a client uses: the root plus the contract's server path (Zoom's {@code /v2}). */
    String baseUrl() {
        return rootUrl() + contract.basePath();
    }

    WireMockServer wireMock() {
        return server;
    }

    long requests() {
        return received.get();
    }

    /**
     * Waits until every request answered so far has also been validated (validation runs just
     * after the answer is sent), at most {@code timeout}; true when all were.
     */
    boolean awaitChecked(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (quiet) {
            long target = received.get();
            while (checked.get() + lost < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    // an exchange whose check never came (say, the client went away): not waited for again
                    lost += target - checked.get() - lost;
                    return false;
                }
                quiet.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static String rawPath(Request request) {
        return URI.create(request.getUrl()).getRawPath();
    }

    private Reply answer(Request request) {
        String rawPath = rawPath(request);
        String method = request.getMethod().getName();
        if (backend.isOffContract(rawPath)) {
            return backend.offContract(request, rawPath);
        }
        Optional<String> operation = contract.operationFor(method, rawPath);
        if (operation.isEmpty()) {
            violations.add(backend.api() + ": " + method + " " + request.getUrl() + " matches no operation of the contract");
            return Reply.empty(404).header("X-Sandbox-Error", "no operation of the " + backend.api() + " contract");
        }
        String operationId = operation.get();
        String problems = contract.validateRequest(operationId, request);
        if (!problems.isEmpty()) {
            violations.add(backend.api() + " " + operationId + ": " + method + " " + request.getUrl()
                    + " breaks the contract:\n" + problems);
            // 400 even where the operation declares none: the request is the violation, its answer is not checked
            return backend.error(operationId, 400, "Request breaks the contract: " + firstLine(problems))
                    .header("X-Sandbox-Error", headerSafe(firstLine(problems)))
                    .header(REQUEST_VIOLATION, "true");
        }
        Exchange exchange = new Exchange(operationId, request, rawPath, contract.pathParams(operationId, rawPath));
        if (contract.secured(operationId)) {
            Reply denied = backend.authenticate(exchange);
            if (denied != null) {
                return denied;
            }
        }
        Reply reply = backend.handle(exchange);
        return reply != null ? reply : canned(operationId, exchange);
    }

    /** The contract's example of the operation's first 2xx response; binary responses get a real small file. */
    private Reply canned(String operationId, Exchange exchange) {
        SandboxContract.Canned canned = contract.canned(operationId);
        if (canned.mediaType == null) {
            return Reply.empty(canned.status);
        }
        if (canned.exampleJson != null && canned.mediaType.contains("json")) {
            return Reply.rawJson(canned.status, canned.exampleJson).header("Content-Type", canned.mediaType);
        }
        String type = canned.mediaType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            String format = type.equals("image/jpeg") ? "jpeg" : type.equals("image/gif") ? "gif" : "png";
            return Reply.bytes(canned.status, SampleFiles.image(format, 64, 64, operationId.hashCode()),
                    format.equals("png") ? "image/png" : type);
        }
        if (type.equals("application/pdf")) {
            return Reply.bytes(canned.status, SampleFiles.pdf("rooms-sdk sandbox"), "application/pdf");
        }
        return Reply.bytes(canned.status, SampleFiles.bytes(operationId.hashCode(), 1024), "application/octet-stream");
    }

    /** The first line of a report saying what is wrong (the validator's starts with "Validation failed."). */
    private static String firstLine(String text) {
        String line = "";
        for (String l : text.strip().split("\n")) {
            line = l.strip();
            if (!line.isEmpty() && !line.equals("Validation failed.")) {
                break;
            }
        }
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static String headerSafe(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** Computes each answer. */
    private final class Answer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            received.incrementAndGet();
            Reply reply;
            try {
                reply = answer(event.getRequest());
            } catch (RuntimeException e) {
                violations.add(backend.api() + ": the sandbox failed answering " + event.getRequest().getMethod() + " "
                        + event.getRequest().getUrl() + ": " + e);
                reply = Reply.empty(500).header("X-Sandbox-Error", headerSafe(String.valueOf(e)));
            }
            backend.decorate(reply);
            return reply.toDefinition();
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "rooms-sdk-sandbox-" + backend.api();
        }
    }

    /** Validates each answer once it has been served. */
    private final class Check implements ServeEventListener {
        @Override
        public void afterComplete(ServeEvent event, Parameters parameters) {
            Request request = event.getRequest();
            String rawPath = rawPath(request);
            if (rawPath.startsWith("/__admin")) {
                return; // WireMock's own admin API: not an answer of the sandbox
            }
            try {
                String method = request.getMethod().getName();
                LoggedResponse response = event.getResponse();
                boolean requestViolation = response != null && response.getHeaders() != null
                        && response.getHeaders().getHeader(REQUEST_VIOLATION).isPresent();
                if (!backend.isOffContract(rawPath) && response != null && !requestViolation
                        && contract.operationFor(method, rawPath).isPresent()) {
                    String report = contract.validateResponse(method, rawPath, response.getStatus(),
                            response.getHeaders(), response.getBody());
                    if (!report.isEmpty()) {
                        violations.add(backend.api() + ": the answer to " + method + " " + request.getUrl() + " ("
                                + response.getStatus() + ") breaks the contract:\n" + report);
                    }
                }
            } catch (RuntimeException e) {
                violations.add(backend.api() + ": validating an answer failed: " + e);
            } finally {
                synchronized (quiet) {
                    checked.incrementAndGet();
                    quiet.notifyAll();
                }
            }
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "rooms-sdk-sandbox-check-" + backend.api();
        }
    }
}
