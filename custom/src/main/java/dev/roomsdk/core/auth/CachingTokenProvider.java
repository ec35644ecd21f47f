package dev.roomsdk.core.auth;

import dev.roomsdk.core.error.Checks;
import dev.roomsdk.core.error.InvalidConfigurationException;
import dev.roomsdk.core.error.RoomSdkServiceException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;

/**
 * Caches the credential of a {@link TokenSource} and renews it before it expires.
 *
 * <ul>
 *   <li>Inside the refresh margin before expiry (default 5 minutes) the token is renewed
 *       while the others keep using the still-valid token, so a steady caller never sees
 *       an expiry 401. By default the one caller that notices renews it on its own thread
 *       (it waits for the token request; everyone else gets the old token). With
 *       {@link Builder#backgroundRefresh(boolean)} or {@link Builder#backgroundRefresh(Executor)}
 *       the renewal runs in the background and every caller, that one included, gets the old
 *       token at once.</li>
 *   <li>Single flight: at most one fetch runs at a time (a background one included). When
 *       there is no valid token, any number of concurrent callers cause exactly one fetch; the
 *       others wait for it, at most the wait timeout (default 30 s), and share its outcome:
 *       its token, or its failure.</li>
 *   <li>A failed fetch is not repeated at once. It is remembered, and retried after a
 *       jittered backoff (from 1-2 s, doubling up to 30 s); meanwhile a caller without a valid
 *       token gets a {@link TokenRefreshException} at once, saying when the next try is
 *       ({@link TokenRefreshException#retryAt()}), and a caller with one keeps using it. Failures
 *       are logged through {@link System.Logger}, without the secret.</li>
 *   <li>A token that lives shorter than the margin is refreshed early after half its
 *       remaining life (at least the first retry delay), not on every call.</li>
 *   <li>{@link #invalidate} drops the cached token only if it is the one the server
 *       rejected, so concurrent 401s for the same token cause one refresh. It never waits,
 *       not even for a refresh in progress.</li>
 * </ul>
 * Thread-safe. The clock is injectable so expiry and backoff are testable without sleeping.
 * It never logs a token, and its {@link #toString()} shows none.
 */
public final class CachingTokenProvider implements TokenProvider {

    private static final System.Logger LOG = System.getLogger(CachingTokenProvider.class.getName());

    /**
     * One short-lived daemon thread per background refresh: a refresh happens once per token
     * lifetime, and a daemon thread never keeps an application from exiting, so no executor
     * has to be owned and shut down by a provider that has no {@code close()}.
     */
    private static final Executor DAEMON_THREAD = task -> {
        Thread thread = new Thread(task, "rooms-sdk-token-refresh");
        thread.setDaemon(true);
        thread.start();
    };

    private final TokenSource source;
    private final Duration refreshMargin;
    private final Duration waitTimeout;
    private final Duration firstRetryDelay;
    private final Duration maxRetryDelay;
    private final Clock clock;
    private final Executor background;
    private final DoubleSupplier jitter;
    /** Held for every fetch: the single flight. Never held while waiting for anything but the source. */
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean backgroundRefreshQueued = new AtomicBoolean();

    // an AtomicReference so that invalidate() can drop exactly the rejected token without the lock
    private final AtomicReference<AccessToken> current = new AtomicReference<>();
    private volatile Instant nextEarlyRefresh = Instant.MIN;
    /** The last fetch's failure, until a fetch succeeds. */
    private volatile Failure failure;
    /** Fetches finished so far (written under the lock): tells a waiter whether the fetch it waited for is done. */
    private volatile long finishedFetches;
    private int consecutiveFailures; // guarded by lock

    private CachingTokenProvider(Builder b) {
        this.source = b.source;
        this.refreshMargin = b.refreshMargin;
        this.waitTimeout = b.waitTimeout;
        this.firstRetryDelay = b.firstRetryDelay;
        this.maxRetryDelay = b.maxRetryDelay;
        this.clock = b.clock;
        this.background = b.background;
        this.jitter = b.jitter;
    }

