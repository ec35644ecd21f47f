package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.DEFAULT_QUEUE;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.GUEST_ID;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.MEETING_ID;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.MODERATOR_ID;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.OTHER_QUEUE;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.ROOM_ID;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.RUNNING_MEETING;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.TOKEN;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertAbsent;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertAuthCookie;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertCall;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertNoBody;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertNoQueueId;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertQueueId;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.emptyError;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.idleMeeting;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.json;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.jsonBody;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import dev.roomsdk.carbonio.model.Meeting;
import dev.roomsdk.carbonio.model.MeetingType;
import dev.roomsdk.carbonio.model.MeetingUserType;
import dev.roomsdk.carbonio.model.NewMeetingData;
import dev.roomsdk.carbonio.model.Participant;
import dev.roomsdk.carbonio.model.PublicMeeting;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.error.PermissionDeniedException;
import dev.roomsdk.contract.ContractServer;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Meeting lifecycle through {@code Carbonio.meetings()}: list, create (permanent and
 * scheduled), read (by id, by room, public), delete, start and stop. Each test checks the
 * request on the wire and the typed result; the server validates both against the contract.
 */
class CarbonioMeetingLifecycleContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String MEETING_PATH = "/meetings/" + MEETING_ID;

    @Test
    void listMeetingReturnsMeetingsWithTheirParticipants() {
        server.stubFor(get(urlPathEqualTo("/meetings")).willReturn(json(200,
                "[" + RUNNING_MEETING + "," + idleMeeting("Retro", "scheduled") + "]")));

        List<Meeting> meetings;
        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            meetings = carbonio.meetings().listMeeting().execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", "/meetings");
        assertAuthCookie(r);
        assertQueueId(r, DEFAULT_QUEUE);
        assertEquals(2, meetings.size());
        Meeting running = meetings.get(0);
        assertEquals(MEETING_ID, running.getId());
        assertEquals(ROOM_ID, running.getRoomId());
        assertEquals("Design team", running.getName());
        assertEquals(Boolean.TRUE, running.getActive());
        assertEquals(MeetingType.PERMANENT, running.getMeetingType());
        assertEquals(OffsetDateTime.parse("2026-11-20T09:30:00Z"), running.getCreatedAt());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), running.getStartedAt());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:50:00Z"), running.getRecStartedAt());
        assertEquals(MODERATOR_ID, running.getRecUserId());

        Participant moderator = running.getParticipants().get(0);
        assertEquals(MODERATOR_ID, moderator.getUserId());
        assertEquals(MeetingUserType.MODERATOR, moderator.getUserType());
        assertEquals(DEFAULT_QUEUE.toString(), moderator.getQueueId());
        assertEquals(Boolean.TRUE, moderator.getAudioStreamEnabled());
        assertEquals(Boolean.FALSE, moderator.getVideoStreamEnabled());
        assertEquals(Boolean.TRUE, moderator.getScreenStreamEnabled());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), moderator.getJoinedAt());
        Participant registered = running.getParticipants().get(1);
        assertEquals(GUEST_ID, registered.getUserId());
        assertEquals(MeetingUserType.REGISTERED, registered.getUserType());
        assertNull(registered.getQueueId(), "queueId is optional");
        assertEquals(OffsetDateTime.parse("2026-11-21T15:47:00Z").toInstant(), registered.getJoinedAt().toInstant(),
                "the offset of the server's timestamp is kept");

        Meeting idle = meetings.get(1);
        assertEquals(MeetingType.SCHEDULED, idle.getMeetingType());
        assertEquals(Boolean.FALSE, idle.getActive());
        assertTrue(idle.getParticipants().isEmpty());
        assertNull(idle.getStartedAt());
    }

    @Test
    void createPermanentMeetingSendsNoExpiration() {
        server.stubFor(post(urlPathEqualTo("/meetings")).willReturn(json(200, idleMeeting("Design team", "permanent"))));

        Meeting created;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            created = carbonio.meetings().createMeeting(new NewMeetingData()
                    .name("Design team").roomId(ROOM_ID).meetingType(MeetingType.PERMANENT)).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", "/meetings");
        assertAuthCookie(r);
        assertNoQueueId(r);
        JsonObject body = jsonBody(r);
        assertEquals("Design team", body.get("name").getAsString());
        assertEquals(ROOM_ID.toString(), body.get("roomId").getAsString());
        assertEquals("permanent", body.get("meetingType").getAsString());
        assertAbsent(body, "expiration");
        assertEquals(3, body.size(), body.toString());
        assertEquals(MEETING_ID, created.getId());
        assertEquals(MeetingType.PERMANENT, created.getMeetingType());
        assertEquals(Boolean.FALSE, created.getActive());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), created.getCreatedAt());
    }

    @Test
    void createScheduledMeetingSendsItsExpiration() {
        server.stubFor(post(urlPathEqualTo("/meetings")).willReturn(json(200, idleMeeting("Quarterly review", "scheduled"))));
        OffsetDateTime expiration = OffsetDateTime.parse("2026-12-01T19:00:00+01:00");

        Meeting created;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            created = carbonio.meetings().createMeeting(new NewMeetingData()
                    .name("Quarterly review").meetingType(MeetingType.SCHEDULED).expiration(expiration))
                    .queueId(OTHER_QUEUE).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", "/meetings");
        assertAuthCookie(r);
        assertQueueId(r, OTHER_QUEUE);
        JsonObject body = jsonBody(r);
        assertEquals("scheduled", body.get("meetingType").getAsString());
        assertEquals(expiration.toInstant(), OffsetDateTime.parse(body.get("expiration").getAsString()).toInstant());
        assertAbsent(body, "roomId");
        assertEquals("Quarterly review", created.getName());
        assertEquals(MeetingType.SCHEDULED, created.getMeetingType());
        assertEquals(ROOM_ID, created.getRoomId());
    }

    @Test
    void getMeetingSendsTheCallsQueueIdOverTheDefault() {
        server.stubFor(get(urlPathEqualTo(MEETING_PATH)).willReturn(json(200, RUNNING_MEETING)));

        Meeting meeting;
        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            meeting = carbonio.meetings().getMeeting(MEETING_ID).queueId(OTHER_QUEUE).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", MEETING_PATH);
        assertAuthCookie(r);
        assertQueueId(r, OTHER_QUEUE);
        assertEquals(MEETING_ID, meeting.getId());
        assertEquals(2, meeting.getParticipants().size());
        assertEquals(MeetingUserType.MODERATOR, meeting.getParticipants().get(0).getUserType());
    }

    @Test
    void getUnknownMeetingRaisesNotFoundWithTheEmptyBody() {
        server.stubFor(get(urlPathEqualTo(MEETING_PATH)).willReturn(emptyError(404)));

        NotFoundException e;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            e = assertThrows(NotFoundException.class, () -> carbonio.meetings().getMeeting(MEETING_ID).execute());
        }

        assertAuthCookie(server.onlyRequest());
        assertEquals(404, e.statusCode());
        assertEquals("", e.body());
        assertEquals("GET " + MEETING_PATH, e.operation());
        assertTrue(e.getMessage().contains("GET " + MEETING_PATH) && e.getMessage().contains("404"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN) || e.toString().contains(TOKEN), "no credential in the message");
    }

    @Test
    void getMeetingByRoomIdReadsTheRoomsMeeting() {
        server.stubFor(get(urlPathEqualTo("/rooms/" + ROOM_ID + "/meeting")).willReturn(json(200, RUNNING_MEETING)));

        Meeting meeting;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            meeting = carbonio.meetings().getMeetingByRoomId(ROOM_ID).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", "/rooms/" + ROOM_ID + "/meeting");
        assertAuthCookie(r);
        assertNoQueueId(r);
        assertEquals(MEETING_ID, meeting.getId());
        assertEquals(ROOM_ID, meeting.getRoomId());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), meeting.getParticipants().get(0).getJoinedAt());
    }

    @Test
    void deleteMeetingSendsNoBodyAndReturnsOn204() {
        server.stubFor(delete(urlPathEqualTo(MEETING_PATH)).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            carbonio.meetings().deleteMeeting(MEETING_ID).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "DELETE", MEETING_PATH);
        assertAuthCookie(r);
        assertQueueId(r, DEFAULT_QUEUE);
        assertNoBody(r);
    }

    @Test
    void deleteSomeoneElsesMeetingRaisesPermissionDenied() {
        server.stubFor(delete(urlPathEqualTo(MEETING_PATH)).willReturn(emptyError(403)));

        PermissionDeniedException e;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            e = assertThrows(PermissionDeniedException.class, () -> carbonio.meetings().deleteMeeting(MEETING_ID).execute());
        }

        assertCall(server.onlyRequest(), "DELETE", MEETING_PATH);
        assertEquals(403, e.statusCode());
        assertEquals("DELETE " + MEETING_PATH, e.operation());
    }

    @Test
    void startMeetingReturnsTheActiveMeeting() {
        server.stubFor(post(urlPathEqualTo(MEETING_PATH + "/start")).willReturn(json(200,
                "{\"id\":\"" + MEETING_ID + "\",\"name\":\"Design team\",\"roomId\":\"" + ROOM_ID + "\",\"active\":true,"
                        + "\"participants\":[],\"createdAt\":\"2026-11-20T09:30:00Z\",\"meetingType\":\"permanent\","
                        + "\"startedAt\":\"2026-11-21T16:45:12.250Z\"}")));

        Meeting started;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            started = carbonio.meetings().startMeeting(MEETING_ID).queueId(OTHER_QUEUE).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", MEETING_PATH + "/start");
        assertAuthCookie(r);
        assertQueueId(r, OTHER_QUEUE);
        assertNoBody(r);
        assertEquals(Boolean.TRUE, started.getActive());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), started.getStartedAt());
        assertTrue(started.getParticipants().isEmpty());
    }

    @Test
    void stopMeetingReturnsTheInactiveMeeting() {
        server.stubFor(post(urlPathEqualTo(MEETING_PATH + "/stop")).willReturn(json(200, idleMeeting("Design team", "permanent"))));

        Meeting stopped;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            stopped = carbonio.meetings().stopMeeting(MEETING_ID).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", MEETING_PATH + "/stop");
        assertAuthCookie(r);
        assertNoBody(r);
        assertEquals(Boolean.FALSE, stopped.getActive());
        assertNull(stopped.getStartedAt());
        assertEquals(MEETING_ID, stopped.getId());
    }

    /**
     * The public read declares {@code security: []}: a guest has no session, so the client
     * sends its cookie nowhere near it, although it has one. The typed call must work, and the
     * same read from a raw client must satisfy the contract too, while an authenticated read
     * without the cookie must not (next test).
     */
    @Test
    void getMeetingPublicReadsTheNameAndNeedsNoSession() throws IOException {
        server.stubFor(get(urlPathEqualTo("/public/meetings/" + MEETING_ID))
                .willReturn(json(200, "{\"name\":\"Design team\"}")));

        PublicMeeting meeting;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            meeting = carbonio.meetings().getMeetingPublic(MEETING_ID).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", "/public/meetings/" + MEETING_ID);
        assertNoQueueId(r);
        assertFalse(r.containsHeader("Cookie"), "the session cookie stays off a public read: " + r.getHeader("Cookie"));
        assertEquals("Design team", meeting.getName());

        sendWithoutCookie("/public/meetings/" + MEETING_ID);
        assertEquals(2, server.requests().stream().filter(x -> !x.containsHeader("Cookie")).count());
        assertEquals(List.of(), server.violations(false), "a cookie-less public read is on contract");
    }

    @Test
    void authenticatedReadWithoutTheCookieBreaksTheContract() throws IOException {
        server.stubFor(get(urlPathEqualTo(MEETING_PATH)).willReturn(json(200, RUNNING_MEETING)));

        sendWithoutCookie(MEETING_PATH);

        List<String> violations = server.violations(false);
        server.wireMock().resetRequests(); // the violation was provoked on purpose
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("requires security parameters"), violations.get(0));
    }

    // a raw request, as a browser of a guest would send it: no session cookie at all
    private static void sendWithoutCookie(String path) throws IOException {
        OkHttpClient raw = new OkHttpClient();
        try (Response response = raw.newCall(new Request.Builder().url(server.baseUrl() + path).build()).execute()) {
            assertEquals(200, response.code());
            response.body().string();
        } finally {
            raw.dispatcher().executorService().shutdown();
            raw.connectionPool().evictAll();
        }
    }
}
