package dev.roomsdk.core.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from resending a request on its own. OkHttp repeats a call after a 503 that
 * carries {@code Retry-After: 0}, whatever the method, so a POST that created something
 * would be sent twice. Retries are {@link RetryPolicy}'s to decide, with its method rules:
 * this network interceptor takes the zero hint out before OkHttp's follow-up logic sees it,
 * and {@link RetryInterceptor} retries a safe request after its own backoff. (OkHttp's other
 * silent resends, after a 408 or a failed connection, are off through
 * {@code retryOnConnectionFailure(false)}.)
 */
final class TransparentRetryGuard implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() == 503 && retryAfter != null && isZero(retryAfter.trim())) {
            return response.newBuilder().removeHeader("Retry-After").build();
        }
        return response;
    }

    private static boolean isZero(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
