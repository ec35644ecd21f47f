package dev.roomsdk.core.auth;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the current credential on every attempt of every call, except on requests tagged
 * {@link Anonymous}, which go without one (the provider is not even asked). It sits inside
 * the retry policy so an attempt made after a backoff carries a token refreshed meanwhile.
 */
public final class AuthInterceptor implements Interceptor {

    private final TokenProvider tokens;
    private final AuthScheme scheme;

    public AuthInterceptor(TokenProvider tokens, AuthScheme scheme) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
    }

    /**
     * The network-level twin, for OkHttp's cookie jar: the jar rewrites the whole
     * {@code Cookie} header after the application interceptors ran, which drops a cookie
     * credential. This puts the credential the attempt was given back, next to the jar's
     * cookies; for a header credential it changes nothing.
     */
    public static Interceptor reapplyAfterCookieJar(AuthScheme scheme) {
        Objects.requireNonNull(scheme, "scheme");
        return chain -> {
            Request request = chain.request();
            AccessToken token = request.tag(AccessToken.class);
            return chain.proceed(token == null ? request : scheme.apply(request, token));
        };
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (Anonymous.is(chain.request())) {
            return chain.proceed(chain.request());
        }
        AccessToken token = tokens.token();
        // the tag lets TokenAuthenticator invalidate exactly the token a 401 rejected
        return chain.proceed(scheme.apply(chain.request(), token).newBuilder().tag(AccessToken.class, token).build());
    }
}
