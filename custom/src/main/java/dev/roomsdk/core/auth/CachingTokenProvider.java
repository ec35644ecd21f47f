package dev.roomsdk.core.auth;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Caches the credential of a {@link TokenSource} and renews it before it expires.
 *
 * <ul>
 *   <li>Inside the refresh margin before expiry (default 5 minutes) one caller refreshes
 *       while the others keep using the still-valid token, so a steady caller never sees
 *       an expiry 401.</li>
 *   <li>Single flight: when there is no valid token, any number of concurrent callers cause
 *       exactly one fetch; the others wait for it, at most the wait timeout (default 30 s).</li>
 *   <li>A failed early refresh keeps the old token in use and is retried after a backoff
 *       (1 s doubling to 30 s); the failure is logged without the secret.</li>
 *   <li>A token that lives shorter than the margin is refreshed early after half its
 *       remaining life (at least the first retry delay), not on every call.</li>
 *   <li>{@link #invalidate} drops the cached token only if it is the one the server
 *       rejected, so concurrent 401s for the same token cause one refresh.</li>
 * </ul>
 * Thread-safe. The clock is injectable so expiry is testable without sleeping.
 */
public final class CachingTokenProvider implements TokenProvider {

    private static final System.Logger LOG = System.getLogger(CachingTokenProvider.class.getName());

    private final TokenSource source;
    private final Duration refreshMargin;
    private final Duration waitTimeout;
    private final Duration firstRetryDelay;
    private final Duration maxRetryDelay;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile AccessToken current;
    private volatile Instant nextEarlyRefresh = Instant.MIN;
    private int failedEarlyRefreshes;

    private CachingTokenProvider(Builder b) {
        this.source = b.source;
        this.refreshMargin = b.refreshMargin;
        this.waitTimeout = b.waitTimeout;
        this.firstRetryDelay = b.firstRetryDelay;
        this.maxRetryDelay = b.maxRetryDelay;
        this.clock = b.clock;
    }

    public static Builder builder(TokenSource source) {
        return new Builder(source);
    }

    @Override
    public AccessToken token() {
        AccessToken token = current;
        Instant now = clock.instant();
        if (token != null && !expired(token, now)) {
            if (!inMargin(token, now) || now.isBefore(nextEarlyRefresh) || !lock.tryLock()) {
                return token;
            }
            try {
                AccessToken latest = current; // read once: a 401 may have invalidated it meanwhile
                if (latest == token) {
                    return refreshEarly(token);
                }
                if (latest != null && !expired(latest, clock.instant())) {
                    return latest;
                }
            } finally {
                lock.unlock();
            }
            // invalidated while we waited for the lock: fetch like any caller without a token
        }
        acquire();
        try {
            AccessToken again = current;
            if (again != null && !expired(again, clock.instant())) {
                return again;
            }
            AccessToken fresh = Objects.requireNonNull(source.fetch(), "token source returned null");
            stored(fresh);
            LOG.log(Level.DEBUG, () -> "fetched a new token, " + describeExpiry(fresh));
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void invalidate(AccessToken rejected) {
        if (rejected == null) {
            return;
        }
        lock.lock();
        try {
            AccessToken token = current;
            if (token != null && token.value().equals(rejected.value())) {
                current = null;
                LOG.log(Level.DEBUG, "the server rejected the cached token; the next call fetches a new one");
            }
        } finally {
            lock.unlock();
        }
    }

    private AccessToken refreshEarly(AccessToken old) {
        try {
            AccessToken fresh = Objects.requireNonNull(source.fetch(), "token source returned null");
            stored(fresh);
            LOG.log(Level.DEBUG, () -> "refreshed the token before expiry, " + describeExpiry(fresh));
            return fresh;
        } catch (RuntimeException e) {
            failedEarlyRefreshes++;
            long factor = 1L << Math.min(failedEarlyRefreshes - 1, 20);
            Duration delay = firstRetryDelay.multipliedBy(factor);
            if (delay.compareTo(maxRetryDelay) > 0) {
                delay = maxRetryDelay;
            }
            nextEarlyRefresh = clock.instant().plus(delay);
            Duration retryIn = delay;
            LOG.log(Level.WARNING, () -> "early token refresh failed (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); keeping the current token, " + describeExpiry(old)
                    + ", next try in " + retryIn.toMillis() + " ms");
            return old;
        }
    }

    /**
     * Caches a fetched token. One that already arrives inside the refresh margin (it lives
     * shorter than the margin) would otherwise be refreshed on every call: its next early
     * refresh waits half its remaining life, at least the first retry delay. An expired token
     * is still replaced at once by the blocking path.
     */
    private void stored(AccessToken fresh) {
        Instant now = clock.instant();
        nextEarlyRefresh = fresh.expiresAt().filter(at -> inMargin(fresh, now)).map(at -> {
            Duration half = Duration.between(now, at).dividedBy(2);
            return now.plus(half.compareTo(firstRetryDelay) > 0 ? half : firstRetryDelay);
        }).orElse(Instant.MIN);
        failedEarlyRefreshes = 0;
        current = fresh; // written last: a caller that sees the new token sees its schedule too
    }

    private void acquire() {
        try {
            if (!lock.tryLock(waitTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TokenRefreshException("no token: another refresh did not finish within "
                        + waitTimeout.toMillis() + " ms", 0, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenRefreshException("interrupted while waiting for a token refresh", 0, e);
        }
    }

    private boolean expired(AccessToken token, Instant now) {
        return token.expiresAt().map(at -> !now.isBefore(at)).orElse(false);
    }

    private boolean inMargin(AccessToken token, Instant now) {
        return token.expiresAt().map(at -> !now.isBefore(at.minus(refreshMargin))).orElse(false);
    }

    private String describeExpiry(AccessToken token) {
        return token.expiresAt()
                .map(at -> "expires " + at + " (" + Duration.between(clock.instant(), at).getSeconds() + " s left)")
                .orElse("no known expiry");
    }

    @Override
    public String toString() {
        return "CachingTokenProvider{refreshMargin=" + refreshMargin + ", token=" + current + "}";
    }

    /** Builder for {@link CachingTokenProvider}. Not thread-safe. */
    public static final class Builder {
        private final TokenSource source;
        private Duration refreshMargin = Duration.ofMinutes(5);
        private Duration waitTimeout = Duration.ofSeconds(30);
        private Duration firstRetryDelay = Duration.ofSeconds(1);
        private Duration maxRetryDelay = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(TokenSource source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /** How long before expiry a token is renewed. Default 5 minutes. */
        public Builder refreshMargin(Duration margin) {
            this.refreshMargin = nonNegative("refreshMargin", margin);
            return this;
        }

        /** How long a caller waits for another caller's refresh. Default 30 s. */
        public Builder waitTimeout(Duration timeout) {
            this.waitTimeout = nonNegative("waitTimeout", timeout);
            return this;
        }

        /** Backoff after a failed early refresh: {@code first}, doubling up to {@code max}. */
        public Builder retryDelays(Duration first, Duration max) {
            this.firstRetryDelay = nonNegative("first retry delay", first);
            this.maxRetryDelay = nonNegative("max retry delay", max);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public CachingTokenProvider build() {
            return new CachingTokenProvider(this);
        }

        private static Duration nonNegative(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
