package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.roomsdk.zoom.ZoomWire.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.error.AuthenticationException;
import dev.roomsdk.core.transfer.TransferBody;
import dev.roomsdk.zoom.model.DeviceList;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A 401 with Zoom code 124 (invalid or expired token): refresh the OAuth token once, resend once. */
class ZoomUnauthorizedRetryTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("zoom");

    @RegisterExtension
    static final WireMockExtension oauth = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    static final String EXPIRED = "{\"code\":124,\"message\":\"Access token is expired.\"}";

    /** The token endpoint hands out access-1, then access-2, then access-3. */
    void stubTokens() {
        String[] states = {Scenario.STARTED, "second", "third"};
        for (int i = 0; i < 3; i++) {
            oauth.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(states[i])
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\":\"access-" + (i + 1) + "\",\"token_type\":\"bearer\","
                                    + "\"expires_in\":3600,\"scope\":\"room:read:admin\"}"))
                    .willSetStateTo(i < 2 ? states[i + 1] : "done"));
        }
    }

    ZoomRooms withOAuth() {
        return ZoomRooms.builder().baseUrl(server.baseUrl())
                .credentials(ZoomOAuth.serverToServer("acc-1", "client-1", "secret-1").oauthBaseUrl(oauth.baseUrl()).build())
                .build();
    }

    @Test
    void expiredTokenIsRefreshedOnceAndTheCallResent() {
        stubTokens();
        server.stubFor(get(urlPathEqualTo("/v2/rooms/r1/devices")).withHeader("Authorization", equalTo("Bearer access-1"))
                .willReturn(json(401, EXPIRED)));
        server.stubFor(get(urlPathEqualTo("/v2/rooms/r1/devices")).withHeader("Authorization", equalTo("Bearer access-2"))
                .willReturn(json(200, "{\"devices\":[{\"id\":\"d1\"}]}")));

        try (ZoomRooms zoom = withOAuth()) {
            DeviceList devices = zoom.devices().listZRDevices("r1").execute();

            assertEquals("d1", devices.getDevices().get(0).getId());
        }
        List<LoggedRequest> calls = server.requests();
        assertEquals(2, calls.size());
        assertEquals("Bearer access-1", calls.get(0).getHeader("Authorization"));
        assertEquals("Bearer access-2", calls.get(1).getHeader("Authorization"));
        oauth.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void secondRejectionSurfacesAsAuthenticationErrorWithCode124() {
        stubTokens();
        server.stubFor(get(urlPathEqualTo("/v2/rooms/r1/devices")).willReturn(json(401, EXPIRED)));

        try (ZoomRooms zoom = withOAuth()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> zoom.devices().listZRDevices("r1").execute());

            assertEquals(401, e.statusCode());
            assertEquals("124", e.vendorError().orElseThrow().code().orElseThrow());
            assertEquals("Access token is expired.", e.vendorError().orElseThrow().message().orElseThrow());
            assertFalse(e.getMessage().contains("access-2"), "no token in the message");
        }
        assertEquals(2, server.requests().size(), "one resend, never a loop");
        oauth.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void staticTokenCannotBeRefreshedSoTheFirst401Surfaces() {
        server.stubFor(get(urlPathEqualTo("/v2/rooms/r1/devices")).willReturn(json(401, EXPIRED)));

        try (ZoomRooms zoom = ZoomWire.client(server)) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> zoom.devices().listZRDevices("r1").execute());
            assertEquals("124", e.vendorError().orElseThrow().code().orElseThrow());
        }
        assertEquals(1, server.requests().size());
    }

    @Test
    void replayableUploadIsResentAfterRefreshButAStreamIsNot() {
        stubTokens();
        server.stubFor(post(urlPathEqualTo("/v2/accounts/me/settings/virtual_backgrounds"))
                .withHeader("Authorization", equalTo("Bearer access-1")).willReturn(json(401, EXPIRED)));
        server.stubFor(post(urlPathEqualTo("/v2/accounts/me/settings/virtual_backgrounds"))
                .withHeader("Authorization", equalTo("Bearer access-2")).willReturn(json(201,
                        "{\"id\":\"vb-1\",\"name\":\"a.png\",\"type\":\"image\",\"is_default\":false,\"size\":3}")));
        server.stubFor(post(urlPathEqualTo("/v2/accounts/me/settings/virtual_backgrounds"))
                .withHeader("Authorization", equalTo("Bearer access-3")).willReturn(json(401, EXPIRED)));

        try (ZoomRooms zoom = withOAuth()) {
            assertEquals("vb-1", zoom.uploadVirtualBackground("me", TransferBody.of(new byte[] {1, 2, 3}, "a.png", "image/png")).getId());
            assertEquals(2, server.requests().size(), "bytes are replayable: resent with the new token");

            // access-2 is now rejected too: its refresh gives access-3, but a one-shot stream cannot be resent
            server.stubFor(post(urlPathEqualTo("/v2/accounts/me/settings/virtual_backgrounds"))
                    .withHeader("Authorization", equalTo("Bearer access-2")).willReturn(json(401, EXPIRED)));
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> zoom.uploadVirtualBackground("me",
                    TransferBody.of(new ByteArrayInputStream(new byte[] {4, 5, 6}), 3, "b.png", "image/png")));
            assertEquals(401, e.statusCode());
        }
        assertEquals(3, server.requests().size(), "the stream went out once");
    }
}
