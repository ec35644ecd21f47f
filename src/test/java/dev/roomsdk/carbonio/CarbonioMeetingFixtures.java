package dev.roomsdk.carbonio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.roomsdk.contract.ContractServer;
import java.util.UUID;

/** Ids, payloads and wire assertions shared by the Carbonio meeting contract tests. */
final class CarbonioMeetingFixtures {

    static final String TOKEN = "0_3a7e1c9f2b6d4e8a_meetings";
    static final UUID MEETING_ID = UUID.fromString("e4c7a9b2-3d1f-4e6a-8b5c-0d9f2a1e7c63");
    static final UUID ROOM_ID = UUID.fromString("7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a");
    static final UUID MODERATOR_ID = UUID.fromString("3f9a1c7e-6d2b-4a8e-b5c4-7e1d0f2a9b36");
    static final UUID GUEST_ID = UUID.fromString("5e2b8d1a-9c4f-4b7e-a6d3-2f8c1e0b7a49");
    static final UUID DEFAULT_QUEUE = UUID.fromString("0f6b3e9d-8a2c-4d7f-9e1b-5c4a3d2f1e07");
    static final UUID OTHER_QUEUE = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");

    /** A running meeting with one participant, every field the contract declares. */
    static final String RUNNING_MEETING = "{\"id\":\"" + MEETING_ID + "\",\"name\":\"Design team\","
            + "\"roomId\":\"" + ROOM_ID + "\",\"active\":true,\"participants\":[{\"userId\":\"" + MODERATOR_ID + "\","
            + "\"userType\":\"moderator\",\"queueId\":\"" + DEFAULT_QUEUE + "\",\"audioStreamEnabled\":true,"
            + "\"videoStreamEnabled\":false,\"screenStreamEnabled\":true,\"joinedAt\":\"2026-11-21T16:45:12.250Z\"},"
            + "{\"userId\":\"" + GUEST_ID + "\",\"userType\":\"registered\",\"audioStreamEnabled\":false,"
            + "\"videoStreamEnabled\":true,\"screenStreamEnabled\":false,\"joinedAt\":\"2026-11-21T16:47:00+01:00\"}],"
            + "\"createdAt\":\"2026-11-20T09:30:00Z\",\"startedAt\":\"2026-11-21T16:45:12.250Z\","
            + "\"meetingType\":\"permanent\",\"recStartedAt\":\"2026-11-21T16:50:00Z\","
            + "\"recUserId\":\"" + MODERATOR_ID + "\"}";

    /** A meeting nobody is in. */
    static String idleMeeting(String name, String meetingType) {
        return "{\"id\":\"" + MEETING_ID + "\",\"name\":\"" + name + "\",\"roomId\":\"" + ROOM_ID + "\","
                + "\"active\":false,\"participants\":[],\"createdAt\":\"2026-11-21T16:45:12.250Z\","
                + "\"meetingType\":\"" + meetingType + "\"}";
    }

    private CarbonioMeetingFixtures() {
    }

    static Carbonio client(ContractServer server) {
        return Carbonio.builder().baseUrl(server.baseUrl()).authToken(TOKEN).build();
    }

    static Carbonio clientWithQueue(ContractServer server, UUID queueId) {
        return Carbonio.builder().baseUrl(server.baseUrl()).authToken(TOKEN).queueId(queueId).build();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static ResponseDefinitionBuilder noContent() {
        return WireMock.aResponse().withStatus(204);
    }

    /** Carbonio error statuses come with no body at all. */
    static ResponseDefinitionBuilder emptyError(int status) {
        return WireMock.aResponse().withStatus(status);
    }

    static void assertCall(LoggedRequest r, String method, String path) {
        assertEquals(method, r.getMethod().getName());
        assertEquals(path, r.getUrl(), "path with the UUIDs as sent, no query");
    }

    /** The session cookie travels as exactly {@code ZM_AUTH_TOKEN=<token>}. */
    static void assertAuthCookie(LoggedRequest r) {
        assertEquals("ZM_AUTH_TOKEN=" + TOKEN, r.getHeader("Cookie"));
    }

    static void assertQueueId(LoggedRequest r, UUID expected) {
        assertEquals(1, r.header("queue-id").values().size(), "one queue-id header, not the default and the call's");
        assertEquals(expected.toString(), r.getHeader("queue-id"));
    }

    static void assertNoQueueId(LoggedRequest r) {
        assertTrue(!r.containsHeader("queue-id"), "no queue-id header");
    }

    static JsonObject jsonBody(LoggedRequest r) {
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"), r.getHeader("Content-Type"));
        return JsonParser.parseString(r.getBodyAsString()).getAsJsonObject();
    }

    static void assertNoBody(LoggedRequest r) {
        assertEquals(0, r.getBody() == null ? 0 : r.getBody().length, "no request body");
    }

    static void assertAbsent(JsonObject body, String field) {
        assertNull(body.get(field), field + " is not sent when unset");
    }
}
