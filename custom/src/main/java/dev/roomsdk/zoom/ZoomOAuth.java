package dev.roomsdk.zoom;

import dev.roomsdk.core.auth.CachingTokenProvider;
import dev.roomsdk.core.auth.OAuthTokenEndpoint;
import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.http.BaseUrls;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Zoom OAuth credentials as a {@link TokenProvider}, cached and renewed before expiry.
 *
 * <ul>
 *   <li>{@link #serverToServer}: Server-to-Server OAuth ({@code grant_type=account_credentials}).
 *       Tokens live one hour and come without a refresh token; a new one is requested.</li>
 *   <li>{@link #refreshToken}: a user-level app's refresh token ({@code grant_type=refresh_token}).
 *       Zoom accepts only the latest refresh token, so each new one replaces the old and is
 *       handed to the caller's callback to persist.</li>
 * </ul>
 * Both post to {@code {oauthBaseUrl}/oauth/token} with HTTP Basic {@code client_id:client_secret}
 * and the parameters in a form body (query-string parameters have been seen failing with 400).
 * A 5xx, 429 or connection failure of the token endpoint is retried within the 30 s other
 * callers wait ({@link OAuthTokenEndpoint}); a failed fetch is shared with the callers that
 * waited for it and backed off from ({@link CachingTokenProvider}). Thread-safe once built;
 * secrets are never logged nor shown by {@code toString()}.
 */
public final class ZoomOAuth {

    /** Zoom's OAuth host. */
    public static final String DEFAULT_OAUTH_BASE_URL = "https://zoom.us";

    /**
     * Bound of one token request by default: below the 30 s other callers wait for a refresh,
     * so a stalled endpoint fails the refreshing thread before the waiters give up.
     */
    public static final Duration DEFAULT_TOKEN_REQUEST_TIMEOUT = Duration.ofSeconds(20);

    /** Waiters' bound, as {@link CachingTokenProvider.Builder#waitTimeout}'s default. */
    private static final Duration MAX_TOKEN_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** One client (one pool) for every provider built without {@link Builder#httpClient}. */
    private static final OkHttpClient DEFAULT_TOKEN_CLIENT = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(15))
            .writeTimeout(Duration.ofSeconds(15))
            .callTimeout(DEFAULT_TOKEN_REQUEST_TIMEOUT)
            .build();

    private ZoomOAuth() {
    }

    /**
     * Server-to-Server OAuth for {@code accountId}.
     *
     * @param accountId the Zoom account; not null or empty
     * @param clientId the app's client id; not null or empty
     * @param clientSecret the app's client secret; not null or empty, never logged
     * @return a builder of the token provider
     * @throws InvalidConfigurationException if an argument is null or empty (naming it, never showing it)
     */
    public static Builder serverToServer(String accountId, String clientId, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "account_credentials");
        form.put("account_id", Checks.settingNotEmpty("accountId", accountId));
        return new Builder(clientId, clientSecret, endpoint -> () -> endpoint.request(form).accessToken);
    }

    /**
     * A user-level app's refresh-token grant starting from {@code refreshToken};
     * {@code onNewRefreshToken} receives every refresh token Zoom issues, to persist.
      *
      * @param clientId the app's client id; not null or empty
      * @param clientSecret the app's client secret; not null or empty, never logged
      * @param refreshToken the refresh token to start from; not null or empty, never logged
      * @param onNewRefreshToken called on the refreshing thread with each new refresh token; not null
      * @return a builder of the token provider
      * @throws InvalidConfigurationException if an argument is null, or a string argument is empty
      *         (naming it, never showing it)
     */
    public static Builder refreshToken(String clientId, String clientSecret, String refreshToken,
                                       Consumer<String> onNewRefreshToken) {
        RefreshTokenSource source = new RefreshTokenSource(Checks.settingNotEmpty("refreshToken", refreshToken),
                Checks.settingNotNull("onNewRefreshToken", onNewRefreshToken));
        return new Builder(clientId, clientSecret, source::bind);
    }

    /** Turns the endpoint into the raw token source of one grant type. */
    private interface Grant {
        dev.roomsdk.core.auth.TokenSource bind(OAuthTokenEndpoint endpoint);
    }

    private static final class RefreshTokenSource {
        private final Consumer<String> onNewRefreshToken;
        private volatile String latest;

        RefreshTokenSource(String refreshToken, Consumer<String> onNewRefreshToken) {
            this.latest = refreshToken;
            this.onNewRefreshToken = onNewRefreshToken;
        }

        dev.roomsdk.core.auth.TokenSource bind(OAuthTokenEndpoint endpoint) {
            return () -> {
                String used = latest;
                Map<String, String> form = new LinkedHashMap<>();
                form.put("grant_type", "refresh_token");
                form.put("refresh_token", used);
                OAuthTokenEndpoint.Grant grant = endpoint.request(form, used);
                if (grant.refreshToken != null && !grant.refreshToken.equals(used)) {
                    latest = grant.refreshToken;
                    onNewRefreshToken.accept(grant.refreshToken);
                }
                return grant.accessToken;
            };
        }
    }

    /** Builder of a Zoom OAuth {@link TokenProvider}. Not thread-safe. */
    public static final class Builder {
        private final String clientId;
        private final String clientSecret;
        private final Grant grant;
        private String oauthBaseUrl = DEFAULT_OAUTH_BASE_URL;
        private Duration refreshMargin = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private OkHttpClient http;
        private Duration requestTimeout;
        private Executor backgroundRefresh;
        private boolean backgroundRefreshOnDaemon;

        private Builder(String clientId, String clientSecret, Grant grant) {
            this.clientId = Checks.settingNotEmpty("clientId", clientId);
            this.clientSecret = Checks.settingNotEmpty("clientSecret", clientSecret);
            this.grant = grant;
        }

        /**
         * Where {@code /oauth/token} lives; default {@value #DEFAULT_OAUTH_BASE_URL}.
         *
         * @param url an absolute http(s) URL, e.g. {@code https://zoom.us}
         * @return this builder
         * @throws InvalidConfigurationException if {@code url} is not an absolute http(s) URL
         */
        public Builder oauthBaseUrl(String url) {
            this.oauthBaseUrl = BaseUrls.require("oauthBaseUrl", url);
            return this;
        }

        /**
         * Renew this long before expiry; default 5 minutes of the one-hour lifetime.
         *
         * @param margin not null or negative
         * @return this builder
         * @throws InvalidConfigurationException if {@code margin} is null or negative
         */
        public Builder refreshMargin(Duration margin) {
            this.refreshMargin = Checks.notNegativeSetting("refreshMargin", margin);
            return this;
        }

        /**
         * The time expiry is measured on. Default the system UTC clock.
         *
         * @param clock not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Checks.settingNotNull("clock", clock);
            return this;
        }

        /**
         * Client for token requests (to share a connection pool); default one shared client with
         * connect/read timeouts and a 20 s call timeout.
          *
          * @param http not null; the SDK never closes it
          * @return this builder
          * @throws InvalidConfigurationException if {@code http} is null
         */
        public Builder httpClient(OkHttpClient http) {
            this.http = Checks.settingNotNull("httpClient", http);
            return this;
        }

        /**
         * Bound of one whole token request attempt (connect, send, answer), applied as the call
         * timeout on top of the client; at most 30 s, the time other callers wait for a refresh,
         * which also bounds all attempts together. Default 20 s (or the given client's own).
          *
          * @param timeout more than 0 and at most 30 s
          * @return this builder
          * @throws InvalidConfigurationException if {@code timeout} is null or out of range
         */
        public Builder tokenRequestTimeout(Duration timeout) {
            Checks.settingNotNull("tokenRequestTimeout", timeout);
            if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(MAX_TOKEN_REQUEST_TIMEOUT) > 0) {
                throw Checks.invalidSetting("tokenRequestTimeout", "must be more than 0 and at most "
                        + MAX_TOKEN_REQUEST_TIMEOUT.getSeconds() + " s, got " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * Renew a token inside the refresh margin on a daemon thread while every caller keeps
         * the still-valid one ({@link CachingTokenProvider.Builder#backgroundRefresh(boolean)}).
         * Default false: the caller that notices renews it and waits for the token request.
          *
          * @param background true to renew on a daemon thread
          * @return this builder
         */
        public Builder backgroundRefresh(boolean background) {
            this.backgroundRefreshOnDaemon = background;
            this.backgroundRefresh = null;
            return this;
        }

        /**
         * Renew a token inside the refresh margin as a task on {@code executor}, which is never
         * shut down by the provider ({@link CachingTokenProvider.Builder#backgroundRefresh(Executor)}).
          *
          * @param executor runs the renewal tasks; not null
          * @return this builder
          * @throws InvalidConfigurationException if {@code executor} is null
         */
        public Builder backgroundRefresh(Executor executor) {
            this.backgroundRefresh = Checks.settingNotNull("backgroundRefresh executor", executor);
            this.backgroundRefreshOnDaemon = false;
            return this;
        }

        /** The client token requests go through (newBuilder() shares the pool of the base client). */
        OkHttpClient tokenClient() {
            OkHttpClient base = http == null ? DEFAULT_TOKEN_CLIENT : http;
            return requestTimeout == null ? base : base.newBuilder().callTimeout(requestTimeout).build();
        }

        /**
         * Builds the provider. No I/O: the first token is requested by the first {@code token()}.
         *
         * @return a new, thread-safe provider to pass to {@link ZoomRooms.Builder#credentials}
         */
        public CachingTokenProvider build() {
            HttpUrl url = HttpUrl.get(oauthBaseUrl).newBuilder().addPathSegments("oauth/token").build();
            OAuthTokenEndpoint endpoint = new OAuthTokenEndpoint(url, clientId, clientSecret, tokenClient(), clock);
            CachingTokenProvider.Builder tokens = CachingTokenProvider.builder(grant.bind(endpoint))
                    .refreshMargin(refreshMargin).clock(clock);
            if (backgroundRefresh != null) {
                tokens.backgroundRefresh(backgroundRefresh);
            } else {
                tokens.backgroundRefresh(backgroundRefreshOnDaemon);
            }
            return tokens.build();
        }

        @Override
        public String toString() {
            return "ZoomOAuth.Builder{clientId=" + clientId + ", clientSecret=<redacted>, oauthBaseUrl=" + oauthBaseUrl + "}";
        }
    }
}
