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

    private final Instant retryAt;

    protected RateLimitException(Details details, Instant retryAt) {
        super(details);
        this.retryAt = retryAt;
    }

    /** When the server said the limit resets, if it did. */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }

    /** Zoom's {@code X-RateLimit-Type}: {@code QPS} (per second) or {@code Daily-limit}. */
    public Optional<String> limitType() {
        return header("X-RateLimit-Type");
    }

    /** True when Zoom says a daily quota ran out: waiting seconds will not help. */
    public boolean isDailyLimit() {
        return limitType().map(t -> t.equalsIgnoreCase("Daily-limit")).orElse(false);
    }
}
