package dev.roomsdk.core.paging;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidRequestException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One fetched page: its items, where the next page starts, and the total when the API
 * reports one. Immutable and thread-safe; {@link #nextPage()} does I/O and
 * {@link #nextPageAsync(Executor)} does it on an executor, nothing else does.
 *
 * @param <T> item type
 */
public final class Page<T> {

    private final List<T> items;
    private final String nextContinuation;
    private final Long total;
    private final PageCursor<T> cursor;
    private final String continuation;
    private final int pageNumber;
    private final int emptyRun;

    private Page(List<T> items, String nextContinuation, Long total, PageCursor<T> cursor,
                 String continuation, int pageNumber, int emptyRun) {
        this.items = items;
        this.nextContinuation = nextContinuation == null || nextContinuation.isEmpty() ? null : nextContinuation;
        this.total = total;
        this.cursor = cursor;
        this.continuation = continuation;
        this.pageNumber = pageNumber;
        this.emptyRun = emptyRun;
    }

    /**
     * What a {@link PageFetcher} returns.
     *
     * @param <T>              item type
     * @param items            the page's items; null for none; copied
     * @param nextContinuation where the next page starts; null or empty when this is the last page
     * @param total            total items the API reports, or null
     * @return a page not yet part of a walk (its {@link #nextPage()} cannot fetch)
     */
    public static <T> Page<T> of(List<T> items, String nextContinuation, Long total) {
        List<T> copy = items == null ? List.of() : Collections.unmodifiableList(List.copyOf(items));
        return new Page<>(copy, nextContinuation, total, null, null, 0, 0);
    }

    /**
     * This page as part of a walk. {@code emptyBefore} is the number of empty pages right
     * before it that each pointed further; the run travels with the page rather than living
     * in the cursor, so asking again for the same page (a retry) counts from the same place.
     */
    Page<T> attach(PageCursor<T> cursor, String continuation, int pageNumber, int emptyBefore) {
        int run = items.isEmpty() && nextContinuation != null ? emptyBefore + 1 : 0;
        return new Page<>(items, nextContinuation, total, cursor, continuation, pageNumber, run);
    }

    /** {@return this page's items, possibly empty} Unmodifiable. */
    public List<T> items() {
        return items;
    }

    /** {@return whether a next page exists, answered from this page's data alone (no request)} */
    public boolean hasNextPage() {
        return nextContinuation != null;
    }

    /**
     * Fetches the next page; blocking I/O on the calling thread.
     *
     * @return the next page, part of the same walk
     * @throws InvalidRequestException when this is the last page (check {@link #hasNextPage()})
     * @throws PageFetchException     when the fetch fails, the server repeats a continuation, or
     *                                this page ends a run of {@link Paged#MAX_EMPTY_PAGES_IN_A_ROW}
     *                                empty pages that each pointed further (nothing is sent then)
     * @throws InvalidRequestException when this page was built with {@link #of} and is not part of a walk
     */
    public Page<T> nextPage() {
        if (!hasNextPage()) {
            throw lastPage();
        }
        return cursor().fetch(nextContinuation, pageNumber + 1, emptyRun);
    }

    /**
     * Fetches the next page as one task on {@code executor}; nothing is sent before that task
     * runs, or at all if the future was cancelled first. The future completes exceptionally with
     * the {@link PageFetchException} {@link #nextPage()} would throw (naming the page and its
     * continuation, with the API's exception as cause, if any), the empty-page bound included. Calling it again after a failure retries
     * the same page. Chain pages with {@code thenCompose(p -> p.nextPageAsync(executor))}.
     *
     * @param executor runs the fetch; not null
     * @return a future of the next page
     * @throws InvalidRequestException when this is the last page (nothing is scheduled; check {@link #hasNextPage()})
     * @throws InvalidRequestException when {@code executor} is null, or this page was built with
     *         {@link #of} and is not part of a walk (nothing is scheduled)
     * @throws java.util.concurrent.RejectedExecutionException when the executor refuses the task
     */
    public CompletableFuture<Page<T>> nextPageAsync(Executor executor) {
        Checks.argumentNotNull(null, "executor", executor);
        if (!hasNextPage()) {
            throw lastPage();
        }
        return cursor().fetchAsync(nextContinuation, pageNumber + 1, emptyRun, executor);
    }

    private PageCursor<T> cursor() {
        if (cursor == null) {
            throw Checks.invalidArgument(null, "page", "was built with Page.of and is part of no walk, so it has no source "
                    + "to fetch the next page from (take pages from a Paged)");
        }
        return cursor;
    }

    /**
     * {@return where the next page starts, or empty on the last page} Save it to resume later
     * with {@link Paged#pagesFrom(String)}.
     */
    public Optional<String> nextContinuation() {
        return Optional.ofNullable(nextContinuation);
    }

    /** {@return the continuation this page was requested with; empty for the first page} */
    public Optional<String> continuation() {
        return Optional.ofNullable(continuation);
    }

    /** {@return the total items, when the API reports one (Videsk does; Zoom and Carbonio attachments may not)} */
    public OptionalLong total() {
        return total == null ? OptionalLong.empty() : OptionalLong.of(total);
    }

    /** {@return the 1-based number of this page, counted from where the iteration started} */
    public int pageNumber() {
        return pageNumber;
    }

    @Override
    public String toString() {
        return "Page{number=" + pageNumber + ", items=" + items.size() + ", hasNext=" + hasNextPage()
                + (total == null ? "" : ", total=" + total) + "}";
    }

    private InvalidRequestException lastPage() {
        return Checks.invalidArgument(null, "nextPage", "page " + pageNumber + " is the last page (hasNextPage() is false)");
    }
}
