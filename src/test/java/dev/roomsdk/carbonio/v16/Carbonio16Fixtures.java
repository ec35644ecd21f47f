package dev.roomsdk.carbonio.v16;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.CarbonioGeneration;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identifiers, 1.6 response bodies and wire assertions shared by the Carbonio 1.6 contract tests. */
final class Carbonio16Fixtures {

    static final String TOKEN = "0_carbonio16-zm-auth-token_1";
    static final String API_VERSION_HEADER = "X-WSC-API-VERSION";
    static final UUID QUEUE = UUID.fromString("0f6b3e9d-8a2c-4d7f-9e1b-5c4a3d2f1e07");
    static final UUID ROOM = UUID.fromString("7a3e5c1d-2b4f-4e8a-9c6d-1f0e2d3c4b5a");
    static final UUID DIRECT_ROOM = UUID.fromString("2d8e4a6c-0b1f-4e3d-a5c7-9f1e3b5d7a20");
    static final UUID TEMPORARY_ROOM = UUID.fromString("4f6a8c0e-2b4d-4f6a-8c0e-2b4d6f8a0c17");
    static final UUID MEETING = UUID.fromString("e4c7a9b2-3d1f-4e6a-8b5c-0d9f2a1e7c63");
    static final UUID ADA = UUID.fromString("3f9a1c7e-6d2b-4a8e-b5c4-7e1d0f2a9b36");
    static final UUID BOB = UUID.fromString("5e2b8d1a-9c4f-4b7e-a6d3-2f8c1e0b7a49");
    static final UUID CAROL = UUID.fromString("8c4d2f6a-1e3b-4c5d-9a7f-6b0e1d2c3a48");
    static final UUID GUEST = UUID.fromString("6b1f0d2e-8c3a-4f5b-9e7d-2a4c6e8f0b13");
    static final UUID FILE = UUID.fromString("9d1e4b7a-2c5f-4a8d-b3e6-1f7c0a9d2e58");

    static String member(UUID userId, boolean owner, boolean external) {
        return "{\"userId\":\"" + userId + "\",\"owner\":" + owner + ",\"external\":" + external + "}";
    }

    /** A 1.6 group room with its members (no membersIds, parentId, rank or children: those are 1.3.1). */
    static final String GROUP_ROOM = "{\"id\":\"" + ROOM + "\",\"name\":\"Design team\",\"description\":\"Weekly design sync\","
            + "\"type\":\"group\",\"meetingId\":\"" + MEETING + "\",\"createdAt\":\"2026-11-20T09:30:00Z\","
            + "\"updatedAt\":\"2026-11-21T16:45:12.250Z\",\"pictureUpdatedAt\":\"2026-11-21T16:45:12.250Z\","
            + "\"members\":[" + member(ADA, true, false) + "," + member(BOB, false, false) + "," + member(CAROL, false, false)
            + "],\"userSettings\":{\"muted\":false,\"clearedAt\":\"2026-11-20T09:30:00Z\"}}";
    /** A one-to-one room: empty name and description, whatever was sent. */
    static final String DIRECT = "{\"id\":\"" + DIRECT_ROOM + "\",\"name\":\"\",\"description\":\"\",\"type\":\"one_to_one\","
            + "\"createdAt\":\"2026-11-20T09:30:00Z\",\"updatedAt\":\"2026-11-20T09:30:00Z\","
            + "\"members\":[" + member(ADA, false, false) + "," + member(BOB, false, false) + "]}";
    /** A temporary room with an external member (a guest). */
    static final String TEMPORARY = "{\"id\":\"" + TEMPORARY_ROOM + "\",\"name\":\"Customer call\",\"description\":\"\","
            + "\"type\":\"temporary\",\"meetingId\":\"" + MEETING + "\",\"createdAt\":\"2026-11-20T09:30:00Z\","
            + "\"updatedAt\":\"2026-11-20T09:30:00Z\",\"members\":[" + member(ADA, true, false) + ","
            + member(GUEST, false, true) + "],\"userSettings\":{\"muted\":true}}";
    static final String ATTACHMENT = "{\"id\":\"" + FILE + "\",\"name\":\"snoopy.jpg\",\"size\":48213,\"mimeType\":\"image/jpeg\","
            + "\"userId\":\"" + ADA + "\",\"roomId\":\"" + ROOM + "\",\"createdAt\":\"2026-11-21T16:45:12.250Z\",\"area\":\"640x480\"}";
    static final String MEETING_JSON = "{\"id\":\"" + MEETING + "\",\"name\":\"Design team\",\"roomId\":\"" + ROOM + "\","
            + "\"active\":true,\"participants\":[{\"userId\":\"" + ADA + "\",\"userType\":\"moderator\",\"queueId\":\"" + QUEUE
            + "\",\"audioStreamEnabled\":true,\"videoStreamEnabled\":false,\"screenStreamEnabled\":false,"
            + "\"joinedAt\":\"2026-11-21T16:45:12.250Z\",\"handRaisedAt\":\"2026-11-21T16:50:00Z\"}],"
            + "\"createdAt\":\"2026-11-20T09:30:00Z\",\"startedAt\":\"2026-11-21T16:45:12.250Z\",\"meetingType\":\"permanent\"}";

