package dev.roomsdk.core.error;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;

/**
 * The one status switch: turns what the generated clients report (status, headers, body,
 * or the I/O failure behind them) into the SDK's exception types. Thread-safe, no I/O.
 */
public final class ErrorMapper {

    /** Bound on the body an exception keeps, so a huge HTML error page cannot pin memory. */
    public static final int MAX_BODY_CHARS = 16 * 1024;

    private static final Set<String> SECRET_HEADERS = Set.of("set-cookie", "authorization", "www-authenticate",
            "proxy-authorization", "cookie");
    private static final List<String> REQUEST_ID_HEADERS = List.of("x-zm-trackingid", "x-request-id", "x-trace-id");
    /**
     * Headers naming an API version: on the request, the version asked for; on an error response,
     * the server's own (Carbonio's {@code X-WSC-API-VERSION}). Both go into the exception's message.
     */
    private static final List<String> API_VERSION_HEADERS = List.of("x-wsc-api-version");

    /** Where decoder messages start quoting the body; what follows may hold credentials. */
    private static final String[] BODY_QUOTE_MARKERS = {
        " in the JSON string", "JSON string:", "JSON:", " but got ", " but was ", "Value:", "Unexpected value",
        "For input string",
        // gson's JsonElement.getAsJsonObject() & co. append the element; its UUID, BigDecimal, URL... adapters the value
        "Not a JSON Object:", "Not a JSON Array:", "Not a JSON Primitive:", "Not a JSON Null:", "Failed parsing '",
        "Invalid UUID string",
        // java.time's DateTimeParseException quotes the text
        "Text '"};
    private static final int MAX_SUMMARY_CHARS = 200;
    /** gson's own location suffix: names the field, never its value. */
    private static final Pattern GSON_LOCATION = Pattern.compile(" at (line \\d+ column \\d+ )?path \\$[^\\s]{0,100}$");

    private ErrorMapper() {
    }

    /**
     * The exception for a failed call of {@code request}: a service exception when there
     * was a response ({@code status > 0}), else the typed error a {@link ChainFailure} carries,
     * else an I/O or timeout exception wrapping {@code cause}.
     *
     * @param request the request that failed; not null
     * @param status the response status, or {@code 0} or less when no response arrived
     * @param headers the response headers (any name case); null or empty when none
     * @param body the response body as text; null for none
     * @param cause the failure behind a missing response; may be null
     * @return the exception to throw; never null
     */
    public static RoomSdkException map(Request request, int status, Map<String, List<String>> headers,
                                       String body, Throwable cause) {
        String operation = request.method() + " " + request.url().encodedPath();
        if (status <= 0) {
            if (cause instanceof ChainFailure) {
                return ((ChainFailure) cause).failure(); // already typed inside the chain (e.g. no token)
            }
            return transportFailure(operation, cause);
        }
        return fromResponse(operation, status, headers, body, requestedApiVersion(request), Clock.systemUTC());
    }

    /**
     * The exception for an HTTP error response to a request that named no API version.
     *
     * @param operation {@code METHOD /path} of the call
     * @param status the HTTP status
     * @param headers the response headers (any name case); null or empty when none
     * @param body the response body as text, truncated to {@link #MAX_BODY_CHARS}; null for none
     * @param clock what a {@code Retry-After} in seconds counts from; not null
     * @return the status's exception type; never null
     */
    public static RoomSdkServiceException fromResponse(String operation, int status, Map<String, List<String>> headers,
                                                       String body, Clock clock) {
        return fromResponse(operation, status, headers, body, null, clock);
    }

    /**
     * The exception for an HTTP error response to a request that asked for API version
     * {@code requestedApiVersion} (null when it named none); the server's version comes from
     * the response headers.
     *
     * @param operation {@code METHOD /path} of the call
     * @param status the HTTP status
     * @param headers the response headers (any name case); null or empty when none
     * @param body the response body as text, truncated to {@link #MAX_BODY_CHARS}; null for none
     * @param requestedApiVersion the version the request asked for; null when it named none
     * @param clock what a {@code Retry-After} in seconds counts from; not null
     * @return the status's exception type; never null
     */
    public static RoomSdkServiceException fromResponse(String operation, int status, Map<String, List<String>> headers,
                                                       String body, String requestedApiVersion, Clock clock) {
        Map<String, List<String>> safe = safeHeaders(headers);
        String text = body == null ? "" : body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body;
        RoomSdkServiceException.Details d = new RoomSdkServiceException.Details(status, safe, text, operation,
                requestId(safe), vendorError(text), versionText(first(safe, API_VERSION_HEADERS)),
                versionText(requestedApiVersion));
        switch (status) {
            case 400: return new BadRequestException(d);
            case 401: return new AuthenticationException(d);
            case 403: return new PermissionDeniedException(d);
            case 404: return new NotFoundException(d);
            case 409: return new ConflictException(d);
            case 413: return new PayloadTooLargeException(d);
            case 422: return new UnprocessableEntityException(d);
            case 429:
                List<String> retryAfter = safe.get("retry-after");
                Instant at = retryAfter == null || retryAfter.isEmpty() ? null
                        : RetryAfter.parse(retryAfter.get(0), clock).orElse(null);
                return new RateLimitException(d, at);
            default:
                return status >= 500 && status <= 599 ? new ServerException(d) : new UnexpectedStatusException(d);
        }
    }

