package dev.roomsdk.core.http;

import dev.roomsdk.core.error.ChainFailure;
import dev.roomsdk.core.error.ErrorMapper;
import dev.roomsdk.core.error.NotReplayableBodyException;
import dev.roomsdk.core.error.ResponseBodyFailure;
import dev.roomsdk.core.error.RetryAfter;
import dev.roomsdk.core.error.RoomSdkException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

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
    private final ConnectionPool pool;

    /** {@code pool} is the client's: its idle connections are dropped after a connection failure. */
    RetryInterceptor(RetryPolicy defaults, ConnectionPool pool) {
        this.defaults = defaults;
        this.pool = pool;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestOptions options = request.tag(RequestOptions.class);
        RetryPolicy policy = options == null ? defaults : options.retryPolicy().orElse(defaults);
        boolean idempotent = request.tag(Idempotent.class) != null;
        boolean oneShot = request.body() != null && request.body().isOneShot();
        boolean buffer = idempotent && request.tag(BufferedResponse.class) != null;
        Instant deadline = deadline(chain, policy);
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= policy.maxAttempts() || !idempotent;
            Response response;
            try {
                response = chain.proceed(request);
                if (buffer && response.isSuccessful()) {
                    response = readWhole(response);
                }
            } catch (IOException e) {
                // a ChainFailure is a decided, typed error (no token), not a transport failure;
                // a one-shot body is gone, and the failure keeps its own type (a timeout stays one)
                if (last || oneShot || e instanceof ChainFailure || chain.call().isCanceled() || isInterrupt(e)) {
                    throw e;
                }
                Duration wait = policy.backoff(attempt);
                if (!fits(wait, deadline, policy)) {
                    throw e;
                }
                // a server that closed idle keep-alive connections leaves the pool full of dead
                // ones; OkHttp's own recovery is off (it would resend POSTs), so drop the idle ones
                // and let the next attempt connect afresh instead of finding another dead one
                pool.evictAll();
                pause(policy, wait);
                continue;
            }
            if (last || !policy.isRetryableStatus(response.code())) {
                return response;
            }
            Duration wait = waitFor(policy, response, attempt);
            if (wait == null || !fits(wait, deadline, policy)) {
                // surfaces now, carrying the server's wait (Retry-After) for the caller
                return response;
            }
            if (oneShot) {
                throw notResent(request, response);
            }
            response.close();
            pause(policy, wait);
        }
    }

    /** When the call's whole-call timeout runs out, on the policy's clock; null when it has none. */
    private static Instant deadline(Chain chain, RetryPolicy policy) {
        long nanos = chain.call().timeout().timeoutNanos();
        return nanos > 0 ? policy.clock().instant().plusNanos(nanos) : null;
    }

    /** Whether waiting {@code wait} still leaves time before the deadline for another attempt. */
    private static boolean fits(Duration wait, Instant deadline, RetryPolicy policy) {
        return deadline == null || policy.clock().instant().plus(wait).isBefore(deadline);
    }

    /** The response with its body read into memory, so a body that breaks off fails here, inside the loop. */
    private static Response readWhole(Response response) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        Buffer bytes = new Buffer();
        try (ResponseBody original = body) {
            bytes.writeAll(original.source());
        } catch (IOException e) {
            throw new ResponseBodyFailure(response.code(), e);
        }
        return response.newBuilder().body(ResponseBody.create(bytes, body.contentType(), bytes.size())).build();
    }

    /** A retry declined only because the one-shot body cannot be sent again: says so, with the server's answer as cause. */
    private static ChainFailure notResent(Request request, Response response) {
        RoomSdkException answer;
        try (Response r = response) {
            String body = r.body() == null ? "" : r.peekBody(ErrorMapper.MAX_BODY_CHARS).string();
            answer = ErrorMapper.map(request, r.code(), r.headers().toMultimap(), body, null);
        } catch (IOException e) {
            answer = ErrorMapper.map(request, response.code(), response.headers().toMultimap(), "", null);
        }
        return new ChainFailure(new NotReplayableBodyException(request.method() + " " + request.url().encodedPath()
                + " got HTTP " + response.code() + ", which is retried, but its one-shot upload body could not be resent"
                + " (upload a Path or byte[] to make it retryable)", answer));
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
