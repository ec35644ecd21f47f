package dev.roomsdk.core.auth;

/**
 * Source of the credential each request carries. Implementations must be thread-safe;
 * {@link #token()} may do I/O (fetching a token) and may block.
 */
@FunctionalInterface
public interface TokenProvider {

    /**
     * {@return the credential to send now} Never null. May block while a token is fetched.
     *
     * @throws TokenRefreshException when no credential can be had (implementations may throw
     *         other {@link dev.roomsdk.core.error.RoomSdkException}s)
     */
    AccessToken token();

    /**
     * Tells the provider the server rejected {@code rejected}; the next {@link #token()}
     * should not return it again. The default does nothing (a static token cannot be renewed).
     *
     * @param rejected the token the server answered 401 to; not null
     */
    default void invalidate(AccessToken rejected) {
    }

    /**
     * A provider that always returns the same, non-expiring token.
     *
     * @param token the credential; not null or empty
     * @return a thread-safe provider that does no I/O
     * @throws dev.roomsdk.core.error.InvalidConfigurationException if {@code token} is null or empty
     */
    static TokenProvider of(String token) {
        AccessToken fixed = AccessToken.of(token);
        return () -> fixed;
    }
}
