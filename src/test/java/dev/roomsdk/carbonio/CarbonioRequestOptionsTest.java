package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.FILE_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.ID_JSON;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.ROOM_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.TOKEN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.RoomSdkTimeoutException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.core.paging.PageFetchException;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.TransferBody;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Carbonio#withOptions}: the derived client's calls (typed operations, the attachment
 * listing, streamed downloads and uploads) carry its {@link RequestOptions}, with the
 * parent's cookie, queue id and transport; the parent keeps its retries and timeouts.
 */
class CarbonioRequestOptionsTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final UUID QUEUE = UUID.fromString("0f6b3e9d-8a2c-4d7f-9e1b-5c4a3d2f1e07");
    static final String ROOM_PATH = "/rooms/" + ROOM_ID;
    static final String DOWNLOAD_PATH = "/attachments/" + FILE_ID + "/download";
    static final RequestOptions NO_RETRIES = RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();
    static final RequestOptions QUICK = RequestOptions.builder().readTimeout(Duration.ofMillis(200))
            .retryPolicy(RetryPolicy.none()).build();

    final List<Duration> waits = CarbonioFileFixtures.waits();
    Carbonio carbonio;

    @BeforeEach
    void client() {
        carbonio = CarbonioFileFixtures.retryingClient(server, waits);
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    @OffContract
    void retriesOffForOneClientWhileTheParentStillRetries() {
        server.stubFor(get(urlPathEqualTo(server.path(ROOM_PATH))).willReturn(aResponse().withStatus(503)));

        assertThrows(ServerException.class, () -> carbonio.withOptions(NO_RETRIES).rooms().getRoom(ROOM_ID).execute());
        assertEquals(1, server.requests().size());
        assertEquals(TOKEN, server.requests().get(0).getCookies().get(Carbonio.AUTH_COOKIE).getValue(),
                "the parent's credentials");

        assertThrows(ServerException.class, () -> carbonio.rooms().getRoom(ROOM_ID).execute());
        assertEquals(1 + 3, server.requests().size(), "the parent retries as configured");
        assertEquals(2, waits.size());
    }

    @Test
    @OffContract
    void attachmentListingCarriesTheOptions() {
        server.stubFor(get(urlPathEqualTo(server.path(ROOM_PATH + "/attachments"))).willReturn(aResponse().withStatus(503)));

        PageFetchException e = assertThrows(PageFetchException.class,
                () -> carbonio.withOptions(NO_RETRIES).listAttachments(ROOM_ID).firstPage());
        assertInstanceOf(ServerException.class, e.getCause());
        assertEquals(1, server.requests().size());

        assertThrows(PageFetchException.class, () -> carbonio.listAttachments(ROOM_ID, 5).firstPage());
        assertEquals(1 + 3, server.requests().size());
    }

    @Test
    void shortReadTimeoutEndsAStalledDownloadWhileTheParentWaits() throws IOException {
        byte[] bytes = CarbonioFileFixtures.bytes(1000);
        server.stubFor(get(urlPathEqualTo(server.path(DOWNLOAD_PATH))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream").withBody(bytes).withFixedDelay(3_000)));

        long start = System.nanoTime();
        RoomSdkTimeoutException e = assertThrows(RoomSdkTimeoutException.class,
                () -> carbonio.withOptions(QUICK).attachments().getAttachment(FILE_ID).execute());
        long ms = millisSince(start);
        assertTrue(ms < 2_000, "ended at the 200 ms read timeout, took " + ms + " ms");
        assertTrue(e.getMessage().contains("GET " + server.path(DOWNLOAD_PATH)), e.getMessage());
        assertEquals(1, server.requests().size());

        try (Download d = carbonio.attachments().getAttachment(FILE_ID).execute(); InputStream in = d.inputStream()) {
            assertArrayEquals(bytes, in.readAllBytes(), "the parent keeps its 30 s read timeout");
        }
        assertEquals(2, server.requests().size());
    }

    @Test
    void wholeCallTimeoutBoundsADownload() {
        server.stubFor(get(urlPathEqualTo(server.path(DOWNLOAD_PATH))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream").withBody(new byte[] {1}).withFixedDelay(8_000)));
        RequestOptions bounded = RequestOptions.builder().callTimeout(Duration.ofMillis(300)).build();

        long start = System.nanoTime();
        assertThrows(RoomSdkTimeoutException.class,
                () -> carbonio.withOptions(bounded).attachments().getAttachment(FILE_ID).execute());
        long ms = millisSince(start);
        assertTrue(ms < 3_000, "ended at the 300 ms call timeout, took " + ms + " ms");
    }

    /** The multipart upload is never retried; that must not drop the derived client's timeouts. */
    @Test
    @OffContract
    void neverRetriedUploadKeepsTheDerivedTimeouts() {
        server.stubFor(put(urlPathEqualTo(server.path(ROOM_PATH + "/attachments"))).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody(ID_JSON).withFixedDelay(8_000)));
        RequestOptions quickWithRetries = QUICK.newBuilder()
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).sleeper(waits::add).build()).build();

        long start = System.nanoTime();
        assertThrows(RoomSdkTimeoutException.class, () -> carbonio.withOptions(quickWithRetries).files()
                .uploadAttachmentMultipart(ROOM_ID, TransferBody.of(new byte[] {1, 2, 3}, "a.bin", "application/octet-stream"))
                        .execute());
        long ms = millisSince(start);
        assertTrue(ms < 2_000, "ended at the 200 ms read timeout, took " + ms + " ms");
        assertEquals(1, server.requests().size(), "still sent once although the options allow retries");
        assertTrue(waits.isEmpty());
    }

    @Test
    void derivedClientSharesTransportCookieAndQueueIdAndItsCloseReleasesNothing() {
        server.stubFor(get(urlPathEqualTo(server.path(ROOM_PATH))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(CarbonioFixtures.GROUP_ROOM)));
        try (Carbonio parent = Carbonio.builder().baseUrl(server.baseUrl()).authToken(TOKEN).queueId(QUEUE).build()) {
            Carbonio derived = parent.withOptions(NO_RETRIES);
            assertSame(parent.httpClient(), derived.httpClient());
            assertEquals(ROOM_ID, derived.rooms().getRoom(ROOM_ID).execute().getId());
            LoggedRequest r = server.onlyRequest();
            assertEquals(TOKEN, r.getCookies().get(Carbonio.AUTH_COOKIE).getValue());
            assertEquals(QUEUE.toString(), r.getHeader("queue-id"));

            derived.close();
            assertFalse(parent.httpClient().dispatcher().executorService().isShutdown());
            assertEquals(1, parent.httpClient().connectionPool().idleConnectionCount(), "the pooled connection stays");
            assertEquals(ROOM_ID, parent.rooms().getRoom(ROOM_ID).execute().getId());

            parent.close();
            assertTrue(derived.httpClient().dispatcher().executorService().isShutdown(), "the parent's close releases it");
        }
    }

    @Test
    void nullOptionsAreRefusedAsABadArgument() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> carbonio.withOptions(null));
        assertEquals(List.of("options: must not be null"), e.violations());
        assertEquals(0, server.requests().size());
    }
}