    /**
     * A builder caching {@code source}'s tokens.
     *
     * @param source where new tokens come from; not null
     * @return a new builder with the defaults
     * @throws InvalidConfigurationException if {@code source} is null
     */
    public static Builder builder(TokenSource source) {
        return new Builder(source);
    }

    /**
     * The cached token, or a new one. Blocks only when there is no valid token (at most the
     * wait timeout for another caller's fetch, plus this caller's own fetch), or, without
     * background refresh, for the one caller that renews a token inside the margin.
     *
     * @throws TokenRefreshException (or the source's own runtime exception, for the caller whose
     *         fetch failed) when no valid token can be had
     */
    @Override
    public AccessToken token() {
        AccessToken token = current.get();
        Instant now = clock.instant();
        if (token != null && !expired(token, now)) {
            if (!inMargin(token, now) || now.isBefore(nextEarlyRefresh)) {
                return token;
            }
            AccessToken renewed = renewEarly(token);
            if (renewed != null) {
                return renewed;
            }
            // invalidated meanwhile: fetch like any caller without a token
        }
        return fetchBlocking();
    }

    /**
     * Drops the cached token if its value is {@code rejected}'s. Never blocks: a refresh in
     * progress replaces the token anyway, and a token stored meanwhile is a different one, which
     * the compare-and-set leaves alone.
     */
    @Override
    public void invalidate(AccessToken rejected) {
        if (rejected == null) {
            return;
        }
        AccessToken token = current.get();
        if (token != null && token.value().equals(rejected.value()) && current.compareAndSet(token, null)) {
            LOG.log(Level.DEBUG, "the server rejected the cached token; the next call fetches a new one");
        }
    }

    /** The token to use for a call that found {@code old} inside the margin, or null if it was invalidated. */
    private AccessToken renewEarly(AccessToken old) {
        if (background != null) {
            queueBackgroundRefresh(old);
            return old;
        }
        if (!lock.tryLock()) {
            return old; // someone is fetching already, and the old token is still good
        }
        try {
            AccessToken latest = current.get(); // read once: a 401 may have invalidated it meanwhile
            if (latest != old) {
                return latest != null && !expired(latest, clock.instant()) ? latest : null;
            }
            if (clock.instant().isBefore(nextEarlyRefresh)) {
                return old; // a refresh failed between our look and the lock: keep to its backoff
            }
            try {
                return fetchAndStore(old);
            } catch (RuntimeException e) {
                AccessToken still = current.get();
                return still != null && !expired(still, clock.instant()) ? still : null;
            }
        } finally {
            lock.unlock();
        }
    }

    private void queueBackgroundRefresh(AccessToken old) {
        if (!backgroundRefreshQueued.compareAndSet(false, true)) {
            return; // one background refresh at a time
        }
        try {
            background.execute(() -> {
                try {
                    refreshInBackground(old);
                } finally {
                    backgroundRefreshQueued.set(false);
                }
            });
        } catch (RuntimeException rejected) {
            backgroundRefreshQueued.set(false);
            // not the token endpoint's failure: no remembered failure, just no new try at once
            nextEarlyRefresh = clock.instant().plus(firstRetryDelay);
            LOG.log(Level.WARNING, () -> "the background token refresh could not be started ("
                    + rejected.getClass().getSimpleName() + "); keeping the current token, " + describeExpiry(old));
        }
    }

