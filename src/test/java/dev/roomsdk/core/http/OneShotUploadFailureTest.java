package dev.roomsdk.core.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.core.error.NotReplayableBodyException;
import dev.roomsdk.core.error.RoomSdkTimeoutException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.core.transfer.TransferBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-shot upload ({@code TransferBody.of(InputStream, ...)}) keeps a failure's own type:
 * an expired write timeout is a {@link RoomSdkTimeoutException}, exactly as for the same upload
 * from a {@code Path} (it used to be a {@link NotReplayableBodyException}); and
 * {@link NotReplayableBodyException} means a retry was declined because of the body: a 503 to
 * an idempotent PUT (Carbonio {@code updateRoomPicture}) that would have been retried says the
 * body could not be resent, with the server's {@link ServerException} as cause (it used to be
 * the bare ServerException). The same upload from a byte array is retried.
 *
 * <p>The write-timeout tests use a raw server that accepts and never reads, with a small fixed
 * receive buffer, and a 16 MB body, so the socket buffers fill and the 300 ms write timeout
 * expires; the server holds the connection until the test closes it (well past 10x the timeout),
 * and the bound on the call is wide. Backoff waits are recorded, never slept.
 */
class OneShotUploadFailureTest {

    static final UUID ROOM = UUID.fromString("7e2f1c3a-0b5d-4e8f-9a61-2c4d6e8f0a1b");
    static final String PICTURE_PATH = "/rooms/" + ROOM + "/picture";
    static final long BIG = 16L * 1024 * 1024;
    static final Duration WRITE_TIMEOUT = Duration.ofMillis(300);
    /** Wide: one attempt ends at the write timeout, three at 3 x 300 ms plus writing. */
    static final long BOUND_MS = 15_000;

    static WireMockServer wireMock;

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    RetryPolicy retries;
    LoopbackServer stalling;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
    }

    @AfterAll
    static void stop() {
        wireMock.stop();
    }

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        retries = RetryPolicy.builder().sleeper(waits::add).build(); // the default 3 attempts
    }

    @AfterEach
    void closeServer() throws InterruptedException {
        if (stalling != null) {
            stalling.close();
        }
    }

    Carbonio carbonio(String baseUrl) {
        return Carbonio.builder().baseUrl(baseUrl).authToken("t")
                .httpSettings(HttpSettings.builder().retryPolicy(retries).build()).build();
    }

    /** A server that accepts every connection and never reads from it until the test ends. */
    String stallingServer() throws IOException {
        stalling = new LoopbackServer(64 * 1024, (n, socket) -> stalling.stall(60_000));
        return stalling.baseUrl();
    }

    /** The stalling server's accepted connections, once it has caught up with the kernel's backlog (bounded wait). */
    void assertConnections(int expected, String why) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (stalling.connections() < expected && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertEquals(expected, stalling.connections(), why);
    }

    /** Uploads through a client with the small write timeout, timing it. */
    RoomSdkTimeoutException timedOutUpload(Carbonio carbonio, TransferBody body) {
        Carbonio bounded = carbonio.withOptions(RequestOptions.builder().writeTimeout(WRITE_TIMEOUT).build());
        long start = System.nanoTime();
        RoomSdkTimeoutException e = assertThrows(RoomSdkTimeoutException.class,
                () -> bounded.files().uploadRoomPicture(ROOM, body).execute());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < BOUND_MS, "ended by the write timeout, took " + ms + " ms");
        assertTrue(e.getMessage().contains("PUT " + PICTURE_PATH), e.getMessage());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        return e;
    }

    @Test
    void writeTimeoutOnAOneShotUploadIsTheSameTimeoutAsFromAPath() throws Exception {
        Path file = dir.resolve("p.png");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] block = new byte[1024 * 1024];
            for (long i = 0; i < BIG / block.length; i++) {
                out.write(block);
            }
        }
        try (Carbonio carbonio = carbonio(stallingServer())) {
            RoomSdkTimeoutException fromPath = timedOutUpload(carbonio, TransferBody.of(file, "p.png", "image/png"));
            assertConnections(3, "a file can be sent again: retried per the policy");
            assertEquals(2, waits.size(), waits.toString());

            CountingStream stream = new CountingStream(BIG);
            RoomSdkTimeoutException fromStream = timedOutUpload(carbonio, TransferBody.of(stream, BIG, "p.png", "image/png"));

            assertEquals(RoomSdkTimeoutException.class, fromStream.getClass(), "a timeout, whatever the body: " + fromStream);
            assertEquals(fromPath.getClass(), fromStream.getClass());
            assertConnections(4, "a one-shot body is sent once");
            assertEquals(2, waits.size(), "no wait for the one-shot body: " + waits);
            assertTrue(stream.read.get() < BIG, "the server stopped reading, so the upload did not finish");
            assertEquals(1, stream.closes.get(), "the stream was closed");
        }
    }

    @Test
    void serverErrorToAOneShotPutSaysTheBodyCouldNotBeResentWhereBytesAreRetried() {
        wireMock.stubFor(put(urlPathEqualTo(PICTURE_PATH)).willReturn(aResponse().withStatus(503)));
        try (Carbonio carbonio = carbonio("http://127.0.0.1:" + wireMock.port())) {
            ServerException fromBytes = assertThrows(ServerException.class,
                    () -> carbonio.files().uploadRoomPicture(ROOM, TransferBody.of(new byte[1024], "p.png", "image/png")).execute());
            assertEquals(503, fromBytes.statusCode());
            assertEquals(3, wireMock.getAllServeEvents().size(), "a byte array is sent again");
            assertEquals(2, waits.size(), waits.toString());
            wireMock.resetRequests();
            waits.clear();

            CountingStream stream = new CountingStream(1024);
            NotReplayableBodyException e = assertThrows(NotReplayableBodyException.class,
                    () -> carbonio.files().uploadRoomPicture(ROOM, TransferBody.of(stream, 1024, "p.png", "image/png")).execute());

            assertTrue(e.getMessage().contains("PUT " + PICTURE_PATH), e.getMessage());
            assertTrue(e.getMessage().contains("503"), e.getMessage());
            assertTrue(e.getMessage().contains("could not be resent"), e.getMessage());
            ServerException cause = assertInstanceOf(ServerException.class, e.getCause(), "the server's typed answer");
            assertEquals(503, cause.statusCode());
            assertEquals(1, wireMock.getAllServeEvents().size(), "sent once");
            assertTrue(waits.isEmpty(), "no wait for a retry that cannot happen: " + waits);
            assertEquals(1024, stream.read.get(), "the whole body was sent the one time");
            assertEquals(1, stream.closes.get(), "the stream was closed");
        }
    }

    /** {@code length} zero bytes, generated as read (no memory held); counts what was read and the closes. */
    static final class CountingStream extends InputStream {
        private final long length;
        final AtomicInteger closes = new AtomicInteger();
        final AtomicLong read = new AtomicLong();

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = length - read.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 0);
            read.addAndGet(n);
            return n;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }
}
