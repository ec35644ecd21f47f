package dev.roomsdk.core.operation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A successful response: its status, its headers and the decoded value. Immutable. Its
 * {@code toString()} shows the status and the header names only, since response headers can
 * carry session cookies.
 *
 * @param <T> the decoded value's type
 */
public final class ApiResponse<T> {

    private final int status;
    private final okhttp3.Headers wire;
    private final T value;
    // most callers want only the value: the map is built when asked for
    private volatile Map<String, List<String>> headers;

    ApiResponse(int status, okhttp3.Headers wire, T value) {
        this.status = status;
        this.wire = Objects.requireNonNull(wire, "headers");
        this.value = value;
    }

    /** {@return the HTTP status, 2xx} */
    public int status() {
        return status;
    }

    /** {@return the response headers, names in lower case, values in the order received} */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> h = headers;
        if (h == null) {
            h = java.util.Collections.unmodifiableMap(wire.toMultimap());
            headers = h;
        }
        return h;
    }

    /**
     * The first value of a response header.
     *
     * @param name the header name, any case; not null
     * @return the first value, or null when the header was not sent
     */
    public String header(String name) {
        List<String> v = wire.values(name);
        return v.isEmpty() ? null : v.get(0);
    }

    /** {@return the decoded body: null for operations that return none} */
    public T value() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiResponse{status=" + status + ", headers=" + headers().keySet() + "}";
    }
}
