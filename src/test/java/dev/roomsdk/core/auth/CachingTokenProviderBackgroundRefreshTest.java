package dev.roomsdk.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * With background refresh, the early refresh inside the margin runs off the callers' threads:
 * every caller gets the still-valid token at once, one refresh runs at a time, and its
 * failure or refusal only delays the next try.
 */
class CachingTokenProviderBackgroundRefreshTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final AtomicInteger fetches = new AtomicInteger();
    final CountDownLatch refreshing = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<Thread> fetchedOn = new CopyOnWriteArrayList<>();

    /** First fetch at once; the second blocks until released, as a slow token endpoint would. */
    TokenSource slowSecondFetch() {
        return () -> {
            int n = fetches.incrementAndGet();
            fetchedOn.add(Thread.currentThread());
            if (n == 2) {
                refreshing.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return AccessToken.of("t" + n, clock.instant().plus(Duration.ofHours(1)));
        };
    }

    @Test
    void callersKeepTheValidTokenWithoutWaitingWhileOneRefreshRunsOnTheExecutor() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            CachingTokenProvider p = CachingTokenProvider.builder(slowSecondFetch()).clock(clock)
                    .backgroundRefresh(executor).build();
            AccessToken t1 = p.token();
            clock.advance(Duration.ofMinutes(56)); // inside the 5-minute margin

            assertSame(t1, p.token(), "the caller that started the refresh did not wait for it");
            assertTrue(refreshing.await(10, TimeUnit.SECONDS), "the refresh runs meanwhile");
            for (int i = 0; i < 20; i++) {
                assertSame(t1, p.token(), "served while the refresh is in flight");
            }
            assertEquals(2, fetches.get(), "one refresh at a time");
            assertFalse(fetchedOn.get(1) == Thread.currentThread(), "not on the caller's thread");

            release.countDown();
            executor.shutdown();
            assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals("t2", p.token().value(), "the refreshed token is served once it arrived");
            assertEquals(2, fetches.get());
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void backgroundRefreshOnItsOwnDaemonThread() throws Exception {
        release.countDown(); // no stall needed here
        CachingTokenProvider p = CachingTokenProvider.builder(slowSecondFetch()).clock(clock).backgroundRefresh(true).build();
        AccessToken t1 = p.token();
        clock.advance(Duration.ofMinutes(56));

        assertSame(t1, p.token());
        assertTrue(refreshing.await(10, TimeUnit.SECONDS));
        Thread refresher = fetchedOn.get(1);
        refresher.join(10_000); // the refresh thread ends with its one task
        assertFalse(refresher.isAlive());

        assertTrue(refresher.isDaemon(), "never keeps the application from exiting");
        assertTrue(refresher.getName().contains("token-refresh"), refresher.getName());
        assertEquals("t2", p.token().value());
        assertEquals(2, fetches.get());
        assertTrue(p.toString().contains("in the background"), p.toString());
    }

    @Test
    void aFailedBackgroundRefreshKeepsTheValidTokenAndBacksOff() {
        AtomicBoolean failing = new AtomicBoolean(false);
        // a direct executor runs the refresh inside the call, so the steps are deterministic
        CachingTokenProvider p = CachingTokenProvider.builder(() -> {
            int n = fetches.incrementAndGet();
            if (failing.get()) {
                throw new TokenRefreshException("token request answered HTTP 503", 503, null);
            }
            return AccessToken.of("t" + n, clock.instant().plus(Duration.ofHours(1)));
        }).clock(clock).jitter(() -> 0.0).backgroundRefresh(Runnable::run).build();
        AccessToken t1 = p.token();
        clock.advance(Duration.ofMinutes(56));
        failing.set(true);

        assertSame(t1, p.token(), "a failed background refresh is not the caller's failure");
        assertSame(t1, p.token());
        assertEquals(2, fetches.get(), "not retried inside the 1 s backoff");

        clock.advance(Duration.ofSeconds(1));
        failing.set(false);
        assertSame(t1, p.token(), "this call starts the retry and still gets the valid token");
        assertEquals(3, fetches.get());
        assertEquals("t3", p.token().value());
    }

    @Test
    void aRefusedBackgroundTaskKeepsTheValidTokenAndIsTriedAgainLater() {
        AtomicInteger offered = new AtomicInteger();
        CachingTokenProvider p = CachingTokenProvider.builder(slowSecondFetch()).clock(clock)
                .retryDelays(Duration.ofSeconds(1), Duration.ofSeconds(30)).backgroundRefresh(task -> {
                    offered.incrementAndGet();
                    throw new RejectedExecutionException("pool shut down");
                }).build();
        release.countDown();
        AccessToken t1 = p.token();
        clock.advance(Duration.ofMinutes(56));

        assertSame(t1, p.token());
        assertSame(t1, p.token());
        assertEquals(1, offered.get(), "not offered again at once");
        clock.advance(Duration.ofSeconds(1));
        assertSame(t1, p.token());
        assertEquals(2, offered.get(), "offered again after the first retry delay");
        assertEquals(1, fetches.get(), "no fetch on the callers' threads");
    }
}
