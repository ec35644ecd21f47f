package dev.roomsdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.error.RoomSdkTimeoutException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.videsk.Videsk;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-call overrides through {@link RequestOptions}: retries turned off or changed, and
 * read and whole-call timeouts, for the calls of one {@code rooms(options)} view only; the
 * client's defaults stay in force elsewhere.
 */
class RequestOptionsTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    static final String ROOM = "{\"id\":\"r1\",\"name\":\"Room\"}";

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    Videsk videsk;

    @BeforeEach
    void client() {
        RetryPolicy retries = RetryPolicy.builder().maxAttempts(3).sleeper(waits::add).build();
        videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t")
                .httpSettings(HttpSettings.builder().readTimeout(Duration.ofSeconds(10)).retryPolicy(retries).build()).build();
    }

    @AfterEach
    void close() {
        videsk.close();
    }

    void serve(int status, String body, int delayMs) {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body).withFixedDelay(delayMs)));
    }

    @Test
    @OffContract
    void retriesCanBeTurnedOffForOneCall() {
        serve(503, "{}", 0);
        RequestOptions noRetries = RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();
        assertThrows(ServerException.class, () -> videsk.rooms(noRetries).getRoom("r1"));
        assertEquals(1, server.requests().size());

        assertThrows(ServerException.class, () -> videsk.rooms().getRoom("r1"));
        assertEquals(1 + 3, server.requests().size(), "the client's default policy is untouched");
    }

    @Test
    @OffContract
    void oneCallCanRetryMore() {
        serve(500, "{}", 0);
        RetryPolicy five = RetryPolicy.builder().maxAttempts(5).sleeper(waits::add).build();
        assertThrows(ServerException.class,
                () -> videsk.rooms(RequestOptions.builder().retryPolicy(five).build()).getRoom("r1"));
        assertEquals(5, server.requests().size());
        assertEquals(4, waits.size());
    }

    @Test
    @OffContract
    void readTimeoutOfOneCall() {
        serve(200, ROOM, 2_000);
        RequestOptions quick = RequestOptions.builder().readTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.none()).build();
        long start = System.nanoTime();
        assertThrows(RoomSdkTimeoutException.class, () -> videsk.rooms(quick).getRoom("r1"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 1_500, "ended at the 200 ms read timeout, took " + ms + " ms");
        assertEquals(1, server.requests().size());
    }

    @Test
    @OffContract
    void wholeCallTimeoutBoundsAllAttempts() {
        serve(200, ROOM, 2_000);
        RequestOptions bounded = RequestOptions.builder().callTimeout(Duration.ofMillis(400)).build();
        long start = System.nanoTime();
        RoomSdkTimeoutException e = assertThrows(RoomSdkTimeoutException.class, () -> videsk.rooms(bounded).getRoom("r1"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 1_500, "ended at the 400 ms call timeout, took " + ms + " ms");
        assertTrue(e.getMessage().contains("GET /vpaas/rooms/r1"), e.getMessage());
    }

    @Test
    void optionsLeaveSuccessfulCallsAlone() {
        serve(200, ROOM, 0);
        RequestOptions options = RequestOptions.builder().readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(5)).build();
        assertEquals("r1", videsk.rooms(options).getRoom("r1").getId());
        assertEquals(1, server.requests().size());
    }
}
