package dev.roomsdk.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.core.auth.AccessToken;
import dev.roomsdk.core.auth.CachingTokenProvider;
import dev.roomsdk.core.auth.TokenRefreshException;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.testing.Concurrently;
import dev.roomsdk.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Zoom's OAuth token endpoint: the exact request, expiry, rotation, errors and single flight,
 * seen through Zoom API calls made by {@link ZoomRooms} built with {@link ZoomOAuth} credentials.
 */
class ZoomTokenRefreshTest {

    @RegisterExtension
    static final ContractServer api = ContractServer.forApi("zoom");

    @RegisterExtension
    static final WireMockExtension oauth = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    static final String ACCOUNT = "acc-123";
    static final String CLIENT_ID = "client-id-1";
    static final String CLIENT_SECRET = "canary-client-secret-Zq9";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    static String tokenJson(String token) {
        return "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":3600,\"scope\":\"room:read:admin\"}";
    }

    void stubToken(String token) {
        oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(tokenJson(token))));
    }

    CachingTokenProvider serverToServer() {
        return ZoomOAuth.serverToServer(ACCOUNT, CLIENT_ID, CLIENT_SECRET)
                .oauthBaseUrl(oauth.baseUrl()).clock(clock).build();
    }

    ZoomRooms zoom(CachingTokenProvider tokens) {
        api.stubFor(get(urlPathEqualTo("/v2/rooms/r1/devices")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"devices\":[{\"id\":\"d1\"}]}")));
        return ZoomRooms.builder().baseUrl(api.baseUrl()).credentials(tokens).build();
    }

    /** One Zoom API call; returns the bearer token it carried. */
    String callApi(ZoomRooms zoom) {
        int before = api.requests().size();
        assertEquals("d1", zoom.devices().listZRDevices("r1").execute().getDevices().get(0).getId());
        List<LoggedRequest> sent = api.requests();
        assertEquals(before + 1, sent.size());
        return sent.get(sent.size() - 1).getHeader("Authorization");
    }

    @Test
    void serverToServerSendsBasicAuthAndFormBodyAsZoomDocuments() {
        stubToken("access-1");
        CachingTokenProvider tokens = serverToServer();

        try (ZoomRooms zoom = zoom(tokens)) {
            assertEquals("Bearer access-1", callApi(zoom));
        }
        AccessToken token = tokens.token(); // cached: no second token request

        List<LoggedRequest> requests = oauth.findAll(postRequestedFor(urlEqualTo("/oauth/token")));
        assertEquals(1, requests.size());
        LoggedRequest r = requests.get(0);
        String expectedBasic = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        assertEquals(expectedBasic, r.getHeader("Authorization"));
        assertTrue(r.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertEquals("grant_type=account_credentials&account_id=acc-123", r.getBodyAsString());
        assertEquals("/oauth/token", r.getUrl(), "nothing in the query string");
        assertEquals("access-1", token.value());
        assertEquals(Instant.parse("2026-11-22T11:00:00Z"), token.expiresAt().orElseThrow());
    }

    @Test
    void tokenIsReusedThenRenewedInsideTheMargin() {
        stubToken("access-1");
        CachingTokenProvider tokens = serverToServer();
        try (ZoomRooms zoom = zoom(tokens)) {
            assertEquals("Bearer access-1", callApi(zoom));
            clock.advance(Duration.ofMinutes(50));
            assertEquals("Bearer access-1", callApi(zoom));
            oauth.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));

            stubToken("access-2");
            clock.advance(Duration.ofMinutes(6)); // 4 minutes left: inside the 5-minute margin
            assertEquals("Bearer access-2", callApi(zoom));
            assertEquals("access-2", tokens.token().value());
            oauth.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
        }
    }

    @Test
    void invalidClientSurfacesAsTypedErrorWithoutTheSecret() {
        oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"reason\":\"Invalid client_id or client_secret " + CLIENT_SECRET + "\",\"error\":\"invalid_client\"}")));

        TokenRefreshException e;
        try (ZoomRooms zoom = zoom(serverToServer())) {
            e = assertThrows(TokenRefreshException.class, () -> zoom.devices().listZRDevices("r1").execute());
        }

        assertEquals(0, api.requests().size(), "no API call without a token");
        assertEquals(401, e.statusCode());
        assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
        assertTrue(e.getMessage().contains("/oauth/token"), e.getMessage());
        assertFalse(e.getMessage().contains(CLIENT_SECRET), "secret echoed by the server is scrubbed");
    }

    @Test
    void serverErrorAndMalformedJsonSurfaceAsTypedErrors() {
        oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));
        ZoomRooms zoom = zoom(serverToServer());
        TokenRefreshException down = assertThrows(TokenRefreshException.class,
                () -> zoom.devices().listZRDevices("r1").execute());
        assertEquals(503, down.statusCode());
        assertTrue(down.getMessage().contains("503"));
        clock.advance(Duration.ofMinutes(1)); // past the backoff after the failed fetch

        oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"access_token\":")));
        TokenRefreshException bad = assertThrows(TokenRefreshException.class,
                () -> zoom.devices().listZRDevices("r1").execute());
        assertTrue(bad.getMessage().contains("malformed"), bad.getMessage());
        zoom.close();
        assertEquals(0, api.requests().size(), "no API call without a token");
    }

    @Test
    void refreshTokenRotationIsPersistedThroughTheCallback() {
        oauth.stubFor(post(urlEqualTo("/oauth/token")).inScenario("rotation").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=refresh-A"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"access-1\",\"token_type\":\"bearer\",\"expires_in\":3600,\"refresh_token\":\"refresh-B\"}"))
                .willSetStateTo("rotated"));
        oauth.stubFor(post(urlEqualTo("/oauth/token")).inScenario("rotation").whenScenarioStateIs("rotated")
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=refresh-B"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"access-2\",\"token_type\":\"bearer\",\"expires_in\":3600,\"refresh_token\":\"refresh-C\"}")));
        List<String> persisted = new CopyOnWriteArrayList<>();
        CachingTokenProvider tokens = ZoomOAuth.refreshToken(CLIENT_ID, CLIENT_SECRET, "refresh-A", persisted::add)
                .oauthBaseUrl(oauth.baseUrl()).clock(clock).build();

        try (ZoomRooms zoom = zoom(tokens)) {
            assertEquals("Bearer access-1", callApi(zoom));
            clock.advance(Duration.ofMinutes(58));
            assertEquals("Bearer access-2", callApi(zoom), "second refresh used the rotated token refresh-B");
        }
        assertEquals("access-2", tokens.token().value());

        assertEquals(List.of("refresh-B", "refresh-C"), persisted);
        oauth.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void sixtyFourThreadsOnAnExpiredTokenMakeOneTokenRequest() throws Exception {
        stubToken("access-1");
        CachingTokenProvider tokens = serverToServer();
        Set<String> seen;
        try (ZoomRooms zoom = zoom(tokens)) {
            assertEquals("Bearer access-1", callApi(zoom));
            clock.advance(Duration.ofHours(2));
            oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200).withFixedDelay(100)
                    .withHeader("Content-Type", "application/json").withBody(tokenJson("access-2"))));

            Concurrently.releaseTogether(64, () -> zoom.devices().listZRDevices("r1").execute().getDevices().size());
            seen = api.requests().stream().skip(1).map(r -> r.getHeader("Authorization").substring("Bearer ".length()))
                    .collect(Collectors.toSet());
        }

        oauth.verify(2, postRequestedFor(urlEqualTo("/oauth/token"))); // the initial one + one refresh
        assertEquals(65, api.requests().size());
        assertEquals(Set.of("access-2"), seen);
    }

    @Test
    void builderRejectsMissingCredentialsNamingTheField() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> ZoomOAuth.serverToServer("", CLIENT_ID, CLIENT_SECRET));
        assertEquals("accountId must not be null or empty", e.getMessage());
        assertEquals("clientId must not be null or empty",
                refusedSetting(() -> ZoomOAuth.serverToServer(ACCOUNT, null, CLIENT_SECRET)));
        assertEquals("clientSecret must not be null or empty",
                refusedSetting(() -> ZoomOAuth.serverToServer(ACCOUNT, CLIENT_ID, "")));
        assertEquals("refreshToken must not be null or empty",
                refusedSetting(() -> ZoomOAuth.refreshToken(CLIENT_ID, CLIENT_SECRET, "", t -> { })));
        assertEquals("onNewRefreshToken must not be null",
                refusedSetting(() -> ZoomOAuth.refreshToken(CLIENT_ID, CLIENT_SECRET, "refresh-A", null)));
        assertFalse(ZoomOAuth.serverToServer(ACCOUNT, CLIENT_ID, CLIENT_SECRET).toString().contains(CLIENT_SECRET));
    }

    @Test
    void defaultTokenClientIsSharedAndBoundedBelowTheWaitersTimeout() {
        OkHttpClient a = ZoomOAuth.serverToServer(ACCOUNT, CLIENT_ID, CLIENT_SECRET).tokenClient();
        OkHttpClient b = ZoomOAuth.refreshToken(CLIENT_ID, CLIENT_SECRET, "refresh-A", t -> { }).tokenClient();

        assertSame(a, b, "one pool for all token requests, not a client per build()");
        assertTrue(a.connectTimeoutMillis() > 0 && a.readTimeoutMillis() > 0);
        // CachingTokenProvider's waiters give up after 30 s by default: the refresh must end first
        assertTrue(a.callTimeoutMillis() > 0 && a.callTimeoutMillis() <= 30_000, "call timeout " + a.callTimeoutMillis());
    }

    @Test
    void aStalledTokenEndpointFailsTypedWithinTheRequestTimeout() {
        oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                .withHeader("Content-Type", "application/json").withBody(tokenJson("access-late"))));
        CachingTokenProvider tokens = ZoomOAuth.serverToServer(ACCOUNT, CLIENT_ID, CLIENT_SECRET)
                .oauthBaseUrl(oauth.baseUrl()).clock(clock).tokenRequestTimeout(Duration.ofMillis(300)).build();

        long start = System.nanoTime();
        TokenRefreshException e = assertThrows(TokenRefreshException.class, tokens::token);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertTrue(tookMs < 3_000, "failed after " + tookMs + " ms, not when the server finally answered");
        assertEquals(0, e.statusCode(), "no answer");
        assertTrue(e.getMessage().contains("/oauth/token") && e.getMessage().contains("timeout"), e.getMessage());
        assertFalse(e.getMessage().contains(CLIENT_SECRET));
    }

    @Test
    void tokenRequestTimeoutIsCheckedNamingTheRule() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> ZoomOAuth.serverToServer(ACCOUNT, CLIENT_ID, CLIENT_SECRET).tokenRequestTimeout(Duration.ofSeconds(31)));
        assertTrue(e.getMessage().contains("tokenRequestTimeout") && e.getMessage().contains("30 s"), e.getMessage());
        assertThrows(InvalidConfigurationException.class,
                () -> ZoomOAuth.serverToServer(ACCOUNT, CLIENT_ID, CLIENT_SECRET).tokenRequestTimeout(Duration.ZERO));
        assertEquals("tokenRequestTimeout must not be null",
                refusedSetting(() -> ZoomOAuth.serverToServer(ACCOUNT, CLIENT_ID, CLIENT_SECRET).tokenRequestTimeout(null)));
    }

    @Test
    void otherUnusableBuilderSettingsAreNamedWithoutTheSecret() {
        ZoomOAuth.Builder b = ZoomOAuth.serverToServer(ACCOUNT, CLIENT_ID, CLIENT_SECRET);
        assertEquals("refreshMargin must not be negative, got PT-1S",
                refusedSetting(() -> b.refreshMargin(Duration.ofSeconds(-1))));
        assertEquals("refreshMargin must not be null",
                refusedSetting(() -> b.refreshMargin(null)));
        assertEquals("clock must not be null", refusedSetting(() -> b.clock(null)));
        assertEquals("httpClient must not be null",
                refusedSetting(() -> b.httpClient(null)));
        String executor = refusedSetting(() -> b.backgroundRefresh((java.util.concurrent.Executor) null));
        assertEquals("backgroundRefresh executor must not be null", executor);
        assertFalse(executor.contains(CLIENT_SECRET));
        assertEquals(0, oauth.getAllServeEvents().size(), "nothing sent");
    }
}
