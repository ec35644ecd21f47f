package dev.roomsdk.core.http;

import dev.roomsdk.core.error.ChainFailure;
import dev.roomsdk.core.error.RetryAfter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends a failed request again according to a {@link RetryPolicy}: only requests the SDK's
 * runtime tagged {@link Idempotent} (from the operation's contract: its method, or its
 * {@code x-sdk-retry} hint), never a one-shot body, never a 401 (that belongs to the
 * authenticator). Closes each failed response before waiting. A Zoom daily-limit 429, or a
 * {@code Retry-After} beyond the policy's cap, is returned at once. A per-call policy comes
 * from the request's {@link RequestOptions} tag.
 */
final class RetryInterceptor implements Interceptor {

    private final RetryPolicy defaults;

    RetryInterceptor(RetryPolicy defaults) {
        this.defaults = defaults;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestOptions options = request.tag(RequestOptions.class);
        RetryPolicy policy = options == null ? defaults : options.retryPolicy().orElse(defaults);
        boolean repeatable = isRepeatable(request);
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= policy.maxAttempts() || !repeatable;
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                // a ChainFailure is a decided, typed error (no token), not a transport failure
                if (last || e instanceof ChainFailure || chain.call().isCanceled() || isInterrupt(e)) {
                    throw e;
                }
                pause(policy, policy.backoff(attempt));
                continue;
            }
            if (last || !policy.isRetryableStatus(response.code())) {
                return response;
            }
            Duration wait = waitFor(policy, response, attempt);
            if (wait == null) {
                return response;
            }
            response.close();
            pause(policy, wait);
        }
    }

    /** How long to wait before retrying {@code response}, or null when it must surface now. */
    private static Duration waitFor(RetryPolicy policy, Response response, int attempt) {
        if (response.code() == 429 && "daily-limit".equalsIgnoreCase(response.header("X-RateLimit-Type", ""))) {
            return null;
        }
        Optional<Instant> retryAt = RetryAfter.parse(response.header("Retry-After"), policy.clock());
        if (retryAt.isEmpty()) {
            return policy.backoff(attempt);
        }
        Duration asked = Duration.between(policy.clock().instant(), retryAt.get());
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(policy.maxDelay()) > 0 ? null : asked;
    }

    /** The operation's rule, decided once by the runtime and carried as the {@link Idempotent} tag. */
    private static boolean isRepeatable(Request request) {
        RequestBody body = request.body();
        if (body != null && body.isOneShot()) {
            return false;
        }
        return request.tag(Idempotent.class) != null;
    }

    private static boolean isInterrupt(IOException e) {
        return e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)
                && !"timeout".equals(e.getMessage());
    }

    private static void pause(RetryPolicy policy, Duration wait) throws IOException {
        try {
            policy.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
