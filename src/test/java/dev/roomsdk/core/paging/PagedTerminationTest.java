package dev.roomsdk.core.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.core.error.InvalidRequestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagedTerminationTest {

    @Test
    void emptyContinuationEndsTheWalk() {
        FakePages fetcher = new FakePages(5, 1, n -> n < 2 ? "p2" : "");
        assertEquals(2, Paged.of(fetcher, 1).stream().count());
        assertEquals(2, fetcher.calls.size());
    }

    @Test
    void emptyPagesThatPointFurtherAreSkipped() {
        PageFetcher<String> fetcher = (c, size) -> {
            if (c == null) {
                return Page.of(List.of(), "a", null);
            }
            return c.equals("a") ? Page.of(List.of(), "b", null) : Page.of(List.of("x"), null, null);
        };
        assertEquals(List.of("x"), Paged.of(fetcher, 5).stream().collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void repeatedContinuationFailsNamingItInsteadOfLooping() {
        // server bug: page 3 points back at page 2
        FakePages fetcher = new FakePages(10, 1, n -> n == 3 ? "p2" : "p" + (n + 1));
        List<String> seen = new ArrayList<>();
        Iterator<String> it = Paged.of(fetcher, 1).iterator();

        PageFetchException e = assertThrows(PageFetchException.class, () -> {
            while (it.hasNext()) {
                seen.add(it.next());
            }
        });

        assertEquals(List.of("1.0", "2.0", "3.0"), seen, "items before the failure stay returned");
        assertEquals("p2", e.continuation());
        assertEquals(4, e.pageNumber());
        assertTrue(e.getMessage().contains("'p2'"));
        assertEquals(3, fetcher.calls.size(), "the repeated page is not requested again");
    }

    @Test
    void failingPageSurfacesWithItsNumberContinuationAndCause() {
        IllegalStateException boom = new IllegalStateException("HTTP 500");
        PageFetcher<String> fetcher = (c, size) -> {
            if (c == null) {
                return Page.of(List.of("a", "b"), "cursor-2", null);
            }
            throw boom;
        };
        List<String> seen = new ArrayList<>();

        PageFetchException e = assertThrows(PageFetchException.class, () -> Paged.of(fetcher, 2).forEach(seen::add));

        assertEquals(List.of("a", "b"), seen);
        assertEquals(2, e.pageNumber());
        assertEquals("cursor-2", e.continuation());
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().contains("cursor-2") && e.getMessage().contains("HTTP 500"));
    }

    @Test
    void firstPageFailureHasNoContinuation() {
        PageFetcher<String> fetcher = (c, size) -> {
            throw new IllegalStateException("down");
        };
        PageFetchException e = assertThrows(PageFetchException.class, () -> Paged.of(fetcher, 2).iterator().hasNext());
        assertEquals(1, e.pageNumber());
        assertNull(e.continuation());
    }

    @Test
    void resumeRejectsEmptyContinuation() {
        FakePages fetcher = new FakePages(1, 1);
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> Paged.of(fetcher, 1).resumeFrom(""));
        assertEquals(List.of("continuation: must not be null or empty"), e.violations());
        assertThrows(InvalidRequestException.class, () -> Paged.of(fetcher, 1).resumeFrom(null));
        assertThrows(InvalidRequestException.class, () -> Paged.of(fetcher, 1).pagesFrom(""));
        assertEquals(List.of(), fetcher.calls, "nothing fetched");
    }
}
