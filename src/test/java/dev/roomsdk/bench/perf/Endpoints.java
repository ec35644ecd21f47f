package dev.roomsdk.bench.perf;

import javax.net.SocketFactory;

/**
 * Where a contender sends its calls: the server's base URL (both APIs share the benchmark
 * server) and, for the in-memory scenario only, the socket factory its OkHttp client must use
 * (null: the default, real loopback sockets). The credentials are fixed dummies the server
 * does not check.
 */
public final class Endpoints {

    public static final String VIDESK_TOKEN = "bench-videsk-api-token";
    public static final String CARBONIO_TOKEN = "bench-zm-auth-token";

    private final String baseUrl;
    private final SocketFactory sockets;

    /** {@code sockets} null for real sockets. */
    public Endpoints(String baseUrl, SocketFactory sockets) {
        this.baseUrl = baseUrl;
        this.sockets = sockets;
    }

    /** The server both APIs are called on, e.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Null for the default sockets. */
    public SocketFactory sockets() {
        return sockets;
    }
}
