package dev.roomsdk.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Expiry, early refresh, backoff and invalidation of the token cache, on a hand-moved clock. */
class CachingTokenProviderTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final AtomicInteger fetches = new AtomicInteger();
    final Deque<Supplier<AccessToken>> answers = new ArrayDeque<>();

    CachingTokenProvider provider() {
        return CachingTokenProvider.builder(() -> {
            fetches.incrementAndGet();
            return answers.isEmpty() ? hourToken("t" + fetches.get()) : answers.poll().get();
        }).clock(clock).refreshMargin(Duration.ofMinutes(5)).retryDelays(Duration.ofSeconds(1), Duration.ofSeconds(30)).build();
    }

    AccessToken hourToken(String value) {
        return AccessToken.of(value, clock.instant().plus(Duration.ofHours(1)));
    }

    @Test
    void cachesUntilTheRefreshMarginThenRefreshesEarly() {
        CachingTokenProvider p = provider();
        assertEquals("t1", p.token().value());
        clock.advance(Duration.ofMinutes(54));
        assertEquals("t1", p.token().value());
        assertEquals(1, fetches.get());

        clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // 4m59s before expiry: inside the margin
        assertEquals("t2", p.token().value(), "renewed before the old token expired");
        assertEquals(2, fetches.get());
    }

    @Test
    void failedEarlyRefreshKeepsTheValidTokenAndBacksOff() {
        CachingTokenProvider p = provider();
        AccessToken first = p.token();
        clock.advance(Duration.ofMinutes(56));
        answers.add(() -> {
            throw new TokenRefreshException("token request answered HTTP 503", 503, null);
        });
        answers.add(() -> {
            throw new TokenRefreshException("token request answered HTTP 503", 503, null);
        });

        assertEquals(first, p.token(), "old token still served after a failed early refresh");
        assertEquals(2, fetches.get());
        assertEquals(first, p.token(), "no new attempt inside the 1 s backoff");
        assertEquals(2, fetches.get());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(first, p.token());
        assertEquals(3, fetches.get(), "retried once the backoff passed");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(first, p.token());
        assertEquals(3, fetches.get(), "second failure doubles the backoff to 2 s");

        clock.advance(Duration.ofSeconds(1));
        assertEquals("t4", p.token().value(), "recovered");
    }

    @Test
    void expiredTokenWithFailingSourceThrowsTypedException() {
        CachingTokenProvider p = provider();
        p.token();
        clock.advance(Duration.ofHours(1));
        answers.add(() -> {
            throw new TokenRefreshException("token request answered HTTP 401: error=invalid_client", 401, null);
        });

        TokenRefreshException e = assertThrows(TokenRefreshException.class, p::token);
        assertEquals(401, e.statusCode());
    }

    @Test
    void invalidateDropsOnlyTheRejectedToken() {
        CachingTokenProvider p = provider();
        AccessToken t1 = p.token();
        p.invalidate(AccessToken.of("some-other-token"));
        assertEquals(t1, p.token());
        assertEquals(1, fetches.get());

        p.invalidate(AccessToken.of(t1.value()));
        assertEquals("t2", p.token().value());
        p.invalidate(t1); // a late 401 for the old token must not discard the new one
        assertEquals("t2", p.token().value());
        assertEquals(2, fetches.get());
    }

    @Test
    void tokenWithoutExpiryIsKeptUntilInvalidated() {
        answers.add(() -> AccessToken.of("forever"));
        CachingTokenProvider p = provider();
        assertEquals("forever", p.token().value());
        clock.advance(Duration.ofDays(400));
        assertEquals("forever", p.token().value());
        assertEquals(1, fetches.get());
    }

    @Test
    void toStringNeverShowsTheToken() {
        answers.add(() -> AccessToken.of("canary-secret-123", clock.instant().plusSeconds(60)));
        CachingTokenProvider p = provider();
        AccessToken t = p.token();
        assertFalse(t.toString().contains("canary-secret-123"));
        assertFalse(p.toString().contains("canary-secret-123"));
        assertTrue(t.toString().contains("redacted"));
    }
}
