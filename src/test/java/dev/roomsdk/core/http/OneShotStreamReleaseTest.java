package dev.roomsdk.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.core.error.NotReplayableBodyException;
import dev.roomsdk.core.error.RoomSdkIoException;
import dev.roomsdk.core.error.RoomSdkTimeoutException;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.zoom.ZoomRooms;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A one-shot {@code InputStream} upload is closed on every path, also when no connection
 * could be made at all (a closed port on 127.0.0.1), and that failure says what happened:
 * a {@link RoomSdkIoException} that failed before a response arrived. It used to be a
 * {@link NotReplayableBodyException} saying it "failed while streaming", although nothing was
 * sent. Through Carbonio (a raw PUT, idempotent) and Zoom (a multipart POST), sync and async.
 */
class OneShotStreamReleaseTest {

    static final UUID ROOM = UUID.fromString("7e2f1c3a-0b5d-4e8f-9a61-2c4d6e8f0a1b");

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    String closedPortUrl;

    /** A port that was just bound on loopback and released: connecting to it is refused at once. */
    @BeforeEach
    void closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            closedPortUrl = "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    HttpSettings settings() {
        return HttpSettings.builder().connectTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.builder().sleeper(waits::add).build()).build();
    }

    static void assertNothingSent(RoomSdkIoException e, String operation) {
        assertFalse(e instanceof NotReplayableBodyException, "nothing was streamed, nothing declined: " + e);
        assertFalse(e instanceof RoomSdkTimeoutException, e.toString());
        assertTrue(e.getMessage().contains(operation), e.getMessage());
        assertTrue(e.getMessage().contains("failed before a response arrived"), e.getMessage());
        assertFalse(e.getMessage().contains("streaming"), e.getMessage());
    }

    @Test
    void carbonioStreamIsClosedWhenNoConnectionCouldBeMade() {
        TrackedStream stream = new TrackedStream(new byte[2048]);
        try (Carbonio carbonio = Carbonio.builder().baseUrl(closedPortUrl).authToken("t").httpSettings(settings()).build()) {
            RoomSdkIoException e = assertThrows(RoomSdkIoException.class, () -> carbonio.files()
                    .uploadRoomPicture(ROOM, TransferBody.of(stream, 2048, "p.png", "image/png")).execute());

            assertNothingSent(e, "PUT /rooms/" + ROOM + "/picture");
        }
        assertEquals(1, stream.closes.get(), "the stream was closed, once");
        assertEquals(0, stream.bytesRead.get(), "nothing was read from it");
        assertTrue(waits.isEmpty(), "a one-shot body is never retried: " + waits);
    }

    @Test
    void carbonioAsyncStreamIsClosedWhenNoConnectionCouldBeMade() throws Exception {
        TrackedStream stream = new TrackedStream(new byte[2048]);
        try (Carbonio carbonio = Carbonio.builder().baseUrl(closedPortUrl).authToken("t").httpSettings(settings()).build()) {
            CompletableFuture<Void> future = carbonio.files()
                    .uploadRoomPicture(ROOM, TransferBody.of(stream, 2048, "p.png", "image/png")).executeAsync();

            CompletionException e = assertThrows(CompletionException.class, () -> future.orTimeout(20, TimeUnit.SECONDS).join());
            RoomSdkIoException io = assertInstanceOf(RoomSdkIoException.class, e.getCause());
            assertNothingSent(io, "PUT /rooms/" + ROOM + "/picture");
        }
        assertEquals(1, stream.closes.get(), "the stream was closed, once");
    }

    @Test
    void zoomStreamOfUnknownLengthIsClosedWhenNoConnectionCouldBeMade() {
        TrackedStream stream = new TrackedStream(new byte[2048]);
        try (ZoomRooms zoom = ZoomRooms.builder().baseUrl(closedPortUrl + "/v2").accessToken("t").httpSettings(settings()).build()) {
            RoomSdkIoException e = assertThrows(RoomSdkIoException.class,
                    () -> zoom.uploadVirtualBackground("me", TransferBody.of(stream, -1, "bg.png", "image/png")));

            assertNothingSent(e, "POST /v2/accounts/me/settings/virtual_backgrounds");
        }
        assertEquals(1, stream.closes.get(), "the stream was closed, once");
        assertEquals(0, stream.bytesRead.get(), "nothing was read from it");
    }

    /** An in-memory stream that counts its closes and the bytes read. */
    static final class TrackedStream extends ByteArrayInputStream {
        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger bytesRead = new AtomicInteger();

        TrackedStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            if (n > 0) {
                bytesRead.addAndGet(n);
            }
            return n;
        }

        @Override
        public synchronized int read() {
            int c = super.read();
            if (c >= 0) {
                bytesRead.incrementAndGet();
            }
            return c;
        }

        @Override
        public void close() throws IOException {
            closes.incrementAndGet();
            super.close();
        }
    }
}
