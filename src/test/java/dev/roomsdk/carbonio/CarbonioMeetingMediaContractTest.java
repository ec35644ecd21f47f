package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.DEFAULT_QUEUE;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.GUEST_ID;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.MEETING_ID;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.MODERATOR_ID;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.OTHER_QUEUE;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertAbsent;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertAuthCookie;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertCall;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertNoBody;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertQueueId;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.emptyError;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.jsonBody;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.roomsdk.carbonio.model.AudioStreamSettings;
import dev.roomsdk.carbonio.model.MediaStream;
import dev.roomsdk.carbonio.model.MediaStreamSettings;
import dev.roomsdk.carbonio.model.MediaStreamType;
import dev.roomsdk.carbonio.model.RecordingFields;
import dev.roomsdk.carbonio.model.SessionDescriptionProtocol;
import dev.roomsdk.carbonio.model.SubscriptionUpdates;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.NotFoundException;
import dev.roomsdk.core.error.PermissionDeniedException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Media of a meeting through {@code Carbonio.meetings()}: video and screen streams with their
 * WebRTC offers, SDP answers, subscriptions, audio (own and moderated), the audio offer, and
 * recording. Every operation answers 204, so the request body is what these tests pin down.
 */
class CarbonioMeetingMediaContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String MEETING_PATH = "/meetings/" + MEETING_ID;
    // SDP lines end in CRLF; the JSON string must carry them unchanged
    static final String OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
            + "a=group:BUNDLE 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n";
    static final String ANSWER = "v=0\r\no=- 7 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n";

    @Test
    void turnVideoOnSendsTheOffer() {
        server.stubFor(put(urlPathEqualTo(MEETING_PATH + "/media")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            carbonio.meetings().updateMediaStream(MEETING_ID,
                    new MediaStreamSettings().type(MediaStreamType.VIDEO).enabled(true).sdp(OFFER)).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", MEETING_PATH + "/media");
        assertAuthCookie(r);
        assertQueueId(r, DEFAULT_QUEUE);
        JsonObject body = jsonBody(r);
        assertEquals("video", body.get("type").getAsString());
        assertTrue(body.get("enabled").getAsBoolean());
        assertEquals(OFFER, body.get("sdp").getAsString());
        assertTrue(r.getBodyAsString().contains("\\r\\n"), "CRLF escaped in the JSON text");
    }

    @Test
    void turnScreenShareOffSendsNoSdp() {
        server.stubFor(put(urlPathEqualTo(MEETING_PATH + "/media")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            carbonio.meetings().updateMediaStream(MEETING_ID,
                    new MediaStreamSettings().type(MediaStreamType.SCREEN).enabled(false)).queueId(OTHER_QUEUE).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", MEETING_PATH + "/media");
        assertQueueId(r, OTHER_QUEUE);
        JsonObject body = jsonBody(r);
        assertEquals("screen", body.get("type").getAsString());
        assertFalse(body.get("enabled").getAsBoolean());
        assertAbsent(body, "sdp");
    }

    @Test
    void mediaOfAnUnknownMeetingRaisesNotFound() {
        server.stubFor(put(urlPathEqualTo(MEETING_PATH + "/media")).willReturn(emptyError(404)));

        NotFoundException e;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            e = assertThrows(NotFoundException.class, () -> carbonio.meetings().updateMediaStream(MEETING_ID,
                    new MediaStreamSettings().type(MediaStreamType.VIDEO).enabled(false)).execute());
        }

        assertAuthCookie(server.onlyRequest());
        assertEquals(404, e.statusCode());
        assertEquals("PUT " + MEETING_PATH + "/media", e.operation());
    }

    @Test
    void answerRtcMediaStreamSendsTheSdpAnswer() {
        server.stubFor(put(urlPathEqualTo(MEETING_PATH + "/media/answer")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            carbonio.meetings().answerRtcMediaStream(MEETING_ID, new SessionDescriptionProtocol().sdp(ANSWER)).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", MEETING_PATH + "/media/answer");
        assertAuthCookie(r);
        JsonObject body = jsonBody(r);
        assertEquals(ANSWER, body.get("sdp").getAsString());
        assertEquals(1, body.size(), body.toString());
    }

    @Test
    void updateSubscriptionsSendsBothLists() {
        server.stubFor(put(urlPathEqualTo(MEETING_PATH + "/media/subscribe")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            carbonio.meetings().updateSubscriptionsMediaStream(MEETING_ID, new SubscriptionUpdates()
                    .subscribe(List.of(
                            new MediaStream().userId(GUEST_ID.toString()).type(MediaStreamType.VIDEO),
                            new MediaStream().userId(MODERATOR_ID.toString()).type(MediaStreamType.SCREEN)))
                    .unsubscribe(List.of(new MediaStream().userId(GUEST_ID.toString()).type(MediaStreamType.SCREEN)))).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", MEETING_PATH + "/media/subscribe");
        assertAuthCookie(r);
        assertQueueId(r, DEFAULT_QUEUE);
        JsonObject body = jsonBody(r);
        JsonArray subscribe = body.getAsJsonArray("subscribe");
        assertEquals(2, subscribe.size());
        assertEquals(GUEST_ID.toString(), subscribe.get(0).getAsJsonObject().get("userId").getAsString());
        assertEquals("video", subscribe.get(0).getAsJsonObject().get("type").getAsString());
        assertEquals(MODERATOR_ID.toString(), subscribe.get(1).getAsJsonObject().get("userId").getAsString());
        assertEquals("screen", subscribe.get(1).getAsJsonObject().get("type").getAsString());
        JsonArray unsubscribe = body.getAsJsonArray("unsubscribe");
        assertEquals(1, unsubscribe.size());
        assertEquals("screen", unsubscribe.get(0).getAsJsonObject().get("type").getAsString());
    }

    @Test
    void emptyUnsubscribeListIsStillSent() {
        server.stubFor(put(urlPathEqualTo(MEETING_PATH + "/media/subscribe")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            carbonio.meetings().updateSubscriptionsMediaStream(MEETING_ID, new SubscriptionUpdates()
                    .subscribe(List.of(new MediaStream().userId(GUEST_ID.toString()).type(MediaStreamType.VIDEO)))
                    .unsubscribe(List.of())).execute();
        }

        JsonObject body = jsonBody(server.onlyRequest());
        assertEquals(1, body.getAsJsonArray("subscribe").size());
        assertTrue(body.has("unsubscribe"), "both lists are required by the contract");
        assertEquals(0, body.getAsJsonArray("unsubscribe").size());
    }

    @Test
    void turnOwnAudioOnSendsNoUserToModerate() {
        server.stubFor(put(urlPathEqualTo(MEETING_PATH + "/audio")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            carbonio.meetings().updateAudioStream(MEETING_ID, new AudioStreamSettings().enabled(true)).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", MEETING_PATH + "/audio");
        assertAuthCookie(r);
        JsonObject body = jsonBody(r);
        assertTrue(body.get("enabled").getAsBoolean());
        assertAbsent(body, "userToModerate");
    }

    @Test
    void moderatorMutesAnotherParticipant() {
        server.stubFor(put(urlPathEqualTo(MEETING_PATH + "/audio")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            carbonio.meetings().updateAudioStream(MEETING_ID,
                    new AudioStreamSettings().enabled(false).userToModerate(GUEST_ID.toString())).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", MEETING_PATH + "/audio");
        assertQueueId(r, DEFAULT_QUEUE);
        JsonObject body = jsonBody(r);
        assertFalse(body.get("enabled").getAsBoolean());
        assertEquals(GUEST_ID.toString(), body.get("userToModerate").getAsString());
    }

    @Test
    void mutingSomeoneWithoutBeingModeratorRaisesPermissionDenied() {
        server.stubFor(put(urlPathEqualTo(MEETING_PATH + "/audio")).willReturn(emptyError(403)));

        PermissionDeniedException e;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            e = assertThrows(PermissionDeniedException.class, () -> carbonio.meetings().updateAudioStream(MEETING_ID,
                    new AudioStreamSettings().enabled(false).userToModerate(GUEST_ID.toString())).execute());
        }

        assertCall(server.onlyRequest(), "PUT", MEETING_PATH + "/audio");
        assertEquals(403, e.statusCode());
        assertEquals("", e.body());
    }

    @Test
    void offerRtcAudioStreamSendsTheSdpOffer() {
        server.stubFor(put(urlPathEqualTo(MEETING_PATH + "/audio/offer")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            carbonio.meetings().offerRtcAudioStream(MEETING_ID, new SessionDescriptionProtocol().sdp(OFFER))
                    .queueId(OTHER_QUEUE).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", MEETING_PATH + "/audio/offer");
        assertAuthCookie(r);
        assertQueueId(r, OTHER_QUEUE);
        assertEquals(OFFER, jsonBody(r).get("sdp").getAsString());
    }

    @Test
    void startRecordingSendsNoBody() {
        server.stubFor(post(urlPathEqualTo(MEETING_PATH + "/startRecording")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            carbonio.meetings().startRecording(MEETING_ID).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", MEETING_PATH + "/startRecording");
        assertAuthCookie(r);
        assertQueueId(r, DEFAULT_QUEUE);
        assertNoBody(r);
    }

    @Test
    void stopRecordingSendsNameAndFolder() {
        server.stubFor(post(urlPathEqualTo(MEETING_PATH + "/stopRecording")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            carbonio.meetings().stopRecording(MEETING_ID,
                    new RecordingFields().name("Quarterly review – 1 Dec").folderId("257")).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", MEETING_PATH + "/stopRecording");
        assertAuthCookie(r);
        JsonObject body = jsonBody(r);
        assertEquals("Quarterly review – 1 Dec", body.get("name").getAsString());
        assertEquals("257", body.get("folderId").getAsString());
        assertEquals(2, body.size(), body.toString());
    }

    @Test
    void stopRecordingWhenNotRecordingRaisesNotFound() {
        server.stubFor(post(urlPathEqualTo(MEETING_PATH + "/stopRecording")).willReturn(emptyError(404)));

        NotFoundException e;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            e = assertThrows(NotFoundException.class, () -> carbonio.meetings().stopRecording(MEETING_ID,
                    new RecordingFields().name("r").folderId("257")).execute());
        }

        assertCall(server.onlyRequest(), "POST", MEETING_PATH + "/stopRecording");
        assertEquals("POST " + MEETING_PATH + "/stopRecording", e.operation());
    }
}
