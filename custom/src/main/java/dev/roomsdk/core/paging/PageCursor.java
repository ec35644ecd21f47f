package dev.roomsdk.core.paging;

import java.util.HashSet;
import java.util.Set;

/**
 * State of one walk through the pages: the fetcher, the page size and the continuations
 * already used. A server that hands back a continuation it already gave would make the walk
 * loop forever; this fails it instead. Shared by the pages of one walk; synchronized
 * because those pages may be handed to other threads.
 */
final class PageCursor<T> {

    private final PageFetcher<T> fetcher;
    private final int pageSize;
    private final Set<String> used = new HashSet<>();

    PageCursor(PageFetcher<T> fetcher, int pageSize) {
        this.fetcher = fetcher;
        this.pageSize = pageSize;
    }

    synchronized Page<T> fetch(String continuation, int pageNumber) {
        if (continuation != null && !used.add(continuation)) {
            throw new PageFetchException("the server returned continuation '" + continuation
                    + "' a second time (page " + pageNumber + "); stopping instead of looping",
                    pageNumber, continuation, null);
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
        return page.attach(this, continuation, pageNumber);
    }
}
