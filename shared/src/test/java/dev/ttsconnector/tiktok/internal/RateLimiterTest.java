package dev.ttsconnector.tiktok.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.tiktok.RateLimitPolicy;
import dev.ttsconnector.tiktok.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
    private final Sleeper advancing = d -> clock.advance(d);

    @Test
    void acquire_withBurstOne_spacesGrantsByOneOverRate() throws Exception {
        RateLimiter limiter = new RateLimiter(new RateLimitPolicy(4, 1, Map.of()), clock, advancing);
        List<Instant> grants = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            grants.add(limiter.acquire("shop", "order"));
        }
        Instant t0 = grants.get(0);
        assertThat(grants).containsExactly(t0, t0.plusMillis(250), t0.plusMillis(500), t0.plusMillis(750), t0.plusMillis(1000));
    }

    @Test
    void acquire_withBurst_grantsBurstAtOnceThenAtRate() throws Exception {
        RateLimiter limiter = new RateLimiter(new RateLimitPolicy(10, 3, Map.of()), clock, advancing);
        Instant start = clock.now();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("shop", "order")).isEqualTo(start);
        }
        assertThat(limiter.acquire("shop", "order")).isEqualTo(start.plusMillis(100));
    }

    @Test
    void acquire_bucketsAreIndependentPerShopAndFamily_andFamilyOverridesApply() throws Exception {
        RateLimiter limiter = new RateLimiter(new RateLimitPolicy(1, 1, Map.of("product", 2.0)), clock, advancing);
        Instant start = clock.now();
        assertThat(limiter.acquire("shopA", "order")).isEqualTo(start);
        assertThat(limiter.acquire("shopB", "order")).isEqualTo(start);
        assertThat(limiter.acquire("shopA", "product")).isEqualTo(start);
        assertThat(limiter.acquire("shopA", "product")).isEqualTo(start.plusMillis(500));
    }

    @Test
    void acquire_underConcurrency_neverExceedsRateInAnySecond() throws Exception {
        int rate = 25;
        RateLimiter limiter = new RateLimiter(new RateLimitPolicy(rate, 1, Map.of()), clock, advancing);
        ConcurrentLinkedQueue<Instant> grants = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        grants.add(limiter.acquire("shop", "product"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(grants).hasSize(800);
        TreeMap<Long, Integer> perSecond = new TreeMap<>();
        grants.forEach(g -> perSecond.merge(g.getEpochSecond(), 1, Integer::sum));
        assertThat(perSecond.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(rate));
        List<Instant> sorted = grants.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i - 1), sorted.get(i))).isGreaterThanOrEqualTo(Duration.ofMillis(40));
        }
    }
}
