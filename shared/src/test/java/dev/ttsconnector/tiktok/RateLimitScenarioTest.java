package dev.ttsconnector.tiktok;

import static dev.ttsconnector.tiktok.StubTikTokServer.error;
import static dev.ttsconnector.tiktok.StubTikTokServer.ok;
import static dev.ttsconnector.tiktok.StubTikTokServer.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.tiktok.TestSupport.RecordingSleeper;
import dev.ttsconnector.tiktok.inventory.InventoryUpdateResult;
import dev.ttsconnector.tiktok.inventory.SkuInventory;
import dev.ttsconnector.tiktok.inventory.SkuInventory.WarehouseQuantity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Reliability R10: a burst of 5 000 inventory pushes for one shop with a client limit of L/s, measured on the
 * injected clock at the stub → never more than L requests in any clock second, every push completes, and the
 * 2 % of calls TikTok throttles (429 + Retry-After, seeded) are retried only after the advertised wait.
 */
class RateLimitScenarioTest {

    private static final int LIMIT = 50;
    private static final int PUSHES = 5_000;

    @Test
    void burstOf5000Pushes_neverExceedsLimitPerSecond_andAllComplete() throws Exception {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        ShopContext shop = new ShopContext("int-r10", "ROW_r10");
        try (StubTikTokServer stub = new StubTikTokServer(clock, TestSupport.APP_SECRET)) {
            SplittableRandom faults = new SplittableRandom(10);
            AtomicInteger throttled = new AtomicInteger();
            stub.respondWith(r -> {
                boolean throttle;
                synchronized (faults) {
                    throttle = faults.nextInt(100) < 2;
                }
                if (throttle) {
                    throttled.incrementAndGet();
                    return withHeader(error(429, 36009002, "Too many requests."), "Retry-After", "1");
                }
                return ok("{}");
            });
            TikTokClientConfig config = TestSupport.config(stub.baseUrl())
                    .withRateLimits(new RateLimitPolicy(LIMIT, 1, Map.of()))
                    .withRetryPolicy(new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30)));
            TestSupport.FakeTokens tokens = new TestSupport.FakeTokens("tok");
            tokens.tokens.put(shop.key(), "tok");
            TikTokShopClient client = TikTokShopClient.builder(config, tokens).clock(clock).sleeper(sleeper)
                    .random(new SplittableRandom(1)).build();

            int completed = 0;
            for (int i = 0; i < PUSHES; i++) {
                InventoryUpdateResult result = client.inventory().update(shop, "prod" + (i % 100),
                        List.of(new SkuInventory("sku" + i, List.of(new WarehouseQuantity("w1", i % 500)))));
                if (result.allAccepted()) {
                    completed++;
                }
            }

            assertThat(completed).isEqualTo(PUSHES);
            List<StubTikTokServer.Recorded> requests = stub.requests();
            assertThat(requests).hasSize(PUSHES + throttled.get());
            assertThat(throttled.get()).isGreaterThan(50);
            TreeMap<Long, Integer> perSecond = new TreeMap<>();
            requests.forEach(r -> perSecond.merge(r.at().getEpochSecond(), 1, Integer::sum));
            assertThat(perSecond.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(LIMIT));
            // Busy seconds actually use the budget (the limiter does not throttle far below L).
            assertThat(perSecond.values().stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(LIMIT);
            // Every throttled call waited the advertised second before its retry.
            assertThat(sleeper.sleeps.stream().filter(d -> d.equals(Duration.ofSeconds(1))).count())
                    .isEqualTo(throttled.get());
            assertThat(stub.badSignatures()).isZero();
        }
    }
}
