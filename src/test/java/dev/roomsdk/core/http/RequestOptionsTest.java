package dev.roomsdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.RoomSdkIoException;
import dev.roomsdk.core.error.RoomSdkTimeoutException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.core.paging.PageFetchException;
import dev.roomsdk.videsk.RoomQuery;
import dev.roomsdk.videsk.SortDirection;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.Room;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-call overrides through {@link RequestOptions} on Videsk: retries turned off or changed,
 * and read and whole-call timeouts, for the calls of one {@code withOptions(options)} client
 * only; the parent's defaults stay in force. Zoom and Carbonio: ZoomRequestOptionsTest,
 * CarbonioRequestOptionsTest.
 */
class RequestOptionsTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    static final String ROOM = "{\"id\":\"r1\",\"name\":\"Room\"}";
    static final String NO_ROOMS = "{\"total\":0,\"limit\":100,\"skip\":0,\"data\":[]}";
    static final RequestOptions NO_RETRIES = RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();

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

    void serve(String path, int status, String body, int delayMs) {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body).withFixedDelay(delayMs)));
    }

    void serve(int status, String body, int delayMs) {
        serve("/vpaas/rooms/r1", status, body, delayMs);
    }

    /** getRoom through OkHttp's dispatcher threads, which a close() of the owner shuts down. */
    static CompletableFuture<Room> getRoomAsync(Videsk client) {
        return client.rooms().getRoom("r1").executeAsync();
    }

    @Test
    @OffContract
    void retriesCanBeTurnedOffForOneCall() {
        serve(503, "{}", 0);
        Videsk once = videsk.withOptions(NO_RETRIES);
        assertNotSame(videsk, once);
        assertThrows(ServerException.class, () -> once.rooms().getRoom("r1").execute());
        assertEquals(1, server.requests().size());

        assertThrows(ServerException.class, () -> videsk.rooms().getRoom("r1").execute());
        assertEquals(1 + 3, server.requests().size(), "the client's default policy is untouched");
    }

    @Test
    @OffContract
    void oneCallCanRetryMore() {
        serve(500, "{}", 0);
        RetryPolicy five = RetryPolicy.builder().maxAttempts(5).sleeper(waits::add).build();
        assertThrows(ServerException.class,
                () -> videsk.withOptions(RequestOptions.builder().retryPolicy(five).build()).rooms().getRoom("r1").execute());
        assertEquals(5, server.requests().size());
        assertEquals(4, waits.size());
    }

    @Test
    @OffContract
    void readTimeoutOfOneCallLeavesTheParentsAlone() {
        serve(200, ROOM, 3_000);
        RequestOptions quick = RequestOptions.builder().readTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.none()).build();
        long start = System.nanoTime();
        assertThrows(RoomSdkTimeoutException.class, () -> videsk.withOptions(quick).rooms().getRoom("r1").execute());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 2_000, "ended at the 200 ms read timeout, took " + ms + " ms");
        assertEquals(1, server.requests().size());

        assertEquals("r1", videsk.rooms().getRoom("r1").execute().getId(), "the parent still waits up to its 10 s");
        assertEquals(2, server.requests().size());
    }

    @Test
    @OffContract
    void wholeCallTimeoutBoundsAllAttempts() {
        serve(200, ROOM, 8_000);
        RequestOptions bounded = RequestOptions.builder().callTimeout(Duration.ofMillis(400)).build();
        long start = System.nanoTime();
        RoomSdkTimeoutException e = assertThrows(RoomSdkTimeoutException.class,
                () -> videsk.withOptions(bounded).rooms().getRoom("r1").execute());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 4_000, "ended at the 400 ms call timeout, took " + ms + " ms");
        assertTrue(e.getMessage().contains("GET /vpaas/rooms/r1"), e.getMessage());
    }

    /** The sorted listing rebuilds the generated call (Videsk's $sort form): the options must survive that. */
    @Test
    @OffContract
    void sortedListingCarriesTheOptions() {
        serve("/vpaas/rooms", 503, "{}", 0);
        RoomQuery sorted = RoomQuery.builder().sortBy("createdAt", SortDirection.DESCENDING).build();

        PageFetchException e = assertThrows(PageFetchException.class,
                () -> videsk.withOptions(NO_RETRIES).listRooms(sorted).firstPage());
        assertInstanceOf(ServerException.class, e.getCause());
        assertEquals(1, server.requests().size());
        assertEquals("-1", server.requests().get(0).queryParameter("$sort[createdAt]").firstValue());

        assertThrows(PageFetchException.class, () -> videsk.listRooms(sorted).firstPage());
        assertEquals(1 + 3, server.requests().size(), "the parent's listing still retries");
    }

    @Test
    @OffContract
    void sortedListingHonoursTheWholeCallTimeout() {
        serve("/vpaas/rooms", 200, NO_ROOMS, 8_000);
        RoomQuery sorted = RoomQuery.builder().sortBy("name", SortDirection.ASCENDING).build();
        RequestOptions bounded = RequestOptions.builder().callTimeout(Duration.ofMillis(300)).build();
        long start = System.nanoTime();
        PageFetchException e = assertThrows(PageFetchException.class,
                () -> videsk.withOptions(bounded).listRooms(sorted).firstPage());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(RoomSdkTimeoutException.class, e.getCause());
        assertTrue(ms < 3_000, "ended at the 300 ms call timeout, took " + ms + " ms");
    }

    @Test
    void closingADerivedClientLeavesTheSharedPoolOpen() throws Exception {
        serve(200, ROOM, 0);
        Videsk derived = videsk.withOptions(NO_RETRIES);
        assertEquals("r1", derived.rooms().getRoom("r1").execute().getId());
        derived.close();

        assertEquals("r1", getRoomAsync(videsk).get(10, TimeUnit.SECONDS).getId(),
                "the parent's threads outlive the derived client");
        assertEquals(2, server.requests().size());
        assertTrue(derived.toString().contains("options="), derived.toString());
        InvalidRequestException noOptions = assertThrows(InvalidRequestException.class, () -> videsk.withOptions(null));
        assertEquals(List.of("options: must not be null"), noOptions.violations());
    }

    /** Control for the test above: closing the parent does stop its threads. */
    @Test
    void closingTheParentStopsTheSharedThreads() {
        serve(200, ROOM, 0);
        Videsk derived = videsk.withOptions(NO_RETRIES);
        videsk.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> getRoomAsync(derived).get(10, TimeUnit.SECONDS));
        assertInstanceOf(RoomSdkIoException.class, e.getCause(), "an SDK exception, not OkHttp's");
        assertEquals(0, server.requests().size());
    }

    @Test
    void optionsLeaveSuccessfulCallsAlone() {
        serve(200, ROOM, 0);
        RequestOptions options = RequestOptions.builder().readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(5)).build();
        assertEquals("r1", videsk.withOptions(options).rooms().getRoom("r1").execute().getId());
        assertEquals(1, server.requests().size());
        assertEquals("Bearer t", server.requests().get(0).getHeader("Authorization"), "the parent's credentials");
    }

    @Test
    void unusableOptionsFailWhileBuildingThemNamingTheSetting() {
        RequestOptions.Builder b = RequestOptions.builder();
        assertEquals("retryPolicy must not be null",
                refusedSetting(() -> b.retryPolicy(null)));
        assertEquals("connectTimeout must be positive, got PT0S",
                refusedSetting(() -> b.connectTimeout(Duration.ZERO)));
        assertEquals("readTimeout must be positive, got PT-1S",
                refusedSetting(() -> b.readTimeout(Duration.ofSeconds(-1))));
        assertEquals("writeTimeout must not be null",
                refusedSetting(() -> b.writeTimeout(null)));
        assertEquals("callTimeout must not be negative, got PT-0.001S",
                refusedSetting(() -> b.callTimeout(Duration.ofMillis(-1))));
        assertTrue(b.callTimeout(Duration.ZERO).build().callTimeout().isPresent(), "zero: no whole-call bound, allowed");
    }
}
