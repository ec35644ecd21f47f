package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertNoQueueId;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.assertQueueId;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.emptyError;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.json;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.jsonBody;
import static dev.roomsdk.carbonio.CarbonioMeetingFixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import dev.roomsdk.carbonio.model.HandStatus;
import dev.roomsdk.carbonio.model.JoinMeetingResult;
import dev.roomsdk.carbonio.model.JoinSettings;
import dev.roomsdk.carbonio.model.JoinStatus;
import dev.roomsdk.carbonio.model.QueueUpdateStatus;
import dev.roomsdk.carbonio.model.QueuedUserUpdate;
import dev.roomsdk.carbonio.model.QueuedUsers;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.BadRequestException;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.core.error.PermissionDeniedException;
import dev.roomsdk.core.http.HttpSettings;
import java.util.List;
import java.util.concurrent.CompletionException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Taking part in a meeting through {@code Carbonio.meetings()}: join (with the required
 * {@code queue-id}), leave, the waiting queue and its decisions, raised hands.
 */
class CarbonioMeetingParticipationContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    static final String MEETING_PATH = "/meetings/" + MEETING_ID;

    @Test
    void joinWithAnExplicitQueueIdAndAudioOnlyIsAccepted() {
        server.stubFor(post(urlPathEqualTo(MEETING_PATH + "/join")).willReturn(json(200, "{\"status\":\"ACCEPTED\"}")));

        JoinMeetingResult result;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            result = carbonio.meetings().joinMeeting(MEETING_ID,
                    new JoinSettings().audioStreamEnabled(true).videoStreamEnabled(false)).queueId(OTHER_QUEUE).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", MEETING_PATH + "/join");
        assertAuthCookie(r);
        assertQueueId(r, OTHER_QUEUE);
        JsonObject body = jsonBody(r);
        assertTrue(body.get("audioStreamEnabled").getAsBoolean());
        assertFalse(body.get("videoStreamEnabled").getAsBoolean());
        assertEquals(2, body.size(), body.toString());
        assertEquals(JoinStatus.ACCEPTED, result.getStatus());
    }

    @Test
    void joinWithoutAQueueIdArgumentSendsTheBuildersAndMayWait() {
        server.stubFor(post(urlPathEqualTo(MEETING_PATH + "/join")).willReturn(json(200, "{\"status\":\"WAITING\"}")));

        JoinMeetingResult result;
        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            result = carbonio.meetings().joinMeeting(MEETING_ID,
                    new JoinSettings().audioStreamEnabled(false).videoStreamEnabled(true)).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", MEETING_PATH + "/join");
        assertAuthCookie(r);
        assertQueueId(r, DEFAULT_QUEUE);
        JsonObject body = jsonBody(r);
        assertFalse(body.get("audioStreamEnabled").getAsBoolean());
        assertTrue(body.get("videoStreamEnabled").getAsBoolean());
        assertEquals(JoinStatus.WAITING, result.getStatus());
    }

    @Test
    void joinWithAQueueIdArgumentOverridesTheBuilders() {
        server.stubFor(post(urlPathEqualTo(MEETING_PATH + "/join")).willReturn(json(200, "{\"status\":\"ACCEPTED\"}")));

        JoinMeetingResult result;
        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            result = carbonio.meetings().joinMeeting(MEETING_ID,
                    new JoinSettings().audioStreamEnabled(true).videoStreamEnabled(true)).queueId(OTHER_QUEUE).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertQueueId(r, OTHER_QUEUE);
        JsonObject body = jsonBody(r);
        assertTrue(body.get("audioStreamEnabled").getAsBoolean() && body.get("videoStreamEnabled").getAsBoolean());
        assertEquals(JoinStatus.ACCEPTED, result.getStatus());
    }

    @Test
    void joinWithNoQueueIdAnywhereFailsBeforeTheNetwork() {
        InvalidRequestException e;
        Throwable async;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            JoinSettings settings = new JoinSettings().audioStreamEnabled(false).videoStreamEnabled(false);
            e = assertThrows(InvalidRequestException.class,
                    () -> carbonio.meetings().joinMeeting(MEETING_ID, settings).execute());
            async = assertThrows(CompletionException.class,
                    () -> carbonio.meetings().joinMeeting(MEETING_ID, settings).executeAsync().join()).getCause();
        }

        assertEquals(List.of("header queue-id: is required"), e.violations());
        assertTrue(e.getMessage().startsWith("joinMeeting (POST /meetings/{meetingId}/join)"), e.getMessage());
        assertEquals(List.of("header queue-id: is required"),
                assertInstanceOf(InvalidRequestException.class, async).violations());
        assertEquals(List.of(), server.requests(), "nothing was sent");
    }

    /**
     * The server answers 400 to a join that names no event queue. The typed call refuses to
     * send one (previous test), so here the client has a queue id and a network interceptor of
     * the caller's base client drops the header on its way out: the call still goes through
     * the client's execution path and error mapping.
     */
    @Test
    void joinThatReachesTheServerWithoutQueueIdIsRejectedWith400() {
        server.stubFor(post(urlPathEqualTo(MEETING_PATH + "/join")).willReturn(emptyError(400)));
        OkHttpClient base = new OkHttpClient.Builder().addNetworkInterceptor(chain -> chain.proceed(
                chain.request().newBuilder().removeHeader("queue-id").build())).build();

        BadRequestException e;
        try (Carbonio carbonio = Carbonio.builder().baseUrl(server.baseUrl()).authToken(CarbonioMeetingFixtures.TOKEN)
                .queueId(DEFAULT_QUEUE).httpSettings(HttpSettings.builder().baseClient(base).build()).build()) {
            e = assertThrows(BadRequestException.class, () -> carbonio.meetings().joinMeeting(MEETING_ID,
                    new JoinSettings().audioStreamEnabled(true).videoStreamEnabled(false)).execute());
        } finally {
            base.dispatcher().executorService().shutdown();
            base.connectionPool().evictAll();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", MEETING_PATH + "/join");
        assertAuthCookie(r);
        assertNoQueueId(r);
        assertEquals(400, e.statusCode());
        assertEquals("", e.body());
        assertEquals("POST " + MEETING_PATH + "/join", e.operation());
        assertTrue(e.getMessage().startsWith("POST " + MEETING_PATH + "/join failed with HTTP 400"), e.getMessage());

        // the contract agrees with the server: the header is required, so this request is off contract
        List<String> violations = server.requestViolations();
        server.wireMock().resetRequests(); // provoked on purpose; keep the after-test validation for the rest
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("queue-id"), violations.get(0));
    }

    @Test
    void leaveMeetingSendsNoBody() {
        server.stubFor(post(urlPathEqualTo(MEETING_PATH + "/leave")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            carbonio.meetings().leaveMeeting(MEETING_ID).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", MEETING_PATH + "/leave");
        assertAuthCookie(r);
        assertQueueId(r, DEFAULT_QUEUE);
        assertNoBody(r);
    }

    @Test
    void getQueueListsTheWaitingUsers() {
        server.stubFor(get(urlPathEqualTo(MEETING_PATH + "/queue")).willReturn(json(200,
                "{\"users\":[\"" + GUEST_ID + "\",\"" + MODERATOR_ID + "\"]}")));

        QueuedUsers queue;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            queue = carbonio.meetings().getQueue(MEETING_ID).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "GET", MEETING_PATH + "/queue");
        assertAuthCookie(r);
        assertEquals(List.of(GUEST_ID, MODERATOR_ID), queue.getUsers());
    }

    @Test
    void emptyQueueIsAnEmptyList() {
        server.stubFor(get(urlPathEqualTo(MEETING_PATH + "/queue")).willReturn(json(200, "{\"users\":[]}")));

        QueuedUsers queue;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            queue = carbonio.meetings().getQueue(MEETING_ID).queueId(OTHER_QUEUE).execute();
        }

        assertQueueId(server.onlyRequest(), OTHER_QUEUE);
        assertTrue(queue.getUsers().isEmpty());
    }

    @Test
    void updateQueuedUserAcceptsAWaitingUser() {
        String path = MEETING_PATH + "/queue/" + GUEST_ID;
        server.stubFor(post(urlPathEqualTo(path)).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            carbonio.meetings().updateQueuedUser(MEETING_ID, GUEST_ID,
                    new QueuedUserUpdate().status(QueueUpdateStatus.ACCEPTED)).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", path);
        assertAuthCookie(r);
        JsonObject body = jsonBody(r);
        assertEquals("ACCEPTED", body.get("status").getAsString());
        assertEquals(1, body.size(), body.toString());
    }

    @Test
    void updateQueuedUserRejectsAWaitingUser() {
        String path = MEETING_PATH + "/queue/" + GUEST_ID;
        server.stubFor(post(urlPathEqualTo(path)).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            carbonio.meetings().updateQueuedUser(MEETING_ID, GUEST_ID,
                    new QueuedUserUpdate().status(QueueUpdateStatus.REJECTED)).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "POST", path);
        assertQueueId(r, DEFAULT_QUEUE);
        assertEquals("REJECTED", jsonBody(r).get("status").getAsString());
    }

    @Test
    void updateQueuedUserByANonModeratorRaisesPermissionDenied() {
        String path = MEETING_PATH + "/queue/" + GUEST_ID;
        server.stubFor(post(urlPathEqualTo(path)).willReturn(emptyError(403)));

        PermissionDeniedException e;
        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            e = assertThrows(PermissionDeniedException.class, () -> carbonio.meetings().updateQueuedUser(MEETING_ID,
                    GUEST_ID, new QueuedUserUpdate().status(QueueUpdateStatus.ACCEPTED)).execute());
        }

        assertCall(server.onlyRequest(), "POST", path);
        assertEquals(403, e.statusCode());
        assertEquals("POST " + path, e.operation());
    }

    @Test
    void raiseOwnHandSendsOnlyRaised() {
        server.stubFor(put(urlPathEqualTo(MEETING_PATH + "/hand")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.clientWithQueue(server, DEFAULT_QUEUE)) {
            carbonio.meetings().updateHandStatus(MEETING_ID, new HandStatus().raised(true)).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", MEETING_PATH + "/hand");
        assertAuthCookie(r);
        assertQueueId(r, DEFAULT_QUEUE);
        JsonObject body = jsonBody(r);
        assertTrue(body.get("raised").getAsBoolean());
        assertAbsent(body, "userToModerate");
    }

    @Test
    void moderatorLowersAnotherUsersHand() {
        server.stubFor(put(urlPathEqualTo(MEETING_PATH + "/hand")).willReturn(noContent()));

        try (Carbonio carbonio = CarbonioMeetingFixtures.client(server)) {
            carbonio.meetings().updateHandStatus(MEETING_ID,
                    new HandStatus().raised(false).userToModerate(GUEST_ID.toString())).queueId(OTHER_QUEUE).execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertCall(r, "PUT", MEETING_PATH + "/hand");
        assertAuthCookie(r);
        assertQueueId(r, OTHER_QUEUE);
        JsonObject body = jsonBody(r);
        assertFalse(body.get("raised").getAsBoolean());
        assertEquals(GUEST_ID.toString(), body.get("userToModerate").getAsString());
        assertEquals(2, body.size(), body.toString());
    }
}
