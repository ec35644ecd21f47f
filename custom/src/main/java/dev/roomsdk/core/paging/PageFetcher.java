package dev.roomsdk.core.paging;

/**
 * The only paging code an API writes: fetch one page. Implementations do I/O and must be
 * thread-safe if the {@link Paged} built on them is iterated from several threads.
 *
 * @param <T> item type
 */
@FunctionalInterface
public interface PageFetcher<T> {

    /**
     * Fetches the page that {@code continuation} points at.
     *
     * @param continuation null for the first page, else a value an earlier page returned as
     *                     its {@link Page#nextContinuation()}
     * @param pageSize     items wanted, already checked against the API's limit
     * @return the page's items, the continuation of the page after it (null or empty when
     *         this is the last page) and the total when the API reports one
     */
    Page<T> fetch(String continuation, int pageSize);

    /**
     * Checks a caller-supplied continuation before any request, failing with an
     * {@link dev.roomsdk.core.error.InvalidRequestException} whose violation names
     * {@code continuation} and the rule (without quoting the value) when it cannot be one of
     * this API's. The default accepts any non-empty value (opaque cursors).
     *
     * @param continuation the value a caller passed to resume from; not empty
     * @throws dev.roomsdk.core.error.InvalidRequestException when it cannot be one of this API's continuations
     */
    default void checkContinuation(String continuation) {
    }
}
