package dev.roomsdk.core.auth;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the current credential on every attempt of every call, except on requests tagged
 * {@link Anonymous}, which go without one (the provider is not even asked). It sits inside
 * the retry policy so an attempt made after a backoff carries a token refreshed meanwhile.
 *
 * <p>Thread-safe. It never throws an unchecked exception into OkHttp's chain: a provider's
 * failure (e.g. {@link TokenRefreshException}) travels as a
 * {@link dev.roomsdk.core.error.ChainFailure}, which the SDK unwraps into the typed error for
 * sync and async calls alike. It never logs the credential.
 */
public final class AuthInterceptor implements Interceptor {

    private final TokenProvider tokens;
    private final AuthScheme scheme;

    /**
     * Puts {@code tokens}' credential on requests the way {@code scheme} says.
     *
     * @param tokens where each attempt's credential comes from; not null
     * @param scheme where the credential goes on the request; not null
     * @throws InvalidConfigurationException if either is null
     */
    public AuthInterceptor(TokenProvider tokens, AuthScheme scheme) {
        this.tokens = Checks.settingNotNull("tokens", tokens);
        this.scheme = Checks.settingNotNull("scheme", scheme);
    }

    /**
     * The network-level twin, seeing each request as it goes on the wire. OkHttp's cookie
     * jar rewrites the whole {@code Cookie} header after the application interceptors ran,
     * which drops a cookie credential: this puts the attempt's credential back, next to the
     * jar's cookies. A redirect keeps the request's tags but may lead to another host, port or
     * scheme (https to http): there the credential is removed, never sent (OkHttp itself drops
     * only {@code Authorization}, and only on a host change).
     *
     * @param scheme the same scheme the application-level interceptor uses; not null
     * @return a thread-safe network interceptor that never asks a provider for a token
     * @throws InvalidConfigurationException if {@code scheme} is null
     */
    public static Interceptor reapplyAfterCookieJar(AuthScheme scheme) {
        Checks.settingNotNull("scheme", scheme);
        return chain -> {
            Request request = chain.request();
            AccessToken token = request.tag(AccessToken.class);
            if (token == null) {
                return chain.proceed(request);
            }
            if (!isHome(request)) {
                return chain.proceed(scheme.remove(request));
            }
            // only a caller's cookie jar or a redirect changes it; otherwise no rebuild
            return chain.proceed(scheme.carries(request, token) ? request : scheme.apply(request, token));
        };
    }

    /** Whether {@code request} goes to the origin its credential was put on for. */
    static boolean isHome(Request request) {
        CredentialOrigin origin = request.tag(CredentialOrigin.class);
        return origin == null || origin.matches(request.url());
    }

    /**
     * Asks the provider for the current token (which may block for a refresh, bounded by the
     * provider) and proceeds with it.
     *
     * @throws dev.roomsdk.core.error.ChainFailure when no token can be had, carrying the typed error
     */
    @Override
    public Response intercept(Chain chain) throws IOException {
        if (Anonymous.is(chain.request())) {
            return chain.proceed(chain.request());
        }
        AccessToken token = ChainTokens.token(tokens);
        // the tag lets TokenAuthenticator invalidate exactly the token a 401 rejected
        Request request = chain.request();
        Request.Builder b = request.newBuilder();
        scheme.apply(b, request, token);
        return chain.proceed(b.tag(AccessToken.class, token).tag(CredentialOrigin.class, new CredentialOrigin(request.url()))
                .build());
    }

    /** Scheme, host and port a credential was issued for: it goes nowhere else. */
    static final class CredentialOrigin {
        private final String scheme;
        private final String host;
        private final int port;

        CredentialOrigin(HttpUrl url) {
            this.scheme = url.scheme();
            this.host = url.host();
            this.port = url.port();
        }

        boolean matches(HttpUrl url) {
            return scheme.equals(url.scheme()) && host.equals(url.host()) && port == url.port();
        }
    }
}
