package dev.roomsdk.core.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.core.error.RoomSdkIoException;
import dev.roomsdk.core.error.RoomSdkTimeoutException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RequestOptions;
import dev.roomsdk.testing.AdHocApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A response body that breaks while it is read, through any of the three ways of reading a
 * {@link Download}, fails with the SDK's exceptions (never a raw {@code IOException}), naming
 * the operation and the bytes that arrived; an {@code IOException} is left for the caller's
 * own side (its stream, its file system).
 */
class DownloadBodyFailureTest {

    static final long READ_TIMEOUT_MS = 200;
    /** 25 times the timeout: a loaded 2-core machine still ends well within it; the server stalls 30 s. */
    static final long TIMEOUT_MARGIN_MS = 5_000;
    static final String OF = "after " + BrokenBodyServer.SENT + " of " + BrokenBodyServer.LENGTH + " bytes";

    @TempDir
    Path dir;

    BrokenBodyServer server;

    @AfterEach
    void stop() throws Exception {
        apis.forEach(AdHocApi::close);
        if (server != null) {
            server.close();
        }
    }

    enum Read {
        WRITE_TO {
            @Override
            void all(Download d, Path dir) throws IOException {
                d.writeTo(OutputStream.nullOutputStream());
            }
        },
        SAVE_TO {
            @Override
            void all(Download d, Path dir) throws IOException {
                d.saveTo(dir.resolve("target.bin"));
            }
        },
        INPUT_STREAM {
            @Override
            void all(Download d, Path dir) throws IOException {
                try (InputStream in = d.inputStream()) {
                    in.readAllBytes();
                }
            }
        };

        abstract void all(Download d, Path dir) throws IOException;
    }

    /** What the old raw client was: only the read timeout set, nothing resent. */
    static HttpSettings.Builder client(long readTimeoutMs) {
        return HttpSettings.builder().readTimeout(Duration.ofMillis(readTimeoutMs));
    }

    final List<AdHocApi> apis = new ArrayList<>();

    /** A download of {@code path} through the SDK's runtime, with {@code options} when not null. */
    Download download(HttpSettings.Builder settings, RequestOptions options, String path, ProgressListener progress) {
        AdHocApi api = AdHocApi.withoutRetries(server.url(""), settings);
        apis.add(api);
        return (options == null ? api : api.withOptions(options)).download(path, progress);
    }

    /** Starts {@code how} and fails reading the whole body through {@code read}. */
    RoomSdkIoException failure(BrokenBodyServer.Break how, Read read, HttpSettings.Builder settings, RequestOptions options)
            throws IOException {
        server = new BrokenBodyServer(how);
        ProgressListener progress = (done, total) -> {
            if (done >= BrokenBodyServer.SENT) {
                server.clientHasRead();
            }
        };
        try (Download d = download(settings, options, "/files/42", progress)) {
            return assertThrows(RoomSdkIoException.class, () -> read.all(d, dir));
        }
    }

    void assertNothingSaved() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "neither the target nor a temporary file is left");
        }
    }

    @ParameterizedTest
    @EnumSource(Read.class)
    void aResetConnectionIsARoomSdkIoExceptionNamingTheOperationAndTheBytes(Read read) throws IOException {
        RoomSdkIoException e = failure(BrokenBodyServer.Break.RESET, read, client(10_000), null);

        assertFalse(e instanceof RoomSdkTimeoutException, e.toString());
        assertTrue(e.getMessage().contains("GET /files/42"), e.getMessage());
        assertTrue(e.getMessage().contains("the response body failed " + OF), e.getMessage());
        assertInstanceOf(IOException.class, e.getCause());
        assertNothingSaved();
    }

    @ParameterizedTest
    @EnumSource(Read.class)
    void aBodyCutShortIsARoomSdkIoException(Read read) throws IOException {
        RoomSdkIoException e = failure(BrokenBodyServer.Break.CUT, read, client(10_000), null);

        assertFalse(e instanceof RoomSdkTimeoutException, e.toString());
        assertTrue(e.getMessage().contains("GET /files/42: the response body failed " + OF), e.getMessage());
        assertNothingSaved();
    }

    @ParameterizedTest
    @EnumSource(Read.class)
    void aStalledBodyIsARoomSdkTimeoutExceptionWithinTheReadTimeout(Read read) throws IOException {
        long start = System.nanoTime();
        RoomSdkIoException e = failure(BrokenBodyServer.Break.STALL, read, client(READ_TIMEOUT_MS), null);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        RoomSdkTimeoutException timeout = assertInstanceOf(RoomSdkTimeoutException.class, e);
        assertTrue(elapsedMs < TIMEOUT_MARGIN_MS, "ended after " + elapsedMs + " ms, the server stalls "
                + BrokenBodyServer.MAX_STALL_SECONDS + " s");
        assertTrue(timeout.getMessage().contains("GET /files/42: the response body failed " + OF), timeout.getMessage());
        assertTrue(timeout.getMessage().contains("timed out"), timeout.getMessage());
        assertInstanceOf(SocketTimeoutException.class, timeout.getCause());
        assertNothingSaved();
    }

    @Test
    void theWholeCallTimeoutRunningOutMidBodyIsARoomSdkTimeoutException() throws IOException {
        RequestOptions withDeadline = RequestOptions.builder().callTimeout(Duration.ofMillis(300)).build();
        long start = System.nanoTime();

        RoomSdkIoException e = failure(BrokenBodyServer.Break.STALL, Read.SAVE_TO, client(60_000), withDeadline);

        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertInstanceOf(RoomSdkTimeoutException.class, e);
        assertInstanceOf(InterruptedIOException.class, e.getCause(), "OkHttp's whole-call timeout");
        assertTrue(elapsedMs < TIMEOUT_MARGIN_MS, "ended after " + elapsedMs + " ms");
        assertTrue(e.getMessage().contains("GET /files/42: the response body failed " + OF), e.getMessage());
        assertNothingSaved();
    }

    @Test
    void theCallersFailingOutputStreamIsItsOwnIOException() throws IOException {
        server = new BrokenBodyServer(BrokenBodyServer.Break.CUT);
        IOException full = new IOException("disk full");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw full;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw full;
            }
        };

        try (Download d = download(client(10_000), null, "/f", null)) {
            assertSame(full, assertThrows(IOException.class, () -> d.writeTo(failing)), "rethrown unchanged");
        }
    }

    @Test
    void aTargetTheFileSystemRefusesIsAnIOExceptionAndReadsNothing() throws IOException {
        server = new BrokenBodyServer(BrokenBodyServer.Break.CUT);
        Path nowhere = dir.resolve("missing-dir").resolve("x.bin");

        try (Download d = download(client(10_000), null, "/f", null)) {
            assertThrows(NoSuchFileException.class, () -> d.saveTo(nowhere));
        }
        assertNothingSaved();
    }

    @Test
    void readingTheStreamByteByByteFailsTheSameWay() throws IOException {
        server = new BrokenBodyServer(BrokenBodyServer.Break.CUT);
        try (Download d = download(client(10_000), null, "/one", null);
             InputStream in = d.inputStream()) {
            for (int i = 0; i < BrokenBodyServer.SENT; i++) {
                assertEquals(0, in.read());
            }
            RoomSdkIoException e = assertThrows(RoomSdkIoException.class, in::read);
            assertTrue(e.getMessage().contains("GET /one: the response body failed " + OF), e.getMessage());
        }
    }
}
