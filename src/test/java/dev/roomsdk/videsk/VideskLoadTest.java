package dev.roomsdk.videsk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.contract.ContractServer;
import dev.roomsdk.videsk.model.Room;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 2,000 calls from 16 threads through one client (half synchronous, half through the
 * dispatcher): no error, a bounded connection pool, and after {@code close()} no OkHttp
 * thread still working. Bounded: 60 s for the load, 10 s for the threads to go.
 */
class VideskLoadTest {

    @RegisterExtension
    static final ContractServer server = ContractServer.forApi("videsk");

    static final int THREADS = 16;
    static final int CALLS = 2_000;

    @Test
    void twoThousandCallsFromSixteenThreads() throws Exception {
        server.stubFor(get(urlPathEqualTo("/vpaas/rooms/r1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"r1\",\"name\":\"Room\"}")));
        Set<Long> threadsBefore = okHttpThreads().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
        Videsk videsk = Videsk.builder().baseUrl(server.baseUrl()).apiToken("t").build();
        OkHttpClient http = videsk.httpClient();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger maxConnections = new AtomicInteger();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < CALLS / THREADS; i++) {
                    try {
                        Room room = i % 2 == 0 ? videsk.rooms().getRoom("r1").execute() : async(videsk);
                        if ("r1".equals(room.getId())) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception | AssertionError e) {
                        errors.add(e);
                    }
                    maxConnections.accumulateAndGet(http.connectionPool().connectionCount(), Math::max);
                }
            }));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "load did not finish within 60 s");
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        videsk.close();
        assertTrue(http.dispatcher().executorService().awaitTermination(10, TimeUnit.SECONDS), "dispatcher still running");
        List<String> busy = List.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            busy = okHttpThreads().entrySet().stream()
                    .filter(e -> !threadsBefore.contains(e.getKey().getId()) && !isIdle(e.getKey(), e.getValue()))
                    .map(e -> e.getKey().getName()).collect(Collectors.toList());
            if (busy.isEmpty()) {
                break;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        System.out.println("VideskLoadTest: " + CALLS + " calls, " + THREADS + " threads, " + elapsedMs + " ms, "
                + ok.get() + " ok, " + errors.size() + " errors, max pooled connections " + maxConnections.get()
                + ", connections after close " + http.connectionPool().connectionCount() + ", busy OkHttp threads after close "
                + busy.size());

        assertEquals(List.of(), errors.stream().map(String::valueOf).limit(5).collect(Collectors.toList()));
        assertEquals(CALLS, ok.get());
        assertEquals(CALLS, server.requests().size());
        assertTrue(maxConnections.get() <= THREADS + 5, "pool grew to " + maxConnections.get());
        assertEquals(0, http.connectionPool().connectionCount());
        assertEquals(List.of(), busy, "OkHttp threads still working after close()");
        assertTrue(okHttpThreads().keySet().stream().noneMatch(t -> t.getName().startsWith("OkHttp Dispatcher")
                && !threadsBefore.contains(t.getId())), "dispatcher threads left");
    }

    /** One call through the dispatcher: {@code executeAsync()}, waited for with a bound. */
    static Room async(Videsk videsk) throws Exception {
        return videsk.rooms().getRoom("r1").executeAsync().get(10, TimeUnit.SECONDS);
    }

    static Map<Thread, StackTraceElement[]> okHttpThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive() && e.getKey().getName().contains("OkHttp"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * A thread parked waiting for work: an idle pool thread (OkHttp keeps them for a minute) or
     * the JVM-wide task runner waiting for another client's scheduled task.
     */
    static boolean isIdle(Thread thread, StackTraceElement[] stack) {
        if (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            return false;
        }
        for (StackTraceElement f : stack) {
            if ((f.getClassName().equals("java.util.concurrent.ThreadPoolExecutor") && f.getMethodName().equals("getTask"))
                    || (f.getClassName().startsWith("okhttp3.internal.concurrent.TaskRunner")
                    && (f.getMethodName().equals("awaitTaskToRun") || f.getMethodName().equals("coordinatorWait")))) {
                return true;
            }
        }
        return false;
    }
}
