package dev.roomsdk.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A failed fetch is remembered and not repeated at once: callers without a token get it back
 * at once, saying when the next try is, and the next try comes after a jittered backoff that
 * doubles up to its cap. All on a hand-moved clock.
 */
class CachingTokenProviderBackoffTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final AtomicInteger fetches = new AtomicInteger();
    final AtomicBoolean failing = new AtomicBoolean(true);

    TokenSource source() {
        return () -> {
            int n = fetches.incrementAndGet();
            if (failing.get()) {
                throw new TokenRefreshException("token request answered HTTP 503 (fetch " + n + ")", 503, null);
            }
            return AccessToken.of("t" + n, clock.instant().plus(Duration.ofHours(1)));
        };
    }

    @Test
    void callersDuringTheBackoffGetTheRememberedFailureAtOnceSayingWhenTheNextTryIs() {
        CachingTokenProvider p = CachingTokenProvider.builder(source()).clock(clock).build(); // default delays and jitter
        Instant failedAt = clock.instant();
        TokenRefreshException first = assertThrows(TokenRefreshException.class, p::token);
        assertTrue(first.retryAt().isEmpty(), "the fetch's own failure");

        clock.advance(Duration.ofMillis(900));
        TokenRefreshException remembered = assertThrows(TokenRefreshException.class, p::token);

        assertEquals(1, fetches.get(), "not repeated inside the backoff");
        assertSame(first, remembered.getCause());
        assertEquals(503, remembered.statusCode());
        Instant retryAt = remembered.retryAt().orElseThrow();
        assertTrue(!retryAt.isBefore(failedAt.plusSeconds(1)) && !retryAt.isAfter(failedAt.plusSeconds(2)),
                "first retry 1 to 2 s after the failure, jittered: " + retryAt);
        assertTrue(remembered.getMessage().contains("next try in") && remembered.getMessage().contains(retryAt.toString()),
                remembered.getMessage());
        assertTrue(remembered.getMessage().contains("HTTP 503"), "names the original failure: " + remembered.getMessage());

        clock.advance(Duration.between(clock.instant(), retryAt));
        failing.set(false);
        assertEquals("t2", p.token().value(), "tried again once the backoff passed");
        assertEquals(2, fetches.get());
    }

    @Test
    void backoffDoublesUpToTheCapStretchedByTheJitter() {
        List<Long> delays = new ArrayList<>();
        for (double jitter : new double[] {0.0, 0.5, 0.999}) {
            CachingTokenProvider p = CachingTokenProvider.builder(source()).clock(clock)
                    .retryDelays(Duration.ofSeconds(1), Duration.ofSeconds(30)).jitter(() -> jitter).build();
            for (int i = 0; i < 7; i++) {
                Instant now = clock.instant();
                assertThrows(TokenRefreshException.class, p::token);
                Instant retryAt = assertThrows(TokenRefreshException.class, p::token).retryAt().orElseThrow();
                delays.add(Duration.between(now, retryAt).toMillis());
                clock.advance(Duration.between(now, retryAt));
            }
        }

        assertEquals(List.of(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L,
                1_500L, 3_000L, 6_000L, 12_000L, 24_000L, 30_000L, 30_000L,
                1_999L, 3_998L, 7_996L, 15_992L, 30_000L, 30_000L, 30_000L), delays);
        assertEquals(21, fetches.get(), "one fetch per backoff, none inside one");
    }

    @Test
    void aSuccessfulFetchForgetsTheFailureAndResetsTheBackoff() {
        CachingTokenProvider p = CachingTokenProvider.builder(source()).clock(clock).jitter(() -> 0.0).build();
        assertThrows(TokenRefreshException.class, p::token);
        clock.advance(Duration.ofSeconds(1));
        assertThrows(TokenRefreshException.class, p::token); // second failure: 2 s
        clock.advance(Duration.ofSeconds(2));
        failing.set(false);
        AccessToken t3 = p.token();
        assertEquals("t3", t3.value());

        p.invalidate(t3);
        failing.set(true);
        assertThrows(TokenRefreshException.class, p::token); // fetched at once: the old failure is forgotten
        assertEquals(4, fetches.get());
        Instant retryAt = assertThrows(TokenRefreshException.class, p::token).retryAt().orElseThrow();
        assertEquals(clock.instant().plusSeconds(1), retryAt, "the backoff starts again from the first delay");
    }

    @Test
    void aFailedEarlyRefreshKeepsServingTheValidTokenWithoutThrowing() {
        failing.set(false);
        CachingTokenProvider p = CachingTokenProvider.builder(source()).clock(clock).jitter(() -> 0.0).build();
        AccessToken t1 = p.token();
        clock.advance(Duration.ofMinutes(56)); // inside the 5-minute margin
        failing.set(true);

        assertSame(t1, p.token(), "the early refresh failed; the valid token is still served");
        assertSame(t1, p.token());
        assertEquals(2, fetches.get(), "and not retried inside the backoff");
    }
}
