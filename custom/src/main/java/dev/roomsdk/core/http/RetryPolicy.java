package dev.roomsdk.core.http;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import java.time.Clock;
import java.time.Duration;
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
        /**
         * Waits for {@code duration}.
         *
         * @param duration how long to wait; not negative
         * @throws InterruptedException if the thread is interrupted while waiting
         */
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

    /** {@return the default policy, as listed above} */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** {@return a policy of one attempt, no retries} */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** {@return a new builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a new builder starting from this policy} */
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

    /** {@return the total attempts including the first, at least 1} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@return the cap on any single wait, including one a server asks for} */
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

        /**
         * Total attempts including the first. Default 3.
         *
         * @param maxAttempts at least 1
         * @return this builder
         * @throws InvalidConfigurationException if {@code maxAttempts} is less than 1
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw Checks.invalidSetting("maxAttempts", "must be at least 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The backoff's starting ceiling, doubled each attempt. Default 500 ms.
         *
         * @param baseDelay not null or negative
         * @return this builder
         * @throws InvalidConfigurationException if {@code baseDelay} is null or negative
         */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = Checks.notNegativeSetting("baseDelay", baseDelay);
            return this;
        }

        /**
         * Cap on any single wait, including one a server asks for. Default 30 s.
         *
         * @param maxDelay not null or negative
         * @return this builder
         * @throws InvalidConfigurationException if {@code maxDelay} is null or negative
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Checks.notNegativeSetting("maxDelay", maxDelay);
            return this;
        }

        /**
         * The HTTP statuses that are retried. Default 408, 429, 500, 502, 503, 504.
         *
         * @param statuses not null, copied; empty to retry only connection failures and timeouts
         * @return this builder
         * @throws InvalidConfigurationException if {@code statuses} is null or holds null
         */
        public Builder retryableStatuses(Set<Integer> statuses) {
            for (Integer status : Checks.settingNotNull("retryableStatuses", statuses)) {
                if (status == null) {
                    throw Checks.invalidSetting("retryableStatuses", "must not hold null");
                }
            }
            this.retryableStatuses = Set.copyOf(statuses);
            return this;
        }

        /**
         * How the policy waits between attempts. Default {@link Thread#sleep(long)}; tests pass a recorder.
         *
         * @param sleeper not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code sleeper} is null
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Checks.settingNotNull("sleeper", sleeper);
            return this;
        }

        /**
         * The clock the call deadline and {@code Retry-After} are measured on. Default the system UTC clock.
         *
         * @param clock not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Checks.settingNotNull("clock", clock);
            return this;
        }

        /** {@return the immutable policy} */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
