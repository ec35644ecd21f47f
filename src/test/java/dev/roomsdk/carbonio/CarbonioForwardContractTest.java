package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFixtures.ADA;
import static dev.roomsdk.carbonio.CarbonioFixtures.FILE;
import static dev.roomsdk.carbonio.CarbonioFixtures.QUEUE;
import static dev.roomsdk.carbonio.CarbonioFixtures.ROOM;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertAuthCookie;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertCall;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertQueueId;
import static dev.roomsdk.carbonio.CarbonioFixtures.body;
import static dev.roomsdk.carbonio.CarbonioFixtures.json;
import static dev.roomsdk.carbonio.CarbonioFixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.carbonio.model.Attachment;
import dev.roomsdk.carbonio.model.ForwardMessage;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Message forwarding and attachment metadata (read and delete). */
class CarbonioForwardContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String XML = "<message id='msg-0001' type='groupchat'><body>Hi &amp; welcome \u00e8</body></message>";

    Carbonio carbonio;

    @BeforeEach
    void client() {
        carbonio = CarbonioFixtures.client(server.baseUrl(), QUEUE);
    }

    @AfterEach
    void close() {
        carbonio.close();
    }

    @Test
    void forwardMessagesSendsEachMessageWithItsXmlDateAndDescription() {
        String path = server.path("/rooms/" + ROOM + "/forward");
        server.stubFor(post(urlPathEqualTo(path)).willReturn(noContent()));

        carbonio.attachments().forwardMessages(ROOM, List.of(
                new ForwardMessage().originalMessage(XML)
                        .originalMessageSentAt(OffsetDateTime.parse("2026-11-20T09:30:00Z")).description("See this"),
                new ForwardMessage().originalMessage("<message id='msg-0002'><body>Bye</body></message>"))).execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", path);
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        JsonArray body = body(r).getAsJsonArray();
        assertEquals(2, body.size());
        JsonObject first = body.get(0).getAsJsonObject();
        assertEquals(XML, first.get("originalMessage").getAsString());
        assertEquals(OffsetDateTime.parse("2026-11-20T09:30:00Z"),
                OffsetDateTime.parse(first.get("originalMessageSentAt").getAsString()));
        assertEquals("See this", first.get("description").getAsString());
        JsonObject second = body.get(1).getAsJsonObject();
        assertEquals("<message id='msg-0002'><body>Bye</body></message>", second.get("originalMessage").getAsString());
        assertNull(second.get("originalMessageSentAt"), "unset fields are not sent");
        assertNull(second.get("description"), "unset fields are not sent");
    }

    @Test
    void getAttachmentInfoReturnsTheMetadata() {
        String path = server.path("/attachments/" + FILE);
        server.stubFor(get(urlPathEqualTo(path)).willReturn(json(200, "{\"id\":\"" + FILE + "\",\"name\":\"snoopy.jpg\","
                + "\"size\":3000000000,\"mimeType\":\"image/jpeg\",\"userId\":\"" + ADA + "\",\"roomId\":\"" + ROOM + "\","
                + "\"createdAt\":\"2026-11-21T16:45:12.250Z\",\"area\":\"640x480\"}")));

        Attachment info = carbonio.attachments().getAttachmentInfo(FILE).execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", "/attachments/9d1e4b7a-2c5f-4a8d-b3e6-1f7c0a9d2e58");
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        assertEquals(FILE, info.getId());
        assertEquals("snoopy.jpg", info.getName());
        assertEquals(3_000_000_000L, info.getSize(), "sizes past 2 GiB fit");
        assertEquals("image/jpeg", info.getMimeType());
        assertEquals(ADA, info.getUserId());
        assertEquals(ROOM, info.getRoomId());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), info.getCreatedAt());
        assertEquals("640x480", info.getArea());
    }

    @Test
    void getAttachmentInfoWithoutOptionalFieldsLeavesThemNull() {
        String path = server.path("/attachments/" + FILE);
        server.stubFor(get(urlPathEqualTo(path)).willReturn(json(200, "{\"id\":\"" + FILE + "\",\"name\":\"notes.txt\","
                + "\"size\":0,\"mimeType\":\"text/plain\",\"userId\":\"" + ADA + "\",\"roomId\":\"" + ROOM + "\"}")));

        Attachment info = carbonio.attachments().getAttachmentInfo(FILE).execute();

        assertEquals(0L, info.getSize());
        assertNull(info.getArea());
        assertNull(info.getCreatedAt());
    }

    @Test
    void deleteAttachmentSendsDeleteOnTheFile() {
        String path = server.path("/attachments/" + FILE);
        server.stubFor(delete(urlPathEqualTo(path)).willReturn(noContent()));

        carbonio.attachments().deleteAttachment(FILE).execute();

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "DELETE", path);
        assertAuthCookie(r);
        assertQueueId(r, QUEUE);
        assertEquals(0, r.getBody().length);
    }
}
