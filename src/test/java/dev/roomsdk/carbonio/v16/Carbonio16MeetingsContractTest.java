package dev.roomsdk.carbonio.v16;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.BOB;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.MEETING;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.MEETING_JSON;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.QUEUE;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.ROOM;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertAnonymousCall;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertCall;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertNoBody;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertQueueId;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.body;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.json;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.CarbonioGeneration;
import dev.roomsdk.carbonio.v16.api.MeetingsApi;
import dev.roomsdk.carbonio.v16.model.AudioStreamSettings;
import dev.roomsdk.carbonio.v16.model.HandStatus;
import dev.roomsdk.carbonio.v16.model.JoinMeetingResult;
import dev.roomsdk.carbonio.v16.model.JoinSettings;
import dev.roomsdk.carbonio.v16.model.JoinStatus;
import dev.roomsdk.carbonio.v16.model.MediaStream;
import dev.roomsdk.carbonio.v16.model.MediaStreamSettings;
import dev.roomsdk.carbonio.v16.model.MediaStreamType;
import dev.roomsdk.carbonio.v16.model.Meeting;
import dev.roomsdk.carbonio.v16.model.MeetingType;
import dev.roomsdk.carbonio.v16.model.NewMeetingData;
import dev.roomsdk.carbonio.v16.model.PublicMeeting;
import dev.roomsdk.carbonio.v16.model.QueueUpdateStatus;
import dev.roomsdk.carbonio.v16.model.QueuedUserUpdate;
import dev.roomsdk.carbonio.v16.model.QueuedUsers;
import dev.roomsdk.carbonio.v16.model.RecordingFields;
import dev.roomsdk.carbonio.v16.model.SessionDescriptionProtocol;
import dev.roomsdk.carbonio.v16.model.SubscriptionUpdates;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Meetings of the 1.6 generation: lifecycle, queue, media, recording (optional bodies), hands. */
class Carbonio16MeetingsContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio-1.6");

    static final String SDP = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n";

    @Test
    void meetingLifecycle() {
        String stopped = MEETING_JSON.replace("\"active\":true", "\"active\":false");
        server.stubFor(post(urlPathEqualTo("/meetings")).willReturn(json(200, MEETING_JSON)));
        server.stubFor(get(urlPathEqualTo("/meetings")).willReturn(json(200, "[" + MEETING_JSON + "]")));
        server.stubFor(get(urlPathEqualTo("/meetings/" + MEETING)).willReturn(json(200, MEETING_JSON)));
        server.stubFor(get(urlPathEqualTo("/rooms/" + ROOM + "/meeting")).willReturn(json(200, MEETING_JSON)));
        server.stubFor(post(urlPathEqualTo("/meetings/" + MEETING + "/start")).willReturn(json(200, MEETING_JSON)));
        server.stubFor(post(urlPathEqualTo("/meetings/" + MEETING + "/stop")).willReturn(json(200, stopped)));
        server.stubFor(delete(urlPathEqualTo("/meetings/" + MEETING)).willReturn(noContent()));

        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), QUEUE)) {
            MeetingsApi meetings = carbonio.v16().meetings();
            Meeting created = meetings.createMeeting(new NewMeetingData().name("Quarterly review").roomId(ROOM)
                    .meetingType(MeetingType.SCHEDULED).expiration(OffsetDateTime.parse("2026-12-01T18:00:00Z"))).execute();
            assertEquals(MEETING, created.getId());
            assertEquals(1, meetings.listMeeting().execute().size());
            Meeting read = meetings.getMeeting(MEETING).execute();
            assertEquals(OffsetDateTime.parse("2026-11-21T16:50:00Z"), read.getParticipants().get(0).getHandRaisedAt());
            assertEquals(ROOM, meetings.getMeetingByRoomId(ROOM).execute().getRoomId());
            assertTrue(meetings.startMeeting(MEETING).execute().getActive());
            assertFalse(meetings.stopMeeting(MEETING).execute().getActive());
            assertNull(meetings.deleteMeeting(MEETING).execute());
        }

        List<LoggedRequest> requests = server.requests();
        assertEquals(7, requests.size());
        assertCall(requests.get(0), "POST", "/meetings");
        JsonObject body = body(requests.get(0)).getAsJsonObject();
        assertEquals("scheduled", body.get("meetingType").getAsString());
        assertEquals(ROOM.toString(), body.get("roomId").getAsString());
        assertCall(requests.get(1), "GET", "/meetings");
        assertCall(requests.get(2), "GET", "/meetings/" + MEETING);
        assertCall(requests.get(3), "GET", "/rooms/" + ROOM + "/meeting");
        assertCall(requests.get(4), "POST", "/meetings/" + MEETING + "/start");
        assertNoBody(requests.get(4));
        assertCall(requests.get(5), "POST", "/meetings/" + MEETING + "/stop");
        assertCall(requests.get(6), "DELETE", "/meetings/" + MEETING);
        requests.forEach(r -> assertQueueId(r, QUEUE));
    }

    @Test
    void getMeetingPublicNeedsNoCredentials() {
        server.stubFor(get(urlPathEqualTo("/public/meetings/" + MEETING)).willReturn(json(200, "{\"name\":\"Design team\"}")));

        PublicMeeting meeting;
        try (Carbonio anonymous = Carbonio.builder().generation(CarbonioGeneration.V1_6).baseUrl(server.baseUrl()).build()) {
            meeting = anonymous.v16().meetings().getMeetingPublic(MEETING).execute();
        }

        assertAnonymousCall(server.onlyRequest(), "GET", "/public/meetings/" + MEETING);
        assertEquals("Design team", meeting.getName());
    }

    @Test
    void joinMeetingSendsTheQueueIdAndTheSettings() {
        server.stubFor(post(urlPathEqualTo("/meetings/" + MEETING + "/join")).willReturn(json(200, "{\"status\":\"WAITING\"}")));
        server.stubFor(post(urlPathEqualTo("/meetings/" + MEETING + "/leave")).willReturn(noContent()));

        JoinMeetingResult result;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), QUEUE)) {
            result = carbonio.v16().meetings().joinMeeting(MEETING, new JoinSettings().audioStreamEnabled(true)
                    .videoStreamEnabled(false)).execute();
            carbonio.v16().meetings().leaveMeeting(MEETING).execute();
        }

        List<LoggedRequest> requests = server.requests();
        assertCall(requests.get(0), "POST", "/meetings/" + MEETING + "/join");
        assertQueueId(requests.get(0), QUEUE);
        JsonObject body = body(requests.get(0)).getAsJsonObject();
        assertTrue(body.get("audioStreamEnabled").getAsBoolean());
        assertFalse(body.get("videoStreamEnabled").getAsBoolean());
        assertEquals(JoinStatus.WAITING, result.getStatus());
        assertCall(requests.get(1), "POST", "/meetings/" + MEETING + "/leave");
    }

    @Test
    void joinMeetingWithoutQueueIdFailsBeforeAnyIo() {
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> carbonio.v16().meetings()
                    .joinMeeting(MEETING, new JoinSettings().audioStreamEnabled(true).videoStreamEnabled(true)).execute());
            assertTrue(e.getMessage().contains("header queue-id: is required"), e.getMessage());
        }
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void waitingQueueIsReadAndAUserAdmitted() {
        server.stubFor(get(urlPathEqualTo("/meetings/" + MEETING + "/queue"))
                .willReturn(json(200, "{\"users\":[\"" + BOB + "\"]}")));
        server.stubFor(post(urlPathEqualTo("/meetings/" + MEETING + "/queue/" + BOB)).willReturn(noContent()));

        QueuedUsers queue;
        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            queue = carbonio.v16().meetings().getQueue(MEETING).execute();
            carbonio.v16().meetings().updateQueuedUser(MEETING, BOB, new QueuedUserUpdate().status(QueueUpdateStatus.ACCEPTED))
                    .execute();
        }

        assertEquals(List.of(BOB), queue.getUsers());
        List<LoggedRequest> requests = server.requests();
        assertCall(requests.get(0), "GET", "/meetings/" + MEETING + "/queue");
        assertCall(requests.get(1), "POST", "/meetings/" + MEETING + "/queue/" + BOB);
        assertEquals("ACCEPTED", body(requests.get(1)).getAsJsonObject().get("status").getAsString());
    }

    @Test
    void mediaAndAudioStreams() {
        for (String path : List.of("/media", "/media/answer", "/media/subscribe", "/audio", "/audio/offer")) {
            server.stubFor(put(urlPathEqualTo("/meetings/" + MEETING + path)).willReturn(noContent()));
        }

        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            MeetingsApi meetings = carbonio.v16().meetings();
            meetings.updateMediaStream(MEETING, new MediaStreamSettings().type(MediaStreamType.VIDEO).enabled(true).sdp(SDP))
                    .execute();
            meetings.answerRtcMediaStream(MEETING, new SessionDescriptionProtocol().sdp(SDP)).execute();
            meetings.updateSubscriptionsMediaStream(MEETING, new SubscriptionUpdates()
                    .subscribe(List.of(new MediaStream().userId(BOB.toString()).type(MediaStreamType.VIDEO)))
                    .unsubscribe(List.of(new MediaStream().userId(BOB.toString()).type(MediaStreamType.SCREEN)))).execute();
            meetings.updateAudioStream(MEETING, new AudioStreamSettings().enabled(false).userToModerate(BOB.toString()))
                    .execute();
            meetings.offerRtcAudioStream(MEETING, new SessionDescriptionProtocol().sdp(SDP)).execute();
        }

        List<LoggedRequest> requests = server.requests();
        assertEquals(5, requests.size());
        assertCall(requests.get(0), "PUT", "/meetings/" + MEETING + "/media");
        assertEquals("video", body(requests.get(0)).getAsJsonObject().get("type").getAsString());
        assertEquals(SDP, body(requests.get(0)).getAsJsonObject().get("sdp").getAsString());
        assertCall(requests.get(1), "PUT", "/meetings/" + MEETING + "/media/answer");
        assertCall(requests.get(2), "PUT", "/meetings/" + MEETING + "/media/subscribe");
        assertEquals("screen", body(requests.get(2)).getAsJsonObject().getAsJsonArray("unsubscribe").get(0)
                .getAsJsonObject().get("type").getAsString());
        assertCall(requests.get(3), "PUT", "/meetings/" + MEETING + "/audio");
        assertFalse(body(requests.get(3)).getAsJsonObject().get("enabled").getAsBoolean());
        assertCall(requests.get(4), "PUT", "/meetings/" + MEETING + "/audio/offer");
    }

    @Test
    void recordingBodiesAreOptionalIn16() {
        server.stubFor(post(urlPathEqualTo("/meetings/" + MEETING + "/startRecording")).willReturn(noContent()));
        server.stubFor(post(urlPathEqualTo("/meetings/" + MEETING + "/stopRecording")).willReturn(noContent()));

        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            MeetingsApi meetings = carbonio.v16().meetings();
            meetings.startRecording(MEETING).execute();
            meetings.startRecording(MEETING).recordingFields(new RecordingFields().name("Quarterly review").folderId("257"))
                    .execute();
            // servers from 1.6.3 take none; servers before 1.6.3 need the name and folder
            meetings.stopRecording(MEETING).execute();
            meetings.stopRecording(MEETING).recordingFields(new RecordingFields().name("Quarterly review").folderId("257"))
                    .execute();
        }

        List<LoggedRequest> requests = server.requests();
        assertEquals(4, requests.size());
        assertCall(requests.get(0), "POST", "/meetings/" + MEETING + "/startRecording");
        assertNoBody(requests.get(0));
        assertEquals("257", body(requests.get(1)).getAsJsonObject().get("folderId").getAsString());
        assertCall(requests.get(2), "POST", "/meetings/" + MEETING + "/stopRecording");
        assertNoBody(requests.get(2));
        assertEquals("Quarterly review", body(requests.get(3)).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void updateHandStatus() {
        server.stubFor(put(urlPathEqualTo("/meetings/" + MEETING + "/hand")).willReturn(noContent()));

        try (Carbonio carbonio = Carbonio16Fixtures.client(server.baseUrl(), null)) {
            carbonio.v16().meetings().updateHandStatus(MEETING, new HandStatus().raised(false).userToModerate(BOB.toString()))
                    .execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", "/meetings/" + MEETING + "/hand");
        assertFalse(body(r).getAsJsonObject().get("raised").getAsBoolean());
        assertEquals(BOB.toString(), body(r).getAsJsonObject().get("userToModerate").getAsString());
    }
}
