package dev.roomsdk.core.http;

import java.time.Duration;
import java.util.Objects;
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

    /** No overrides: the client's settings apply. */
    public static RequestOptions none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder newBuilder() {
        Builder b = new Builder();
        b.retryPolicy = retryPolicy;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.callTimeout = callTimeout;
        return b;
    }

    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    public Optional<Duration> connectTimeout() {
        return Optional.ofNullable(connectTimeout);
    }

    public Optional<Duration> readTimeout() {
        return Optional.ofNullable(readTimeout);
    }

    public Optional<Duration> writeTimeout() {
        return Optional.ofNullable(writeTimeout);
    }

    /** Bound on the whole call including retries; {@link Duration#ZERO} means none. */
    public Optional<Duration> callTimeout() {
        return Optional.ofNullable(callTimeout);
    }

    /** {@code options} (or none) with retries turned off, keeping its timeouts. */
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

        /** Retries of these calls; {@link RetryPolicy#none()} turns them off. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Durations.positive("connectTimeout", timeout);
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Durations.positive("readTimeout", timeout);
            return this;
        }

        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = Durations.positive("writeTimeout", timeout);
            return this;
        }

        /** Bound on the whole call including retries; {@link Duration#ZERO} means none. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Durations.notNegative("callTimeout", timeout);
            return this;
        }

        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
