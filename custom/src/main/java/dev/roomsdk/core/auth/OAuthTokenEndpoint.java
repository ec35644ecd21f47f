package dev.roomsdk.core.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.error.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An OAuth 2 token endpoint that takes HTTP Basic client credentials and a form body, and
 * answers {@code {access_token, token_type, expires_in, scope, refresh_token?}}. Every
 * failure becomes a {@link TokenRefreshException} whose message names the endpoint, the
 * status and the server's {@code error}/{@code reason}, with any known secret scrubbed out.
 *
 * <p>A 5xx, a 429 or a connection failure is retried, at most 3 attempts in all, after a
 * full-jitter backoff (up to 500 ms, then up to 1 s) or the server's {@code Retry-After} when
 * it asks for at most 10 s; every attempt and wait fits within 30 s, the time other callers
 * wait for a fetch ({@link CachingTokenProvider.Builder#waitTimeout}'s default). Any other
 * status (400 {@code invalid_client}, 401...), a timeout (the attempt already used its whole
 * bound) and an unreadable 200 are not retried. Each failed attempt is logged through
 * {@link System.Logger} with the endpoint and status only: never a secret, never a body.
 *
 * <p>Thread-safe; {@link #request} does blocking I/O.
 */
public final class OAuthTokenEndpoint {

    private static final System.Logger LOG = System.getLogger(OAuthTokenEndpoint.class.getName());

    private static final int MAX_ERROR_CHARS = 500;
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The waiters' bound: CachingTokenProvider's default waitTimeout. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);
    private static final Duration BASE_DELAY = Duration.ofMillis(500);
    /** A longer Retry-After is not slept through: the waiters would give up first. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);
    /** Less time than this left for an attempt is not worth a retry: it could only time out. */
    private static final Duration MIN_ATTEMPT_TIME = Duration.ofSeconds(1);

    /** Something that waits; tests inject one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpUrl url;
    private final String basicAuth;
    private final String clientSecret;
    private final OkHttpClient http;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int maxAttempts;
    private final Duration budget;

    /**
     * An endpoint at {@code url} authenticating as {@code clientId}/{@code clientSecret}, sending
     * through {@code http} (whose call timeout bounds each attempt) and dating expiries on
     * {@code clock}. No I/O.
     *
     * @param url the token endpoint, e.g. {@code https://zoom.us/oauth/token}; not null
     * @param clientId the OAuth client id; not null
     * @param clientSecret the OAuth client secret; not null, never logged or put in a message
     * @param http the client to send with; its call timeout bounds each attempt; not null
     * @param clock what {@code expires_in} is counted from; not null
     * @throws InvalidConfigurationException if any argument is null
     */
    public OAuthTokenEndpoint(HttpUrl url, String clientId, String clientSecret, OkHttpClient http, Clock clock) {
        this(url, clientId, clientSecret, http, clock, d -> Thread.sleep(d.toMillis()), DEFAULT_MAX_ATTEMPTS, DEFAULT_BUDGET);
    }

    OAuthTokenEndpoint(HttpUrl url, String clientId, String clientSecret, OkHttpClient http, Clock clock,
                       Sleeper sleeper, int maxAttempts, Duration budget) {
        this.url = Checks.settingNotNull("url", url);
        this.basicAuth = Credentials.basic(Checks.settingNotNull("clientId", clientId),
                Checks.settingNotNull("clientSecret", clientSecret));
        this.clientSecret = clientSecret;
        this.http = Checks.settingNotNull("http", http);
        this.clock = Checks.settingNotNull("clock", clock);
        this.sleeper = Checks.settingNotNull("sleeper", sleeper);
        if (maxAttempts < 1) {
            throw Checks.invalidSetting("maxAttempts", "must be at least 1, got " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.budget = Checks.settingNotNull("budget", budget);
    }

    /** What a successful answer held. {@code refreshToken} is null when the server sent none. Immutable. */
    public static final class Grant {
        /** The access token, with its expiry when the server said {@code expires_in}. */
        public final AccessToken accessToken;
        /** The refresh token the server issued, or null. A secret: never log it. */
        public final String refreshToken;

        Grant(AccessToken accessToken, String refreshToken) {
            this.accessToken = accessToken;
            this.refreshToken = refreshToken;
        }

        @Override
        public String toString() {
            return "Grant{" + accessToken + ", refreshToken=" + (refreshToken == null ? "none" : "<redacted>") + "}";
        }
    }

    /**
     * Posts {@code form} (in order) and reads the grant, retrying as the class says. Blocks
     * for at most the endpoint's 30 s budget.
     *
     * @param form the form fields, e.g. {@code grant_type}; not null
     * @param secrets values besides the client secret that must never reach a message (e.g. a refresh token)
     * @return the grant; never null
     * @throws TokenRefreshException when no grant could be had; its status is the last answer's, or 0
     * @throws dev.roomsdk.core.error.InvalidRequestException if {@code form} is null (nothing is sent)
     */
    public Grant request(Map<String, String> form, String... secrets) {
        FormBody.Builder body = new FormBody.Builder();
        Checks.argumentNotNull(null, "form", form).forEach(body::add);
        Request request = new Request.Builder().url(url).header("Authorization", basicAuth)
                .header("Accept", "application/json").post(body.build()).build();
        List<String> hidden = new ArrayList<>(List.of(secrets));
        hidden.add(clientSecret);
        String what = "token request to " + url.newBuilder().query(null).build();
        Instant deadline = clock.instant().plus(budget);
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = send(request, what, hidden, deadline);
            if (outcome.grant != null) {
                return outcome.grant;
            }
            Duration wait = attempt < maxAttempts && outcome.retryable ? waitBefore(attempt, outcome, deadline) : null;
            String failed = what + (outcome.status > 0 ? " answered HTTP " + outcome.status : " failed (" + outcome.ioType + ")")
                    + " (attempt " + attempt + " of " + maxAttempts + ")";
            if (wait == null) {
                LOG.log(Level.WARNING, () -> failed + (outcome.retryable ? "; giving up" : "; not retried"));
                throw outcome.failure(attempt);
            }
            LOG.log(Level.INFO, () -> failed + "; retrying in " + wait.toMillis() + " ms");
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TokenRefreshException(what + " was interrupted while waiting to retry", outcome.status, e);
            }
        }
    }

    /**
     * How long to wait before attempt {@code attempt + 1}, or null when there is no time for it:
     * the server's short Retry-After, else full jitter; either must leave time for the attempt.
     */
    private Duration waitBefore(int attempt, Attempt outcome, Instant deadline) {
        Duration wait;
        if (outcome.serverWait != null) {
            if (outcome.serverWait.compareTo(MAX_RETRY_AFTER) > 0) {
                return null;
            }
            wait = outcome.serverWait;
        } else {
            long ceiling = BASE_DELAY.toMillis() << Math.min(attempt - 1, 20);
            wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
        }
        Duration left = Duration.between(clock.instant(), deadline);
        return wait.plus(MIN_ATTEMPT_TIME).compareTo(left) > 0 ? null : wait;
    }

    private Attempt send(Request request, String what, List<String> hidden, Instant deadline) {
        Instant sentAt = clock.instant();
        Call call = http.newCall(request);
        // each attempt gets the client's own bound, but never more than the budget has left
        long left = Math.max(1, Duration.between(sentAt, deadline).toMillis());
        long bound = http.callTimeoutMillis() == 0 ? left : Math.min(http.callTimeoutMillis(), left);
        call.timeout().timeout(bound, TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            int code = response.code();
            if (response.isSuccessful()) {
                return Attempt.granted(parse(text, what, code, sentAt, hidden));
            }
            TokenRefreshException failure = new TokenRefreshException(
                    scrub(what + " answered HTTP " + code + errorDetail(text), hidden), code, null);
            boolean retryable = code == 429 || (code >= 500 && code <= 599);
            return new Attempt(failure, code, null, retryable, retryable ? serverWait(response) : null);
        } catch (IOException e) {
            TokenRefreshException failure = new TokenRefreshException(scrub(what + " failed: " + e, hidden), 0, null);
            return new Attempt(failure, 0, e.getClass().getSimpleName(), !isTimeoutOrInterrupt(e), null);
        }
    }

    private Duration serverWait(Response response) {
        return RetryAfter.parse(response.header("Retry-After"), clock).map(at -> {
            Duration d = Duration.between(clock.instant(), at);
            return d.isNegative() ? Duration.ZERO : d;
        }).orElse(null);
    }

    /**
     * A timeout means the attempt used its whole bound (a stalled endpoint): another would make
     * the waiters wait that long again. An interrupt is the caller giving up.
     */
    private static boolean isTimeoutOrInterrupt(IOException e) {
        return e instanceof InterruptedIOException;
    }

    /** One attempt's outcome: a grant, or a failure and whether it may be retried. Immutable. */
    private static final class Attempt {
        final Grant grant;
        final TokenRefreshException failure;
        final int status;
        final String ioType;
        final boolean retryable;
        final Duration serverWait;

        Attempt(TokenRefreshException failure, int status, String ioType, boolean retryable, Duration serverWait) {
            this.grant = null;
            this.failure = failure;
            this.status = status;
            this.ioType = ioType;
            this.retryable = retryable;
            this.serverWait = serverWait;
        }

        private Attempt(Grant grant) {
            this.grant = grant;
            this.failure = null;
            this.status = 0;
            this.ioType = null;
            this.retryable = false;
            this.serverWait = null;
        }

        static Attempt granted(Grant grant) {
            return new Attempt(grant);
        }

        /** The failure to throw after {@code attempts} attempts, saying how many there were and any long wait asked. */
        TokenRefreshException failure(int attempts) {
            boolean longWait = serverWait != null && serverWait.compareTo(MAX_RETRY_AFTER) > 0;
            if (attempts == 1 && !longWait) {
                return failure;
            }
            String why = (attempts > 1 ? " (after " + attempts + " attempts)" : "")
                    + (longWait ? " (the server asks to retry in " + serverWait.getSeconds() + " s)" : "");
            return new TokenRefreshException(failure.getMessage() + why, failure.statusCode(), null);
        }
    }

    private Grant parse(String text, String what, int status, Instant sentAt, List<String> hidden) {
        JsonObject json;
        try {
            JsonElement e = JsonParser.parseString(text);
            json = e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            json = null;
        }
        if (json == null || !json.has("access_token") || !json.get("access_token").isJsonPrimitive()) {
            throw new TokenRefreshException(what + " answered HTTP " + status
                    + " without a readable access_token (malformed or unexpected JSON)", status, null);
        }
        String token = json.get("access_token").getAsString();
        AccessToken accessToken;
        if (json.has("expires_in") && json.get("expires_in").isJsonPrimitive()) {
            long seconds;
            try {
                seconds = json.get("expires_in").getAsLong();
            } catch (NumberFormatException e) {
                throw new TokenRefreshException(what + " answered an expires_in that is not a number", status, null);
            }
            // count from when the request left, so a slow answer cannot stretch the lifetime
            accessToken = AccessToken.of(token, sentAt.plusSeconds(seconds));
        } else {
            accessToken = AccessToken.of(token);
        }
        JsonElement refresh = json.get("refresh_token");
        return new Grant(accessToken, refresh != null && refresh.isJsonPrimitive() ? refresh.getAsString() : null);
    }

    private static String errorDetail(String body) {
        try {
            JsonObject o = JsonParser.parseString(body).getAsJsonObject();
            StringBuilder b = new StringBuilder();
            for (String field : new String[] {"error", "reason", "error_description", "message"}) {
                if (o.has(field) && o.get(field).isJsonPrimitive()) {
                    b.append(b.length() == 0 ? ": " : ", ").append(field).append('=').append(o.get(field).getAsString());
                }
            }
            return b.toString();
        } catch (RuntimeException notJson) {
            String t = body.strip();
            return t.isEmpty() ? " (empty body)" : ": " + (t.length() > MAX_ERROR_CHARS ? t.substring(0, MAX_ERROR_CHARS) + "..." : t);
        }
    }

    private static String scrub(String message, List<String> secrets) {
        String m = message;
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) {
                m = m.replace(s, "<redacted>");
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return "OAuthTokenEndpoint{" + url + "}";
    }
}
