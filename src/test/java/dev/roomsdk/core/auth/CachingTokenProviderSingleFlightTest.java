package dev.roomsdk.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomsdk.testing.Concurrently;
import dev.roomsdk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
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

        Set<String> seen = new HashSet<>(Concurrently.releaseTogether(64, () -> p.token().value()));

        assertEquals(2, fetches.get(), "one initial fetch + exactly one refresh for 64 threads");
        assertEquals(Set.of("token-2"), seen);
    }
}
