package dev.roomsdk.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.roomsdk.core.error.InvalidRequestException;
import dev.roomsdk.testing.MutableClock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The token endpoint retries a 5xx, a 429 and a connection failure, a bounded number of times
 * and within the waiters' bound, honouring a short Retry-After; it never retries a refusal
 * like {@code invalid_client}; and it logs each failure with its status only. The sleeper
 * moves the test clock instead of sleeping.
 */
class OAuthTokenEndpointRetryTest {

    @RegisterExtension
    static final WireMockExtension oauth = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

    /** No silent resend by OkHttp itself, so the server's request count is the endpoint's attempts. */
    static final OkHttpClient HTTP = new OkHttpClient.Builder().retryOnConnectionFailure(false)
            .callTimeout(Duration.ofSeconds(20)).build();

    static final String SECRET = "canary-client-secret-R7t";
    static final String BODY_CANARY = "canary-body-token-Q2x";
    static final Map<String, String> FORM = Map.of("grant_type", "account_credentials");

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final List<Duration> slept = new CopyOnWriteArrayList<>();
    final OAuthTokenEndpoint.Sleeper sleeper = d -> {
        slept.add(d);
        clock.advance(d);
    };

    @AfterAll
    static void closeClient() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    OAuthTokenEndpoint endpoint(String baseUrl, int maxAttempts) {
        return new OAuthTokenEndpoint(HttpUrl.get(baseUrl + "/oauth/token"), "client-id", SECRET, HTTP, clock, sleeper,
                maxAttempts, Duration.ofSeconds(30));
    }

    /** 127.0.0.1, not localhost: a resolver answering ::1 first would fail the first route. */
    static String baseUrl() {
        return "http://127.0.0.1:" + oauth.getPort();
    }

    OAuthTokenEndpoint endpoint() {
        return endpoint(baseUrl(), 3);
    }

