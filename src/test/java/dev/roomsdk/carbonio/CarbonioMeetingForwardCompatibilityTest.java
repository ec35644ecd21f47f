package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.DEFAULT_QUEUE;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.MEETING_ID;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.MODERATOR_ID;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.ROOM_ID;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertAuthCookie;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertQueueId;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomsdk.carbonio.model.JoinMeetingResult;
import dev.roomsdk.carbonio.model.JoinSettings;
import dev.roomsdk.carbonio.model.JoinStatus;
import dev.roomsdk.carbonio.model.Meeting;
import dev.roomsdk.carbonio.model.MeetingType;
import dev.roomsdk.carbonio.model.MeetingUserType;
import dev.roomsdk.carbonio.model.Participant;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.ForwardCompatible;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A newer Carbonio sends meeting fields and enum values this contract does not know: calls
 * keep working and the known fields
 * keep their values; unknown enum values read as the generated UNKNOWN_DEFAULT_OPEN_API.
 */
class CarbonioMeetingForwardCompatibilityTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    @Test
    @ForwardCompatible
    void meetingWithUnknownFieldsAndEnumValuesKeepsTheKnownOnes() {
        server.stubFor(get(urlPathEqualTo("/meetings/" + MEETING_ID)).willReturn(json(200,
                "{\"id\":\"" + MEETING_ID + "\",\"name\":\"Design team\",\"roomId\":\"" + ROOM_ID + "\","
                        + "\"active\":true,\"meetingType\":\"recurring\",\"waitingRoom\":{\"enabled\":true},"
                        + "\"tags\":[\"weekly\"],\"participants\":[{\"userId\":\"" + MODERATOR_ID + "\","
                        + "\"userType\":\"guest\",\"audioStreamEnabled\":true,\"videoStreamEnabled\":false,"
                        + "\"joinedAt\":\"2026-11-21T16:45:12.250Z\",\"handRaisedAt\":\"2026-11-21T16:46:00Z\","
                        + "\"networkQuality\":\"good\","
                        + "\"device\":{\"kind\":\"phone\"}}],\"createdAt\":\"2026-11-20T09:30:00Z\","
                        + "\"startedAt\":\"2026-11-21T16:45:12.250Z\"}")));

        Meeting meeting;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            meeting = carbonio.meetings().getMeeting(MEETING_ID).execute();
        }

        assertAuthCookie(server.onlyRequest());
        assertEquals(MEETING_ID, meeting.getId());
        assertEquals(ROOM_ID, meeting.getRoomId());
        assertEquals("Design team", meeting.getName());
        assertEquals(Boolean.TRUE, meeting.getActive());
        assertEquals(MeetingType.UNKNOWN_DEFAULT_OPEN_API, meeting.getMeetingType());
        assertEquals(OffsetDateTime.parse("2026-11-20T09:30:00Z"), meeting.getCreatedAt());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), meeting.getStartedAt());
        Participant participant = meeting.getParticipants().get(0);
        assertEquals(MODERATOR_ID, participant.getUserId());
        assertEquals(MeetingUserType.UNKNOWN_DEFAULT_OPEN_API, participant.getUserType());
        assertEquals(Boolean.TRUE, participant.getAudioStreamEnabled());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:45:12.250Z"), participant.getJoinedAt());
        assertEquals(OffsetDateTime.parse("2026-11-21T16:46:00Z"), participant.getHandRaisedAt());
        // what the client does not model is still reachable
        assertEquals("good", participant.getAdditionalProperty("networkQuality"));
    }

    @Test
    @ForwardCompatible
    void joinWithAnUnknownStatusAndExtraFieldsStillReturns() {
        server.stubFor(post(urlPathEqualTo("/meetings/" + MEETING_ID + "/join")).willReturn(json(200,
                "{\"status\":\"PENDING_APPROVAL\",\"position\":3,\"estimatedWait\":{\"seconds\":40}}")));

        JoinMeetingResult result;
        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            result = carbonio.meetings().joinMeeting(MEETING_ID,
                    new JoinSettings().audioStreamEnabled(false).videoStreamEnabled(false)).execute();
        }

        assertQueueId(server.onlyRequest(), DEFAULT_QUEUE);
        assertEquals(JoinStatus.UNKNOWN_DEFAULT_OPEN_API, result.getStatus());
        assertEquals(3.0, ((Number) result.getAdditionalProperty("position")).doubleValue());
    }
}
