package dev.roomsdk.core.paging;

import dev.roomsdk.core.error.RoomSdkException;

/**
 * A page could not be fetched, or the server's paging went wrong (a continuation repeated, or
 * more than {@link Paged#MAX_EMPTY_PAGES_IN_A_ROW} empty pages in a row kept pointing further).
 * Says which page and continuation, so a caller can report it or resume from the last good
 * page. Items returned before it stay returned. The cause, if any, is the API's exception.
 * A {@link RoomSdkException}, so one {@code catch} covers single calls and iterations.
 */
public class PageFetchException extends RoomSdkException {

    private static final long serialVersionUID = 1L;

    /** 1-based number of the page that failed. */
    private final int pageNumber;
    /** The continuation the failed page was requested with; null for the first page. */
    private final String continuation;

    /**
     * Creates the exception.
     *
     * @param message names the page and what went wrong; no credential
     * @param pageNumber 1-based number of the page that failed
     * @param continuation the continuation the page was requested with; null for the first page
     * @param cause the API's exception, or null
     */
    public PageFetchException(String message, int pageNumber, String continuation, Throwable cause) {
        super(message, cause);
        this.pageNumber = pageNumber;
        this.continuation = continuation;
    }

    /** {@return the 1-based number of the page that failed, counted from where the iteration started} */
    public int pageNumber() {
        return pageNumber;
    }

    /** {@return the continuation the failed page was requested with; null for the first page} */
    public String continuation() {
        return continuation;
    }
}
