package dev.roomsdk.videsk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.auth.CachingTokenProvider;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Room access JWTs are re-issued through the join operation when their exp claim is near. */
class VideskRoomAccessTokenTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    static String jwt(Instant exp, String id) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"jti\":\"" + id + "\",\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2ln";
    }

    @Test
    void rejoinsOnlyWhenTheTokenNearsItsExpClaim() {
        String first = jwt(clock.instant().plus(Duration.ofMinutes(10)), "a");
        String second = jwt(clock.instant().plus(Duration.ofMinutes(30)), "b");
        server.stubFor(post(urlPathEqualTo("/vpaas/rooms/standup/join")).inScenario("join").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"accessToken\":\"" + first + "\"}")).willSetStateTo("joined"));
        server.stubFor(post(urlPathEqualTo("/vpaas/rooms/standup/join")).inScenario("join").whenScenarioStateIs("joined")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"accessToken\":\"" + second + "\"}")));

        try (Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("api").build()) {
            CachingTokenProvider room = videsk.roomAccessTokens("standup", Duration.ofMinutes(2), clock);

            assertEquals(first, room.token().value());
            clock.advance(Duration.ofMinutes(7));
            assertEquals(first, room.token().value(), "3 minutes left: outside the 2-minute margin");
            assertEquals(1, server.requests().size());

            clock.advance(Duration.ofMinutes(2));
            assertEquals(second, room.token().value(), "inside the margin: joined again");
            assertEquals(2, server.requests().size());
            assertEquals(0, server.requests().get(1).getBody().length, "joinRoom sends no body");
            assertEquals(clock.instant().plus(Duration.ofMinutes(21)), room.token().expiresAt().orElseThrow());
        }
    }

    @Test
    void roomIdIsRequired() {
        try (Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("api").build()) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> videsk.roomAccessTokens(""));
            assertEquals(java.util.List.of("roomId: must not be null or empty"), e.violations());
            assertEquals("joinRoom: invalid request: roomId: must not be null or empty", e.getMessage());
            assertThrows(InvalidRequestException.class, () -> videsk.roomAccessTokens(null));
        }
        assertEquals(0, server.requests().size(), "nothing is sent for a bad room id");
    }

    @Test
    void badRefreshSettingsAreConfigurationErrors() {
        try (Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("api").build()) {
            InvalidConfigurationException margin = assertThrows(InvalidConfigurationException.class,
                    () -> videsk.roomAccessTokens("r1", Duration.ofSeconds(-1), clock));
            assertTrue(margin.getMessage().contains("refreshMargin") && margin.getMessage().contains("negative"),
                    margin.getMessage());
            InvalidConfigurationException noClock = assertThrows(InvalidConfigurationException.class,
                    () -> videsk.roomAccessTokens("r1", Duration.ZERO, null));
            assertEquals("clock must not be null", noClock.getMessage());
        }
    }
}
