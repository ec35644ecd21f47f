package dev.roomsdk.core.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.RoomSdkIoException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.testing.AdHocApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime releases a caller's one-shot upload stream whatever becomes of the call: sent
 * or not (no connection), sync or async, and also when the call is refused before any I/O.
 * The caller hands the stream over and never has to close it. An upload operation written
 * here stands in for the generated ones (Carbonio's attachments and pictures, Zoom's
 * virtual backgrounds), which run the same code.
 */
class UploadReleaseTest {

    static final Operation UPLOAD = Operation.builder("upload", "POST", "/upload/{name}")
            .parameter(Parameter.path("name").required().minLength(1))
            .parameter(Parameter.body("body").required().file())
            .consumes("application/octet-stream")
            .build();

    /** Counts close() and read() calls of the caller's stream. */
    static final class Watched extends InputStream {
        final AtomicInteger closes = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        private final ByteArrayInputStream in = new ByteArrayInputStream(new byte[] {1, 2, 3});

        @Override
        public int read() {
            reads.incrementAndGet();
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            reads.incrementAndGet();
            return in.read(b, off, len);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aStreamThatNeverLeftIsClosedByTheRuntime(boolean async) throws IOException {
        Watched in = new Watched();
        try (AdHocApi api = AdHocApi.withoutRetries("http://127.0.0.1:" + closedPort(),
                HttpSettings.builder().connectTimeout(Duration.ofSeconds(5)))) {
            AdHocApi.Call<Void> call = api.call(UPLOAD, "a.bin", TransferBody.of(in, 3, "a.bin", "application/octet-stream"));
            if (async) {
                CompletionException e = assertThrows(CompletionException.class,
                        () -> call.executeAsync().orTimeout(10, TimeUnit.SECONDS).join());
                assertInstanceOf(RoomSdkIoException.class, e.getCause());
            } else {
                assertThrows(RoomSdkIoException.class, call::execute);
            }
        }
        assertEquals(0, in.reads.get(), "nothing was sent");
        assertEquals(1, in.closes.get(), "closed once, although never sent");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aStreamOfARefusedCallIsClosedToo(boolean async) throws IOException {
        Watched in = new Watched();
        try (AdHocApi api = AdHocApi.withoutRetries("http://127.0.0.1:" + closedPort(), HttpSettings.builder())) {
            AdHocApi.Call<Void> call = api.call(UPLOAD, "", TransferBody.of(in, 3, "a.bin", "application/octet-stream"));
            if (async) {
                CompletionException e = assertThrows(CompletionException.class, () -> call.executeAsync().join());
                assertInstanceOf(InvalidRequestException.class, e.getCause());
            } else {
                assertThrows(InvalidRequestException.class, call::execute);
            }
        }
        assertEquals(0, in.reads.get());
        assertEquals(1, in.closes.get(), "the runtime took the stream: it closes it although it refused the call");
    }
}
