package dev.roomsdk.bench;

import dev.roomsdk.testing.StreamingServer;
import dev.roomsdk.videsk.RoomQuery;
import dev.roomsdk.videsk.Videsk;
import dev.roomsdk.videsk.model.Room;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Memory check for lazy paging (run with {@code -Xmx64m}, see the README): 100,000 Videsk
 * rooms over 1,000 pages served by a loopback server that builds each page on demand.
 * Walks them lazily with {@code stream().count()}, then, side by side, materializes the same
 * listing into a list, and prints the peak heap of each and their ratio.
 */
public final class PagingMemoryBenchmark {

    static final int TOTAL = 100_000;
    static final int PAGE = 100;

    public static void main(String[] args) throws Exception {
        try (StreamingServer server = new StreamingServer().handle("/vpaas/rooms", PagingMemoryBenchmark::page);
             Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("bench").build()) {
            long lazyCount;
            long lazyPeak;
            try (HeapWatcher heap = new HeapWatcher()) {
                lazyCount = videsk.listRooms(RoomQuery.builder().limit(PAGE).build()).stream().count();
                lazyPeak = heap.peakBytes();
            }
            String eagerResult;
            long eagerPeak;
            try (HeapWatcher heap = new HeapWatcher()) {
                try {
                    List<Room> all = videsk.listRooms(RoomQuery.builder().limit(PAGE).build()).stream()
                            .collect(Collectors.toList());
                    eagerResult = all.size() + " items";
                } catch (OutOfMemoryError e) {
                    eagerResult = "OutOfMemoryError";
                }
                eagerPeak = heap.peakBytes();
            }
            if (lazyCount != TOTAL) {
                throw new AssertionError("expected " + TOTAL + " rooms, iterated " + lazyCount);
            }
            System.out.printf("paging memory check: -Xmx%s, %d items over %d pages%n",
                    HeapWatcher.mib(HeapWatcher.maxHeap()), TOTAL, TOTAL / PAGE);
            System.out.printf("  lazy stream().count(): %d items, peak heap %s%n", lazyCount, HeapWatcher.mib(lazyPeak));
            System.out.printf("  collect to a List:     %s, peak heap %s%n", eagerResult, HeapWatcher.mib(eagerPeak));
            System.out.printf("  ratio eager/lazy peak heap: %.1fx%n", (double) eagerPeak / lazyPeak);
        }
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