    private void refreshInBackground(AccessToken old) {
        // no waiting: a held lock means a fetch is already running, which is all we wanted
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (current.get() != old || clock.instant().isBefore(nextEarlyRefresh)) {
                return; // replaced, invalidated (callers fetch on their own) or backing off
            }
            fetchAndStore(old);
        } catch (RuntimeException e) {
            // remembered and logged by fetchAndStore; callers keep the old token
        } finally {
            lock.unlock();
        }
    }

    private AccessToken fetchBlocking() {
        Failure known = failure;
        if (known != null && clock.instant().isBefore(known.retryAt)) {
            throw known.remembered(clock.instant());
        }
        long seen = finishedFetches;
        acquire();
        try {
            AccessToken again = current.get();
            if (again != null && !expired(again, clock.instant())) {
                return again;
            }
            Failure last = failure;
            // the fetch we waited for failed: share its failure rather than asking again at once
            if (last != null && (last.fetch > seen || clock.instant().isBefore(last.retryAt))) {
                throw last.remembered(clock.instant());
            }
            return fetchAndStore(null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fetches and caches a token; on failure remembers it and schedules the next try. Called
     * with the lock held. {@code old} is the still-valid token an early refresh replaces, or
     * null.
     */
    private AccessToken fetchAndStore(AccessToken old) {
        AccessToken fresh;
        try {
            fresh = source.fetch();
            if (fresh == null) {
                throw new TokenRefreshException("the token source returned null instead of a token", 0, null);
            }
        } catch (RuntimeException e) {
            remember(e, old);
            throw e;
        }
        stored(fresh);
        LOG.log(Level.DEBUG, () -> (old == null ? "fetched a new token, " : "refreshed the token before expiry, ")
                + describeExpiry(fresh));
        return fresh;
    }

    private void remember(RuntimeException e, AccessToken old) {
        consecutiveFailures++;
        Duration delay = backoff(consecutiveFailures);
        Instant now = clock.instant();
        Failure f = new Failure(e, now, now.plus(delay), finishedFetches + 1);
        failure = f;
        nextEarlyRefresh = f.retryAt;
        finishedFetches = f.fetch; // written last: a waiter that sees the count sees the failure
        if (old != null) {
            LOG.log(Level.WARNING, () -> "early token refresh failed (" + describe(e) + "); keeping the current token, "
                    + describeExpiry(old) + ", next try in " + delay.toMillis() + " ms");
        } else {
            LOG.log(Level.WARNING, () -> "token fetch failed (" + describe(e) + "); callers without a token get this "
                    + "failure until the next try in " + delay.toMillis() + " ms");
        }
    }

    /**
     * The wait after the {@code n}th consecutive failure: the first retry delay doubling up to
     * the maximum, stretched by up to as much again at random so that many clients failing
     * together (an endpoint outage) do not come back in step.
     */
    private Duration backoff(int n) {
        long nominal = firstRetryDelay.toMillis() << Math.min(n - 1, 20);
        long max = maxRetryDelay.toMillis();
        nominal = Math.min(nominal, max);
        double spread = Math.min(Math.max(jitter.getAsDouble(), 0.0), 1.0);
        return Duration.ofMillis(Math.min(max, nominal + (long) (nominal * spread)));
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
        consecutiveFailures = 0;
        failure = null;
        current.set(fresh); // after its schedule: a caller that sees the new token sees its schedule too
        finishedFetches = finishedFetches + 1;
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

    /** Callers waiting for the fetch in progress; lets tests release a fetch once everyone queued. */
    int waitingCallers() {
        return lock.getQueueLength();
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

    private static String describe(RuntimeException e) {
        // token sources promise secret-free messages (TokenSource#fetch)
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public String toString() {
        return "CachingTokenProvider{refreshMargin=" + refreshMargin + ", refresh="
                + (background == null ? "on the caller's thread" : "in the background") + ", token=" + current.get() + "}";
    }

    /** A failed fetch, remembered so that it is shared and not repeated at once. Immutable. */
    private static final class Failure {
        final RuntimeException error;
        final Instant failedAt;
        final Instant retryAt;
        /** Which fetch failed, counted like {@link #finishedFetches}. */
        final long fetch;

        Failure(RuntimeException error, Instant failedAt, Instant retryAt, long fetch) {
            this.error = error;
            this.failedAt = failedAt;
            this.retryAt = retryAt;
            this.fetch = fetch;
        }

        /** A fresh exception per caller (each gets its own stack), the failure itself as cause. */
        TokenRefreshException remembered(Instant now) {
            long ago = Math.max(0, Duration.between(failedAt, now).toMillis());
            long in = Math.max(0, Duration.between(now, retryAt).toMillis());
            return new TokenRefreshException("no token: the token fetch failed " + ago + " ms ago (" + describe(error)
                    + "); next try in " + in + " ms, at " + retryAt, status(error), error, retryAt);
        }

        private static int status(RuntimeException e) {
            if (e instanceof TokenRefreshException) {
                return ((TokenRefreshException) e).statusCode();
            }
            return e instanceof RoomSdkServiceException ? ((RoomSdkServiceException) e).statusCode() : 0;
        }
    }

    /** Builder for {@link CachingTokenProvider}. Not thread-safe. */
    public static final class Builder {
        private final TokenSource source;
        private Duration refreshMargin = Duration.ofMinutes(5);
        private Duration waitTimeout = Duration.ofSeconds(30);
        private Duration firstRetryDelay = Duration.ofSeconds(1);
        private Duration maxRetryDelay = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private Executor background;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder(TokenSource source) {
            this.source = Checks.settingNotNull("source", source);
        }

        /**
         * How long before expiry a token is renewed. Default 5 minutes.
         *
         * @param margin not null or negative
         * @return this builder
         * @throws InvalidConfigurationException if {@code margin} is null or negative
         */
        public Builder refreshMargin(Duration margin) {
            this.refreshMargin = Checks.notNegativeSetting("refreshMargin", margin);
            return this;
        }

        /**
         * How long a caller waits for another caller's refresh. Default 30 s.
         *
         * @param timeout not null or negative
         * @return this builder
         * @throws InvalidConfigurationException if {@code timeout} is null or negative
         */
        public Builder waitTimeout(Duration timeout) {
            this.waitTimeout = Checks.notNegativeSetting("waitTimeout", timeout);
            return this;
        }

        /**
         * Backoff after a failed fetch (early or not): {@code first}, doubling up to {@code max},
         * each wait stretched at random by up to as much again (never beyond {@code max}).
         * Default 1 s and 30 s, so the first retry comes after 1 to 2 s.
         *
         * @param first the first wait; not null or negative
         * @param max the longest wait; not null or negative
         * @return this builder
         * @throws InvalidConfigurationException if either is null or negative
         */
        public Builder retryDelays(Duration first, Duration max) {
            this.firstRetryDelay = Checks.notNegativeSetting("first retry delay", first);
            this.maxRetryDelay = Checks.notNegativeSetting("max retry delay", max);
            return this;
        }

        /**
         * The time expiry and backoff are measured on. Default the system UTC clock.
         *
         * @param clock not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Checks.settingNotNull("clock", clock);
            return this;
        }

        /**
         * Whether a token inside the refresh margin is renewed in the background, on a daemon
         * thread the provider starts for each renewal, while every caller keeps getting the
         * still-valid token. Default false: the caller that notices renews it on its own thread
         * and waits for the token request (the others do not wait). A token that is missing or
         * expired is always fetched by a caller, which waits for it.
         *
         * @param background true to renew on a daemon thread; false to renew on the caller's
         * @return this builder
         */
        public Builder backgroundRefresh(boolean background) {
            this.background = background ? DAEMON_THREAD : null;
            return this;
        }

        /**
         * Renews a token inside the refresh margin as a task on {@code executor}, while every
         * caller keeps getting the still-valid token; one such task at a time. If the executor
         * refuses the task, the token is kept and the renewal tried again after the first retry
         * delay. The provider never shuts the executor down.
         *
         * @param executor runs the renewal tasks; not null
         * @return this builder
         * @throws InvalidConfigurationException if {@code executor} is null
         */
        public Builder backgroundRefresh(Executor executor) {
            this.background = Checks.settingNotNull("backgroundRefresh executor", executor);
            return this;
        }

        /** Where the random stretch of each backoff comes from (0 to 1); for tests. */
        Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        /**
         * Builds the provider. No I/O: the first token is fetched by the first
         * {@link CachingTokenProvider#token()}.
         *
         * @return a new, thread-safe provider
         */
        public CachingTokenProvider build() {
            return new CachingTokenProvider(this);
        }
    }
}
