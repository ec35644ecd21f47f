package dev.roomsdk.core.auth;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import java.io.IOException;
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
 *
 * <p>Thread-safe (concurrent 401s for one token cause one refresh, through the provider's
 * single flight). It never logs a credential.
 */
public final class TokenAuthenticator implements Authenticator {

    private final TokenProvider tokens;
    private final AuthScheme scheme;

    /**
     * Answers 401s with {@code tokens}' credentials, put on the way {@code scheme} says.
     *
     * @param tokens the provider the {@link AuthInterceptor} of the same client uses; not null
     * @param scheme where the credential goes on the request; not null
     * @throws InvalidConfigurationException if either is null
     */
    public TokenAuthenticator(TokenProvider tokens, AuthScheme scheme) {
        this.tokens = Checks.settingNotNull("tokens", tokens);
        this.scheme = Checks.settingNotNull("scheme", scheme);
    }

    /**
     * The rejected request with a fresh credential, or null to let the 401 surface.
     *
     * @throws dev.roomsdk.core.error.ChainFailure when no fresh token can be had, carrying the typed
     *         error ({@link TokenRefreshException}); never an unchecked exception, which would
     *         escape on OkHttp's dispatcher thread
     */
    @Override
    public Request authenticate(Route route, Response response) throws IOException {
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
        AccessToken fresh;
        try {
            ChainTokens.invalidate(tokens, sent);
            fresh = ChainTokens.token(tokens);
        } catch (IOException e) {
            // OkHttp closes the 401's body only after the authenticator returned: thrown past, it stays open
            response.close();
            throw e;
        }
        if (fresh.value().equals(sent.value())) {
            return null;
        }
        return scheme.apply(rejected, fresh).newBuilder().tag(AccessToken.class, fresh).build();
    }
}
