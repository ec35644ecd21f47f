package dev.roomsdk.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.contract.OffContract;
import dev.roomsdk.core.auth.AccessToken;
import dev.roomsdk.core.auth.CachingTokenProvider;
import dev.roomsdk.core.auth.TokenRefreshException;
import dev.roomsdk.core.error.AuthenticationException;
import dev.roomsdk.core.error.ResponseDecodeException;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.CreateRoomRequest;
import dev.roomsdk.videsk.model.JoinRoomResponse;
import dev.roomsdk.videsk.model.RoomWithToken;
import dev.roomsdk.zoom.model.ZoomRoomProfile;
import dev.roomsdk.zoom.ZoomOAuth;
import dev.roomsdk.zoom.ZoomRooms;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import dev.roomsdk.testing.CapturedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the auth scenarios with every SDK logger at its most verbose level and checks that
 * canary secrets appear in no log record, exception message, stack trace or toString().
 */
class SecretRedactionCanaryTest {

    @RegisterExtension
    static final ContractServer videskServer = ContractServer.forApi("videsk");

    @RegisterExtension
    static final WireMockExtension oauth = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    static final String CANARY_TOKEN_OLD = "CANARY-old-token-7f3a";
    static final String CANARY_TOKEN_NEW = "CANARY-new-token-9b1c";
    static final String CANARY_SECRET = "CANARY-client-secret-44d2";
    static final String CANARY_REFRESH = "CANARY-refresh-token-0e8f";
    static final String CANARY_ROOM_JWT = "CANARY-room-jwt-5c2e";
    static final String CANARY_PASSCODE = "CANARY-pass-61a0";
    static final String CANARY_ACTIVATION = "CANARY-activation-d7b3";
    static final List<String> CANARIES = List.of(CANARY_TOKEN_OLD, CANARY_TOKEN_NEW, CANARY_SECRET, CANARY_REFRESH,
            CANARY_ROOM_JWT, CANARY_PASSCODE, CANARY_ACTIVATION);

    @RegisterExtension
    final CapturedText captured = CapturedText.atAllLevels("dev.roomsdk", "dev.roomsdk.http");

    void assertNoCanary() {
        assertFalse(captured.texts().isEmpty());
        for (String text : captured.texts()) {
            for (String canary : CANARIES) {
                assertFalse(text.contains(canary), "secret leaked: " + canary + " in:\n" + text);
            }
        }
    }

