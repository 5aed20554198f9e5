package dev.ttsconnector.tiktok;

import dev.ttsconnector.common.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared fakes for client tests: a clock-advancing sleeper, a counting token provider, configs. */
final class TestSupport {

    static final String APP_KEY = "test_app_key";
    static final String APP_SECRET = "test_app_secret";
    static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);
    static final ShopContext SHOP = new ShopContext("int-1", "ROW_cipher1");

    private TestSupport() {
    }

    /** Config pointing both hosts at {@code base} (the stub now; the sandbox in contract tests). */
    /** A client of {@code stub} with token "tok", on {@code clock}, whose retries wait by advancing the clock. */
    static TikTokShopClient client(StubTikTokServer stub, MutableClock clock) {
        return TikTokShopClient.builder(config(stub.baseUrl()), new FakeTokens("tok")).clock(clock)
                .sleeper(new RecordingSleeper(clock)).build();
    }

    static TikTokClientConfig config(URI base) {
        return new TikTokClientConfig(base, base, URI.create(base + "/open/authorize"), APP_KEY, APP_SECRET, "svc-1",
                Duration.ofSeconds(5), Duration.ofSeconds(30),
                new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30)),
                new RateLimitPolicy(1000, 100, Map.of()));
    }

    /** Records requested sleeps and moves the clock instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final MutableClock clock;
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        RecordingSleeper(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            clock.advance(d);
        }
    }

    /** Token provider with fixed tokens that counts refreshes; refresh returns "<token>-refreshed". */
    static final class FakeTokens implements TokenProvider {
        final Map<String, String> tokens = new ConcurrentHashMap<>();
        final AtomicInteger refreshes = new AtomicInteger();

        FakeTokens(String token) {
            tokens.put(SHOP.key(), token);
        }

        @Override
        public String accessToken(ShopContext shop) {
            return tokens.get(shop.key());
        }

        @Override
        public String refresh(ShopContext shop, String staleToken) {
            refreshes.incrementAndGet();
            String fresh = staleToken + "-refreshed";
            tokens.put(shop.key(), fresh);
            return fresh;
        }
    }
}
