package dev.roomsdk.carbonio.v16;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.API_VERSION_HEADER;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.GUEST;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.MEETING;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.assertAnonymousCall;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.body;
import static dev.roomsdk.carbonio.v16.Carbonio16Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.carbonio.Carbonio;
import dev.roomsdk.carbonio.CarbonioGeneration;
import dev.roomsdk.carbonio.v16.model.GuestUser;
import dev.roomsdk.carbonio.v16.model.GuestUserCreationFields;
import dev.roomsdk.carbonio.v16.model.JoinMeetingResult;
import dev.roomsdk.carbonio.v16.model.JoinSettings;
import dev.roomsdk.carbonio.v16.model.JoinStatus;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidRequestException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Guest users (1.6 only): created on WSC ({@code POST /guests}, servers after 1.6.4) or on the
 * auth service ({@code POST /zx/auth/v3/guests?name=}, up to 1.6.4), then acting with the
 * {@code zmToken} they were given.
 */
class Carbonio16GuestsContractTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio-1.6");

    static final String ZM_TOKEN = "0_8e2c4a6f1d3b5e7a_ef56ab12cd34";
    static final String ZX_TOKEN = "zx_4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c";
    static final String GUEST_USER = "{\"id\":\"" + GUEST + "\",\"zmToken\":\"" + ZM_TOKEN + "\",\"zxToken\":\"" + ZX_TOKEN + "\"}";
    static final UUID GUEST_QUEUE = UUID.fromString("2b4d6f8a-0c2e-4a6b-8d0f-2a4c6e8b0d13");

    private static Carbonio anonymous(String baseUrl) {
        return Carbonio.builder().generation(CarbonioGeneration.V1_6).baseUrl(baseUrl).build();
    }

    @Test
    void aGuestIsCreatedThenJoinsTheMeetingWithItsOwnToken() {
        server.stubFor(post(urlPathEqualTo("/guests")).willReturn(json(201, GUEST_USER)));
        server.stubFor(get(urlPathEqualTo("/public/meetings/" + MEETING)).willReturn(json(200, "{\"name\":\"Customer call\"}")));
        server.stubFor(post(urlPathEqualTo("/meetings/" + MEETING + "/join")).willReturn(json(200, "{\"status\":\"WAITING\"}")));

        // 1. whoever invites (here without credentials: guest creation needs none) creates the guest
        GuestUser guest;
        try (Carbonio inviter = anonymous(server.baseUrl())) {
            guest = inviter.v16().guests().createGuestUser(new GuestUserCreationFields().name("Grace Hopper")).execute();
        }
        assertEquals(GUEST.toString(), guest.getId());
        assertEquals(ZM_TOKEN, guest.getZmToken());
        assertEquals(ZX_TOKEN, guest.getZxToken());
        assertFalse(guest.toString().contains(ZM_TOKEN) || guest.toString().contains(ZX_TOKEN), "tokens are not printed");

        // 2. the guest acts with the token it was given: a client of its own, ZM_AUTH_TOKEN = zmToken
        JoinMeetingResult joined;
        String meetingName;
        try (Carbonio asGuest = Carbonio.builder().generation(CarbonioGeneration.V1_6).baseUrl(server.baseUrl())
                .authToken(guest.getZmToken()).queueId(GUEST_QUEUE).build()) {
            meetingName = asGuest.v16().meetings().getMeetingPublic(MEETING).execute().getName();
            joined = asGuest.v16().meetings().joinMeeting(MEETING, new JoinSettings().audioStreamEnabled(true)
                    .videoStreamEnabled(false)).execute();
        }

        List<LoggedRequest> requests = server.requests();
        assertEquals(3, requests.size());
        LoggedRequest create = requests.get(0);
        assertAnonymousCall(create, "POST", "/guests");
        assertEquals("application/json", create.getHeader("Content-Type"));
        assertEquals("{\"name\":\"Grace Hopper\"}", body(create).toString());
        assertAnonymousCall(requests.get(1), "GET", "/public/meetings/" + MEETING);
        LoggedRequest join = requests.get(2);
        assertEquals("POST", join.getMethod().getName());
        assertEquals("/meetings/" + MEETING + "/join", join.getUrl());
        assertEquals(Carbonio.AUTH_COOKIE + "=" + ZM_TOKEN, join.getHeader("Cookie"), "the guest's own token goes on the wire");
        assertEquals(GUEST_QUEUE.toString(), join.getHeader("queue-id"));
        assertEquals("1.6.0", join.getHeader(API_VERSION_HEADER));
        assertEquals("Customer call", meetingName);
        assertEquals(JoinStatus.WAITING, joined.getStatus());
    }

    @Test
    void createGuestUserAlsoAccepts200() {
        server.stubFor(post(urlPathEqualTo("/guests")).willReturn(json(200, GUEST_USER)));

        try (Carbonio inviter = anonymous(server.baseUrl())) {
            assertEquals(ZM_TOKEN, inviter.v16().guests().createGuestUser(new GuestUserCreationFields().name("Grace"))
                    .execute().getZmToken());
        }
    }

    @Test
    void aGuestWithoutANameFailsBeforeAnyIo() {
        try (Carbonio inviter = anonymous(server.baseUrl())) {
            assertThrows(InvalidRequestException.class,
                    () -> inviter.v16().guests().createGuestUser(new GuestUserCreationFields().name("")).execute());
            assertThrows(InvalidRequestException.class, () -> inviter.v16().authService().createGuestUserLegacy("").execute());
        }
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void legacyGuestCreationGoesToTheAuthServiceAtTheOriginOfTheWscUrl() {
        server.stubFor(post(urlPathEqualTo("/zx/auth/v3/guests")).willReturn(
                WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(GUEST_USER)));

        GuestUser guest;
        // the WSC service lives under a path; the auth service at the root of the same origin
        try (Carbonio carbonio = Carbonio.builder().generation(CarbonioGeneration.V1_6)
                .baseUrl(server.baseUrl() + "/services/chats").authToken("0_admin").queueId(GUEST_QUEUE).build()) {
            guest = carbonio.v16().authService().createGuestUserLegacy("Grace Hopper").execute();
        }

        LoggedRequest r = server.onlyRequest();
        assertEquals("POST", r.getMethod().getName());
        assertEquals("/zx/auth/v3/guests?name=Grace%20Hopper", r.getUrl());
        assertEquals("application/json", r.getHeader("Content-Type"), "sent as the web client sends it");
        assertEquals(0, r.getBody().length, "no body");
        assertFalse(r.containsHeader("Cookie"), "no credential goes to the auth service");
        assertNull(r.getHeader(API_VERSION_HEADER), "the auth service is not WSC");
        assertNull(r.getHeader("queue-id"));
        assertEquals(ZM_TOKEN, guest.getZmToken());
    }

    @Test
    void legacyGuestCreationGoesToTheGivenAuthServiceUrl() {
        server.stubFor(post(urlPathEqualTo("/zx/auth/v3/guests")).willReturn(
                WireMock.aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(GUEST_USER)));

        // nothing listens on the WSC URL: only the auth service is called
        try (Carbonio carbonio = Carbonio.builder().generation(CarbonioGeneration.V1_6)
                .baseUrl("http://127.0.0.1:9/services/chats").authServiceUrl(server.baseUrl()).build()) {
            assertEquals(GUEST.toString(), carbonio.v16().authService().createGuestUserLegacy("Grace").execute().getId());
        }

        assertEquals("/zx/auth/v3/guests?name=Grace", server.onlyRequest().getUrl());
    }
}
