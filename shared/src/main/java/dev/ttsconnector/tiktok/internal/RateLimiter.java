package dev.ttsconnector.tiktok.internal;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.tiktok.RateLimitPolicy;
import dev.ttsconnector.tiktok.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token bucket per (shop, endpoint family), written as GCRA (theoretical arrival time) in nanoseconds of the
 * injected clock. A permit is granted only when the clock, read under the bucket's lock, allows it, so grants of
 * one bucket are spaced at least {@code 1/rate} apart after the first {@code burst}; waiting happens outside the
 * lock through the injected {@link Sleeper}. Thread-safe. Limits are per process (TikTok's are per app and
 * UNCONFIRMED, spec §13), so the configured rate should leave headroom for concurrent containers.
 */
public final class RateLimiter {

    private final RateLimitPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimitPolicy policy, Clock clock, Sleeper sleeper) {
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Blocks until a permit for {@code shopKey}/{@code family} is available and returns the clock time at which
     * it was granted.
     */
    public Instant acquire(String shopKey, String family) throws InterruptedException {
        Bucket bucket = buckets.computeIfAbsent(shopKey + "|" + family,
                k -> new Bucket(policy.perSecond(family), policy.burst()));
        while (true) {
            long waitNanos;
            Instant now;
            synchronized (bucket) {
                now = clock.now();
                long nowNanos = nanos(now);
                long tat = Math.max(bucket.tat, nowNanos);
                long earliest = tat - bucket.tolerance;
                if (earliest <= nowNanos) {
                    bucket.tat = tat + bucket.interval;
                    return now;
                }
                waitNanos = earliest - nowNanos;
            }
            sleeper.sleep(Duration.ofNanos(waitNanos));
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static final class Bucket {
        final long interval;
        final long tolerance;
        long tat = Long.MIN_VALUE / 2;

        Bucket(double perSecond, int burst) {
            // Round the spacing up so that `rate` grants never fit in less than one second.
            this.interval = (long) Math.ceil(1_000_000_000d / perSecond);
            this.tolerance = (burst - 1) * interval;
        }
    }
}
