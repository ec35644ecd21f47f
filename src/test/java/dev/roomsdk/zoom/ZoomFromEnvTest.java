package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ZoomRooms.builder().fromEnv(env)}: ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET
 * (required), ZOOM_BASE_URL and ZOOM_OAUTH_URL (optional).
 */
class ZoomFromEnvTest {

    @RegisterExtension
    static final ContractServer api = ContractServer.forApi("zoom");

    @RegisterExtension
    static final WireMockExtension oauth = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    static final String SECRET = "env-zoom-secret-canary-K2p";

    Map<String, String> env() {
        return Map.of("ZOOM_ACCOUNT_ID", "acc-env", "ZOOM_CLIENT_ID", "client-env", "ZOOM_CLIENT_SECRET", SECRET,
                "ZOOM_BASE_URL", api.baseUrl(), "ZOOM_OAUTH_URL", oauth.baseUrl());
    }

    @Test
    void serverToServerCredentialsFromTheEnvironmentAreUsedAndTheTokenSent() {
        oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"env-access-1\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
        api.stubFor(get(urlPathEqualTo("/v2/rooms/r1/devices")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"devices\":[{\"id\":\"d1\"}]}")));

        try (ZoomRooms zoom = ZoomRooms.builder().fromEnv(env()).build()) {
            assertEquals("d1", zoom.devices().listZRDevices("r1").execute().getDevices().get(0).getId());
        }

        assertEquals("Bearer env-access-1", api.onlyRequest().getHeader("Authorization"));
        List<LoggedRequest> tokenRequests = oauth.findAll(postRequestedFor(urlEqualTo("/oauth/token")));
        assertEquals(1, tokenRequests.size());
        assertEquals("Basic " + Base64.getEncoder().encodeToString(("client-env:" + SECRET).getBytes(StandardCharsets.UTF_8)),
                tokenRequests.get(0).getHeader("Authorization"));
        assertEquals("grant_type=account_credentials&account_id=acc-env", tokenRequests.get(0).getBodyAsString());
    }

    @Test
    void everyMissingVariableIsNamedAndNoSecretShown() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> ZoomRooms.builder().fromEnv(Map.of("ZOOM_CLIENT_SECRET", SECRET, "ZOOM_CLIENT_ID", "")));
        assertTrue(e.getMessage().contains("ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID are not set"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
        assertEquals(0, oauth.getAllServeEvents().size());
    }

    @Test
    void badUrlsAreNamed() {
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("ZOOM_OAUTH_URL", "zoom.us");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> ZoomRooms.builder().fromEnv(env));
        assertTrue(e.getMessage().contains("ZOOM_OAUTH_URL"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }
}
