package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.FILE_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.ID_JSON;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.ROOM_ID;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.TOKEN;
import static dev.roomsdk.carbonio.CarbonioFileFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.carbonio.model.Id;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.error.BadRequestException;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.NotReplayableBodyException;
import dev.roomsdk.core.error.RoomSdkIoException;
import dev.roomsdk.core.error.PayloadTooLargeException;
import dev.roomsdk.core.transfer.TransferBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** insertAttachment: the raw octet-stream upload with its unicode-escaped headers, from every source. */
class CarbonioAttachmentUploadTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String PATH = "/rooms/" + ROOM_ID + "/attachments";
    // "snoopy.jpg" with every character escaped, as the vendor's own example gives it
    static final String SNOOPY_ESCAPED = "\\u0073\\u006e\\u006f\\u006f\\u0070\\u0079\\u002e\\u006a\\u0070\\u0067";

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
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(ID_JSON)));
    }

    @Test
    void fromPathSendsEscapedHeadersLengthAndExactBytes() throws IOException {
        created();
        byte[] content = bytes(70_001);
        Path file = dir.resolve("snoopy.jpg");
        Files.write(file, content);

        Id id = carbonio.files().uploadAttachment(ROOM_ID, TransferBody.of(file))
                .description("Holiday").messageId("msg-0001").replyId("msg-0000").area("640x480").execute();

        assertEquals(FILE_ID, id.getId());
        LoggedRequest r = server.onlyRequest();
        assertEquals("POST", r.getMethod().getName());
        assertEquals(PATH, r.getUrl());
        assertEquals(SNOOPY_ESCAPED, r.getHeader("fileName"));
        assertEquals("image/jpeg", r.getHeader("mimeType"));
        assertEquals("70001", r.getHeader("Content-Length"));
        assertEquals("application/octet-stream", r.getHeader("Content-Type"));
        assertEquals("\\u0048\\u006f\\u006c\\u0069\\u0064\\u0061\\u0079", r.getHeader("description"));
        assertEquals("msg-0001", r.getHeader("messageId"));
        assertEquals("msg-0000", r.getHeader("replyId"));
        assertEquals("640x480", r.getHeader("area"));
        assertEquals(TOKEN, r.getCookies().get(Carbonio.AUTH_COOKIE).getValue());
        assertArrayEquals(content, r.getBody());
    }

    @Test
    void unicodeFileNameAndDescriptionAreEscapedPerUtf16Unit() {
        created();
        byte[] content = bytes(10);

        carbonio.files().uploadAttachment(ROOM_ID, TransferBody.of(content, "\u00e9t\u00e9 \ud83d\ude00.txt", "text/plain"))
                .description("\u65e5\u672c").execute();

        LoggedRequest r = server.onlyRequest();
        assertEquals("\\u00e9\\u0074\\u00e9\\u0020\\ud83d\\ude00\\u002e\\u0074\\u0078\\u0074", r.getHeader("fileName"));
        assertEquals("\\u65e5\\u672c", r.getHeader("description"));
        assertEquals("text/plain", r.getHeader("mimeType"));
        assertEquals("10", r.getHeader("Content-Length"));
        assertFalse(r.containsHeader("messageId") || r.containsHeader("replyId") || r.containsHeader("area"),
                "optional headers left out");
        assertArrayEquals(content, r.getBody());
    }

    @Test
    void fromByteArrayWithTheGivenTypeAndProgress() {
        created();
        byte[] content = bytes(200_000);
        AtomicLong done = new AtomicLong();
        AtomicLong total = new AtomicLong();

        carbonio.files().uploadAttachment(ROOM_ID, TransferBody.of(content, "report.pdf", "application/pdf")
                .withProgress((d, t) -> {
                    done.set(d);
                    total.set(t);
                })).execute();

        LoggedRequest r = server.onlyRequest();
        assertEquals("application/pdf", r.getHeader("mimeType"));
        assertEquals("application/octet-stream", r.getHeader("Content-Type"));
        assertEquals("\\u0072\\u0065\\u0070\\u006f\\u0072\\u0074\\u002e\\u0070\\u0064\\u0066", r.getHeader("fileName"));
        assertArrayEquals(content, r.getBody());
        assertEquals(200_000, done.get(), "last progress report is the whole body");
        assertEquals(200_000, total.get());
    }

    @Test
    void fromStreamOfKnownLength() {
        created();
        byte[] content = bytes(99_999);

        Id id = carbonio.files().uploadAttachment(ROOM_ID,
                TransferBody.of(new ByteArrayInputStream(content), content.length, "clip.mp4", "video/mp4")).execute();

        assertEquals(FILE_ID, id.getId());
        LoggedRequest r = server.onlyRequest();
        assertEquals("99999", r.getHeader("Content-Length"));
        assertEquals("video/mp4", r.getHeader("mimeType"));
        assertArrayEquals(content, r.getBody());
    }

    @Test
    void streamOfUnknownLengthFailsBeforeAnyRequest() {
        created();
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> carbonio.files()
                .uploadAttachment(ROOM_ID, TransferBody.of(new ByteArrayInputStream(bytes(5)), -1, "a.bin",
                        "application/octet-stream")));
        assertTrue(e.getMessage().contains("insertAttachment") && e.getMessage().contains("Content-Length"),
                e.getMessage());
        // the typed operation refuses it too: Content-Length is required and comes from the body
        InvalidRequestException typed = assertThrows(InvalidRequestException.class, () -> carbonio.attachments()
                .insertAttachment(ROOM_ID, "a.bin", "application/octet-stream",
                        TransferBody.of(new ByteArrayInputStream(bytes(5)), -1, "a.bin", "application/octet-stream"))
                .execute());
        assertEquals(List.of("header Content-Length: is required"), typed.violations());
        assertEquals(0, server.requests().size());
    }

    @Test
    void theTypedUploadTakesThePlainFileNameAndEscapesIt() {
        created();
        byte[] content = bytes(321);

        // fileName and mimeType are the caller's, whatever the body's own name and type
        Id id = carbonio.attachments().insertAttachment(ROOM_ID, "snoopy.jpg", "image/jpeg",
                TransferBody.of(content, "other.bin", "application/zip")).description("Holiday").execute();

        assertEquals(FILE_ID, id.getId());
        LoggedRequest r = server.onlyRequest();
        assertEquals("POST", r.getMethod().getName());
        assertEquals(PATH, r.getUrl());
        assertEquals(SNOOPY_ESCAPED, r.getHeader("fileName"));
        assertEquals("\\u0048\\u006f\\u006c\\u0069\\u0064\\u0061\\u0079", r.getHeader("description"));
        assertEquals("image/jpeg", r.getHeader("mimeType"));
        assertEquals("321", r.getHeader("Content-Length"), "from the body");
        assertEquals("application/octet-stream", r.getHeader("Content-Type"));
        assertArrayEquals(content, r.getBody());
    }

    @Test
    @OffContract // 503 is not a status the contract lists for this operation
    void oneShotStreamIsSentOnceEvenWithRetriesConfigured() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        List<Duration> waits = CarbonioFileFixtures.waits();
        try (Carbonio retrying = CarbonioFileFixtures.retryingClient(server, waits)) {
            byte[] content = bytes(1000);

            dev.roomsdk.core.error.ServerException e = assertThrows(dev.roomsdk.core.error.ServerException.class,
                    () -> retrying.files().uploadAttachment(ROOM_ID,
                            TransferBody.of(new ByteArrayInputStream(content), content.length, "a.bin", "application/zip"))
                            .execute());

            assertEquals(503, e.statusCode());
            assertEquals(1, server.requests().size(), "a one-shot stream is never replayed");
            assertArrayEquals(content, server.onlyRequest().getBody());
            assertTrue(waits.isEmpty());
        }
    }

    @Test
    @OffContract // the connection is cut instead of answering
    void oneShotStreamCutOffIsATransportFailureSentOnce() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        // a POST is never retried, so no retry was declined because of the body: the failure keeps its own type
        RoomSdkIoException e = assertThrows(RoomSdkIoException.class, () -> carbonio.files()
                .uploadAttachment(ROOM_ID, TransferBody.of(new ByteArrayInputStream(bytes(1000)), 1000, "a.bin",
                        "application/zip")).execute());

        assertFalse(e instanceof NotReplayableBodyException, e.toString());
        assertTrue(e.getMessage().contains("POST " + PATH), e.getMessage());
        assertEquals(1, server.requests().size());
    }

    @Test
    void errorStatusesBecomeTypedExceptions() {
        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(413)));
        PayloadTooLargeException big = assertThrows(PayloadTooLargeException.class,
                () -> carbonio.files().uploadAttachment(ROOM_ID, TransferBody.of(bytes(3), "a.bin", "application/zip"))
                        .execute());
        assertEquals(413, big.statusCode());

        server.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)));
        BadRequestException bad = assertThrows(BadRequestException.class,
                () -> carbonio.files().uploadAttachment(ROOM_ID, TransferBody.of(bytes(3), "a.bin", "application/zip"))
                        .execute());
        assertEquals(400, bad.statusCode());
        assertEquals(2, server.requests().size());
    }

    @Test
    void badDetailsFailBeforeAnyRequest() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> carbonio.files()
                .uploadAttachment(ROOM_ID, TransferBody.of(bytes(3), "a.bin", "application/zip"))
                .messageId("a\r\nInjected: 1").replyId("r\u00e9ply").execute());
        assertEquals(List.of("header messageId: must not contain CR or LF",
                "header replyId: must contain only printable ASCII, got U+00E9 at index 1"), e.violations());
        assertTrue(e.getMessage().contains("messageId"), e.getMessage());
        assertEquals(0, server.requests().size());
    }
}
