package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.zoom.ZoomWire.TOKEN;
import static dev.roomsdk.zoom.ZoomWire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.RoomSdkTimeoutException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.core.paging.PageFetchException;
import dev.roomsdk.core.transfer.TransferBody;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ZoomRooms#withOptions}: the derived client's calls (typed operations, paged
 * listings, the streamed upload) carry its {@link RequestOptions}, while the parent keeps its
 * retries and timeouts; both share one transport, which only the parent's close() releases.
 */
class ZoomRequestOptionsTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("zoom");

    static final String ROOM_ID = "49D7a0xPQvGQ2DCMZgSe7w";
    static final String ROOM_PATH = "/v2/rooms/" + ROOM_ID;
    static final String PROFILE = "{\"basic\":{\"name\":\"Boardroom 4F\",\"display_name\":\"Boardroom\"}}";
    static final RequestOptions NO_RETRIES = RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    ZoomRooms zoom;

    @BeforeEach
    void client() {
        RetryPolicy retries = RetryPolicy.builder().maxAttempts(3).sleeper(waits::add).build();
        zoom = ZoomRooms.builder().baseUrl(server.baseUrl()).accessToken(TOKEN)
                .httpSettings(HttpSettings.builder().readTimeout(Duration.ofSeconds(10)).retryPolicy(retries).build())
                .build();
    }

    @AfterEach
    void close() {
        zoom.close();
    }

    @Test
    @OffContract
    void retriesOffForOneClientWhileTheParentStillRetries() {
        server.stubFor(get(urlPathEqualTo(ROOM_PATH)).willReturn(aResponse().withStatus(503)));

        assertThrows(ServerException.class, () -> zoom.withOptions(NO_RETRIES).rooms().getZRProfile(ROOM_ID).execute());
        assertEquals(1, server.requests().size());
        assertEquals("Bearer " + TOKEN, server.requests().get(0).getHeader("Authorization"), "the parent's token");

        assertThrows(ServerException.class, () -> zoom.rooms().getZRProfile(ROOM_ID).execute());
        assertEquals(1 + 3, server.requests().size(), "the parent retries as configured");
        assertEquals(2, waits.size());
    }

    @Test
    @OffContract
    void pagedListingCarriesTheOptions() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms")).willReturn(aResponse().withStatus(503)));

        PageFetchException e = assertThrows(PageFetchException.class,
                () -> zoom.withOptions(NO_RETRIES).listRooms(ZoomRoomQuery.all()).firstPage());
        assertInstanceOf(ServerException.class, e.getCause());
        assertEquals(1, server.requests().size());

        assertThrows(PageFetchException.class, () -> zoom.listRooms(ZoomRoomQuery.all()).firstPage());
        assertEquals(1 + 3, server.requests().size());
    }

    @Test
    void shortReadTimeoutEndsAStalledCallWhileTheParentWaits() {
        server.stubFor(get(urlPathEqualTo(ROOM_PATH)).willReturn(json(200, PROFILE).withFixedDelay(3_000)));
        RequestOptions quick = RequestOptions.builder().readTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.none()).build();

        long start = System.nanoTime();
        RoomSdkTimeoutException e = assertThrows(RoomSdkTimeoutException.class,
                () -> zoom.withOptions(quick).rooms().getZRProfile(ROOM_ID).execute());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 2_000, "ended at the 200 ms read timeout, took " + ms + " ms");
        assertTrue(e.getMessage().contains("GET " + ROOM_PATH), e.getMessage());
        assertEquals(1, server.requests().size());

        assertEquals("Boardroom 4F", zoom.rooms().getZRProfile(ROOM_ID).execute().getBasic().getName(),
                "the parent keeps its 10 s read timeout");
        assertEquals(2, server.requests().size());
    }

    /** A transfer drops the client's whole-call timeout (its length grows with the file); a per-call one must still reach it. */
    @Test
    @OffContract
    void streamedUploadHonoursTheWholeCallTimeout() {
        server.stubFor(post(urlPathEqualTo("/v2/accounts/me/settings/virtual_backgrounds"))
                .willReturn(json(201, "{\"id\":\"vb-1\",\"name\":\"beach.png\",\"type\":\"image\",\"is_default\":false,\"size\":3}")
                        .withFixedDelay(8_000)));
        RequestOptions bounded = RequestOptions.builder().callTimeout(Duration.ofMillis(300)).build();

        long start = System.nanoTime();
        assertThrows(RoomSdkTimeoutException.class, () -> zoom.withOptions(bounded)
                .uploadVirtualBackground("me", TransferBody.of(new byte[] {1, 2, 3}, "beach.png", "image/png")));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 3_000, "ended at the 300 ms call timeout, took " + ms + " ms");
        assertEquals(1, server.requests().size());
    }

    @Test
    void derivedClientSharesTheTransportAndItsCloseReleasesNothing() {
        server.stubFor(get(urlPathEqualTo(ROOM_PATH)).willReturn(json(200, PROFILE)));
        ZoomRooms derived = zoom.withOptions(NO_RETRIES);
        assertSame(zoom.httpClient(), derived.httpClient());
        assertEquals("Boardroom 4F", derived.rooms().getZRProfile(ROOM_ID).execute().getBasic().getName());

        derived.close();
        assertFalse(zoom.httpClient().dispatcher().executorService().isShutdown());
        assertEquals(1, zoom.httpClient().connectionPool().idleConnectionCount(), "the pooled connection stays");
        assertEquals("Boardroom 4F", zoom.rooms().getZRProfile(ROOM_ID).execute().getBasic().getName());

        zoom.close();
        assertTrue(zoom.httpClient().dispatcher().executorService().isShutdown(), "the parent's close releases it");
        assertEquals(0, zoom.httpClient().connectionPool().connectionCount());
    }

    @Test
    void nullOptionsAreRefusedAsABadArgument() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> zoom.withOptions(null));
        assertEquals(List.of("options: must not be null"), e.violations());
        assertEquals(0, server.requests().size());
    }
}
