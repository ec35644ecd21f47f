package dev.roomsdk.core.auth;

import java.util.Objects;
import okhttp3.Authenticator;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * OkHttp's answer to a 401: invalidate the token the request carried, get a fresh one
 * through the same single-flight refresh, and resend once. If the resent request is
 * rejected too, or no different token can be had, it gives up and the caller gets an
 * {@link dev.roomsdk.core.error.AuthenticationException}; it never loops. OkHttp does not
 * resend one-shot bodies, so a streamed upload is not replayed. A 401 to a request tagged
 * {@link Anonymous} is never answered with a credential: the contract says it takes none.
 */
public final class TokenAuthenticator implements Authenticator {

    private final TokenProvider tokens;
    private final AuthScheme scheme;

    public TokenAuthenticator(TokenProvider tokens, AuthScheme scheme) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
    }

    @Override
    public Request authenticate(Route route, Response response) {
        for (Response prior = response.priorResponse(); prior != null; prior = prior.priorResponse()) {
            if (prior.code() == 401) {
                return null;
            }
        }
        Request rejected = response.request();
        // a 401 from elsewhere (after a redirect) says nothing about our credential
        if (Anonymous.is(rejected) || !AuthInterceptor.isHome(rejected)) {
            return null;
        }
        AccessToken sent = rejected.tag(AccessToken.class);
        if (sent == null) {
            return null;
        }
        tokens.invalidate(sent);
        AccessToken fresh = tokens.token();
        if (fresh.value().equals(sent.value())) {
            return null;
        }
        return scheme.apply(rejected, fresh).newBuilder().tag(AccessToken.class, fresh).build();
    }
}
