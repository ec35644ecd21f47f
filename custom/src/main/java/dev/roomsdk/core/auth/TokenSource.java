package dev.roomsdk.core.auth;

/**
 * Obtains a brand-new credential, typically with a request to a token endpoint. Called by
 * {@link CachingTokenProvider} one refresh at a time (under its lock, so each call sees what
 * the previous one left), possibly on a background refresh thread; need not be thread-safe itself.
 */
@FunctionalInterface
public interface TokenSource {

    /**
     * Fetches a new credential; may do I/O and block.
     *
     * @return the new credential; never null
     * @throws TokenRefreshException (or any runtime exception) when none can be had; the
     *         message must not contain secrets
     */
    AccessToken fetch();
}