    private Carbonio16Fixtures() {
    }

    /** A 1.6 client for the contract server with the fixed test token and, when given, a default queue id. */
    static Carbonio client(String baseUrl, UUID queueId) {
        Carbonio.Builder b = Carbonio.builder().generation(CarbonioGeneration.V1_6).baseUrl(baseUrl).authToken(TOKEN);
        return queueId == null ? b.build() : b.queueId(queueId).build();
    }

    /** A 2xx JSON answer that echoes the requested API version, as the 1.6 server does. */
    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader(API_VERSION_HEADER, "1.6.0").withBody(body);
    }

    static ResponseDefinitionBuilder noContent() {
        return aResponse().withStatus(204).withHeader(API_VERSION_HEADER, "1.6.0");
    }

    static ResponseDefinitionBuilder binary(String contentType, byte[] bytes) {
        return aResponse().withStatus(200).withHeader("Content-Type", contentType).withHeader(API_VERSION_HEADER, "1.6.0")
                .withBody(bytes);
    }

    /** An error status as WSC sends it: no body, the server's own API version in the header. */
    static ResponseDefinitionBuilder error(int status, String serverVersion) {
        return aResponse().withStatus(status).withHeader(API_VERSION_HEADER, serverVersion);
    }

    /** Method and URL (path and query, as sent), the test cookie and the default API version. */
    static void assertCall(LoggedRequest r, String method, String url) {
        assertEquals(method, r.getMethod().getName());
        assertEquals(url, r.getUrl());
        assertEquals(Carbonio.AUTH_COOKIE + "=" + TOKEN, r.getHeader("Cookie"));
        assertEquals("1.6.0", r.getHeader(API_VERSION_HEADER), "a 1.6 client sends its API version");
    }

    /** As {@link #assertCall} for the operations declared {@code security: []}: no cookie at all. */
    static void assertAnonymousCall(LoggedRequest r, String method, String url) {
        assertEquals(method, r.getMethod().getName());
        assertEquals(url, r.getUrl());
        assertFalse(r.containsHeader("Cookie"), () -> "no cookie expected, got " + r.getHeader("Cookie"));
        assertEquals("1.6.0", r.getHeader(API_VERSION_HEADER), "a 1.6 client sends its API version");
    }

    static void assertQueueId(LoggedRequest r, UUID expected) {
        if (expected == null) {
            assertNull(r.getHeader("queue-id"), "no queue-id header without one configured");
        } else {
            assertEquals(expected.toString(), r.getHeader("queue-id"));
        }
    }

    static JsonElement body(LoggedRequest r) {
        return JsonParser.parseString(new String(r.getBody(), StandardCharsets.UTF_8));
    }

    static void assertJsonBody(LoggedRequest r) {
        assertEquals("application/json", r.getHeader("Content-Type"));
    }

    static void assertNoBody(LoggedRequest r) {
        assertEquals(0, r.getBody().length, "no body expected");
    }
}
