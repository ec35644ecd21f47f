package dev.roomsdk.core.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** A fetcher over numbered pages "p1", "p2", ... that records every call, for paging tests without HTTP. */
final class FakePages implements PageFetcher<String> {

    final List<String> calls = new ArrayList<>();
    private final int pages;
    private final int perPage;
    private final IntFunction<String> nextOf;

    /** {@code pages} pages of {@code perPage} items; page n points at "p(n+1)", the last at nothing. */
    FakePages(int pages, int perPage) {
        this(pages, perPage, n -> n < pages ? "p" + (n + 1) : null);
    }

    FakePages(int pages, int perPage, IntFunction<String> nextOf) {
        this.pages = pages;
        this.perPage = perPage;
        this.nextOf = nextOf;
    }

    @Override
    public Page<String> fetch(String continuation, int pageSize) {
        calls.add(continuation + "/" + pageSize);
        int n = continuation == null ? 1 : Integer.parseInt(continuation.substring(1));
        List<String> items = new ArrayList<>();
        for (int i = 0; i < perPage; i++) {
            items.add(n + "." + i);
        }
        return Page.of(items, n <= pages ? nextOf.apply(n) : null, (long) pages * perPage);
    }
}
