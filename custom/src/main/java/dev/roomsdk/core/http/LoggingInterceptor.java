package dev.roomsdk.core.http;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One log record per attempt on the {@code dev.roomsdk.http} logger: method, URL, status
 * and time at DEBUG, the headers exactly as sent and received at TRACE. Credentials are
 * masked (see {@link Redactor}); bodies are never read, so one-shot uploads and large
 * downloads are untouched. It is a network interceptor, so it sees every request that goes
 * on the wire (each retry, the resend after a 401) with its final headers.
 */
final class LoggingInterceptor implements Interceptor {

    private static final Logger LOG = System.getLogger("dev.roomsdk.http");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isLoggable(Level.DEBUG)) {
            return chain.proceed(request);
        }
        String target = request.method() + " " + Redactor.redact(request.url().toString(), request);
        if (LOG.isLoggable(Level.TRACE)) {
            LOG.log(Level.TRACE, "--> " + target + Redactor.headers(request.headers(), request));
        }
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "<-- " + target + " failed after " + elapsedMs(start) + " ms: "
                    + Redactor.redact(String.valueOf(e), request));
            throw e;
        }
        LOG.log(Level.DEBUG, "<-- " + response.code() + " " + target + " (" + elapsedMs(start) + " ms)");
        if (LOG.isLoggable(Level.TRACE)) {
            LOG.log(Level.TRACE, "<-- headers" + Redactor.headers(response.headers(), request));
        }
        return response;
    }

    private static long elapsedMs(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
