package dev.roomsdk.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.core.error.InvalidRequestException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Paged#firstPageAsync} and {@link Page#nextPageAsync}: one CompletableFuture per page, same rules as the sync walk. */
class PagedAsyncTest {

    static final long WAIT_SECONDS = 5;

    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "paging-async-" + threadCount.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    /** An executor that only queues; the test decides when a task runs. */
    static final class ManualExecutor implements Executor {
        final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runOne() {
            tasks.remove().run();
        }
    }

    /** Wraps a fetcher to record, in order, each continuation asked for and the thread that asked. */
    static final class Recording<T> implements PageFetcher<T> {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());
        private final PageFetcher<T> delegate;

        Recording(PageFetcher<T> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Page<T> fetch(String continuation, int pageSize) {
            calls.add(String.valueOf(continuation));
            threads.add(Thread.currentThread().getName());
            return delegate.fetch(continuation, pageSize);
        }
    }

    /** Walks every page asynchronously, collecting items, at most {@code maxPages} pages. */
    static <T> CompletableFuture<List<T>> walk(CompletableFuture<Page<T>> first, Executor executor, List<T> into, int maxPages) {
        return first.thenCompose(page -> {
            into.addAll(page.items());
            if (!page.hasNextPage() || maxPages <= 1) {
                return CompletableFuture.completedFuture(into);
            }
            return walk(page.nextPageAsync(executor), executor, into, maxPages - 1);
        });
    }

    static PageFetchException failure(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
        return assertInstanceOf(PageFetchException.class, e.getCause());
    }

    @Test
    void nothingIsSentUntilTheExecutorRunsTheFetch() throws Exception {
        FakePages fetcher = new FakePages(3, 2);
        ManualExecutor executor = new ManualExecutor();
        Paged<String> paged = Paged.of(fetcher, 2);

        CompletableFuture<Page<String>> first = paged.firstPageAsync(executor);
        assertEquals(0, fetcher.calls.size(), "asking for the future alone sends nothing");
        assertFalse(first.isDone());
        executor.runOne();
        assertEquals(List.of("null/2"), fetcher.calls);
        Page<String> page1 = first.getNow(null);
        assertEquals(List.of("1.0", "1.1"), page1.items());
        assertEquals(1, page1.pageNumber());

        CompletableFuture<Page<String>> second = page1.nextPageAsync(executor);
        assertEquals(1, fetcher.calls.size(), "page 2 waits for its task");
        executor.runOne();
        assertEquals(List.of("null/2", "p2/2"), fetcher.calls);
        assertEquals("p2", second.getNow(null).continuation().orElseThrow());
        assertEquals(2, second.getNow(null).pageNumber());
        assertTrue(executor.tasks.isEmpty());
    }

    @Test
    void aResumedListingStartsItsAsyncWalkAtTheSavedContinuation() throws Exception {
        FakePages fetcher = new FakePages(3, 1);

        Page<String> page = Paged.of(fetcher, 1).resumeFrom("p3").firstPageAsync(pool).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertEquals(List.of("3.0"), page.items());
        assertEquals(1, page.pageNumber());
        assertFalse(page.hasNextPage());
        assertEquals(List.of("p3/1"), fetcher.calls);
    }

    @Test
    void everyPageIsFetchedInOrderOnTheExecutor() throws Exception {
        Recording<String> fetcher = new Recording<>(new FakePages(5, 2));
        List<String> items = new ArrayList<>();

        walk(Paged.of(fetcher, 2).firstPageAsync(pool), pool, items, 100).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertEquals(List.of("1.0", "1.1", "2.0", "2.1", "3.0", "3.1", "4.0", "4.1", "5.0", "5.1"), items);
        assertEquals(List.of("null", "p2", "p3", "p4", "p5"), fetcher.calls);
        String caller = Thread.currentThread().getName();
        for (String thread : fetcher.threads) {
            assertTrue(thread.startsWith("paging-async-"), "fetched on " + thread + ", not on the executor");
            assertFalse(thread.equals(caller));
        }
    }

