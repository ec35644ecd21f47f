package dev.roomsdk.core.auth;

import dev.roomsdk.core.error.RoomSdkException;

/**
 * A credential could not be obtained: the token endpoint refused the client (400/401,
 * e.g. {@code invalid_client}), failed (5xx), answered something unreadable, or a refresh
 * did not finish within the wait bound. The message says which, never the secret.
 */
public class TokenRefreshException extends RoomSdkException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public TokenRefreshException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** HTTP status of the token endpoint's answer, or 0 when there was none. */
    public int statusCode() {
        return statusCode;
    }
}
