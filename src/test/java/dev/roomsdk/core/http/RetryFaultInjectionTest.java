package dev.roomsdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.auth.AuthScheme;
import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.error.ConflictException;
import dev.roomsdk.core.error.RateLimitException;
import dev.roomsdk.core.error.ResponseDecodeException;
import dev.roomsdk.core.error.RoomSdkIoException;
import dev.roomsdk.core.error.NotReplayableBodyException;
import dev.roomsdk.core.error.ChainFailure;
import dev.roomsdk.core.error.RoomSdkTimeoutException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault injection against a real client (Videsk's, the policies are shared by all three):
 * for each fault, the outcome and the attempts WireMock saw. Waits are recorded by an
 * injected sleeper instead of slept, so the suite stays fast; every test is bounded by the
 * read timeout and three attempts.
 */
class RetryFaultInjectionTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    static final String ROOM = "{\"id\":\"r1\",\"name\":\"Room\"}";

    /** Fault -> outcome -> attempts -> elapsed, printed after the suite for the table. */
    static final Map<String, String> TABLE = new TreeMap<>();
    /** Waits are recorded, not slept, so every fault ends well within this (the stall is 3 x 300 ms). */
    static final long BOUND_MS = 5_000;

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    Videsk videsk;
    long start;

    @BeforeEach
    void client() {
        start = System.nanoTime();
        RetryPolicy retries = RetryPolicy.builder().maxAttempts(3).maxDelay(Duration.ofSeconds(10)).sleeper(waits::add).build();
        videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t").httpSettings(HttpSettings.builder()
                .readTimeout(Duration.ofMillis(300)).retryPolicy(retries).build()).build();
    }

    @AfterEach
    void close() {
        videsk.close();
    }

    void serve(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(response));
    }

    void serveInSequence(ResponseDefinitionBuilder... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = "step-" + (i + 1);
            server.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).inScenario("seq").whenScenarioStateIs(state)
                    .willReturn(responses[i]).willSetStateTo(next));
            state = next;
        }
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    int attempts() {
        return server.requests().size();
    }

    /** Asserts the attempts WireMock saw and the time bound, and records the row. */
    void outcome(String fault, String outcome, int attempts) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(attempts, attempts(), fault + ": attempts");
        assertTrue(ms < BOUND_MS, fault + " took " + ms + " ms");
        TABLE.put(fault, outcome + " | " + attempts + " | " + ms + " ms");
    }

    @AfterAll
    static void printTable() {
        System.out.println("fault | outcome | attempts | elapsed");
        TABLE.forEach((fault, row) -> System.out.println(fault + " | " + row));
    }

    @Test
    @OffContract
    void connectionResetIsRetriedThenSurfacesAsIoError() {
        serve(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThrows(RoomSdkIoException.class, () -> videsk.rooms().getRoom("r1").execute());
        outcome("connection reset", "RoomSdkIoException", 3);
    }

    @Test
    @OffContract
    void emptyResponseIsRetriedThenSurfacesAsIoError() {
        serve(aResponse().withFault(Fault.EMPTY_RESPONSE));
        assertThrows(RoomSdkIoException.class, () -> videsk.rooms().getRoom("r1").execute());
        outcome("empty response", "RoomSdkIoException", 3);
    }

    @Test
    @OffContract
    void randomDataThenCloseIsRetriedThenSurfacesAsIoError() {
        serve(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
        assertThrows(RoomSdkIoException.class, () -> videsk.rooms().getRoom("r1").execute());
        outcome("random data then close", "RoomSdkIoException", 3);
    }

    @Test
    @OffContract
    void malformedChunkAfterHeadersIsRetriedLikeAnyTransportFailure() {
        // the status line was a 200: the JSON body of an idempotent call is read inside the retry loop
        serve(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        RoomSdkIoException e = assertThrows(RoomSdkIoException.class, () -> videsk.rooms().getRoom("r1").execute());
        assertTrue(e.getMessage().contains("response body"), e.getMessage());
        outcome("malformed chunk (after a 200 status line)", "RoomSdkIoException (the body failed)", 3);
    }

    @Test
    @OffContract
    void stallPastTheReadTimeoutEndsInTypedTimeout() {
        serve(json(200, ROOM).withFixedDelay(1500));
        long start = System.nanoTime();
        RoomSdkTimeoutException e = assertThrows(RoomSdkTimeoutException.class, () -> videsk.rooms().getRoom("r1").execute());
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        outcome("fixed delay 1.5 s past the 300 ms read timeout", "RoomSdkTimeoutException", 3);
        assertTrue(elapsedMs < 3 * 1500, "each attempt ended at the 300 ms read timeout, took " + elapsedMs + " ms");
        assertTrue(e.getMessage().contains("GET /vpaas/rooms/r1"), e.getMessage());
    }

    @Test
    @OffContract
    void tooManyRequestsHonoursRetryAfterSeconds() {
        serveInSequence(json(429, "{\"name\":\"TooManyRequests\",\"message\":\"slow down\",\"code\":429}").withHeader("Retry-After", "2"),
                json(200, ROOM));
        assertEquals("r1", videsk.rooms().getRoom("r1").execute().getId());
        outcome("429 with Retry-After: 2, then 200", "success (waited 2 s, recorded)", 2);
        assertEquals(1, waits.size());
        assertTrue(waits.get(0).toMillis() >= 1900 && waits.get(0).toMillis() <= 2000, "waited " + waits);
    }

    @Test
    @OffContract
    void retryAfterBeyondTheCapSurfacesAtOnce() {
        serve(json(429, "{\"code\":429,\"message\":\"daily\"}").withHeader("Retry-After", "3600"));
        RateLimitException e = assertThrows(RateLimitException.class, () -> videsk.rooms().getRoom("r1").execute());
        outcome("429 with Retry-After: 3600 (over the 10 s cap)", "RateLimitException with retryAt", 1);
        assertTrue(waits.isEmpty());
        assertTrue(e.retryAt().orElseThrow().isAfter(Instant.now().plusSeconds(3500)));
    }

    @Test
    @OffContract
    void zoomDailyLimitIsNotSleptThrough() {
        serve(json(429, "{\"code\":429,\"message\":\"You have reached the maximum daily rate limit for this API.\"}")
                .withHeader("X-RateLimit-Type", "Daily-limit").withHeader("X-RateLimit-Category", "Medium")
                .withHeader("Retry-After", "2026-11-23T00:00:00Z"));
        RateLimitException e = assertThrows(RateLimitException.class, () -> videsk.rooms().getRoom("r1").execute());
        outcome("429 X-RateLimit-Type: Daily-limit", "RateLimitException, daily, retryAt = reset", 1);
        assertTrue(e.isDailyLimit());
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), e.retryAt().orElseThrow());
        assertEquals("429", e.vendorError().orElseThrow().code().orElseThrow());
    }

    @Test
    @OffContract
    void serviceUnavailableThenSuccessSucceedsOnTheSecondAttempt() {
        serveInSequence(json(503, "{}"), json(200, ROOM));
        assertEquals("r1", videsk.rooms().getRoom("r1").execute().getId());
        outcome("503 then 200", "success", 2);
        assertEquals(1, waits.size());
        assertTrue(waits.get(0).toMillis() <= 500, "first backoff is jittered within 500 ms: " + waits);
    }

    @Test
    void internalErrorForeverStopsAfterMaxAttempts() {
        serve(json(500, "{\"name\":\"GeneralError\",\"message\":\"boom\",\"code\":500,\"className\":\"general-error\"}"));
        ServerException e = assertThrows(ServerException.class, () -> videsk.rooms().getRoom("r1").execute());
        outcome("500 forever", "ServerException 500", 3);
        assertEquals(2, waits.size());
        assertEquals(500, e.statusCode());
    }

    @Test
    @OffContract
    void htmlBadGatewayIsRetriedThenSurfacesWithTheBody() {
        serve(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody("<html><body>Bad gateway</body></html>"));
        ServerException e = assertThrows(ServerException.class, () -> videsk.rooms().getRoom("r1").execute());
        outcome("HTML error page with 502", "ServerException 502, body kept", 3);
        assertEquals(502, e.statusCode());
        assertTrue(e.body().contains("Bad gateway"));
        assertTrue(e.vendorError().isEmpty());
    }

    @Test
    @OffContract
    void truncatedJsonIsADecodeErrorNotRetried() {
        serve(json(200, "{\"id\":\"r1\",\"name\":"));
        assertThrows(ResponseDecodeException.class, () -> videsk.rooms().getRoom("r1").execute());
        outcome("truncated JSON (200)", "ResponseDecodeException", 1);
    }

    @Test
    @OffContract
    void wrongJsonTypeIsADecodeError() {
        serve(json(200, "[\"not\",\"a\",\"room\"]"));
        ResponseDecodeException e = assertThrows(ResponseDecodeException.class, () -> videsk.rooms().getRoom("r1").execute());
        assertTrue(e.getMessage().contains("GET /vpaas/rooms/r1"), e.getMessage());
        outcome("array where an object is due (200)", "ResponseDecodeException", 1);
    }

    @Test
    @OffContract
    void postIsNotRetriedOnServerError() {
        server.stubFor(post(urlPathEqualTo("/vpaas/rooms")).willReturn(json(503, "{}")));
        assertThrows(ServerException.class, () -> videsk.rooms().createRoom(new CreateRoomRequest().name("x")).execute());
        outcome("503 on POST create without externalId", "ServerException 503", 1);
    }

    @Test
    @OffContract
    void retriesCanBeTurnedOff() {
        videsk.close();
        videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t")
                .httpSettings(HttpSettings.builder().retryPolicy(RetryPolicy.none()).build()).build();
        serve(json(503, "{}"));
        assertThrows(ServerException.class, () -> videsk.rooms().getRoom("r1").execute());
        outcome("503 with RetryPolicy.none()", "ServerException 503", 1);
    }

    @Test
    @OffContract
    void createWithExternalIdIsRetried() {
        serveCreateInSequence(json(503, "{}"), json(201, "{\"id\":\"r9\",\"externalId\":\"standup\",\"accessToken\":\"a.b.c\"}"));
        assertEquals("r9", videsk.rooms().createRoom(new CreateRoomRequest().externalId("standup")).execute().getId());
        outcome("503 then 201 on POST create with externalId", "success", 2);
    }

    @Test
    @OffContract
    void createWithExternalIdWhoseFirstAttemptLandedReportsTheConflict() {
        // the first attempt created the room but its response stalled past the read timeout
        serveCreateInSequence(json(201, "{\"id\":\"r9\"}").withFixedDelay(1_500),
                json(409, "{\"name\":\"Conflict\",\"message\":\"externalId already exists\",\"code\":409,\"className\":\"conflict\"}"));
        ConflictException e = assertThrows(ConflictException.class,
                () -> videsk.rooms().createRoom(new CreateRoomRequest().externalId("standup")).execute());
        assertEquals("externalId already exists", e.vendorError().orElseThrow().message().orElseThrow());
        outcome("POST create with externalId: timeout, then 409", "ConflictException (externalId already exists)", 2);
    }

    @Test
    @OffContract
    void oneShotBodyIsNeverResent() throws Exception {
        server.stubFor(patch(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(json(503, "{}")));
        HttpSettings settings = HttpSettings.builder().retryPolicy(RetryPolicy.builder().sleeper(waits::add).build()).build();
        OkHttpClient http = RoomHttpClients.create("videsk", settings, TokenProvider.of("t"), AuthScheme.bearer());
        byte[] json = "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        Request request = new Request.Builder().url(server.baseUrl() + "/vpaas/rooms/r1")
                .patch(TransferBody.of(new ByteArrayInputStream(json), json.length, "room.json", "application/json"))
                .tag(Idempotent.class, Idempotent.YES).build();
        try {
            ChainFailure e = assertThrows(ChainFailure.class, () -> http.newCall(request).execute().close());
            NotReplayableBodyException typed = (NotReplayableBodyException) e.failure();
            assertEquals(503, ((ServerException) typed.getCause()).statusCode());
        } finally {
            RoomHttpClients.close(http, settings);
        }
        outcome("503 on PATCH with a one-shot body (tagged idempotent)", "NotReplayableBodyException (503), body not resent", 1);
    }

    void serveCreateInSequence(ResponseDefinitionBuilder... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = "create-" + (i + 1);
            server.stubFor(post(urlPathEqualTo("/vpaas/rooms")).inScenario("create").whenScenarioStateIs(state)
                    .willReturn(responses[i]).willSetStateTo(next));
            state = next;
        }
    }
}
