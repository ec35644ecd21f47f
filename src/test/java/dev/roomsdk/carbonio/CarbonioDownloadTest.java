package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.FILE_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.TOKEN;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.error.PermissionDeniedException;
import dev.roomsdk.core.error.RoomSdkIoException;
import dev.roomsdk.core.http.HttpSettings;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.testing.StreamingServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** getAttachment streamed: to a file atomically, as an InputStream, to an OutputStream; failures leave nothing. */
class CarbonioDownloadTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String PATH = "/attachments/" + FILE_ID + "/download";
    static final byte[] PDF = bytes(250_007);

    @TempDir
    Path dir;

    Carbonio carbonio;

    @BeforeEach
    void client() {
        carbonio = CarbonioFileFixtures.client(server);
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    void stubFile() {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf")
                .withHeader("Content-Length", Integer.toString(PDF.length))
                .withHeader("Content-Disposition", "attachment; filename=\"report.pdf\"")
                .withBody(PDF)));
    }

    @Test
    void aTransferOutlastingTheClientsCallTimeoutStillCompletes() throws IOException {
        // 1.2 s of dribbled body against a 300 ms client-wide call timeout: a transfer is bounded by its
        // read timeout (silence), not by the call timeout meant for ordinary calls
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(PDF).withChunkedDribbleDelay(6, 1200)));
        try (Carbonio slow = Carbonio.builder().baseUrl(server.baseUrl()).authToken(TOKEN)
                .httpSettings(HttpSettings.builder().callTimeout(Duration.ofMillis(300)).build()).build();
             Download d = slow.attachments().getAttachment(FILE_ID).execute()) {
            assertArrayEquals(PDF, d.inputStream().readAllBytes());
        }
    }

    List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void savesAtomicallyAndExposesTypeLengthAndName() throws IOException {
        stubFile();
        Path target = dir.resolve("report.pdf");
        AtomicLong done = new AtomicLong();
        AtomicLong total = new AtomicLong();

        try (Download d = carbonio.attachments().getAttachment(FILE_ID).progress((n, t) -> {
            done.set(n);
            total.set(t);
        }).execute()) {
            assertEquals("application/pdf", d.contentType().orElseThrow());
            assertEquals(PDF.length, d.contentLength());
            assertEquals("report.pdf", d.fileName().orElseThrow());
            assertEquals(PDF.length, d.saveTo(target));
        }

        assertArrayEquals(PDF, Files.readAllBytes(target));
        assertEquals(List.of("report.pdf"), filesIn(dir), "no temporary file left beside it");
        assertEquals(PDF.length, done.get());
        assertEquals(PDF.length, total.get());
        LoggedRequest r = server.onlyRequest();
        assertEquals("GET", r.getMethod().getName());
        assertEquals(PATH, r.getUrl());
        assertEquals(TOKEN, r.getCookies().get(Carbonio.AUTH_COOKIE).getValue());
        assertEquals("identity", r.getHeader("Accept-Encoding"), "asked uncompressed so the length stays known");
    }

    @Test
    void readsAsAnInputStream() throws IOException {
        stubFile();
        try (Download d = carbonio.attachments().getAttachment(FILE_ID).execute(); InputStream in = d.inputStream()) {
            assertArrayEquals(PDF, in.readAllBytes());
        }
    }

    @Test
    void writesToAnOutputStreamOnce() throws IOException {
        stubFile();
        try (Download d = carbonio.attachments().getAttachment(FILE_ID).execute()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(PDF.length, d.writeTo(out));
            assertArrayEquals(PDF, out.toByteArray());
            InvalidRequestException again = assertThrows(InvalidRequestException.class, d::inputStream, "a body is read once");
            assertEquals(List.of("download: already read; a response body can be read once"), again.violations());
        }
    }

    @Test
    @OffContract // the body breaks off mid-way on purpose
    void brokenBodyLeavesNoFileAndKeepsAnExistingOne() throws IOException {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/octet-stream")
                .withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        Path fresh = dir.resolve("fresh.bin");
        Path existing = dir.resolve("existing.bin");
        Files.write(existing, new byte[] {1, 2, 3});

        try (Download d = carbonio.attachments().getAttachment(FILE_ID).execute()) {
            assertThrows(RoomSdkIoException.class, () -> d.saveTo(fresh));
        }
        try (Download d = carbonio.attachments().getAttachment(FILE_ID).execute()) {
            assertThrows(RoomSdkIoException.class, () -> d.saveTo(existing));
        }

        assertFalse(Files.exists(fresh), "no partial file");
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(existing), "the old file is untouched");
        assertEquals(List.of("existing.bin"), filesIn(dir), "no temporary file left");
    }

    @Test
    void errorsComeBeforeAnyFileIsCreated() throws IOException {
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
        NotFoundException missing = assertThrows(NotFoundException.class,
                () -> carbonio.attachments().getAttachment(FILE_ID).execute());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.getMessage().contains(PATH), missing.getMessage());

        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(403)));
        assertEquals(403, assertThrows(PermissionDeniedException.class,
                () -> carbonio.attachments().getAttachment(FILE_ID).execute()).statusCode());
        assertEquals(List.of(), filesIn(dir));
    }

    /**
     * The typed call returns the response unread: the server holds back the second half of the
     * body until the test has its Download, so a client that buffered the body (in memory or in
     * a temporary file, as the generated client of old did) would only return after the
     * server's bounded wait, which the server records. No file appears in java.io.tmpdir.
     */
    @Test // on a loopback server that can pause mid-body (WireMock sends bodies whole)
    void theTypedDownloadStreamsAndWritesNoTemporaryFile() throws Exception {
        byte[] content = bytes(200_003);
        int half = content.length / 2;
        CountDownLatch haveDownload = new CountDownLatch(1);
        AtomicBoolean serverWaitedInVain = new AtomicBoolean();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> tmpBefore = entries(tmp);
        try (StreamingServer streaming = new StreamingServer().handle("/attachments/", e -> {
                e.getResponseHeaders().add("Content-Type", "application/pdf");
                e.sendResponseHeaders(200, content.length);
                try (OutputStream out = e.getResponseBody()) {
                    out.write(content, 0, half);
                    out.flush();
                    try {
                        serverWaitedInVain.set(!haveDownload.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    out.write(content, half, content.length - half);
                }
            });
             Carbonio client = Carbonio.builder().baseUrl(streaming.baseUrl()).authToken(TOKEN).build()) {
            Object result = client.attachments().getAttachment(FILE_ID).execute();
            haveDownload.countDown();
            Download d = assertInstanceOf(Download.class, result);
            try (d; InputStream in = d.inputStream()) {
                assertEquals(content.length, d.contentLength());
                assertArrayEquals(content, in.readAllBytes());
            }
        }
        assertFalse(serverWaitedInVain.get(), "execute() returned before the body was complete");
        Set<Path> created = new HashSet<>(entries(tmp));
        created.removeAll(tmpBefore);
        for (Path p : created) {
            // other processes share the directory: only a file holding these bytes would be ours
            assertFalse(Files.isRegularFile(p) && Files.size(p) == content.length
                    && Arrays.equals(content, Files.readAllBytes(p)), "the download was written to " + p);
        }
    }

    static Set<Path> entries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.collect(Collectors.toSet());
        }
    }

    @Test
    void anyMediaTypeTheFileHasIsPassedOn() throws IOException {
        byte[] zip = bytes(1234);
        server.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/zip").withBody(zip)));
        try (Download d = carbonio.attachments().getAttachment(FILE_ID).execute(); InputStream in = d.inputStream()) {
            assertEquals("application/zip", d.contentType().orElseThrow());
            assertFalse(d.fileName().isPresent(), "no Content-Disposition, no name");
            assertArrayEquals(zip, in.readAllBytes());
        }
    }

    @Test
    void aNullProgressListenerIsRefusedNamingTheCall() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> carbonio.attachments().getAttachment(FILE_ID).progress(null));
        assertEquals(List.of("progress: must not be null"), e.violations());
        assertTrue(e.getMessage().startsWith("getAttachment (GET "), e.getMessage());
        assertEquals(0, server.requests().size());
    }
}
