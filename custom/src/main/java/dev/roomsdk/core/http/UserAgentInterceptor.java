package dev.roomsdk.core.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Runs once per call, outside retries: names the SDK, the API and the Java version for the
 * vendors' logs. (Per-call timeouts are the derived client's: see
 * {@code OperationRuntime.withOptions}.)
 */
final class UserAgentInterceptor implements Interceptor {

    private final String userAgent;

    UserAgentInterceptor(String api) {
        this.userAgent = "rooms-sdk/" + SdkVersion.VERSION + " " + api + " java/" + System.getProperty("java.version");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
    }
}