    @Test
    void aFailingPageCompletesExceptionallyWithTheSyncFormsException() throws Exception {
        IllegalStateException boom = new IllegalStateException("HTTP 500");
        PageFetcher<String> fetcher = (c, size) -> {
            if (c == null) {
                return Page.of(List.of("a", "b"), "cursor-2", null);
            }
            throw boom;
        };
        Page<String> page1 = Paged.of(fetcher, 2).firstPageAsync(pool).get(WAIT_SECONDS, TimeUnit.SECONDS);

        CompletableFuture<Page<String>> page2 = page1.nextPageAsync(pool);
        PageFetchException async = failure(page2);

        assertTrue(page2.isCompletedExceptionally());
        assertSame(async, page2.handle((p, e) -> e).get(WAIT_SECONDS, TimeUnit.SECONDS),
                "the future itself holds the PageFetchException, not a CompletionException around it");
        assertEquals(2, async.pageNumber());
        assertEquals("cursor-2", async.continuation());
        assertSame(boom, async.getCause());
        PageFetchException sync = assertThrows(PageFetchException.class, page1::nextPage);
        assertEquals(sync.getMessage(), async.getMessage());
        assertTrue(async.getMessage().contains("page 2") && async.getMessage().contains("'cursor-2'"), async.getMessage());
        assertEquals(List.of("a", "b"), page1.items(), "the page already returned stays returned");
    }

    @Test
    void aFailingFirstPageHasNoContinuation() {
        PageFetcher<String> fetcher = (c, size) -> {
            throw new IllegalStateException("down");
        };

        PageFetchException e = failure(Paged.of(fetcher, 2).firstPageAsync(pool));

        assertEquals(1, e.pageNumber());
        assertNull(e.continuation());
        assertTrue(e.getMessage().contains("first page") && e.getMessage().contains("down"), e.getMessage());
    }

    @Test
    void theRepeatedContinuationGuardHoldsAcrossAsyncSteps() {
        // server bug: page 3 points back at page 2; each step runs on whichever pool thread is free
        Recording<String> fetcher = new Recording<>(new FakePages(10, 1, n -> n == 3 ? "p2" : "p" + (n + 1)));
        List<String> items = Collections.synchronizedList(new ArrayList<>());

        PageFetchException e = failure(walk(Paged.of(fetcher, 1).firstPageAsync(pool), pool, items, 100));

        assertEquals("p2", e.continuation());
        assertEquals(4, e.pageNumber());
        assertTrue(e.getMessage().contains("'p2'") && e.getMessage().contains("second time"), e.getMessage());
        assertEquals(List.of("1.0", "2.0", "3.0"), items, "items before the failure stay returned");
        assertEquals(List.of("null", "p2", "p3"), fetcher.calls, "the repeated page is not requested again");
    }

    @Test
    void askingAgainForAFailedPageRetriesIt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Recording<String> fetcher = new Recording<>((c, size) -> {
            if (c == null) {
                return Page.of(List.of("a"), "cursor-2", null);
            }
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("HTTP 429");
            }
            return Page.of(List.of("b"), null, null);
        });
        Page<String> page1 = Paged.of(fetcher, 1).firstPageAsync(pool).get(WAIT_SECONDS, TimeUnit.SECONDS);

        PageFetchException e = failure(page1.nextPageAsync(pool));
        assertEquals("cursor-2", e.continuation());
        Page<String> page2 = page1.nextPageAsync(pool).get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertEquals(List.of("b"), page2.items());
        assertEquals(2, page2.pageNumber());
        assertEquals(List.of("null", "cursor-2", "cursor-2"), fetcher.calls);
        assertEquals(List.of("b"), page1.nextPage().items(), "the sync form may ask for the same page again too");
    }

    @Test
    void theLastPageSchedulesNothing() throws Exception {
        ManualExecutor executor = new ManualExecutor();
        CompletableFuture<Page<String>> only = Paged.of(new FakePages(1, 1), 1).firstPageAsync(executor);
        executor.runOne();
        Page<String> last = only.get(WAIT_SECONDS, TimeUnit.SECONDS);

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> last.nextPageAsync(executor));

        assertTrue(e.getMessage().contains("page 1 is the last page"), e.getMessage());
        assertTrue(executor.tasks.isEmpty());
        InvalidRequestException noExecutor = assertThrows(InvalidRequestException.class, () -> last.nextPageAsync(null));
        assertEquals(List.of("executor: must not be null"), noExecutor.violations());
        FakePages fetcher = new FakePages(1, 1);
        InvalidRequestException first = assertThrows(InvalidRequestException.class,
                () -> Paged.of(fetcher, 1).firstPageAsync(null));
        assertEquals(List.of("executor: must not be null"), first.violations());
        assertEquals(List.of(), fetcher.calls, "nothing fetched");
    }

    @Test
    void aFutureCancelledBeforeItsTaskRunsSendsNothing() {
        FakePages fetcher = new FakePages(2, 1);
        ManualExecutor executor = new ManualExecutor();
        CompletableFuture<Page<String>> first = Paged.of(fetcher, 1).firstPageAsync(executor);

        assertTrue(first.cancel(false));
        executor.runOne();

        assertEquals(List.of(), fetcher.calls);
        assertTrue(first.isCancelled());
    }
}
