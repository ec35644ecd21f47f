package dev.roomsdk.bench;

import dev.roomsdk.core.paging.Page;
import dev.roomsdk.core.paging.Paged;
import dev.roomsdk.testing.StreamingServer;
import dev.roomsdk.videsk.RoomQuery;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.Room;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Memory check for lazy paging (run with {@code -Xmx64m}, see the README): 100,000 Videsk
 * rooms over 1,000 pages served by a loopback server that builds each page on demand.
 * Walks them lazily with {@code stream().count()}, then page by page with
 * {@code firstPageAsync}/{@code nextPageAsync} chained through {@code thenCompose} (the chain
 * must not keep earlier pages reachable), then, side by side, materializes the same listing
 * into a list. Prints for each the peak used heap (garbage included) and the largest live heap
 * (after a full GC, probed every {@value #LIVE_EVERY} items; for the list, once it is complete).
 */
public final class PagingMemoryBenchmark {

    static final int TOTAL = 100_000;
    static final int PAGE = 100;
    static final int LIVE_EVERY = 10_000;

    public static void main(String[] args) throws Exception {
        try (StreamingServer server = new StreamingServer().handle("/vpaas/rooms", PagingMemoryBenchmark::page);
             Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("bench").build()) {
            long lazyCount;
            long lazyPeak;
            long lazyLive;
            try (HeapWatcher heap = new HeapWatcher()) {
                LiveProbe probe = new LiveProbe();
                lazyCount = videsk.listRooms(RoomQuery.builder().limit(PAGE).build()).stream()
                        .peek(room -> probe.item()).count();
                lazyLive = probe.max;
                lazyPeak = heap.peakBytes();
            }
            long asyncCount;
            long asyncPeak;
            long asyncLive;
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try (HeapWatcher heap = new HeapWatcher()) {
                Paged<Room> rooms = videsk.listRooms(RoomQuery.builder().limit(PAGE).build());
                LiveProbe probe = new LiveProbe();
                asyncCount = countAsync(rooms.firstPageAsync(executor), executor, 0, 0, probe)
                        .get(10, TimeUnit.MINUTES);
                asyncLive = probe.max;
                asyncPeak = heap.peakBytes();
            } finally {
                executor.shutdownNow();
            }
            String eagerResult;
            long eagerPeak;
            long eagerLive = -1;
            try (HeapWatcher heap = new HeapWatcher()) {
                try {
                    List<Room> all = videsk.listRooms(RoomQuery.builder().limit(PAGE).build()).stream()
                            .collect(Collectors.toList());
                    eagerResult = all.size() + " items";
                    eagerLive = HeapWatcher.liveBytes();
                    eagerResult += " (" + all.get(all.size() - 1).getId() + " last)";
                } catch (OutOfMemoryError e) {
                    eagerResult = "OutOfMemoryError";
                }
                eagerPeak = heap.peakBytes();
            }
            if (lazyCount != TOTAL || asyncCount != TOTAL) {
                throw new AssertionError("expected " + TOTAL + " rooms, iterated " + lazyCount + " lazily and "
                        + asyncCount + " asynchronously");
            }
            System.out.printf("paging memory check: -Xmx%s, %d items over %d pages%n",
                    HeapWatcher.mib(HeapWatcher.maxHeap()), TOTAL, TOTAL / PAGE);
            System.out.printf("  lazy stream().count(): %d items, peak heap %s, live at most %s%n", lazyCount,
                    HeapWatcher.mib(lazyPeak), HeapWatcher.mib(lazyLive));
            System.out.printf("  async page chain:      %d items, peak heap %s, live at most %s%n", asyncCount,
                    HeapWatcher.mib(asyncPeak), HeapWatcher.mib(asyncLive));
            System.out.printf("  collect to a List:     %s, peak heap %s, live at most %s%n", eagerResult,
                    HeapWatcher.mib(eagerPeak), eagerLive < 0 ? "n/a" : HeapWatcher.mib(eagerLive));
            System.out.printf("  ratio eager/lazy: peak heap %.1fx, live heap %s%n", (double) eagerPeak / lazyPeak,
                    eagerLive < 0 ? "n/a" : String.format("%.1fx", (double) eagerLive / lazyLive));
        }
    }

    /** Every {@code LIVE_EVERY} items, the reachable heap (after a full GC); keeps the largest. */
    private static final class LiveProbe {
        long items;
        long max;

        void item() {
            if (++items % LIVE_EVERY == 0) {
                max = Math.max(max, HeapWatcher.liveBytes());
            }
        }
    }

    /** Counts every item, one page per future; bounded by the page count the server can serve. */
    private static CompletableFuture<Long> countAsync(CompletableFuture<Page<Room>> next, Executor executor,
                                                      long counted, int pages, LiveProbe probe) {
        return next.thenCompose(page -> {
            long sum = counted + page.items().size();
            page.items().forEach(room -> probe.item());
            if (!page.hasNextPage() || pages > TOTAL / PAGE) {
                return CompletableFuture.completedFuture(sum);
            }
            return countAsync(page.nextPageAsync(executor), executor, sum, pages + 1, probe);
        });
    }

    private static void page(com.sun.net.httpserver.HttpExchange e) throws java.io.IOException {
        Map<String, String> q = query(e.getRequestURI());
        int limit = Integer.parseInt(q.getOrDefault("$limit", "10"));
        int skip = Integer.parseInt(q.getOrDefault("$skip", "0"));
        StringBuilder b = new StringBuilder("{\"total\":").append(TOTAL).append(",\"limit\":").append(limit)
                .append(",\"skip\":").append(skip).append(",\"data\":[");
        for (int i = skip; i < Math.min(skip + limit, TOTAL); i++) {
            b.append(i == skip ? "" : ",").append("{\"id\":\"room-").append(i).append("\",\"name\":\"Benchmark room ")
                    .append(i).append("\",\"externalId\":\"ext-").append(i).append("\",\"authorizations\":[{\"ip\":\"127.0.0.1\",\"jti\":\"")
                    .append(i).append("\",\"createdAt\":\"2026-11-22T10:00:00Z\"}]}");
        }
        byte[] body = b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().add("Content-Type", "application/json");
        e.sendResponseHeaders(200, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(URI uri) {
        String raw = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        return java.util.Arrays.stream(raw.split("&")).filter(s -> s.contains("="))
                .collect(Collectors.toMap(
                        s -> java.net.URLDecoder.decode(s.substring(0, s.indexOf('=')), StandardCharsets.UTF_8),
                        s -> java.net.URLDecoder.decode(s.substring(s.indexOf('=') + 1), StandardCharsets.UTF_8),
                        (a, b) -> b));
    }
}