    static ResponseDefinitionBuilder grant(String token) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":3600}");
    }

    /** Answers {@code answers} in turn, then the last one again. */
    void answerInTurn(ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "answer-" + i;
            oauth.stubFor(post(urlEqualTo("/oauth/token")).inScenario("turns").whenScenarioStateIs(state)
                    .willReturn(answers[i]).willSetStateTo(i + 1 < answers.length ? "answer-" + (i + 1) : state));
        }
    }

    int requests() {
        return oauth.findAll(postRequestedFor(urlEqualTo("/oauth/token"))).size();
    }

    @Test
    void serviceUnavailableTwiceThenAGrant() {
        answerInTurn(aResponse().withStatus(503), aResponse().withStatus(503), grant("access-1"));

        OAuthTokenEndpoint.Grant g = endpoint().request(FORM);

        assertEquals("access-1", g.accessToken.value());
        assertEquals(3, requests());
        assertEquals(2, slept.size());
        assertTrue(slept.get(0).toMillis() <= 500, "full jitter up to 500 ms: " + slept);
        assertTrue(slept.get(1).toMillis() <= 1_000, "then up to 1 s: " + slept);
    }

    @Test
    void invalidClientIsNotRetried() {
        oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));

        TokenRefreshException e = assertThrows(TokenRefreshException.class, () -> endpoint().request(FORM));

        assertEquals(400, e.statusCode());
        assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
        assertEquals(1, requests());
        assertEquals(List.of(), slept);
    }

    @Test
    void attemptsAreBounded() {
        oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(500)));

        TokenRefreshException e = assertThrows(TokenRefreshException.class, () -> endpoint().request(FORM));

        assertEquals(500, e.statusCode());
        assertEquals(3, requests(), "3 attempts in all");
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    }

    @Test
    void aShortRetryAfterIsHonoured() {
        answerInTurn(aResponse().withStatus(429).withHeader("Retry-After", "2"), grant("access-2"));

        assertEquals("access-2", endpoint().request(FORM).accessToken.value());

        assertEquals(List.of(Duration.ofSeconds(2)), slept);
        assertEquals(2, requests());
    }

    @Test
    void aLongRetryAfterIsNotSleptThrough() {
        oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        TokenRefreshException e = assertThrows(TokenRefreshException.class, () -> endpoint().request(FORM));

        assertEquals(429, e.statusCode());
        assertTrue(e.getMessage().contains("120 s"), "says the server's wait: " + e.getMessage());
        assertEquals(1, requests());
        assertEquals(List.of(), slept);
    }

    @Test
    void retriesStayWithinTheWaitersBound() {
        oauth.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "10")));

        assertThrows(TokenRefreshException.class, () -> endpoint(baseUrl(), 10).request(FORM));

        // 0 s, 10 s, 20 s: a fourth attempt after another 10 s would leave no time within 30 s
        assertEquals(3, requests());
        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(10)), slept);
    }

    @Test
    void aBrokenConnectionIsRetried() {
        answerInTurn(aResponse().withFault(Fault.EMPTY_RESPONSE), grant("access-3"));

        assertEquals("access-3", endpoint().request(FORM).accessToken.value());

        assertEquals(2, requests());
        assertEquals(1, slept.size());
    }

    @Test
    void aRefusedConnectionIsRetriedAFewTimesThenFailsTyped() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // closed again below: nothing listens there
        }

        TokenRefreshException e = assertThrows(TokenRefreshException.class,
                () -> endpoint("http://127.0.0.1:" + port, 3).request(FORM));

        assertEquals(0, e.statusCode());
        assertEquals(2, slept.size(), "3 attempts, 2 waits");
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void eachFailureIsLoggedWithItsStatusOnly() {
        answerInTurn(aResponse().withStatus(503).withBody("{\"access_token\":\"" + BODY_CANARY + "\",\"error\":\"" + SECRET + "\"}"),
                aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\",\"reason\":\"" + BODY_CANARY + "\"}"));
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(OAuthTokenEndpoint.class.getName());
        log.setLevel(Level.ALL);
        log.addHandler(handler);
        try {
            assertThrows(TokenRefreshException.class, () -> endpoint().request(FORM, BODY_CANARY));
        } finally {
            log.removeHandler(handler);
            log.setLevel(null);
        }

        assertEquals(2, records.size(), "one record per failed attempt: " + records);
        assertTrue(records.get(0).getMessage().contains("HTTP 503 (attempt 1 of 3); retrying in"), records.get(0).getMessage());
        assertTrue(records.get(1).getMessage().contains("HTTP 401 (attempt 2 of 3); not retried"), records.get(1).getMessage());
        for (LogRecord r : records) {
            assertFalse(r.getMessage().contains(SECRET), r.getMessage());
            assertFalse(r.getMessage().contains(BODY_CANARY), r.getMessage());
            assertFalse(r.getMessage().contains("invalid_client"), "no body, only the status: " + r.getMessage());
        }
    }

    @Test
    void unusablePartsAreNamedWithoutTheSecretAndANullFormSendsNothing() {
        HttpUrl url = HttpUrl.get(baseUrl() + "/oauth/token");
        assertEquals("url must not be null",
                refusedSetting(() -> new OAuthTokenEndpoint(null, "client-id", SECRET, HTTP, clock)));
        assertEquals("clientId must not be null", refusedSetting(() -> new OAuthTokenEndpoint(url, null, SECRET, HTTP, clock)));
        assertEquals("clientSecret must not be null",
                refusedSetting(() -> new OAuthTokenEndpoint(url, "client-id", null, HTTP, clock)));
        assertEquals("http must not be null",
                refusedSetting(() -> new OAuthTokenEndpoint(url, "client-id", SECRET, null, clock)));
        assertEquals("clock must not be null",
                refusedSetting(() -> new OAuthTokenEndpoint(url, "client-id", SECRET, HTTP, null)));
        String attempts = refusedSetting(() -> endpoint(baseUrl(), 0));
        assertEquals("maxAttempts must be at least 1, got 0", attempts);

        InvalidRequestException noForm = assertThrows(InvalidRequestException.class, () -> endpoint().request(null));
        assertEquals(List.of("form: must not be null"), noForm.violations());
        assertFalse(noForm.getMessage().contains(SECRET));
        assertEquals(0, requests(), "nothing sent");
    }
}
