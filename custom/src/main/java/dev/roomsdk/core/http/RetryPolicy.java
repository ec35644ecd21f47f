package dev.roomsdk.core.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before sending a failed request again. Immutable and
 * thread-safe; change with {@link #newBuilder()}. Attempts are counted from 1.
 *
 * <p>Defaults: 3 attempts (2 retries); exponential backoff from 500 ms with full jitter,
 * capped at 30 s; retried on connection failures, timeouts and 408, 429, 500, 502, 503,
 * 504. A server's {@code Retry-After} wins over the backoff; if it asks for longer than the
 * cap, the error is surfaced at once rather than slept through.
 */
public final class RetryPolicy {

    /** Something that waits; tests inject one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Set<Integer> DEFAULT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Set<Integer> retryableStatuses;
    private final Sleeper sleeper;
    private final Clock clock;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.retryableStatuses = Set.copyOf(b.retryableStatuses);
        this.sleeper = b.sleeper;
        this.clock = b.clock;
    }

    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** One attempt, no retries. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder newBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.baseDelay = baseDelay;
        b.maxDelay = maxDelay;
        b.retryableStatuses = retryableStatuses;
        b.sleeper = sleeper;
        b.clock = clock;
        return b;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    boolean isRetryableStatus(int status) {
        return retryableStatuses.contains(status);
    }

    /** Full-jitter backoff before attempt {@code attempt + 1}: uniform in [0, min(cap, base * 2^(attempt-1))]. */
    Duration backoff(int attempt) {
        long ceiling = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        ceiling = Math.min(ceiling, maxDelay.toMillis());
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", statuses=" + retryableStatuses + "}";
    }

    /** Builder for {@link RetryPolicy}. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration baseDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(30);
        private Set<Integer> retryableStatuses = DEFAULT_STATUSES;
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Total attempts including the first, at least 1. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder baseDelay(Duration baseDelay) {
            Objects.requireNonNull(baseDelay, "baseDelay");
            if (baseDelay.isNegative()) {
                throw new IllegalArgumentException("baseDelay must not be negative, got " + baseDelay);
            }
            this.baseDelay = baseDelay;
            return this;
        }

        /** Cap on any single wait, including one a server asks for. */
        public Builder maxDelay(Duration maxDelay) {
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (maxDelay.isNegative()) {
                throw new IllegalArgumentException("maxDelay must not be negative, got " + maxDelay);
            }
            this.maxDelay = maxDelay;
            return this;
        }

        public Builder retryableStatuses(Set<Integer> statuses) {
            this.retryableStatuses = Set.copyOf(statuses);
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
