package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.zoom.ZoomWire.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.http.RetryPolicy;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.zoom.model.AppVersionAction;
import dev.roomsdk.zoom.model.VirtualBackgroundFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link ZoomRooms#uploadVirtualBackground}: streaming multipart part {@code file}, Zoom's rules checked first. */
class ZoomVirtualBackgroundUploadTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("zoom");

    static final String UPLOAD_PATH = "/v2/accounts/me/settings/virtual_backgrounds";
    static final long MAX = 15L * 1024 * 1024;

    @TempDir
    Path dir;

    ZoomRooms zoom;

    @BeforeEach
    void client() {
        zoom = ZoomWire.client(server);
    }

    @AfterEach
    void close() {
        zoom.close();
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    void stubCreated(String name, String type, long size) {
        server.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).willReturn(json(201, "{\"id\":\"_Tcj7354w6eHw\",\"name\":\""
                + name + "\",\"type\":\"" + type + "\",\"is_default\":false,\"size\":" + size + "}")));
    }

    /** The single multipart part of the only request: name {@code file}, the given filename, type and bytes. */
    static LoggedRequest assertFilePart(String fileName, String contentType, byte[] bytes) {
        LoggedRequest r = server.onlyRequest();
        assertEquals("POST", r.getMethod().getName());
        assertEquals(UPLOAD_PATH, r.getUrl());
        assertEquals("Bearer " + ZoomWire.TOKEN, r.getHeader("Authorization"));
        assertTrue(r.getHeader("Content-Type").startsWith("multipart/form-data; boundary="), r.getHeader("Content-Type"));
        List<Request.Part> parts = new ArrayList<>(r.getParts());
        assertEquals(1, parts.size());
        Request.Part part = parts.get(0);
        assertEquals("file", part.getName());
        assertEquals(contentType, part.getHeader("Content-Type").firstValue());
        assertArrayEquals(bytes, part.getBody().asBytes());
        String disposition = part.getHeader("Content-Disposition").firstValue();
        assertTrue(disposition.startsWith("form-data; name=\"file\"; filename="), disposition);
        // the raw bytes, because header decoding of non-ASCII names differs between parsers
        String raw = new String(r.getBody(), StandardCharsets.UTF_8);
        assertTrue(raw.contains("filename=\"" + fileName + "\""), "filename on the wire as UTF-8: " + fileName);
        return r;
    }

    @Test
    void uploadsAFileFromAPathWithItsLength() throws IOException {
        byte[] bytes = randomBytes(300_000);
        Path file = Files.write(dir.resolve("beach.png"), bytes);
        stubCreated("beach.png", "image", bytes.length);

        VirtualBackgroundFile uploaded = zoom.uploadVirtualBackground("me", TransferBody.of(file));

        LoggedRequest r = assertFilePart("beach.png", "image/png", bytes);
        assertTrue(Long.parseLong(r.getHeader("Content-Length")) > bytes.length, "Content-Length sent: length is known");
        assertEquals("_Tcj7354w6eHw", uploaded.getId());
        assertEquals("image", uploaded.getType());
        assertEquals(300_000L, uploaded.getSize());
        assertFalse(uploaded.getIsDefault());
    }

    @Test
    void uploadsBytesAsAVideo() {
        byte[] bytes = randomBytes(4096);
        stubCreated("intro.mp4", "video", bytes.length);

        VirtualBackgroundFile uploaded = zoom.uploadVirtualBackground("me", TransferBody.of(bytes, "intro.mp4", "video/mp4"));

        assertFilePart("intro.mp4", "video/mp4", bytes);
        assertEquals("video", uploaded.getType());
    }

    @Test
    void uploadsAStreamOfKnownLength() {
        byte[] bytes = randomBytes(70_000);
        stubCreated("logo.gif", "image", bytes.length);

        zoom.uploadVirtualBackground("me", TransferBody.of(new ByteArrayInputStream(bytes), bytes.length, "logo.gif", "image/gif"));

        LoggedRequest r = assertFilePart("logo.gif", "image/gif", bytes);
        assertTrue(r.containsHeader("Content-Length"));
    }

    @Test
    void uploadsAStreamOfUnknownLengthChunked() {
        byte[] bytes = randomBytes(200_000);
        stubCreated("office.mov", "video", bytes.length);

        zoom.uploadVirtualBackground("me", TransferBody.of(new ByteArrayInputStream(bytes), -1, "office.mov", "video/quicktime"));

        LoggedRequest r = assertFilePart("office.mov", "video/quicktime", bytes);
        assertFalse(r.containsHeader("Content-Length"), "length unknown: sent chunked");
    }

    @Test
    void keepsAUnicodeFileName() {
        byte[] bytes = randomBytes(1024);
        String name = "fondo-ñandú-日本.jpg";
        stubCreated("fondo.jpg", "image", bytes.length);

        zoom.uploadVirtualBackground("me", TransferBody.of(bytes, name, "image/jpeg"));

        assertFilePart(name, "image/jpeg", bytes);
    }

    @Test
    void moreThan15MegabytesIsRejectedBeforeAnyRequest() throws IOException {
        Path big = dir.resolve("huge.png");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(MAX + 1); // sparse: nothing is written or read
        }

        InvalidRequestException fromPath = assertThrows(InvalidRequestException.class,
                () -> zoom.uploadVirtualBackground("me", TransferBody.of(big)));
        InvalidRequestException fromStream = assertThrows(InvalidRequestException.class,
                () -> zoom.uploadVirtualBackground("me", TransferBody.of(failingStream(), MAX + 1, "big.mp4", "video/mp4")));

        for (InvalidRequestException e : List.of(fromPath, fromStream)) {
            assertTrue(e.getMessage().contains("15 MB") && e.getMessage().contains(Long.toString(MAX + 1)), e.getMessage());
        }
        assertTrue(fromPath.getMessage().contains("huge.png"));
        assertEquals(0, server.requests().size());
    }

    @Test
    void exactly15MegabytesPassesTheCheck() throws IOException {
        Path limit = dir.resolve("limit.jpg");
        try (RandomAccessFile f = new RandomAccessFile(limit.toFile(), "rw")) {
            f.setLength(MAX);
        }
        stubCreated("limit.jpg", "image", MAX);

        assertEquals("_Tcj7354w6eHw", zoom.uploadVirtualBackground("me", TransferBody.of(limit)).getId());
        assertEquals(1, server.requests().size());
    }

    @Test
    void wrongFormatsAreRejectedBeforeAnyRequest() {
        InvalidRequestException pdf = assertThrows(InvalidRequestException.class,
                () -> zoom.uploadVirtualBackground("me", TransferBody.of(new byte[] {1}, "slides.pdf", "application/pdf")));
        assertTrue(pdf.getMessage().contains("slides.pdf") && pdf.getMessage().contains("JPG/JPEG, GIF or PNG")
                && pdf.getMessage().contains("MP4/MOV"), pdf.getMessage());

        InvalidRequestException mismatch = assertThrows(InvalidRequestException.class,
                () -> zoom.uploadVirtualBackground("me", TransferBody.of(new byte[] {1}, "photo.png", "image/jpeg")));
        assertTrue(mismatch.getMessage().contains("image/png"), mismatch.getMessage());

        InvalidRequestException noAccount = assertThrows(InvalidRequestException.class,
                () -> zoom.uploadVirtualBackground("", TransferBody.of(new byte[] {1}, "photo.png", "image/png")));
        assertTrue(noAccount.getMessage().contains("accountId"));
        assertEquals(0, server.requests().size());
    }

    @Test
    @OffContract // a stream of unknown length is cut off mid-body, so no complete interaction exists
    void aStreamOfUnknownLengthIsStoppedOnceItPasses15Megabytes() {
        stubCreated("endless.mp4", "video", 0);
        AtomicInteger read = new AtomicInteger();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return read.incrementAndGet() <= 20 * 1024 * 1024 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = Math.min(len, 20 * 1024 * 1024 - read.get());
                if (n <= 0) {
                    return -1;
                }
                read.addAndGet(n);
                return n;
            }
        };

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> zoom.uploadVirtualBackground("me", TransferBody.of(endless, -1, "endless.mp4", "video/mp4")));

        assertTrue(e.getMessage().contains("endless.mp4") && e.getMessage().contains("15 MB"), e.getMessage());
        assertTrue(read.get() < 17 * 1024 * 1024, "stopped soon after the limit, read " + read.get());
    }

    @Test
    @OffContract // 503 is not in Zoom's contract for this operation: injected to test the retry rule
    void aOneShotStreamIsNotRetriedOn503() {
        server.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).willReturn(aResponse().withStatus(503)));
        server.stubFor(put(urlPathEqualTo("/v2/rooms/r1/devices/d1/app_version")).willReturn(aResponse().withStatus(503)));
        RetryPolicy retry503 = RetryPolicy.builder().maxAttempts(3).sleeper(d -> { }).build();
        AtomicInteger opened = new AtomicInteger();
        InputStream stream = new ByteArrayInputStream(randomBytes(2048)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                opened.compareAndSet(0, 1);
                return super.read(b, off, len);
            }
        };

        try (ZoomRooms retrying = ZoomRooms.builder().baseUrl(server.baseUrl()).accessToken(ZoomWire.TOKEN)
                .httpSettings(HttpSettings.builder().retryPolicy(retry503).build()).build()) {
            ServerException e = assertThrows(ServerException.class, () -> retrying.uploadVirtualBackground("me",
                    TransferBody.of(stream, 2048, "a.png", "image/png")));
            assertEquals(503, e.statusCode());
            assertEquals(1, server.requests().size(), "the stream went out exactly once");
            assertEquals(1, opened.get());

            // control: the same policy does retry a repeatable request
            assertThrows(ServerException.class,
                    () -> retrying.devices().changeZoomRoomsAppVersion("r1", "d1", AppVersionAction.CANCEL).execute());
            assertEquals(4, server.requests().size(), "the PUT was sent three times");
        }
    }

    static InputStream failingStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the check must happen before any read");
            }
        };
    }

    @Test
    void aMissingFileOrOneWhoseLengthCannotBeReadIsRefusedBeforeAnyRequest() throws IOException {
        InvalidRequestException none = assertThrows(InvalidRequestException.class,
                () -> zoom.uploadVirtualBackground("me", null));
        assertEquals("uploadVB: invalid request: file: must not be null", none.getMessage());

        Path gone = Files.write(dir.resolve("gone.png"), new byte[] {1});
        TransferBody body = TransferBody.of(gone);
        Files.delete(gone);
        InvalidRequestException unreadable = assertThrows(InvalidRequestException.class,
                () -> zoom.uploadVirtualBackground("me", body));
        assertEquals(List.of("file: its length cannot be read"), unreadable.violations());
        assertTrue(unreadable.getCause() instanceof IOException, String.valueOf(unreadable.getCause()));
        assertEquals(0, server.requests().size());
    }
}
