package dev.roomsdk.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many callers, one refresh: 64 threads released together on an expired token cause one fetch. */
class CachingTokenProviderSingleFlightTest {

    @Test
    void sixtyFourConcurrentCallersCauseExactlyOneFetch() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        AtomicInteger fetches = new AtomicInteger();
        CachingTokenProvider p = CachingTokenProvider.builder(() -> {
            int n = fetches.incrementAndGet();
            try {
                Thread.sleep(50); // a slow token endpoint widens the race window
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return AccessToken.of("token-" + n, clock.instant().plus(Duration.ofHours(1)));
        }).clock(clock).build();
        p.token();
        clock.advance(Duration.ofHours(2)); // expired: everyone must wait for the new token

        int threads = 64;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    seen.add(p.token().value());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }

        assertEquals(2, fetches.get(), "one initial fetch + exactly one refresh for 64 threads");
        assertEquals(Set.of("token-2"), seen);
    }
}
