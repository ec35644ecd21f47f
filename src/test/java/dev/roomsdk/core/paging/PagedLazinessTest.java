package dev.roomsdk.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.core.error.InvalidRequestException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PagedLazinessTest {

    @Test
    void noRequestBeforeIterationAndOnePagePerExhaustedPage() {
        FakePages fetcher = new FakePages(3, 2);
        Paged<String> paged = Paged.of(fetcher, 2);

        Iterator<String> it = paged.iterator();
        assertEquals(0, fetcher.calls.size(), "iterator() alone sends nothing");

        assertEquals("1.0", it.next());
        assertEquals(1, fetcher.calls.size());
        assertEquals("1.1", it.next());
        assertEquals(1, fetcher.calls.size(), "page 2 waits until page 1 is used up");
        assertEquals("2.0", it.next());
        assertEquals(List.of("null/2", "p2/2"), fetcher.calls);
    }

    @Test
    void streamLimitFetchesOnlyThePagesItNeeds() {
        FakePages fetcher = new FakePages(100, 10);

        List<String> first15 = Paged.of(fetcher, 10).stream().limit(15).collect(Collectors.toList());

        assertEquals(15, first15.size());
        assertEquals("2.4", first15.get(14));
        assertEquals(2, fetcher.calls.size());
    }

    @Test
    void iteratesEveryItemAndEachIteratorStartsOver() {
        FakePages fetcher = new FakePages(4, 3);
        Paged<String> paged = Paged.of(fetcher, 3);

        assertEquals(12, paged.stream().count());
        assertEquals(12, paged.stream().count());
        assertEquals(8, fetcher.calls.size());
        assertEquals("null/3", fetcher.calls.get(4), "second walk starts from the first page");
    }

    @Test
    void pagesExposeContinuationsAndResumeFromASavedOne() {
        FakePages fetcher = new FakePages(3, 1);
        Page<String> first = Paged.of(fetcher, 1).firstPage();

        assertTrue(first.hasNextPage());
        assertEquals("p2", first.nextContinuation().orElseThrow());
        assertEquals(3, first.total().getAsLong());
        assertFalse(first.continuation().isPresent());

        List<Page<String>> rest = new java.util.ArrayList<>();
        Paged.of(fetcher, 1).pagesFrom("p2").forEach(rest::add);
        assertEquals(2, rest.size());
        assertEquals("2.0", rest.get(0).items().get(0));
        assertEquals(2, rest.get(1).pageNumber());
        assertFalse(rest.get(1).hasNextPage());
        assertEquals(List.of("nextPage: page 2 is the last page (hasNextPage() is false)"),
                assertThrows(InvalidRequestException.class, rest.get(1)::nextPage).violations());
    }

    @Test
    void pageSizeIsPassedToEveryFetchAndValidated() {
        FakePages fetcher = new FakePages(2, 1);
        Paged.of(fetcher, 7).forEach(x -> { });
        assertEquals(List.of("null/7", "p2/7"), fetcher.calls);

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Paged.of(fetcher, 0));
        assertEquals(List.of("pageSize: must be at least 1, got 0"), e.violations());
        InvalidRequestException none = assertThrows(InvalidRequestException.class, () -> Paged.of(null, 1));
        assertEquals(List.of("fetcher: must not be null"), none.violations());
        assertEquals(List.of("null/7", "p2/7"), fetcher.calls, "nothing fetched for the refused listings");
    }

    @Test
    void aPageBuiltByAFetcherIsPartOfNoWalkAndCannotFetchItsNext() {
        Page<String> loose = Page.of(List.of("a"), "p2", null);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, loose::nextPage);
        assertTrue(e.violations().get(0).startsWith("page: was built with Page.of"), e.getMessage());
        assertThrows(InvalidRequestException.class, () -> loose.nextPageAsync(Runnable::run));
    }
}
