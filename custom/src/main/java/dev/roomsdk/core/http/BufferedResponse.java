package dev.roomsdk.core.http;

/**
 * Request tag the runtime puts on idempotent calls whose result is a JSON model: the retry
 * policy reads such a body whole inside its loop, so a body that breaks off is retried like
 * any other transport failure. Bodies streamed to the caller (downloads) never carry it.
 */
public final class BufferedResponse {

    /** The tag value. */
    public static final BufferedResponse YES = new BufferedResponse();

    private BufferedResponse() {
    }
}
