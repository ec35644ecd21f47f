package dev.roomsdk.core.http;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-call overrides of the client's {@link HttpSettings}: the retry policy
 * ({@link RetryPolicy#none()} turns retries off for these calls) and the connect, read,
 * write and whole-call timeouts. Unset values fall back to the client's. An entry point's
 * {@code withOptions} derives a client carrying the timeouts; the retry policy travels as an
 * OkHttp request tag that {@code RetryInterceptor} reads. Immutable and thread-safe; change with {@link #newBuilder()}.
 */
public final class RequestOptions {

    private static final RequestOptions NONE = builder().build();

    private final RetryPolicy retryPolicy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;

    private RequestOptions(Builder b) {
        this.retryPolicy = b.retryPolicy;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.callTimeout = b.callTimeout;
    }

    /** {@return no overrides: the client's settings apply} A shared instance. */
    public static RequestOptions none() {
        return NONE;
    }

    /** {@return a new builder with nothing overridden} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a new builder starting from these overrides} */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.retryPolicy = retryPolicy;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.callTimeout = callTimeout;
        return b;
    }

    /** {@return the retry policy override, or empty to use the client's} */
    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    /** {@return the connect timeout override, or empty to use the client's} */
    public Optional<Duration> connectTimeout() {
        return Optional.ofNullable(connectTimeout);
    }

    /** {@return the read timeout override, or empty to use the client's} */
    public Optional<Duration> readTimeout() {
        return Optional.ofNullable(readTimeout);
    }

    /** {@return the write timeout override, or empty to use the client's} */
    public Optional<Duration> writeTimeout() {
        return Optional.ofNullable(writeTimeout);
    }

    /**
     * {@return the override of the bound on the whole call including retries, or empty to use
     * the client's} {@link Duration#ZERO} means none.
     */
    public Optional<Duration> callTimeout() {
        return Optional.ofNullable(callTimeout);
    }

    /**
     * Turns retries off, keeping the timeouts.
     *
     * @param options the overrides to start from; null for none
     * @return {@code options} (or none) with retries turned off
     */
    public static RequestOptions withoutRetries(RequestOptions options) {
        return (options == null ? builder() : options.newBuilder()).retryPolicy(RetryPolicy.none()).build();
    }

    @Override
    public String toString() {
        return "RequestOptions{retryPolicy=" + retryPolicy + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", writeTimeout=" + writeTimeout + ", callTimeout=" + callTimeout + "}";
    }

    /** Builder for {@link RequestOptions}. Not thread-safe. */
    public static final class Builder {
        private RetryPolicy retryPolicy;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration writeTimeout;
        private Duration callTimeout;

        private Builder() {
        }

        /**
         * Retries of these calls; {@link RetryPolicy#none()} turns them off.
         *
         * @param policy not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code policy} is null
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Checks.settingNotNull("retryPolicy", policy);
            return this;
        }

        /**
         * Bound on opening a connection, per attempt.
         *
         * @param timeout positive; not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code timeout} is null, zero or negative
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Checks.positiveSetting("connectTimeout", timeout);
            return this;
        }

        /**
         * Longest silence between two reads of a response, per attempt.
         *
         * @param timeout positive; not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code timeout} is null, zero or negative
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Checks.positiveSetting("readTimeout", timeout);
            return this;
        }

        /**
         * Longest stall while sending a request, per attempt.
         *
         * @param timeout positive; not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code timeout} is null, zero or negative
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Checks.positiveSetting("writeTimeout", timeout);
            return this;
        }

        /**
         * Bound on the whole call including retries; {@link Duration#ZERO} means none.
         *
         * @param timeout zero or positive; not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code timeout} is null or negative
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Checks.notNegativeSetting("callTimeout", timeout);
            return this;
        }

        /** {@return the immutable options} */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
