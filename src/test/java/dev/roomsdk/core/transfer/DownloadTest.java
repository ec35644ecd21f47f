package dev.roomsdk.core.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.error.RoomSdkIoException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.testing.AdHocApi;
import dev.roomsdk.testing.StreamingServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTest {

    @TempDir
    Path dir;

    StreamingServer server;
    AdHocApi api;
    static final byte[] PNG = new byte[100_000];

    static {
        for (int i = 0; i < PNG.length; i++) {
            PNG[i] = (byte) (i % 251);
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = new StreamingServer()
                .handle("/ok", e -> {
                    e.getResponseHeaders().add("Content-Type", "image/png");
                    e.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"snoopy.png\"");
                    e.sendResponseHeaders(200, PNG.length);
                    try (OutputStream out = e.getResponseBody()) {
                        out.write(PNG);
                    }
                })
                .handle("/broken", e -> {
                    e.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    e.sendResponseHeaders(200, PNG.length);
                    OutputStream out = e.getResponseBody();
                    out.write(PNG, 0, 1000);
                    out.flush();
                    throw new IOException("connection dropped by the test server");
                })
                .handle("/missing", e -> e.sendResponseHeaders(404, -1));
        api = AdHocApi.withoutRetries(server.baseUrl(), HttpSettings.builder());
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
        server.close();
    }

    /** A download through the SDK's runtime, as every generated binary operation makes it. */
    Download get(String path, ProgressListener progress) {
        return api.download(path, progress);
    }

    @Test
    void exposesTypeLengthAndFileNameAndStreamsToAnOutputStream() throws IOException {
        AtomicLong lastDone = new AtomicLong();
        try (Download d = get("/ok", (done, total) -> lastDone.set(done))) {
            assertEquals("image/png", d.contentType().orElseThrow());
            assertEquals(PNG.length, d.contentLength());
            assertEquals("snoopy.png", d.fileName().orElseThrow());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(PNG.length, d.writeTo(out));
            assertArrayEquals(PNG, out.toByteArray());
            InvalidRequestException again = assertThrows(InvalidRequestException.class,
                    () -> d.writeTo(new ByteArrayOutputStream()), "read once");
            assertEquals(java.util.List.of("download: already read; a response body can be read once"), again.violations());
            assertThrows(InvalidRequestException.class, d::inputStream, "read once, whichever way");
        }
        assertEquals(PNG.length, lastDone.get());
    }

    @Test
    void savesAtomicallyToAPath() throws IOException {
        Path target = dir.resolve("out.png");
        Files.write(target, new byte[] {1, 2, 3});
        try (Download d = get("/ok", null)) {
            assertEquals(PNG.length, d.saveTo(target));
        }
        assertArrayEquals(PNG, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file left");
        }
    }

    @Test
    void brokenDownloadLeavesNoPartialFile() throws IOException {
        Path target = dir.resolve("partial.bin");
        try (Download d = get("/broken", null)) {
            RoomSdkIoException e = assertThrows(RoomSdkIoException.class, () -> d.saveTo(target));
            assertTrue(e.getMessage().contains("GET /broken: the response body failed after 1000 of 100000 bytes"),
                    e.getMessage());
        }
        assertFalse(Files.exists(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "temp file removed too");
        }
    }

    @Test
    void inputStreamIsTheCallersToClose() throws IOException {
        try (Download d = get("/ok", null); InputStream in = d.inputStream()) {
            assertArrayEquals(PNG, in.readAllBytes());
        }
    }

    @Test
    void errorStatusBecomesTypedExceptionAndTransportFailureIoException() throws InterruptedException {
        NotFoundException e = assertThrows(NotFoundException.class, () -> get("/missing", null));
        assertEquals(404, e.statusCode());
        assertTrue(e.getMessage().contains("GET /missing"));

        server.close();
        assertThrows(RoomSdkIoException.class, () -> get("/ok", null));
    }

    @Test
    void nullArgumentsAreRefusedAndLeaveTheBodyUnread() throws IOException {
        try (Download d = get("/ok", null)) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> d.writeTo(null));
            assertEquals(java.util.List.of("out: must not be null"), e.violations());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(PNG.length, d.writeTo(out), "the refused call did not consume the body");
        }
        InvalidRequestException noResponse = assertThrows(InvalidRequestException.class, () -> new Download(null, null));
        assertEquals(java.util.List.of("response: must not be null"), noResponse.violations());
    }
}
