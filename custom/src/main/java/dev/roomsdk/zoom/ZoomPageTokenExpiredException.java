package dev.roomsdk.zoom;

import dev.roomsdk.core.error.RoomSdkException;
import dev.roomsdk.core.error.RoomSdkServiceException;

/**
 * Zoom rejected a {@code next_page_token}: page tokens expire 15 minutes after they are
 * issued, so a listing paused longer (or resumed from an old saved token) cannot go on and
 * must start again from the first page. The message names the token; the cause is Zoom's
 * 400 answer with its code and message. Page tokens are not credentials.
 */
public final class ZoomPageTokenExpiredException extends RoomSdkException {

    private static final long serialVersionUID = 1L;

    /** The rejected {@code next_page_token}; not a credential. */
    private final String pageToken;

    ZoomPageTokenExpiredException(String pageToken, RoomSdkServiceException rejection) {
        super("Zoom rejected next_page_token '" + pageToken + "' as expired or invalid (page tokens expire after"
                + " 15 minutes); start the listing again from the first page. Zoom said: "
                + rejection.vendorError().map(Object::toString).orElse("HTTP " + rejection.statusCode()), rejection);
        this.pageToken = pageToken;
    }

    /** {@return the rejected {@code next_page_token}} */
    public String pageToken() {
        return pageToken;
    }

    /** Zoom's answer: status, body, parsed {@code {code, message}} and tracking id. */
    @Override
    public synchronized RoomSdkServiceException getCause() {
        return (RoomSdkServiceException) super.getCause();
    }
}
