package dev.roomsdk.core.paging;

import dev.roomsdk.core.error.Checks;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * State of one walk through the pages: the fetcher, the page size and the continuations
 * already fetched, each with the page number it was fetched as. A server that hands back a
 * continuation it already gave would make the walk loop forever; this fails it instead.
 * Asking again for the same page (a retry after a failed or abandoned fetch) is not a loop:
 * it carries the same page number and is sent again. A server can also loop with ever-new
 * continuations on empty pages (a Zoom listing answered {@code rooms: []} with a fresh
 * {@code next_page_token} 400 times); a repeated-value check never sees that, so the walk
 * also stops at the first empty page beyond {@link Paged#MAX_EMPTY_PAGES_IN_A_ROW} in a row. Shared by the
 * pages of one walk; synchronized because those pages may be handed to other threads.
 */
final class PageCursor<T> {

    private final PageFetcher<T> fetcher;
    private final int pageSize;
    private final Map<String, Integer> fetched = new HashMap<>();

    PageCursor(PageFetcher<T> fetcher, int pageSize) {
        this.fetcher = fetcher;
        this.pageSize = pageSize;
    }

    /**
     * Fetches page {@code pageNumber} at {@code continuation}. {@code emptyBefore} is the run of
     * empty pages pointing further that ends right before it (0 for the first page of a walk).
     */
    synchronized Page<T> fetch(String continuation, int pageNumber, int emptyBefore) {
        Integer earlier = continuation == null ? null : fetched.get(continuation);
        if (earlier != null && earlier != pageNumber) {
            throw new PageFetchException("the server returned continuation '" + continuation
                    + "' a second time (page " + pageNumber + ", already fetched as page " + earlier
                    + "); stopping instead of looping", pageNumber, continuation, null);
        }
        if (emptyBefore > Paged.MAX_EMPTY_PAGES_IN_A_ROW) {
            throw new PageFetchException("the server returned " + emptyBefore + " empty pages in a row (pages "
                    + (pageNumber - emptyBefore) + " to " + (pageNumber - 1) + "), each with a new continuation; "
                    + "stopping instead of requesting page " + pageNumber + " with continuation '" + continuation
                    + "' (at most " + Paged.MAX_EMPTY_PAGES_IN_A_ROW + " in a row are skipped)", pageNumber, continuation, null);
        }
        Page<T> page;
        try {
            page = fetcher.fetch(continuation, pageSize);
        } catch (PageFetchException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PageFetchException("fetching page " + pageNumber
                    + (continuation == null ? " (first page)" : " (continuation '" + continuation + "')")
                    + " failed: " + e.getMessage(), pageNumber, continuation, e);
        }
        if (page == null) {
            throw new PageFetchException("the page fetcher returned no page for page " + pageNumber,
                    pageNumber, continuation, null);
        }
        if (continuation != null) {
            fetched.put(continuation, pageNumber);
        }
        return page.attach(this, continuation, pageNumber, emptyBefore);
    }

    /**
     * {@link #fetch} run as one task on {@code executor}. The future completes with the page, or
     * exceptionally with the very {@link PageFetchException} {@code fetch} would throw. Nothing
     * is sent if the future is already done (cancelled) when the task starts.
     */
    CompletableFuture<Page<T>> fetchAsync(String continuation, int pageNumber, int emptyBefore, Executor executor) {
        Checks.argumentNotNull(null, "executor", executor);
        CompletableFuture<Page<T>> future = new CompletableFuture<>();
        executor.execute(() -> {
            if (future.isDone()) {
                return;
            }
            try {
                future.complete(fetch(continuation, pageNumber, emptyBefore));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        return future;
    }
}
