package dev.ttsconnector.tiktok;

import static dev.ttsconnector.tiktok.StubTikTokServer.error;
import static dev.ttsconnector.tiktok.StubTikTokServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.tiktok.auth.InMemoryTokenProvider;
import dev.ttsconnector.tiktok.auth.TikTokAuthClient;
import dev.ttsconnector.tiktok.auth.TokenGrant;
import dev.ttsconnector.tiktok.orders.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Reliability R8: 50 concurrent calls for one shop whose access token TikTok reports expired (105002) →
 * exactly one refresh request reaches TikTok, all 50 calls succeed with the new token, and no token appears in
 * what the transport reports to listeners.
 */
class TokenRefreshScenarioTest {

    @Test
    void fiftyConcurrentCallers_withExpiredToken_causeExactlyOneRefresh() throws Exception {
        Clock clock = Clock.system();
        ShopContext shop = new ShopContext("int-r8", "ROW_r8");
        try (StubTikTokServer stub = new StubTikTokServer(clock, TestSupport.APP_SECRET)) {
            stub.respondWith(r -> {
                if (r.path().equals("/api/v2/token/refresh")) {
                    long now = Instant.now().getEpochSecond();
                    return ok("{\"access_token\":\"fresh-token\",\"access_token_expire_in\":" + (now + 604800)
                            + ",\"refresh_token\":\"refresh-2\",\"refresh_token_expire_in\":" + (now + 9_000_000) + "}");
                }
                if ("expired-token".equals(r.header("x-tts-access-token"))) {
                    return error(200, 105002, "Expired credentials. The `x-tts-access-token` header has expired.");
                }
                return ok("{\"orders\":[{\"id\":\"" + r.query().get("ids") + "\"}]}");
            });
            TikTokClientConfig config = TestSupport.config(stub.baseUrl());
            TikTokAuthClient auth = TikTokAuthClient.create(config, clock, Sleeper.system());
            InMemoryTokenProvider tokens = new InMemoryTokenProvider(auth, clock, Duration.ofMinutes(1));
            // Our record says the token is valid for a day; TikTok disagrees (revoked, clock skew...).
            tokens.put(shop, new TokenGrant("expired-token", Instant.now().plus(Duration.ofDays(1)), "refresh-1",
                    Instant.now().plus(Duration.ofDays(300)), null, null, null, 0, List.of()));
            List<String> listenerEvents = new CopyOnWriteArrayList<>();
            TikTokShopClient client = TikTokShopClient.builder(config, tokens).listener(new TransportListener() {
                @Override
                public void callFinished(CallFinished event) {
                    listenerEvents.add(event.toString());
                }
            }).build();

            int callers = 50;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            List<Future<List<Order>>> results = new ArrayList<>();
            try {
                for (int i = 0; i < callers; i++) {
                    String orderId = "5766840196033113" + (10 + i);
                    results.add(pool.submit(() -> {
                        go.await();
                        return client.orders().get(shop, List.of(orderId));
                    }));
                }
                go.countDown();
                for (int i = 0; i < callers; i++) {
                    assertThat(results.get(i).get(60, TimeUnit.SECONDS)).extracting(Order::id)
                            .containsExactly("5766840196033113" + (10 + i));
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(stub.requestsTo("/api/v2/token/refresh")).hasSize(1);
            assertThat(stub.requestsTo("/api/v2/token/refresh").get(0).query()).containsEntry("refresh_token", "refresh-1");
            List<StubTikTokServer.Recorded> orderCalls = stub.requestsTo("/order/202309/orders");
            assertThat(orderCalls.stream().filter(r -> "fresh-token".equals(r.header("x-tts-access-token"))))
                    .hasSize(callers);
            assertThat(tokens.grant(shop).refreshToken()).isEqualTo("refresh-2");
            assertThat(stub.badSignatures()).isZero();
            assertThat(listenerEvents).isNotEmpty().noneMatch(e -> e.contains("token"));
        }
    }
}
