package dev.roomsdk.core.auth;

import static dev.roomsdk.testing.Refusals.refusedSetting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Expiry, early refresh, backoff and invalidation of the token cache, on a hand-moved clock. */
class CachingTokenProviderTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final AtomicInteger fetches = new AtomicInteger();
    final Deque<Supplier<AccessToken>> answers = new ArrayDeque<>();

    CachingTokenProvider provider() {
        return provider(clock);
    }

    CachingTokenProvider provider(Clock providerClock) {
        return CachingTokenProvider.builder(() -> {
            fetches.incrementAndGet();
            return answers.isEmpty() ? hourToken("t" + fetches.get()) : answers.poll().get();
        }).clock(providerClock).refreshMargin(Duration.ofMinutes(5)).retryDelays(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .jitter(() -> 0.0).build(); // the backoff's nominal delays, so the test can step over them exactly
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
    void aTokenInvalidatedJustBeforeTheEarlyRefreshLockIsReplacedNotReturnedAsNull() {
        // The provider reads the cached token, then the clock. The hook runs at that clock read,
        // exactly where another thread's 401 would invalidate the token and release the lock.
        AtomicReference<Runnable> atNextClockRead = new AtomicReference<>();
        Clock hooked = new Clock() {
            @Override
            public Instant instant() {
                Runnable hook = atNextClockRead.getAndSet(null);
                if (hook != null) {
                    hook.run();
                }
                return clock.instant();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        CachingTokenProvider p = provider(hooked);
        AccessToken t1 = p.token();
        clock.advance(Duration.ofMinutes(56)); // inside the margin: this call tries an early refresh
        atNextClockRead.set(() -> p.invalidate(t1));

        AccessToken token = p.token();

        assertNotNull(token, "never null, even when the token was invalidated in between");
        assertEquals("t2", token.value());
        assertEquals(2, fetches.get());
    }

    @Test
    void aTokenShorterThanTheMarginIsNotRefreshedOnEveryCall() {
        CachingTokenProvider p = CachingTokenProvider.builder(() -> AccessToken.of("s" + fetches.incrementAndGet(),
                clock.instant().plus(Duration.ofMinutes(2)))).clock(clock).refreshMargin(Duration.ofMinutes(5))
                .retryDelays(Duration.ofSeconds(1), Duration.ofSeconds(30)).build();

        for (int i = 0; i < 50; i++) {
            assertEquals("s1", p.token().value());
        }
        assertEquals(1, fetches.get(), "50 calls at once on a 2-minute token: one fetch");

        for (int i = 0; i < 50; i++) { // one call every 2 s for 100 s
            AccessToken t = p.token();
            assertTrue(t.expiresAt().orElseThrow().isAfter(clock.instant()), "never an expired token");
            clock.advance(Duration.ofSeconds(2));
        }
        assertEquals(2, fetches.get(), "one early refresh, at half the token's life, in 100 s of calls");
    }

    @Test
    void aShortTokenInsideTheRefreshBackoffIsStillReplacedOnceExpired() {
        answers.add(() -> AccessToken.of("brief", clock.instant().plusMillis(500)));
        CachingTokenProvider p = provider();
        assertEquals("brief", p.token().value());
        assertEquals("brief", p.token().value(), "no early refresh within the 1 s first retry delay");
        assertEquals(1, fetches.get());

        clock.advance(Duration.ofMillis(600)); // expired, though the early-refresh delay has not passed

        assertEquals("t2", p.token().value(), "an expired token is always replaced");
        assertEquals(2, fetches.get());
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

    @Test
    void unusableSettingsAreNamed() {
        assertEquals("source must not be null",
                refusedSetting(() -> CachingTokenProvider.builder(null)));
        CachingTokenProvider.Builder b = CachingTokenProvider.builder(() -> hourToken("t"));
        assertEquals("refreshMargin must not be negative, got PT-1S",
                refusedSetting(() -> b.refreshMargin(Duration.ofSeconds(-1))));
        assertEquals("waitTimeout must not be null",
                refusedSetting(() -> b.waitTimeout(null)));
        assertEquals("first retry delay must not be negative, got PT-1S",
                refusedSetting(() -> b.retryDelays(Duration.ofSeconds(-1), Duration.ofSeconds(1))));
        assertEquals("max retry delay must not be null", refusedSetting(() -> b.retryDelays(Duration.ofSeconds(1), null)));
        assertEquals("clock must not be null", refusedSetting(() -> b.clock(null)));
        assertEquals("backgroundRefresh executor must not be null",
                refusedSetting(() -> b.backgroundRefresh((java.util.concurrent.Executor) null)));
    }

    @Test
    void aSourceReturningNullIsATokenFailureNotANullPointer() {
        answers.add(() -> null);
        CachingTokenProvider p = provider();
        TokenRefreshException e = assertThrows(TokenRefreshException.class, p::token);
        assertTrue(e.getMessage().contains("returned null"), e.getMessage());
        assertEquals(1, fetches.get());
    }
}
