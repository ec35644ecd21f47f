package dev.roomsdk.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The sandbox's own machinery: what it answers without state keeps to the contracts, and a broken answer is caught. */
class SandboxContractTest {

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)\\}");

    /** Every operation of every contract has an answer that satisfies it, even those the sandbox keeps no state for. */
    @ParameterizedTest
    @ValueSource(strings = {"carbonio", "zoom", "videsk"})
    void cannedAnswersKeepToTheContract(String api) {
        SandboxContract contract = SandboxContract.of(api);
        List<String> broken = new ArrayList<>();
        for (String operationId : contract.operationIds()) {
            SandboxContract.Canned canned = contract.canned(operationId);
            String path = contract.basePath() + fill(api, contract.template(operationId));
            String method = method(contract, operationId, path);
            HttpHeaders headers = canned.mediaType == null ? new HttpHeaders()
                    : new HttpHeaders(new HttpHeader("Content-Type", canned.mediaType.replace("*", "x")));
            byte[] body = canned.exampleJson == null ? (canned.mediaType == null ? null : new byte[] {1, 2, 3})
                    : canned.exampleJson.getBytes(StandardCharsets.UTF_8);
            if (canned.mediaType != null && canned.mediaType.contains("json") && canned.exampleJson == null) {
                broken.add(operationId + ": a JSON answer without an example");
                continue;
            }
            String report = contract.validateResponse(method, path, canned.status, headers, body);
            if (!report.isEmpty()) {
                broken.add(operationId + ": " + report);
            }
        }
        assertEquals(List.of(), broken);
    }

    private static String method(SandboxContract contract, String operationId, String path) {
        for (String m : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
            if (contract.operationFor(m, path).map(operationId::equals).orElse(false)) {
                return m;
            }
        }
        throw new AssertionError("no method routes " + path + " to " + operationId);
    }

    private static String fill(String api, String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(1).equals("area") ? "100x200"
                    : api.equals("carbonio") ? "7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a" : "x1";
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An answer of the sandbox that breaks the contract is reported, like a request that does. */
    @Test
    void aBrokenAnswerIsAViolation() throws Exception {
        Violations violations = new Violations();
        ApiBackend broken = new ApiBackend("videsk") {
            @Override
            Reply authenticate(Exchange exchange) {
                return null;
            }

            @Override
            Reply error(String operationId, int status, String message) {
                return Reply.json(status, Map.of("message", message));
            }

            @Override
            Reply handle(Exchange exchange) {
                return Reply.json(200, Map.of("id", "r1", "undeclared", true));
            }
        };
        try (SandboxServer server = new SandboxServer(broken, 0, violations)) {
            server.start();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/vpaas/rooms/r1")).header("Authorization", "Bearer x").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(server.awaitChecked(java.time.Duration.ofSeconds(5)));
            assertEquals(1, violations.count(), String.join("\n", violations.list()));
            assertTrue(violations.list().get(0).contains("undeclared"), violations.list().get(0));
        }
    }

    @Test
    void unicodeEscapesAreUndone() {
        assertEquals("snoopy.jpg", CarbonioBackend.unescape("\\u0073\\u006e\\u006f\\u006f\\u0070\\u0079\\u002e\\u006a\\u0070\\u0067"));
    }
}
