package dev.roomsdk.carbonio.v16;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.ATTACHMENT;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.FILE;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.ROOM;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertCall;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.binary;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.body;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.json;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.v16.model.Attachment;
import dev.roomsdk.carbonio.v16.model.ForwardMessage;
import dev.roomsdk.carbonio.v16.model.Id;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.transfer.Download;
import dev.roomsdk.core.transfer.TransferBody;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Attachments of the 1.6 generation: listing (paged), raw and multipart uploads, forwarding, reads, downloads. */
class Carbonio16AttachmentsContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio-1.6");

    static final UUID SECOND = UUID.fromString("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");

    @Test
    void listAttachmentsWalksThePagesWithTheFilterCursor() {
        String second = ATTACHMENT.replace(FILE.toString(), SECOND.toString());
        server.stubFor(get(urlPathEqualTo("/rooms/" + ROOM + "/attachments")).withQueryParam("itemsNumber", equalTo("1"))
                .atPriority(2).willReturn(json(200, "{\"filter\":\"cursor-2\",\"attachments\":[" + ATTACHMENT + "]}")));
        server.stubFor(get(urlPathEqualTo("/rooms/" + ROOM + "/attachments")).withQueryParam("filter", equalTo("cursor-2"))
                .atPriority(1).willReturn(json(200, "{\"attachments\":[" + second + "]}")));

        List<UUID> ids;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            ids = carbonio.v16().listAttachments(ROOM, 1).stream().map(Attachment::getId).collect(Collectors.toList());
        }

        assertEquals(List.of(FILE, SECOND), ids);
        List<LoggedRequest> requests = server.requests();
        assertEquals(2, requests.size());
        assertCall(requests.get(0), "GET", "/rooms/" + ROOM + "/attachments?itemsNumber=1");
        assertCall(requests.get(1), "GET", "/rooms/" + ROOM + "/attachments?itemsNumber=1&filter=cursor-2");
    }

    @Test
    void insertAttachmentStreamsTheBodyWithEscapedHeaders() {
        byte[] bytes = "%PDF-1.7 figures".getBytes(StandardCharsets.US_ASCII);
        server.stubFor(post(urlPathEqualTo("/rooms/" + ROOM + "/attachments"))
                .willReturn(json(201, "{\"id\":\"" + FILE + "\"}")));

        Id id;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            id = carbonio.v16().attachments().insertAttachment(ROOM, "Q3.pdf", "application/pdf",
                    TransferBody.of(bytes, "Q3.pdf", "application/pdf")).description("Hé").messageId("msg-0001")
                    .area("640x480").execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", "/rooms/" + ROOM + "/attachments");
        assertEquals("\\u0051\\u0033\\u002e\\u0070\\u0064\\u0066", r.getHeader("fileName"));
        assertEquals("\\u0048\\u00e9", r.getHeader("description"));
        assertEquals("application/pdf", r.getHeader("mimeType"));
        assertEquals("msg-0001", r.getHeader("messageId"));
        assertEquals("640x480", r.getHeader("area"));
        assertEquals(String.valueOf(bytes.length), r.getHeader("Content-Length"));
        assertArrayEquals(bytes, r.getBody());
        assertEquals(FILE, id.getId());
    }

    @Test
    void insertAttachmentMultipartSendsTheFilePartAndTheEscapedDescription() {
        byte[] bytes = "jpeg-bytes".getBytes(StandardCharsets.US_ASCII);
        server.stubFor(put(urlPathEqualTo("/rooms/" + ROOM + "/attachments"))
                .willReturn(json(201, "{\"id\":\"" + FILE + "\"}")));

        Id id;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            id = carbonio.v16().attachments().insertAttachmentMultipart(ROOM, TransferBody.of(bytes, "snoopy.jpg", "image/jpeg"))
                    .description("Hi").contentLength((long) bytes.length).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", "/rooms/" + ROOM + "/attachments");
        assertTrue(r.getHeader("Content-Type").startsWith("multipart/form-data; boundary="), r.getHeader("Content-Type"));
        String body = new String(r.getBody(), StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("name=\"file\"; filename=\"snoopy.jpg\""), body);
        assertTrue(body.contains("jpeg-bytes"), body);
        assertTrue(body.contains("name=\"description\""), body);
        assertTrue(body.contains("\\u0048\\u0069"), "the description part is unicode-escaped: " + body);
        assertTrue(body.contains("name=\"contentLength\""), body);
        assertEquals(FILE, id.getId());
    }

    @Test
    void forwardMessagesSendsTheList() {
        server.stubFor(post(urlPathEqualTo("/rooms/" + ROOM + "/forward")).willReturn(noContent()));

        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            assertNull(carbonio.v16().attachments().forwardMessages(ROOM, List.of(new ForwardMessage()
                    .originalMessage("<message id='msg-0001'><body>Hi</body></message>")
                    .originalMessageSentAt(OffsetDateTime.parse("2026-11-20T09:30:00Z")).description("See this"))).execute());
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", "/rooms/" + ROOM + "/forward");
        JsonArray body = body(r).getAsJsonArray();
        assertEquals("See this", body.get(0).getAsJsonObject().get("description").getAsString());
        assertEquals("2026-11-20T09:30:00Z", body.get(0).getAsJsonObject().get("originalMessageSentAt").getAsString());
    }

    @Test
    void getAttachmentInfoDownloadAndDelete() throws Exception {
        byte[] bytes = "file-bytes".getBytes(StandardCharsets.US_ASCII);
        server.stubFor(get(urlPathEqualTo("/attachments/" + FILE)).willReturn(json(200, ATTACHMENT)));
        server.stubFor(get(urlPathEqualTo("/attachments/" + FILE + "/download"))
                .willReturn(binary("application/octet-stream", bytes)));
        server.stubFor(delete(urlPathEqualTo("/attachments/" + FILE)).willReturn(noContent()));

        Attachment info;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            info = carbonio.v16().attachments().getAttachmentInfo(FILE).execute();
            try (Download d = carbonio.v16().attachments().getAttachment(FILE).execute()) {
                assertEquals(bytes.length, d.writeTo(out));
            }
            carbonio.v16().attachments().deleteAttachment(FILE).execute();
        }

        List<LoggedRequest> requests = server.requests();
        assertCall(requests.get(0), "GET", "/attachments/" + FILE);
        assertCall(requests.get(1), "GET", "/attachments/" + FILE + "/download");
        assertEquals("identity", requests.get(1).getHeader("Accept-Encoding"));
        assertCall(requests.get(2), "DELETE", "/attachments/" + FILE);
        assertEquals("snoopy.jpg", info.getName());
        assertEquals(48213L, info.getSize());
        assertArrayEquals(bytes, out.toByteArray());
    }
}
