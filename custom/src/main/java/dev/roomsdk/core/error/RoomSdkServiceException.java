package dev.roomsdk.core.error;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with a non-2xx status. Carries the status, the response headers
 * (credentials removed), the body (at most {@value ErrorMapper#MAX_BODY_CHARS} characters),
 * the vendor's error object when there is one, the operation ({@code METHOD /path}) and
 * the vendor's request id when sent (Zoom's {@code x-zm-trackingid}). Subclasses name the
 * status; {@link ErrorMapper} is the one place that chooses among them.
 */
public class RoomSdkServiceException extends RoomSdkException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status. */
    private final int statusCode;
    private final transient Map<String, List<String>> headers;
    /** The body as text, possibly empty, truncated past the bound. */
    private final String body;
    /** {@code METHOD /path} of the failed call. */
    private final String operation;
    /** The vendor's request id; null when not sent. */
    private final String requestId;
    private final transient VendorError vendorError;
    /** The server's API version from the response; null when not named. */
    private final String serverApiVersion;
    /** The API version the request asked for; null when it named none. */
    private final String requestedApiVersion;

    /**
     * Creates the exception; its message is derived from {@code d} and never contains a credential.
     *
     * @param d what {@link ErrorMapper} gathered from the failed response; not null
     */
    protected RoomSdkServiceException(Details d) {
        super(d.message());
        this.statusCode = d.statusCode;
        this.headers = d.headers;
        this.body = d.body;
        this.operation = d.operation;
        this.requestId = d.requestId;
        this.vendorError = d.vendorError;
        this.serverApiVersion = d.serverApiVersion;
        this.requestedApiVersion = d.requestedApiVersion;
    }

    /** {@return the HTTP status of the response, e.g. {@code 404}} */
    public int statusCode() {
        return statusCode;
    }

    /**
     * {@return the response headers, names lower-cased; {@code set-cookie} and authorization headers removed}
     * Not kept when the exception is serialized.
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * First value of a response header, ignoring case.
     *
     * @param name the header name, any case; not null
     * @return the first value, or empty when the header was not sent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** {@return the response body as text, possibly empty (Carbonio sends none), truncated past the bound} */
    public String body() {
        return body;
    }

    /** {@return {@code METHOD /path} of the failed call, without the query string} */
    public String operation() {
        return operation;
    }

    /** {@return the vendor's request or tracking id, to quote to their support} */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** {@return the parsed vendor error object, when the body held one} */
    public Optional<VendorError> vendorError() {
        return Optional.ofNullable(vendorError);
    }

    /**
     * {@return the server's own API version, when the error response names it (Carbonio's
     * {@code X-WSC-API-VERSION})} After a 422 it is the version to ask for instead.
     */
    public Optional<String> serverApiVersion() {
        return Optional.ofNullable(serverApiVersion);
    }

    /** {@return the API version the failed request asked for (its {@code X-WSC-API-VERSION}), when it named one} */
    public Optional<String> requestedApiVersion() {
        return Optional.ofNullable(requestedApiVersion);
    }

    /** What {@link ErrorMapper} gathered from a failed response; the message is derived from it. */
    protected static final class Details {
        final int statusCode;
        final Map<String, List<String>> headers;
        final String body;
        final String operation;
        final String requestId;
        final VendorError vendorError;
        final String serverApiVersion;
        final String requestedApiVersion;

        Details(int statusCode, Map<String, List<String>> headers, String body, String operation,
                String requestId, VendorError vendorError, String serverApiVersion, String requestedApiVersion) {
            this.statusCode = statusCode;
            this.headers = headers;
            this.body = body;
            this.operation = operation;
            this.requestId = requestId;
            this.vendorError = vendorError;
            this.serverApiVersion = serverApiVersion;
            this.requestedApiVersion = requestedApiVersion;
        }

        String message() {
            StringBuilder m = new StringBuilder(operation).append(" failed with HTTP ").append(statusCode);
            if (vendorError != null && !vendorError.toString().isEmpty()) {
                m.append(": ").append(vendorError);
            } else if (body.isEmpty()) {
                m.append(" (empty body)");
            } else {
                m.append(": ").append(body.length() > 200 ? body.substring(0, 200) + "..." : body);
            }
            if (serverApiVersion != null && requestedApiVersion != null) {
                m.append(" [server API version ").append(serverApiVersion).append(", requested ")
                        .append(requestedApiVersion).append(']');
            } else if (serverApiVersion != null) {
                m.append(" [server API version ").append(serverApiVersion).append(']');
            } else if (requestedApiVersion != null) {
                m.append(" [requested API version ").append(requestedApiVersion).append(']');
            }
            if (requestId != null) {
                m.append(" [request id ").append(requestId).append(']');
            }
            return m.toString();
        }
    }
}
