package dev.roomsdk.core.http;

import dev.roomsdk.core.auth.AuthInterceptor;
import dev.roomsdk.core.auth.AuthScheme;
import dev.roomsdk.core.auth.TokenAuthenticator;
import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The one place that builds an API's {@link OkHttpClient} and fixes the order of its
 * policies: user agent (once per call), retry, then authentication (on every attempt, so a
 * retry after a backoff carries a token refreshed meanwhile), then, on the network side,
 * the credential put back after a caller's cookie jar rewrote the cookies, and logging, with the
 * 401 refresh-and-resend-once in OkHttp's authenticator slot.
 */
public final class RoomHttpClients {

    private RoomHttpClients() {
    }

    /**
     * A client for {@code api} built from {@code settings}, carrying {@code tokens} as
     * {@code scheme}. With {@code tokens} null it carries no credentials at all (for clients
     * built for anonymous operations only; the entry point refuses the others before any I/O).
     * No I/O.
     *
     * @param api the API's name, which goes into the {@code User-Agent}
     * @param settings timeouts, retries and the optional base client; not null
     * @param tokens where credentials come from; null for none
     * @param scheme where the credential goes on a request; not null when {@code tokens} is not
     * @return a new client; release it with {@link #close}
     * @throws InvalidConfigurationException if {@code settings} is null, or {@code scheme} is while {@code tokens} is not
     */
    public static OkHttpClient create(String api, HttpSettings settings, TokenProvider tokens, AuthScheme scheme) {
        Checks.settingNotNull("settings", settings);
        OkHttpClient.Builder b = settings.baseClient() == null ? new OkHttpClient.Builder() : settings.baseClient().newBuilder();
        ConnectionPool pool = settings.baseClient() == null ? new ConnectionPool() : settings.baseClient().connectionPool();
        b.connectionPool(pool);
        b.connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(settings.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // only RetryPolicy resends, by its method rules (OkHttp would repeat a POST after a 408)
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(new TransparentRetryGuard())
                .addInterceptor(new UserAgentInterceptor(api))
                .addInterceptor(new RetryInterceptor(settings.retryPolicy(), pool));
        if (tokens != null) {
            b.addInterceptor(new AuthInterceptor(tokens, scheme))
                    .addNetworkInterceptor(AuthInterceptor.reapplyAfterCookieJar(scheme))
                    .authenticator(new TokenAuthenticator(tokens, scheme));
        }
        return b.addNetworkInterceptor(new LoggingInterceptor()).build();
    }

    /**
     * Releases what {@code client} owns: its dispatcher threads and pooled connections. A
     * client derived from a caller's base client shares them with it, so it is left alone.
     *
     * @param client a client {@link #create} made from {@code settings}; not null
     * @param settings the settings {@code client} was made from; not null
     */
    public static void close(OkHttpClient client, HttpSettings settings) {
        if (settings.baseClient() != null) {
            return;
        }
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
