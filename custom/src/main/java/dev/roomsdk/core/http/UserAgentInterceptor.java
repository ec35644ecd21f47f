package dev.roomsdk.core.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Runs once per call, outside retries: names the SDK, the API and the Java version for the
 * vendors' logs, and applies the connect, read and write timeouts of the request's
 * {@link RequestOptions} to every attempt below it.
 */
final class UserAgentInterceptor implements Interceptor {

    private final String userAgent;

    UserAgentInterceptor(String api) {
        this.userAgent = "rooms-sdk/" + SdkVersion.VERSION + " " + api + " java/" + System.getProperty("java.version");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Chain c = chain;
        RequestOptions options = chain.request().tag(RequestOptions.class);
        if (options != null) {
            if (options.connectTimeout().isPresent()) {
                c = c.withConnectTimeout((int) options.connectTimeout().get().toMillis(), TimeUnit.MILLISECONDS);
            }
            if (options.readTimeout().isPresent()) {
                c = c.withReadTimeout((int) options.readTimeout().get().toMillis(), TimeUnit.MILLISECONDS);
            }
            if (options.writeTimeout().isPresent()) {
                c = c.withWriteTimeout((int) options.writeTimeout().get().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return c.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
    }
}
