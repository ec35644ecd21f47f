package dev.roomsdk.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code invalidate()} runs on the 401 path inside an OkHttp call: it must return even while a
 * refresh is stuck on a silent token endpoint, and must not discard the token that refresh
 * brings.
 */
class CachingTokenProviderInvalidateTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final AtomicInteger fetches = new AtomicInteger();
    final CountDownLatch stuck = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    CachingTokenProvider provider() {
        return CachingTokenProvider.builder(() -> {
            int n = fetches.incrementAndGet();
            if (n == 2) {
                stuck.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS); // a token endpoint that does not answer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return AccessToken.of("t" + n, clock.instant().plus(Duration.ofHours(1)));
        }).clock(clock).build();
    }

    @Test
    void invalidateReturnsWhileARefreshIsStuckAndLeavesTheNewTokenAlone() throws Exception {
        CachingTokenProvider p = provider();
        AccessToken t1 = p.token();
        clock.advance(Duration.ofHours(2)); // expired: the next call fetches, and gets stuck
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<AccessToken> refreshing = pool.submit(p::token);
            assertTrue(stuck.await(10, TimeUnit.SECONDS), "the refresh is under way");

            Future<?> invalidating = pool.submit(() -> p.invalidate(t1)); // a late 401 for the old token
            invalidating.get(10, TimeUnit.SECONDS); // must not wait for the stuck refresh

            release.countDown();
            assertEquals("t2", refreshing.get(10, TimeUnit.SECONDS).value());
        } finally {
            release.countDown();
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals("t2", p.token().value(), "the invalidation of t1 did not discard t2");
        assertEquals(2, fetches.get());
    }

    @Test
    void invalidatingTheCurrentTokenWhileAnotherCallerFetchesDoesNotWait() throws Exception {
        CachingTokenProvider p = provider();
        AccessToken t1 = p.token();
        clock.advance(Duration.ofMinutes(56)); // inside the margin: this caller refreshes early, and gets stuck
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<AccessToken> refreshing = pool.submit(p::token);
            assertTrue(stuck.await(10, TimeUnit.SECONDS));

            pool.submit(() -> p.invalidate(t1)).get(10, TimeUnit.SECONDS);

            release.countDown();
            assertEquals("t2", refreshing.get(10, TimeUnit.SECONDS).value());
        } finally {
            release.countDown();
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals("t2", p.token().value());
        assertEquals(2, fetches.get());
    }
}
