package dev.roomsdk.core.http;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Transport settings every entry point shares: timeouts, the retry policy and an optional base
 * {@link OkHttpClient} whose connection pool and dispatcher the SDK should reuse.
 * Immutable; change with {@link #newBuilder()}.
 *
 * <p>Defaults: connect 10 s, read 30 s (longest silence between two reads), write 30 s
 * (longest stall while sending), whole call 2 min (covers every attempt, the waits between
 * them and large transfers, so it is generous). A server that stalls ends in a
 * {@link dev.roomsdk.core.error.RoomSdkTimeoutException} within the read timeout per attempt
 * and the call timeout overall. Retries: {@link RetryPolicy#defaults()}. One call can override
 * any of these with {@link RequestOptions}.
 */
public final class HttpSettings {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration callTimeout;
    private final OkHttpClient baseClient;
    private final RetryPolicy retryPolicy;

    private HttpSettings(Builder b) {
        this.retryPolicy = b.retryPolicy;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.callTimeout = b.callTimeout;
        this.baseClient = b.baseClient;
    }

    /** {@return the default settings, as listed above} */
    public static HttpSettings defaults() {
        return builder().build();
    }

    /** {@return a new builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a new builder starting from these settings} */
    public Builder newBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.callTimeout = callTimeout;
        b.baseClient = baseClient;
        b.retryPolicy = retryPolicy;
        return b;
    }

    /** {@return the retries of every call; {@link RetryPolicy#none()} means none} Never null. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** {@return the bound on opening a connection, per attempt} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return the longest silence between two reads of a response, per attempt} */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** {@return the longest stall while sending a request, per attempt} */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** {@return the bound on a whole call including retries; {@link Duration#ZERO} means none} */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** {@return the caller's client to derive from, or null when the SDK owns its own} */
    public OkHttpClient baseClient() {
        return baseClient;
    }

    /** Builder for {@link HttpSettings}. Not thread-safe. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofMinutes(2);
        private OkHttpClient baseClient;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();

        private Builder() {
        }

        /**
         * The retries of every call. Default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()}
         * turns retries off.
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
         * Bound on a whole call including retries; {@link Duration#ZERO} means none.
         *
         * @param timeout zero or positive; not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code timeout} is null or negative
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = Checks.notNegativeSetting("callTimeout", timeout);
            return this;
        }

        /**
         * Share this client's connection pool and dispatcher; the SDK never closes them.
         *
         * @param client the client the SDK's clients derive from; not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code client} is null
         */
        public Builder baseClient(OkHttpClient client) {
            this.baseClient = Checks.settingNotNull("baseClient", client);
            return this;
        }

        /** {@return the immutable settings} */
        public HttpSettings build() {
            return new HttpSettings(this);
        }
    }
}
