package dev.roomsdk.core.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs once per call, outside retries: names the SDK, the API and the Java version for the
 * vendors' logs. (Per-call timeouts are the derived client's: see
 * {@code OperationRuntime.withOptions}.)
 */
final class UserAgentInterceptor implements Interceptor {

    private final String userAgent;

    UserAgentInterceptor(String api) {
        this.userAgent = of(api);
    }

    /** The SDK's User-Agent for {@code api}: {@code rooms-sdk/<version> <api> java/<version>}. */
    static String of(String api) {
        return "rooms-sdk/" + SdkVersion.VERSION + " " + api + " java/" + System.getProperty("java.version");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        // the SDK's runtime writes it when it builds the request; others get it here
        if (userAgent.equals(request.header("User-Agent"))) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header("User-Agent", userAgent).build());
    }
}
