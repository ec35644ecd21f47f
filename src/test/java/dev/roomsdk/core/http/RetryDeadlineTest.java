package dev.roomsdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.roomsdk.core.error.RateLimitException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.videsk.Videsk;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole-call timeout bounds the waits between attempts too: a {@code Retry-After} longer
 * than the time left is not slept through (the call used to end after the server's 4 s with a
 * 1 s call timeout); the response surfaces at once as its typed error, carrying the server's
 * wait. Waits are recorded by an injected sleeper, so no test sleeps a backoff; the elapsed
 * bounds are wide (3 s against a 4 s wait that is never taken).
 */
class RetryDeadlineTest {

    static final String ROOM_PATH = "/vpaas/rooms/r1";
    static final long BOUND_MS = 3_000;

    static WireMockServer server;

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    Videsk videsk;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void client() {
        server.resetAll();
        // the default policy (3 attempts, 30 s cap, so a 4 s Retry-After is within it), waits recorded
        RetryPolicy retries = RetryPolicy.builder().sleeper(waits::add).build();
        videsk = Videsk.builder().baseUrl("http://127.0.0.1:" + server.port()).apiToken("t")
                .httpSettings(HttpSettings.builder().retryPolicy(retries).build()).build();
    }

    @AfterEach
    void close() {
        videsk.close();
    }

    static RequestOptions callTimeout(Duration timeout) {
        return RequestOptions.builder().callTimeout(timeout).build();
    }

    int attempts() {
        return server.getAllServeEvents().size();
    }

    @Test
    void retryAfterLongerThanTheCallTimeoutSurfacesTheServerErrorAtOnce() {
        server.stubFor(get(urlPathEqualTo(ROOM_PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "4")
                .withBody("{\"name\":\"Unavailable\",\"message\":\"maintenance\",\"code\":503}")));
        Videsk bounded = videsk.withOptions(callTimeout(Duration.ofSeconds(1)));

        long start = System.nanoTime();
        ServerException e = assertThrows(ServerException.class, () -> bounded.rooms().getRoom("r1").execute());
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertEquals(1, attempts(), "a 4 s wait does not fit in a 1 s call: no second attempt");
        assertTrue(waits.isEmpty(), "no wait was started: " + waits);
        assertTrue(ms < BOUND_MS, "ended at once, not after the server's 4 s: " + ms + " ms");
        assertEquals(503, e.statusCode());
        assertEquals(List.of("4"), e.headers().get("retry-after"), "the server's wait is in the exception");
        assertEquals("4", e.header("Retry-After").orElseThrow());
    }

    @Test
    void rateLimitLongerThanTheCallTimeoutSurfacesWithRetryAt() {
        server.stubFor(get(urlPathEqualTo(ROOM_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("Retry-After", "4")
                .withBody("{\"name\":\"TooManyRequests\",\"message\":\"slow down\",\"code\":429}")));
        Videsk bounded = videsk.withOptions(callTimeout(Duration.ofSeconds(1)));

        Instant before = Instant.now();
        long start = System.nanoTime();
        RateLimitException e = assertThrows(RateLimitException.class, () -> bounded.rooms().getRoom("r1").execute());
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertEquals(1, attempts(), "a 4 s wait does not fit in a 1 s call: no second attempt");
        assertTrue(waits.isEmpty(), "no wait was started: " + waits);
        assertTrue(ms < BOUND_MS, "ended at once, not after the server's 4 s: " + ms + " ms");
        Instant retryAt = e.retryAt().orElseThrow();
        assertTrue(!retryAt.isBefore(before.plusSeconds(3)) && retryAt.isBefore(Instant.now().plusSeconds(5)),
                "retryAt is about 4 s from the response: " + retryAt + " (call started " + before + ")");
    }

    @Test
    void clientWideCallTimeoutBoundsTheWaitWithTheRealSleeper() {
        // the same bound from HttpSettings, with the SDK's own sleeper: a wait that were taken would really sleep 4 s
        server.stubFor(get(urlPathEqualTo(ROOM_PATH)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "4")));
        try (Videsk settings = Videsk.builder().baseUrl("http://127.0.0.1:" + server.port()).apiToken("t")
                .httpSettings(HttpSettings.builder().callTimeout(Duration.ofSeconds(1)).build()).build()) {
            long start = System.nanoTime();
            ServerException e = assertThrows(ServerException.class, () -> settings.rooms().getRoom("r1").execute());
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertEquals(1, attempts());
            assertTrue(ms < BOUND_MS, "ended at once, not after the server's 4 s: " + ms + " ms");
            assertEquals("4", e.header("retry-after").orElseThrow());
        }
    }
}
