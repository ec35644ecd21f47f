package dev.roomsdk.core.http;

import dev.roomsdk.core.auth.AuthScheme;
import dev.roomsdk.core.auth.TokenProvider;
import dev.roomsdk.core.error.InvalidConfigurationException;
import okhttp3.OkHttpClient;

/**
 * An entry point's OkHttp client and whether it owns it: the client built by
 * {@link RoomHttpClients#create} is owned and released by {@link #close()}; a
 * {@link #shared()} view (for clients derived with per-call options) uses the same pool and
 * threads and releases nothing. Immutable and thread-safe.
 */
public final class Transport implements AutoCloseable {

    private final OkHttpClient client;
    private final HttpSettings settings;
    private final boolean owner;
    private final String userAgent;

    private Transport(OkHttpClient client, HttpSettings settings, boolean owner, String userAgent) {
        this.client = client;
        this.settings = settings;
        this.owner = owner;
        this.userAgent = userAgent;
    }

    /**
     * A new owned transport for {@code api}; see {@link RoomHttpClients#create}. No I/O.
     *
     * @param api the API's name, which goes into the {@code User-Agent}
     * @param settings timeouts, retries and the optional base client; not null
     * @param tokens where credentials come from; null for none
     * @param scheme where the credential goes on a request; not null when {@code tokens} is not
     * @return a transport that {@link #close()} releases
     * @throws InvalidConfigurationException if {@code settings} is null
     */
    public static Transport create(String api, HttpSettings settings, TokenProvider tokens, AuthScheme scheme) {
        return new Transport(RoomHttpClients.create(api, settings, tokens, scheme), settings, true,
                UserAgentInterceptor.of(api));
    }

    /** {@return the same client, not owned: closing the view releases nothing} */
    public Transport shared() {
        return new Transport(client, settings, false, userAgent);
    }

    /** {@return the OkHttp client that sends the calls} Do not shut it down directly; use {@link #close()}. */
    public OkHttpClient client() {
        return client;
    }

    /** {@return the User-Agent the client's requests carry} */
    public String userAgent() {
        return userAgent;
    }

    /**
     * Releases the connection pool and dispatcher threads, when this transport owns them and
     * they are not a caller's base client's.
     */
    @Override
    public void close() {
        if (owner) {
            RoomHttpClients.close(client, settings);
        }
    }
}
