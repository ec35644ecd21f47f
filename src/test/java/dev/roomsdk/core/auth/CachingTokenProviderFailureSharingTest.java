package dev.roomsdk.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.testing.Concurrently;
import dev.roomsdk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One failing fetch for any number of callers: the callers that waited for a fetch share its
 * failure instead of each asking the failing endpoint again, one after another.
 */
class CachingTokenProviderFailureSharingTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final AtomicInteger fetches = new AtomicInteger();
    final TokenRefreshException serverError = new TokenRefreshException("token request answered HTTP 500", 500, null);

    /** The failure a caller got, or an AssertionError if it got a token. */
    static RuntimeException failureOf(CachingTokenProvider p) {
        try {
            throw new AssertionError("expected a failure, got " + p.token());
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The failure itself, or the one a remembered failure carries as its cause. */
    RuntimeException root(RuntimeException e) {
        return e == serverError ? e : (RuntimeException) e.getCause();
    }

    @Test
    void sixtyFourCallersOnAColdTokenCauseOneFetchAndAllGetItsFailure() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CachingTokenProvider p = CachingTokenProvider.builder(() -> {
            fetches.incrementAndGet();
            try {
                never.await(200, TimeUnit.MILLISECONDS); // an endpoint that answers 500 after 200 ms
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw serverError;
        }).clock(clock).build();

        List<RuntimeException> failures = Concurrently.releaseTogether(64, () -> failureOf(p));

        assertEquals(1, fetches.get(), "one fetch for 64 callers, not one per caller");
        assertEquals(64, failures.size());
        for (RuntimeException e : failures) {
            assertInstanceOf(TokenRefreshException.class, e);
            assertEquals(500, ((TokenRefreshException) e).statusCode());
            assertSame(serverError, root(e), "every caller got the failure of that one fetch");
        }
    }

    @Test
    void callersThatWaitedForAFailedFetchShareItEvenWithoutBackoff() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        CachingTokenProvider p = CachingTokenProvider.builder(() -> {
            fetches.incrementAndGet();
            fetching.countDown();
            try {
                fail.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw serverError;
        }).clock(clock).retryDelays(Duration.ZERO, Duration.ZERO).build(); // no backoff: sharing alone must hold

        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<RuntimeException>> callers = new ArrayList<>();
            callers.add(pool.submit(() -> failureOf(p)));
            assertTrue(fetching.await(10, TimeUnit.SECONDS), "the first caller started the fetch");
            for (int i = 1; i < 16; i++) {
                callers.add(pool.submit(() -> failureOf(p)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (p.waitingCallers() < 15 && System.nanoTime() < deadline) {
                Thread.sleep(5); // waiting for the other threads to queue up, not for a backoff
            }
            assertEquals(15, p.waitingCallers(), "15 callers wait for the one fetch");
            fail.countDown();

            for (Future<RuntimeException> f : callers) {
                RuntimeException e = f.get(20, TimeUnit.SECONDS);
                assertSame(serverError, root(e));
            }
        } finally {
            fail.countDown();
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(1, fetches.get(), "the waiters shared the failure instead of fetching again one by one");

        RuntimeException later = failureOf(p);
        assertEquals(2, fetches.get(), "a caller arriving after it, with no backoff configured, fetches again");
        assertSame(serverError, later);
    }
}
