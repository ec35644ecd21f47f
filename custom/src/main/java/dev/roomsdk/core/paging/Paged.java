package dev.roomsdk.core.paging;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidRequestException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy listing over every page of a paginated operation: iterate the items, stream them,
 * or walk the pages themselves. Nothing is requested before iteration starts; page N+1 is
 * requested only when page N is used up, and only the current page is held. Each
 * {@link #iterator()} starts again from the first page (or the resume point). Empty pages
 * that still point at a next page are skipped, up to {@link #MAX_EMPTY_PAGES_IN_A_ROW} in a
 * row; one more, or a repeated continuation, fails with {@link PageFetchException} (naming
 * the continuation not followed) rather than looping. Thread-safe to share; each iterator is
 * for one thread. For non-blocking callers, {@link #firstPageAsync(Executor)} and
 * {@link Page#nextPageAsync(Executor)} fetch one page per {@code CompletableFuture}.
 *
 * @param <T> item type
 */
public final class Paged<T> implements Iterable<T> {

    /**
     * How many empty pages in a row, each pointing at a next page, a walk skips: 5. Up to that
     * many are followed as usual; when one more empty page pointing further arrives, asking
     * for the page after it ({@link Page#nextPage()}, {@link Page#nextPageAsync}, item
     * iteration, {@link #pages()}) fails with a {@link PageFetchException} that names the
     * continuation not followed and the count, and sends nothing. So a server that never
     * stops answering empty pages with fresh continuations costs at most
     * {@code MAX_EMPTY_PAGES_IN_A_ROW + 1} requests. A server that filters after paging may
     * legitimately send an empty page or two mid-listing; six in a row is taken as a server
     * handing out fresh continuations forever (seen on Zoom), which the repeated-continuation
     * check cannot catch. The run restarts at every page that has items. Applies to every
     * listing of every API, since they all page through this class.
     */
    public static final int MAX_EMPTY_PAGES_IN_A_ROW = 5;

    private final PageFetcher<T> fetcher;
    private final int pageSize;
    private final String start;

    private Paged(PageFetcher<T> fetcher, int pageSize, String start) {
        this.fetcher = fetcher;
        this.pageSize = pageSize;
        this.start = start;
    }

    /**
     * A listing that fetches pages of {@code pageSize} items through {@code fetcher}. The
     * caller (an API adapter) has checked {@code pageSize} against the API's limit. No I/O.
     *
     * @param <T> item type
     * @param fetcher fetches one page; not null
     * @param pageSize items per page, at least 1
     * @return a listing starting at the first page
     * @throws InvalidRequestException if {@code fetcher} is null or {@code pageSize} is less than 1
     */
    public static <T> Paged<T> of(PageFetcher<T> fetcher, int pageSize) {
        Checks.argumentNotNull(null, "fetcher", fetcher);
        if (pageSize < 1) {
            throw Checks.invalidArgument(null, "pageSize", "must be at least 1, got " + pageSize);
        }
        return new Paged<>(fetcher, pageSize, null);
    }

    /**
     * The same listing, resumed at a continuation saved from {@link Page#nextContinuation()}. No I/O.
     *
     * @param continuation the saved continuation; not null or empty
     * @return a listing whose first page is the one {@code continuation} points at
     * @throws InvalidRequestException if {@code continuation} is null, empty, or not one of this API's
     *         (nothing is sent)
     */
    public Paged<T> resumeFrom(String continuation) {
        fetcher.checkContinuation(Checks.argumentNotEmpty(null, "continuation", continuation));
        return new Paged<>(fetcher, pageSize, continuation);
    }

    /** {@return the page size this listing asks for} */
    public int pageSize() {
        return pageSize;
    }

    /**
     * Fetches the first page (or the page at the resume point). Blocking I/O on the calling thread.
     *
     * @return the first page of a new walk
     * @throws PageFetchException when the fetch fails
     */
    public Page<T> firstPage() {
        return new PageCursor<>(fetcher, pageSize).fetch(start, 1, 0);
    }

    /**
     * Fetches the first page (or the page at the resume point) as one task on {@code executor},
     * starting a new walk; follow it with {@link Page#nextPageAsync(Executor)}. Nothing is sent
     * before the task runs. The future completes exceptionally with the
     * {@link PageFetchException} {@link #firstPage()} would throw.
     *
     * @param executor runs the fetch; not null
     * @return a future of the first page
     * @throws InvalidRequestException if {@code executor} is null (nothing is sent)
     * @throws java.util.concurrent.RejectedExecutionException when the executor refuses the task
     */
    public CompletableFuture<Page<T>> firstPageAsync(Executor executor) {
        return new PageCursor<>(fetcher, pageSize).fetchAsync(start, 1, 0, executor);
    }

    /**
     * {@return the pages, lazily: the first is fetched on the first {@code hasNext()}} Each
     * {@code iterator()} starts a new walk.
     */
    public Iterable<Page<T>> pages() {
        return PageIterator::new;
    }

    /**
     * The pages from a saved continuation on, lazily.
     *
     * @param continuation a value saved from {@link Page#nextContinuation()}; not null or empty
     * @return the pages, starting at the one {@code continuation} points at
     * @throws InvalidRequestException if {@code continuation} is null, empty, or not one of this API's
     *         (nothing is sent)
     */
    public Iterable<Page<T>> pagesFrom(String continuation) {
        return resumeFrom(continuation).pages();
    }

    @Override
    public Iterator<T> iterator() {
        return new ItemIterator();
    }

    /** {@return the items as a sequential stream; {@code limit(k)} fetches only the pages it needs} */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    @Override
    public String toString() {
        return "Paged{pageSize=" + pageSize + (start == null ? "" : ", resumed") + "}";
    }

    private final class PageIterator implements Iterator<Page<T>> {
        private Page<T> current;
        private boolean started;

        @Override
        public boolean hasNext() {
            return !started || current.hasNextPage();
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            current = started ? current.nextPage() : firstPage();
            started = true;
            return current;
        }
    }

    private final class ItemIterator implements Iterator<T> {
        private final PageIterator pages = new PageIterator();
        private Iterator<T> items = java.util.Collections.emptyIterator();

        @Override
        public boolean hasNext() {
            while (!items.hasNext()) {
                if (!pages.hasNext()) {
                    return false;
                }
                items = pages.next().items().iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.next();
        }
    }
}
