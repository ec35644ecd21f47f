package dev.roomsdk.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Empty pages that keep pointing at a fresh continuation (a Zoom listing answering
 * {@code rooms: []} with a new {@code next_page_token} every time) end the walk after
 * {@link Paged#MAX_EMPTY_PAGES_IN_A_ROW}, for item iteration, pages() and the async steps.
 */
class PagedEmptyPageBoundTest {

    static final int BOUND = Paged.MAX_EMPTY_PAGES_IN_A_ROW;
    /** Fetches the broken server allows before the test gives up: keeps a regression from looping forever. */
    static final int HARD_STOP = 50;

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "empty-pages-async");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
    }

    /** A server that answers every request with no items and a continuation it never gave before. */
    static final class FreshTokensForever implements PageFetcher<String> {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Page<String> fetch(String continuation, int pageSize) {
            calls.add(String.valueOf(continuation));
            if (calls.size() > HARD_STOP) {
                // an Error, so the cursor does not wrap it: the walk is unbounded
                throw new AssertionError("fetched " + HARD_STOP + " empty pages without stopping");
            }
            return Page.of(List.of(), "t" + calls.size(), null);
        }
    }

    static void assertNamesTheBound(PageFetchException e) {
        String next = "t" + (BOUND + 1);
        assertEquals(next, e.continuation(), "the continuation not followed");
        assertEquals(BOUND + 2, e.pageNumber(), "the page that was not requested");
        assertNull(e.getCause());
        assertTrue(e.getMessage().contains((BOUND + 1) + " empty pages in a row"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + next + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("page " + (BOUND + 2)), e.getMessage());
    }

    @Test
    void theBoundIsFive() {
        assertEquals(5, Paged.MAX_EMPTY_PAGES_IN_A_ROW, "documented on Paged.MAX_EMPTY_PAGES_IN_A_ROW");
    }

    @Test
    void itemIterationStopsAfterTheBoundNamingTheContinuation() {
        FreshTokensForever server = new FreshTokensForever();

        PageFetchException e = assertThrows(PageFetchException.class, () -> Paged.of(server, 300).stream().count());

        assertNamesTheBound(e);
        assertEquals(BOUND + 1, server.calls.size(), "at most bound + 1 requests");
        Iterator<String> it = Paged.of(server, 300).iterator();
        assertThrows(PageFetchException.class, it::hasNext, "each new iteration stops the same way");
        assertEquals(2 * (BOUND + 1), server.calls.size());
    }

    @Test
    void pagesYieldsTheEmptyPagesThenFailsWithoutAnotherRequest() {
        FreshTokensForever server = new FreshTokensForever();
        Iterator<Page<String>> pages = Paged.of(server, 300).pages().iterator();
        List<Page<String>> seen = new ArrayList<>();
        for (int i = 0; i <= BOUND; i++) {
            seen.add(pages.next());
        }

        assertTrue(pages.hasNext(), "the last page still points further: the data says so");
        PageFetchException e = assertThrows(PageFetchException.class, pages::next);

        assertNamesTheBound(e);
        assertEquals(BOUND + 1, seen.size());
        assertTrue(seen.stream().allMatch(p -> p.items().isEmpty()));
        assertEquals(BOUND + 1, server.calls.size(), "the refused page was never requested");
        assertThrows(PageFetchException.class, seen.get(BOUND)::nextPage, "asking again is refused again");
        assertEquals(BOUND + 1, server.calls.size());
    }

    @Test
    void theAsyncStepsStopAtTheSameBound() throws Exception {
        FreshTokensForever server = new FreshTokensForever();
        List<String> items = Collections.synchronizedList(new ArrayList<>());

        CompletableFuture<List<String>> walk = PagedAsyncTest.walk(Paged.of(server, 300).firstPageAsync(pool), pool,
                items, HARD_STOP);
        ExecutionException e = assertThrows(ExecutionException.class, () -> walk.get(5, TimeUnit.SECONDS));

        assertNamesTheBound(assertInstanceOf(PageFetchException.class, e.getCause()));
        assertEquals(BOUND + 1, server.calls.size());
        assertEquals(List.of(), items);
    }

    @Test
    void aPageWithItemsRestartsTheCountAndTheBoundItselfIsAllowed() {
        // BOUND empty pages, one item, BOUND empty pages, one item, then the end
        List<String> calls = new ArrayList<>();
        int lastPage = 2 * (BOUND + 1);
        PageFetcher<String> server = (c, size) -> {
            int n = c == null ? 1 : Integer.parseInt(c.substring(1));
            calls.add(String.valueOf(c));
            assertTrue(calls.size() <= HARD_STOP);
            List<String> items = n % (BOUND + 1) == 0 ? List.of("item" + n) : List.of();
            return Page.of(items, n < lastPage ? "p" + (n + 1) : null, null);
        };

        List<String> all = Paged.of(server, 10).stream().collect(Collectors.toList());

        assertEquals(List.of("item" + (BOUND + 1), "item" + lastPage), all);
        assertEquals(lastPage, calls.size());
    }

    @Test
    void aTrailingEmptyLastPageEndsNormally() {
        PageFetcher<String> server = (c, size) -> c == null ? Page.of(List.of("a"), "x", null)
                : Page.of(List.of(), null, null);
        assertEquals(List.of("a"), Paged.of(server, 1).stream().collect(Collectors.toList()));
    }

    @Test
    void aResumedWalkCountsFromItsOwnFirstPage() {
        FreshTokensForever server = new FreshTokensForever();

        PageFetchException e = assertThrows(PageFetchException.class,
                () -> Paged.of(server, 300).resumeFrom("saved").forEach(x -> { }));

        assertEquals(BOUND + 2, e.pageNumber());
        assertEquals("t" + (BOUND + 1), e.continuation());
        assertEquals("saved", server.calls.get(0));
        assertEquals(BOUND + 1, server.calls.size());
    }
}
