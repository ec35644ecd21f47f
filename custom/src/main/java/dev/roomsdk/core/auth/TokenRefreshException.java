package dev.roomsdk.core.auth;

import dev.roomsdk.core.error.RoomSdkException;
import java.time.Instant;
import java.util.Optional;

/**
 * A credential could not be obtained: the token endpoint refused the client (400/401,
 * e.g. {@code invalid_client}), failed (5xx), answered something unreadable, a refresh
 * did not finish within the wait bound, or a recent failure is still being backed off from
 * ({@link #retryAt()} says until when). The message says which, never the secret.
 *
 * <p>Immutable and thread-safe. Unchecked, a {@link RoomSdkException}; inside OkHttp's
 * chain it travels wrapped in a {@link dev.roomsdk.core.error.ChainFailure}.
 */
public class TokenRefreshException extends RoomSdkException {

    private static final long serialVersionUID = 1L;

    /** The token endpoint's HTTP status, or 0 when there was no answer. */
    private final int statusCode;
    /** When the provider will next ask the token endpoint; null on the fetch's own failure. */
    private final Instant retryAt;

    /**
     * A failure with the token endpoint's {@code statusCode}.
     *
     * @param message what failed; must not contain a secret
     * @param statusCode the token endpoint's HTTP status, or 0 when there was no answer
     * @param cause the underlying failure; may be null
     */
    public TokenRefreshException(String message, int statusCode, Throwable cause) {
        this(message, statusCode, cause, null);
    }

    TokenRefreshException(String message, int statusCode, Throwable cause, Instant retryAt) {
        super(message, cause);
        this.statusCode = statusCode;
        this.retryAt = retryAt;
    }

    /** {@return the HTTP status of the token endpoint's answer, or 0 when there was none} */
    public int statusCode() {
        return statusCode;
    }

    /**
     * {@return when the provider will next ask the token endpoint, on a failure it remembered}
     * That is when this caller waited for a fetch that failed, or came during the backoff
     * after one; the cause is then that fetch's failure. Empty on the failure of the fetch itself.
     */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }
}
