package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.FILE_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.ID_JSON;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.ROOM_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.TOKEN;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.carbonio.model.Id;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.ServerException;
import dev.roomsdk.core.transfer.TransferBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** insertAttachmentMultipart: the multipart/form-data upload, its parts and their bytes. */
class CarbonioMultipartAttachmentUploadTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String PATH = "/rooms/" + ROOM_ID + "/attachments";

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

    void created() {
        server.stubFor(put(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(ID_JSON)));
    }

    static Map<String, Request.Part> parts(LoggedRequest r) {
        Map<String, Request.Part> parts = new TreeMap<>();
        r.getParts().forEach(p -> parts.put(p.getName(), p));
        return parts;
    }

    @Test
    void fileAndEveryFieldGoAsTheirOwnParts() throws IOException {
        created();
        byte[] content = bytes(150_003);
        Path file = dir.resolve("holiday.png");
        Files.write(file, content);

        Id id = carbonio.files().uploadAttachmentMultipart(ROOM_ID, TransferBody.of(file))
                .description("Holiday").messageId("msg-0001").replyId("msg-0000").area("640x480").execute();

        assertEquals(FILE_ID, id.getId());
        LoggedRequest r = server.onlyRequest();
        assertEquals("PUT", r.getMethod().getName());
        assertEquals(PATH, r.getUrl());
        assertTrue(r.getHeader("Content-Type").startsWith("multipart/form-data; boundary="), r.getHeader("Content-Type"));
        assertEquals(TOKEN, r.getCookies().get(Carbonio.AUTH_COOKIE).getValue());
        Map<String, Request.Part> parts = parts(r);
        assertEquals(List.of("area", "contentLength", "description", "file", "messageId", "replyId"),
                List.copyOf(parts.keySet()));

        Request.Part filePart = parts.get("file");
        assertEquals("form-data; name=\"file\"; filename=\"holiday.png\"",
                filePart.getHeader("Content-Disposition").firstValue());
        assertEquals("image/png", filePart.getHeader("Content-Type").firstValue());
        assertArrayEquals(content, filePart.getBody().asBytes());

        assertText(parts.get("description"), "\\u0048\\u006f\\u006c\\u0069\\u0064\\u0061\\u0079");
        assertText(parts.get("messageId"), "msg-0001");
        assertText(parts.get("replyId"), "msg-0000");
        assertText(parts.get("area"), "640x480");
        assertText(parts.get("contentLength"), "150003");
    }

    static void assertText(Request.Part part, String expected) {
        assertEquals("text/plain; charset=utf-8", part.getHeader("Content-Type").firstValue(), part.getName());
        assertEquals(expected, part.getBody().asString(), part.getName());
    }

    @Test
    void bytesWithOnlyTheFilePart() {
        created();
        byte[] content = bytes(4096);

        carbonio.files().uploadAttachmentMultipart(ROOM_ID, TransferBody.of(content, "notes.txt", "text/plain")).execute();

        Map<String, Request.Part> parts = parts(server.onlyRequest());
        assertEquals(List.of("contentLength", "file"), List.copyOf(parts.keySet()));
        assertEquals("text/plain", parts.get("file").getHeader("Content-Type").firstValue());
        assertArrayEquals(content, parts.get("file").getBody().asBytes());
        assertText(parts.get("contentLength"), "4096");
    }

    @Test
    void streamOfUnknownLengthIsSentChunkedWithoutAContentLengthPart() {
        created();
        byte[] content = bytes(300_000);

        carbonio.files().uploadAttachmentMultipart(ROOM_ID,
                TransferBody.of(new ByteArrayInputStream(content), -1, "dump.bin", "application/octet-stream"))
                .messageId("msg-0002").execute();

        LoggedRequest r = server.onlyRequest();
        assertEquals("chunked", r.getHeader("Transfer-Encoding"));
        Map<String, Request.Part> parts = parts(r);
        assertEquals(List.of("file", "messageId"), List.copyOf(parts.keySet()));
        assertArrayEquals(content, parts.get("file").getBody().asBytes());
        assertEquals("application/octet-stream", parts.get("file").getHeader("Content-Type").firstValue());
    }

    @Test
    void unicodeFileNameGoesAsUtf8InThePartHeader() {
        created();

        // the description is given as plain text, as for the raw upload, and the SDK escapes it
        carbonio.files().uploadAttachmentMultipart(ROOM_ID, TransferBody.of(bytes(8), "\u00e9t\u00e9.txt", "text/plain"))
                .description("\u00e9t\u00e9").execute();

        LoggedRequest r = server.onlyRequest();
        String raw = new String(r.getBody(), StandardCharsets.UTF_8);
        assertTrue(raw.contains("name=\"file\"; filename=\"\u00e9t\u00e9.txt\""), "RFC 7578: the file name as UTF-8");
        assertText(parts(r).get("description"), "\\u00e9\\u0074\\u00e9");
    }

    @Test
    @OffContract // 503 is not a status the contract lists for this operation
    void neverRetriedAlthoughAPutBecauseEachOneAddsAnAttachment() {
        server.stubFor(put(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        List<Duration> waits = CarbonioFileFixtures.waits();
        try (Carbonio retrying = CarbonioFileFixtures.retryingClient(server, waits)) {
            ServerException e = assertThrows(ServerException.class, () -> retrying.files()
                    .uploadAttachmentMultipart(ROOM_ID, TransferBody.of(bytes(10), "a.bin", "application/zip")).execute());
            assertEquals(503, e.statusCode());
            assertEquals(1, server.requests().size());
            assertTrue(waits.isEmpty());
        }
    }

    @Test
    @OffContract // 503 is not in this operation's contract
    void theTypedUploadIsNeverRetriedEither() throws IOException {
        server.stubFor(put(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        Path file = dir.resolve("a.bin");
        Files.write(file, bytes(10));
        List<Duration> waits = CarbonioFileFixtures.waits();
        try (Carbonio retrying = CarbonioFileFixtures.retryingClient(server, waits)) {
            ServerException e = assertThrows(ServerException.class, () -> retrying.attachments()
                    .insertAttachmentMultipart(ROOM_ID, TransferBody.of(file)).contentLength(10L).execute());
            assertEquals(503, e.statusCode());
        }
        assertEquals(1, server.requests().size(), "one PUT: a repeat would add a second attachment");
        assertTrue(waits.isEmpty());
    }

    @Test
    void nullArgumentsFailBeforeAnyRequest() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> carbonio.files().uploadAttachmentMultipart(ROOM_ID, null));
        assertEquals(List.of("file: is required"), e.violations());
        InvalidRequestException typed = assertThrows(InvalidRequestException.class,
                () -> carbonio.attachments().insertAttachmentMultipart(null, null).execute());
        assertEquals(List.of("roomId: is required", "file: is required"), typed.violations());
        assertEquals(0, server.requests().size());
    }
}
