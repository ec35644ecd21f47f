package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.UUID;

/** Identifiers, response bodies and wire assertions shared by the Carbonio contract tests. */
final class CarbonioFixtures {

    static final String TOKEN = "0_carbonio-zm-auth-token_1";
    static final UUID QUEUE = UUID.fromString("0f6b3e9d-8a2c-4d7f-9e1b-5c4a3d2f1e07");
    static final UUID ROOM = UUID.fromString("7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a");
    static final UUID WORKSPACE = UUID.fromString("c1f2e3d4-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    static final UUID CHANNEL = UUID.fromString("b8d4f2e6-1a3c-4d5e-8f7a-9b0c1d2e3f40");
    static final UUID MEETING = UUID.fromString("e4c7a9b2-3d1f-4e6a-8b5c-0d9f2a1e7c63");
    static final UUID ADA = UUID.fromString("3f9a1c7e-6d2b-4a8e-b5c4-7e1d0f2a9b36");
    static final UUID GUEST = UUID.fromString("5e2b8d1a-9c4f-4b7e-a6d3-2f8c1e0b7a49");
    static final UUID FILE = UUID.fromString("9d1e4b7a-2c5f-4a8d-b3e6-1f7c0a9d2e58");

    static final String GROUP_ROOM = "{\"id\":\"" + ROOM + "\",\"name\":\"Design team\",\"description\":\"Weekly design sync\","
            + "\"type\":\"group\",\"membersIds\":[\"" + ADA + "\",\"" + GUEST + "\"],\"rank\":0,"
            + "\"meetingId\":\"" + MEETING + "\",\"createdAt\":\"2026-11-20T09:30:00Z\","
            + "\"updatedAt\":\"2026-11-21T16:45:12.250Z\",\"pictureUpdatedAt\":\"2026-11-21T16:45:12.250Z\"}";
    static final String GROUP_ROOM_WITH_EXTRAS = GROUP_ROOM.substring(0, GROUP_ROOM.length() - 1)
            + ",\"members\":[{\"userId\":\"" + ADA + "\",\"owner\":true},{\"userId\":\"" + GUEST + "\",\"owner\":false}],"
            + "\"userSettings\":{\"muted\":false,\"clearedAt\":\"2026-11-20T09:30:00Z\"}}";
    static final String WORKSPACE_ROOM = "{\"id\":\"" + WORKSPACE + "\",\"name\":\"Engineering\",\"description\":\"\","
            + "\"type\":\"workspace\",\"rank\":0,\"createdAt\":\"2026-11-20T09:30:00Z\",\"updatedAt\":\"2026-11-20T09:30:00Z\","
            + "\"children\":[{\"id\":\"" + CHANNEL + "\",\"name\":\"announcements\",\"type\":\"channel\","
            + "\"parentId\":\"" + WORKSPACE + "\",\"rank\":1,\"createdAt\":\"2026-11-20T09:30:00Z\","
            + "\"updatedAt\":\"2026-11-20T09:30:00Z\"}]}";
    static final String ADA_USER = "{\"id\":\"" + ADA + "\",\"email\":\"ada.lovelace@example.com\",\"name\":\"Ada Lovelace\","
            + "\"type\":\"internal\",\"pictureUpdatedAt\":\"2026-11-20T09:30:00Z\",\"statusMessage\":\"In a meeting\"}";
    static final String GUEST_USER = "{\"id\":\"" + GUEST + "\",\"email\":\"guest.42@example.com\",\"name\":\"Guest 42\","
            + "\"type\":\"guest\"}";

    private CarbonioFixtures() {
    }

    /** A client for the contract server with the fixed test token and, when given, a default queue id. */
    static Carbonio client(String baseUrl, UUID queueId) {
        Carbonio.Builder b = Carbonio.builder().baseUrl(baseUrl).authToken(TOKEN);
        return queueId == null ? b.build() : b.queueId(queueId).build();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** An error status as Carbonio sends it: no body. */
    static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status);
    }

    static ResponseDefinitionBuilder noContent() {
        return aResponse().withStatus(204);
    }

    /** The request carried exactly the ZM_AUTH_TOKEN cookie with the test token. */
    static void assertAuthCookie(LoggedRequest r) {
        assertEquals(Carbonio.AUTH_COOKIE + "=" + TOKEN, r.getHeader("Cookie"));
    }

    /** The request carried no Cookie header at all (operations with {@code security: []}). */
    static void assertNoCookie(LoggedRequest r) {
        assertFalse(r.containsHeader("Cookie"), () -> "no cookie expected, got " + r.getHeader("Cookie"));
    }

    static void assertQueueId(LoggedRequest r, UUID expected) {
        if (expected == null) {
            assertNull(r.getHeader("queue-id"), "no queue-id header without one configured");
        } else {
            assertEquals(expected.toString(), r.getHeader("queue-id"));
        }
    }

    /** Method and raw path (with query) as they went over the wire. */
    static void assertCall(LoggedRequest r, String method, String url) {
        assertEquals(method, r.getMethod().getName());
        assertEquals(url, r.getUrl());
    }

    static JsonElement body(LoggedRequest r) {
        return JsonParser.parseString(r.getBodyAsString());
    }
}
