package dev.roomsdk.core.auth;

import dev.roomsdk.core.error.ChainFailure;
import dev.roomsdk.core.error.RoomSdkException;

/**
 * Asks a {@link TokenProvider} from inside OkHttp's chain (an interceptor or the
 * authenticator), where only {@code IOException}s may be thrown: any runtime exception of
 * the provider becomes a {@link ChainFailure} carrying a typed error, so an asynchronous call's
 * callback gets it and nothing escapes on the dispatcher thread. Stateless, thread-safe.
 */
final class ChainTokens {

    private ChainTokens() {
    }

    /** The provider's current token, never null. */
    static AccessToken token(TokenProvider tokens) throws ChainFailure {
        AccessToken token;
        try {
            token = tokens.token();
        } catch (RuntimeException e) {
            throw failure(e);
        }
        if (token == null) {
            // a provider breaking its contract must not become a NullPointerException on the dispatcher
            throw new ChainFailure(new TokenRefreshException("the token provider " + tokens.getClass().getName()
                    + " returned no token", 0, null));
        }
        return token;
    }

    /** Tells the provider {@code rejected} was refused by the server. */
    static void invalidate(TokenProvider tokens, AccessToken rejected) throws ChainFailure {
        try {
            tokens.invalidate(rejected);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private static ChainFailure failure(RuntimeException e) {
        if (e instanceof RoomSdkException) {
            return new ChainFailure((RoomSdkException) e);
        }
        // a provider outside the SDK's own types: the caller still gets the SDK's type, and the
        // original as its cause (messages of token sources never hold secrets, by their contract)
        return new ChainFailure(new TokenRefreshException("the token provider failed: " + e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()), 0, e));
    }
}
