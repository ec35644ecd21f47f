package dev.roomsdk.carbonio;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.roomsdk.carbonio.CarbonioFixtures.GROUP_ROOM;
import static dev.roomsdk.carbonio.CarbonioFixtures.QUEUE;
import static dev.roomsdk.carbonio.CarbonioFixtures.ROOM;
import static dev.roomsdk.carbonio.CarbonioFixtures.TOKEN;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertAuthCookie;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertNoCookie;
import static dev.roomsdk.carbonio.CarbonioFixtures.assertQueueId;
import static dev.roomsdk.carbonio.CarbonioFixtures.json;
import static dev.roomsdk.carbonio.CarbonioFixtures.noContent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.error.MissingCredentialsException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code Carbonio.builder().fromEnv(env)}: CARBONIO_BASE_URL (required), CARBONIO_AUTH_TOKEN,
 * CARBONIO_QUEUE_ID and CARBONIO_API_GENERATION (optional).
 */
class CarbonioFromEnvTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("carbonio");

    @Test
    void readsTheServerTokenAndQueueAndSendsThem() {
        server.stubFor(get(urlPathEqualTo(server.path("/rooms/" + ROOM))).willReturn(json(200, GROUP_ROOM)));

        try (Carbonio carbonio = Carbonio.builder().fromEnv(Map.of("CARBONIO_BASE_URL", server.baseUrl(),
                "CARBONIO_AUTH_TOKEN", TOKEN, "CARBONIO_QUEUE_ID", QUEUE.toString())).build()) {
            assertEquals(ROOM, carbonio.rooms().getRoom(ROOM).execute().getId());
            assertEquals(CarbonioGeneration.V1_3_1, carbonio.generation());
        }
        assertAuthCookie(server.onlyRequest());
        assertQueueId(server.onlyRequest(), QUEUE);
    }

    @Test
    void withoutATokenTheClientIsAnonymous() {
        server.stubFor(get(urlPathEqualTo(server.path("/health/live"))).willReturn(noContent()));

        try (Carbonio carbonio = Carbonio.builder().fromEnv(Map.of("CARBONIO_BASE_URL", server.baseUrl())).build()) {
            carbonio.health().isLive().execute();
            assertThrows(MissingCredentialsException.class, () -> carbonio.rooms().getRoom(ROOM).execute());
        }
        assertNoCookie(server.onlyRequest());
    }

    @Test
    void theGenerationIsChosenByName() {
        try (Carbonio carbonio = Carbonio.builder().fromEnv(Map.of("CARBONIO_BASE_URL", server.baseUrl(),
                "CARBONIO_AUTH_TOKEN", TOKEN, "CARBONIO_API_GENERATION", "1.6")).build()) {
            assertEquals(CarbonioGeneration.V1_6, carbonio.generation());
            assertTrue(carbonio.toString().contains("apiVersion=1.6.0"), carbonio.toString());
        }
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> Carbonio.builder()
                .fromEnv(Map.of("CARBONIO_BASE_URL", server.baseUrl(), "CARBONIO_API_GENERATION", "2")));
        assertTrue(e.getMessage().contains("CARBONIO_API_GENERATION") && e.getMessage().contains("1.3.1 or 1.6"), e.getMessage());
    }

    @Test
    void missingOrBadVariablesAreNamedWithoutTheToken() {
        InvalidConfigurationException missing = assertThrows(InvalidConfigurationException.class,
                () -> Carbonio.builder().fromEnv(Map.of("CARBONIO_AUTH_TOKEN", TOKEN)));
        assertTrue(missing.getMessage().contains("CARBONIO_BASE_URL is not set"), missing.getMessage());
        assertFalse(missing.getMessage().contains(TOKEN));

        InvalidConfigurationException badToken = assertThrows(InvalidConfigurationException.class, () -> Carbonio.builder()
                .fromEnv(Map.of("CARBONIO_BASE_URL", server.baseUrl(), "CARBONIO_AUTH_TOKEN", TOKEN + "; x")));
        assertTrue(badToken.getMessage().contains("CARBONIO_AUTH_TOKEN"), badToken.getMessage());
        assertFalse(badToken.getMessage().contains(TOKEN));

        InvalidConfigurationException badQueue = assertThrows(InvalidConfigurationException.class, () -> Carbonio.builder()
                .fromEnv(Map.of("CARBONIO_BASE_URL", server.baseUrl(), "CARBONIO_QUEUE_ID", "queue-1")));
        assertTrue(badQueue.getMessage().contains("CARBONIO_QUEUE_ID"), badQueue.getMessage());
        assertEquals(0, server.requests().size());
    }
}
