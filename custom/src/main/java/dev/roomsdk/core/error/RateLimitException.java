package dev.roomsdk.core.error;

import java.time.Instant;
import java.util.Optional;

/**
 * HTTP 429 Too Many Requests. Says when to try again if the server said so
 * ({@code Retry-After} as seconds, HTTP-date, or Zoom's ISO-8601 reset time for daily
 * limits) and, for Zoom, which limit was hit ({@code X-RateLimit-Type}: {@code QPS} or
 * {@code Daily-limit}).
 */
public class RateLimitException extends RoomSdkServiceException {

    private static final long serialVersionUID = 1L;

    /** When the limit resets; null when the server did not say. */
    private final Instant retryAt;

    /**
     * Creates the exception; {@link ErrorMapper} is the one caller.
     *
     * @param details what was gathered from the failed response; not null
     * @param retryAt when the server said to try again; null when it did not say
     */
    protected RateLimitException(Details details, Instant retryAt) {
        super(details);
        this.retryAt = retryAt;
    }

    /** {@return when the server said the limit resets, or empty if it did not say} */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }

    /**
     * {@return Zoom's {@code X-RateLimit-Type}: {@code QPS} (per second) or {@code Daily-limit}}
     * Empty when the header is absent (Carbonio, Videsk).
     */
    public Optional<String> limitType() {
        return header("X-RateLimit-Type");
    }

    /** {@return true when Zoom says a daily quota ran out: waiting seconds will not help} */
    public boolean isDailyLimit() {
        return limitType().map(t -> t.equalsIgnoreCase("Daily-limit")).orElse(false);
    }
}