    /**
     * The exception for a call that got no response.
     *
     * @param operation {@code METHOD /path} of the call
     * @param cause the I/O failure; null when unknown
     * @return a {@link RoomSdkTimeoutException} for a timeout, else a {@link RoomSdkIoException}
     */
    public static RoomSdkIoException transportFailure(String operation, Throwable cause) {
        String what = describe(cause);
        if (isTimeout(cause)) {
            return new RoomSdkTimeoutException(operation + " timed out (" + what + ")", cause);
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof ResponseBodyFailure) {
                return new RoomSdkIoException(operation + " failed while reading the response body (" + what + ")", cause);
            }
        }
        return new RoomSdkIoException(operation + " failed before a response arrived (" + what + ")", cause);
    }

    private static String describe(Throwable cause) {
        return cause == null ? "unknown I/O failure" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    /**
     * The exception for a 2xx body that could not be decoded: a transport failure when the
     * body broke off mid-read (gson wraps that I/O error), else a body that does not match
     * the contract.
     *
     * @param request the request whose response body failed to decode; not null
     * @param cause the decoder's failure
     * @return the exception to throw; its message and cause chain never quote the body
     */
    public static RoomSdkException decodeFailure(Request request, Throwable cause) {
        String operation = request.method() + " " + request.url().encodedPath();
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (isTransportError(c)) {
                return transportFailure(operation, c instanceof ResponseBodyFailure ? c : new ResponseBodyFailure((IOException) c));
            }
        }
        return new ResponseDecodeException(operation + " returned a body that does not match the contract: "
                + summary(cause), sanitizedCopy(cause, 0));
    }

    /**
     * The decoder's message without the body it quotes: the generated models append the whole
     * JSON ("... is not found in the JSON string: {...}") and gson the offending value, either
     * of which may be a token. Keeps what names the problem and the field.
     */
    private static String summary(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int cut = m.length();
        for (String marker : BODY_QUOTE_MARKERS) {
            int at = m.indexOf(marker);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String kept = cut > MAX_SUMMARY_CHARS ? m.substring(0, MAX_SUMMARY_CHARS) + "..." : m.substring(0, cut).strip();
        if (cut < m.length()) {
            Matcher where = GSON_LOCATION.matcher(m);
            kept += " (value not shown" + (where.find() && where.start() >= cut ? ";" + where.group() : "") + ")";
        }
        return kept;
    }

    /**
     * The decoder's exception chain with every message reduced to {@link #summary}, stack traces
     * kept: chaining the original would print the body with any stack trace.
     */
    private static Throwable sanitizedCopy(Throwable t, int depth) {
        if (t == null || depth >= 8) {
            return null;
        }
        Throwable copy = new DecoderFailure(t.getClass().getName() + ": " + summary(t), sanitizedCopy(t.getCause(), depth + 1));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Stands in for a decoder exception; prints as the original type with the safe message. */
    private static final class DecoderFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DecoderFailure(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /** An I/O error of the connection, as opposed to gson's own I/O-typed syntax errors. */
    private static boolean isTransportError(Throwable t) {
        if (!(t instanceof IOException) || t instanceof MalformedJsonException) {
            return false;
        }
        // gson reports a body that ends mid-value as EOFException("End of input ...")
        return !(t instanceof EOFException && t.getMessage() != null && t.getMessage().startsWith("End of input"));
    }

    private static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException
                    || (c instanceof InterruptedIOException && "timeout".equals(c.getMessage()))) {
                return true;
            }
            if (c instanceof IOException && c.getMessage() != null && c.getMessage().toLowerCase(Locale.ROOT).contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<String>> safeHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> safe = new TreeMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> {
                String name = k.toLowerCase(Locale.ROOT);
                if (!SECRET_HEADERS.contains(name)) {
                    safe.put(name, List.copyOf(v));
                }
            });
        }
        return Collections.unmodifiableMap(safe);
    }

    private static String requestId(Map<String, List<String>> headers) {
        return first(headers, REQUEST_ID_HEADERS);
    }

    /** The first value of the first of {@code names} (lower case) that {@code headers} carries. */
    private static String first(Map<String, List<String>> headers, List<String> names) {
        for (String name : names) {
            List<String> v = headers.get(name);
            if (v != null && !v.isEmpty()) {
                return v.get(0);
            }
        }
        return null;
    }

    /** A version as messages show it: at most 64 printable ASCII characters, else left out. */
    private static String versionText(String v) {
        if (v == null || v.isEmpty() || v.length() > 64) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) <= ' ' || v.charAt(i) > '~') {
                return null;
            }
        }
        return v;
    }

    private static String requestedApiVersion(Request request) {
        for (String name : API_VERSION_HEADERS) {
            String v = request.header(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static VendorError vendorError(String body) {
        if (body.isEmpty()) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(body);
            if (!e.isJsonObject()) {
                return null;
            }
            JsonObject o = e.getAsJsonObject();
            String code = text(o, "code");
            String message = text(o, "message");
            String name = text(o, "name");
            return code == null && message == null && name == null ? null : new VendorError(code, message, name);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }
}
