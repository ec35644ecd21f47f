package dev.roomsdk.core.auth;

/**
 * Source of the credential each request carries. Implementations must be thread-safe;
 * {@link #token()} may do I/O (fetching a token) and may block.
 */
@FunctionalInterface
public interface TokenProvider {

    /** The credential to send now. Never null. */
    AccessToken token();

    /**
     * Tells the provider the server rejected {@code rejected}; the next {@link #token()}
     * should not return it again. The default does nothing (a static token cannot be renewed).
     */
    default void invalidate(AccessToken rejected) {
    }

    /** A provider that always returns the same, non-expiring token. */
    static TokenProvider of(String token) {
        AccessToken fixed = AccessToken.of(token);
        return () -> fixed;
    }
}
