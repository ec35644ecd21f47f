package dev.roomsdk.videsk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code Videsk.builder().fromEnv(env)}: VIDESK_TOKEN (required) and VIDESK_BASE_URL (optional). */
class VideskFromEnvTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    static final String TOKEN = "env-videsk-token-canary-7Qx";

    @Test
    void readsTheBaseUrlAndSendsTheToken() {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"r1\",\"name\":\"Room\"}")));

        try (Videsk videsk = Videsk.builder().fromEnv(Map.of("VIDESK_BASE_URL", server.baseUrl(), "VIDESK_TOKEN", TOKEN)).build()) {
            assertEquals("r1", videsk.rooms().getRoom("r1").execute().getId());
            assertTrue(videsk.toString().contains(server.baseUrl()));
        }
        assertEquals("Bearer " + TOKEN, server.onlyRequest().getHeader("Authorization"));
    }

    @Test
    void withoutTheBaseUrlTheProductionServerIsUsed() {
        try (Videsk videsk = Videsk.builder().fromEnv(Map.of("VIDESK_TOKEN", TOKEN)).build()) {
            assertTrue(videsk.toString().contains(Videsk.DEFAULT_BASE_URL), videsk.toString());
        }
    }

    @Test
    void aMissingOrEmptyTokenIsNamed() {
        for (Map<String, String> env : java.util.List.of(Map.<String, String>of(), Map.of("VIDESK_TOKEN", ""),
                Map.of("VIDESK_API_TOKEN", TOKEN))) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> Videsk.builder().fromEnv(env));
            assertTrue(e.getMessage().contains("VIDESK_TOKEN is not set"), e.getMessage());
            assertFalse(e.getMessage().contains(TOKEN), "never the value");
        }
        assertEquals(0, server.requests().size());
    }

    @Test
    void aBadBaseUrlIsNamedAndTheTokenNeverShown() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Videsk.builder().fromEnv(Map.of("VIDESK_BASE_URL", "api.videsk.io", "VIDESK_TOKEN", TOKEN)));
        assertTrue(e.getMessage().contains("VIDESK_BASE_URL"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void fromEnvReadsTheProcessEnvironment() {
        if (System.getenv("VIDESK_TOKEN") == null || System.getenv("VIDESK_TOKEN").isEmpty()) {
            InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                    () -> Videsk.builder().fromEnv());
            assertTrue(e.getMessage().contains("VIDESK_TOKEN"), e.getMessage());
        }
    }
}