    @Test
    void bearerTokensNeverLeakThroughRefreshAndFailure() {
        videskServer.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).withHeader("Authorization", equalTo("Bearer " + CANARY_TOKEN_OLD))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"NotAuthenticated\",\"message\":\"jwt expired\",\"code\":401}")));
        videskServer.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).withHeader("Authorization", equalTo("Bearer " + CANARY_TOKEN_NEW))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"name\":\"NotAuthenticated\",\"message\":\"invalid signature\",\"code\":401}")));
        AtomicInteger n = new AtomicInteger();
        CachingTokenProvider tokens = CachingTokenProvider.builder(
                () -> AccessToken.of(n.getAndIncrement() == 0 ? CANARY_TOKEN_OLD : CANARY_TOKEN_NEW)).build();

        try (Videsk videsk = Videsk.builder().baseUrl(videskServer.baseUrl()).tokenProvider(tokens).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> videsk.rooms().getRoom("r1").execute());
            captured.addFailure(e);
            captured.add(videsk.toString());
            captured.add(tokens.toString());
            captured.add(tokens.token().toString());
        }

        assertTrue(captured.texts().stream().anyMatch(s -> s.contains("GET http://127.0.0.1")), "HTTP logging was on");
        assertTrue(captured.texts().stream().anyMatch(s -> s.contains("Authorization: <redacted>")), "headers were logged, masked");
        assertNoCanary();
    }

    @Test
    void oauthSecretsNeverLeakThroughTokenEndpointFailures() {
        oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + CANARY_TOKEN_OLD + "\",\"expires_in\":60,\"refresh_token\":\"" + CANARY_TOKEN_NEW + "\"}")));
        CachingTokenProvider s2s = ZoomOAuth.serverToServer("acc", "client", CANARY_SECRET)
                .oauthBaseUrl(oauth.baseUrl()).refreshMargin(Duration.ofMinutes(5)).build();
        captured.add(s2s.token().toString()); // inside the margin at once: logged as such
        captured.add(s2s.token().toString());
        captured.add(s2s.toString());

        oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"reason\":\"Invalid Token! " + CANARY_REFRESH + "\",\"error\":\"invalid_request\"}")));
        CachingTokenProvider refresh = ZoomOAuth.refreshToken("client", CANARY_SECRET, CANARY_REFRESH, t -> { })
                .oauthBaseUrl(oauth.baseUrl()).build();
        TokenRefreshException e = assertThrows(TokenRefreshException.class, refresh::token);
        captured.addFailure(e);
        captured.add(ZoomOAuth.refreshToken("client", CANARY_SECRET, CANARY_REFRESH, t -> { }).toString());

        assertTrue(e.getMessage().contains("invalid_request"), e.getMessage());
        assertNoCanary();
    }

    @Test
    void zoomOAuthTokensNeverLeakThroughTheClientsRefreshAndFailure() {
        // token endpoint: first the old token, then the new one
        oauth.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willSetStateTo("renewed").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + CANARY_TOKEN_OLD + "\",\"token_type\":\"bearer\",\"expires_in\":3599}")));
        oauth.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("renewed")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + CANARY_TOKEN_NEW + "\",\"token_type\":\"bearer\",\"expires_in\":3599}")));
        // the API rejects the old token (code 124), accepts the new one for one room, rejects it for another
        oauth.stubFor(get(urlPathEqualTo("/v2/rooms/room-1")).withHeader("Authorization", equalTo("Bearer " + CANARY_TOKEN_OLD))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":124,\"message\":\"Invalid access token.\"}")));
        oauth.stubFor(get(urlPathEqualTo("/v2/rooms/room-1")).withHeader("Authorization", equalTo("Bearer " + CANARY_TOKEN_NEW))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"basic\":{\"name\":\"Huddle 1\",\"room_passcode\":\"" + CANARY_PASSCODE
                                + "\",\"activation_code\":\"" + CANARY_ACTIVATION + "\"}}")));
        oauth.stubFor(get(urlPathEqualTo("/v2/rooms/room-2")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":124,\"message\":\"Access token is expired.\"}")));

        CachingTokenProvider s2s = ZoomOAuth.serverToServer("acc", "client", CANARY_SECRET).oauthBaseUrl(oauth.baseUrl()).build();
        try (ZoomRooms zoom = ZoomRooms.builder().baseUrl(oauth.baseUrl() + "/v2").credentials(s2s).build()) {
            ZoomRoomProfile profile = zoom.rooms().getZRProfile("room-1").execute();
            captured.add(String.valueOf(profile));
            assertEquals(CANARY_PASSCODE, profile.getBasic().getRoomPasscode(), "masked in toString only");
            assertEquals(CANARY_ACTIVATION, profile.getBasic().getActivationCode());
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> zoom.rooms().getZRProfile("room-2").execute());
            captured.addFailure(e);
            captured.add(zoom.toString());
            captured.add(s2s.toString());
        }

        // the first token, one refresh after each 401, and no more: never a loop
        oauth.verify(3, postRequestedFor(urlEqualTo("/oauth/token")));
        assertTrue(captured.texts().stream().anyMatch(s -> s.contains("Huddle 1")), "the refreshed call succeeded");
        assertTrue(captured.texts().stream().anyMatch(s -> s.contains("Authorization: <redacted>")), "headers were logged, masked");
        assertNoCanary();
    }

    @Test
    void roomAccessTokensAreReturnedButNeverPrinted() {
        videskServer.stubFor(post(urlPathEqualTo("/vpaas/rooms")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"r1\",\"name\":\"Standup\",\"accessToken\":\"" + CANARY_ROOM_JWT + "\"}")));
        videskServer.stubFor(post(urlPathEqualTo("/vpaas/rooms/r1/join")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"accessToken\":\"" + CANARY_ROOM_JWT + "\"}")));

        try (Videsk videsk = Videsk.builder().baseUrl(videskServer.baseUrl()).apiToken("api").build()) {
            RoomWithToken room = videsk.rooms().createRoom(new CreateRoomRequest().name("Standup")).execute();
            JoinRoomResponse joined = videsk.rooms().joinRoom("r1").execute();
            assertEquals(CANARY_ROOM_JWT, room.getAccessToken());
            assertEquals(CANARY_ROOM_JWT, joined.getAccessToken());
            captured.add(room.toString());
            captured.add(joined.toString());
        }

        assertTrue(captured.texts().stream().anyMatch(s -> s.contains("Standup")), "the room was printed");
        assertNoCanary();
    }

    @Test
    @OffContract
    void aBodyMissingARequiredFieldFailsWithoutQuotingTheTokenInIt() {
        videskServer.stubFor(post(urlPathEqualTo("/vpaas/rooms")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"name\":\"Standup\",\"accessToken\":\"" + CANARY_ROOM_JWT + "\"}"))); // no id

        ResponseDecodeException e;
        try (Videsk videsk = Videsk.builder().baseUrl(videskServer.baseUrl()).apiToken("api").build()) {
            e = assertThrows(ResponseDecodeException.class,
                    () -> videsk.rooms().createRoom(new CreateRoomRequest().name("Standup")).execute());
        }
        captured.addFailure(e);

        assertTrue(e.getMessage().contains("POST /vpaas/rooms") && e.getMessage().contains("`id`"), e.getMessage());
        assertTrue(e.getCause() != null && e.getCause().getStackTrace().length > 0, "where the decoder failed stays visible");
        assertNoCanary();
    }
}
