package dev.ttsconnector.functions.fulfillments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.app.fulfillments.FulfillmentState;
import dev.ttsconnector.app.fulfillments.InMemoryFulfillmentStore;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.fulfillments.FulfillmentPushMessage;
import dev.ttsconnector.flow.fulfillments.FulfillmentPushService;
import dev.ttsconnector.flow.fulfillments.FulfillmentQueue;
import dev.ttsconnector.flow.fulfillments.FulfillmentService;
import dev.ttsconnector.flow.fulfillments.ShippingProviderCache;
import dev.ttsconnector.flow.fulfillments.ShopFulfillmentApi;
import dev.ttsconnector.flow.orders.OrderApplier;
import dev.ttsconnector.flow.orders.OrderMapper;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopBinding;
import dev.ttsconnector.queue.InMemoryEventPublisher;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.TransientException;
import dev.ttsconnector.sandbox.FaultPlan;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TikTokSandbox;
import dev.ttsconnector.sandbox.control.SandboxControl;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.tiktok.RateLimitPolicy;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.TokenProvider;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reliability R5 against the TikTok sandbox with its "time out after committing" fault on 10 % of writes: TikTok
 * applies the shipment, the answer never arrives, the client retries, TikTok refuses the repeat. Every package must
 * end shipped exactly once with the app's tracking, every fulfillment {@code posted}, nothing in the DLQ (no message
 * fails 5 times). Size {@code -Dr5.sandbox.shipments} (default 100 for CI; 1000 is the full scenario), seed
 * {@code -Dr5.seed} (printed).
 */
class FulfillmentSandboxScenarioTest {

    @Test
    void r5_sandboxTimeoutsAfterCommit_eachPackageShippedOnceWithAppTracking_nothingInDlq() {
        int shipments = Integer.getInteger("r5.sandbox.shipments", 100);
        long seed = Long.getLong("r5.seed", System.nanoTime());
        System.out.println("FulfillmentSandboxScenarioTest R5 seed=" + seed + " shipments=" + shipments);
        Clock clock = Clock.system();
        try (TikTokSandbox sb = TikTokSandbox.start(SandboxConfig.builder().seed(seed).qpsLimit(100_000).build())) {
            SandboxControl control = sb.control();
            String sellerId = control.createSeller("R5 Co", "US").get("id").asText();
            JsonNode shop = control.createShop(sellerId, "R5 US", "US", "LOCAL", false);
            String shopId = shop.get("id").asText();
            String cipher = shop.get("cipher").asText();
            String warehouseId = shop.get("warehouses").get(0).get("id").asText();
            String skuId = control.createProduct(shopId, "Mug", "Kitchen", List.of(new SandboxState.SkuSpec("MUG-1",
                            new BigDecimal("9.99"), List.of(), Map.of(warehouseId, 1_000_000), null, null)))
                    .get("skus").get(0).get("id").asText();
            String token = control.issueToken(sellerId).get("access_token").asText();
            TikTokShopClient client = TikTokShopClient.create(
                    TikTokClientConfig.of(sb.config().appKey(), sb.config().appSecret(), null)
                            .withApiBaseUrl(URI.create(sb.apiBaseUrl()))
                            .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400))
                            .withRateLimits(new RateLimitPolicy(10_000, 10_000, Map.of())),
                    new TokenProvider() {
                        @Override
                        public String accessToken(ShopContext s) {
                            return token;
                        }

                        @Override
                        public String refresh(ShopContext s, String staleToken) {
                            return token;
                        }
                    });
            String integrationId = "int-r5";
            ShopContext shopContext = new ShopContext(integrationId, cipher);
            Instant now = clock.now();
            ConnectedShop connected = new ConnectedShop(new Integration(integrationId, "R5", IntegrationStatus.CONNECTED,
                    new ShopBinding(shopId, cipher, "R5", "R5 US", "US", "LOCAL"), null, null, now, now, 1),
                    shopContext, client);

            InMemoryOrderStore orders = new InMemoryOrderStore();
            InMemoryFulfillmentStore fulfillments = new InMemoryFulfillmentStore();
            InMemoryQueuePublisher publisher = new InMemoryQueuePublisher(clock);
            String queueUrl = "http://localhost/queue/FulfillmentPushQueue.fifo";
            FulfillmentService service = new FulfillmentService(orders, fulfillments,
                    new FulfillmentQueue(publisher, queueUrl, clock), clock);
            OrderApplier applier = new OrderApplier(orders, new InMemoryEventPublisher(), clock);
            OrderMapper mapper = new OrderMapper(true, sku -> true);

            List<Fulfillment> created = new ArrayList<>();
            Map<String, String> trackingByOrder = new HashMap<>();
            for (int i = 0; i < shipments; i++) {
                String orderId = control.createOrder(shopId, new SandboxState.OrderSpec(Map.of(skuId, 1), null,
                        false, false, true, null, null)).get("id").asText();
                applier.apply(mapper.map(integrationId, client.orders().get(shopContext, List.of(orderId)).get(0),
                        clock.now()), ChangeSource.POLL, false);
                String tracking = "1ZR5" + String.format("%08d", i);
                trackingByOrder.put(orderId, tracking);
                created.add(service.create(integrationId, orderId,
                        new FulfillmentService.CreateRequest(null, "UPS", tracking, null)));
            }

            control.configureFaults(new FaultPlan(0, 0, 1, 0, 0, 0, 0.10, 800, 0, 0), seed);
            control.resetCounters();
            FulfillmentPushService push = new FulfillmentPushService(fulfillments, orders,
                    id -> ShopFulfillmentApi.of(connected),
                    id -> ConnectorConfig.of(ConnectorSettings.defaults(Instant.EPOCH)),
                    new ShippingProviderCache(clock, Duration.ofHours(1)), clock);
            Deque<MessageEnvelope> queue = new ArrayDeque<>(publisher.drain(queueUrl));
            Map<String, Integer> receives = new HashMap<>();
            List<MessageEnvelope> dlq = new ArrayList<>();
            while (!queue.isEmpty()) {
                MessageEnvelope m = queue.poll();
                int count = receives.merge(m.id(), 1, Integer::sum);
                try {
                    push.push(m.integrationId(), m.payloadAs(FulfillmentPushMessage.class));
                } catch (TransientException e) {
                    if (count >= 5) {
                        dlq.add(m);
                    } else {
                        queue.add(m);
                    }
                }
            }
            control.configureFaults(FaultPlan.none(), seed);

            long committedTimeouts = control.calls("POST /fulfillment/202309/orders/{order_id}/packages", -2);
            System.out.println("FulfillmentSandboxScenarioTest R5 timeoutsAfterCommit=" + committedTimeouts);
            assertThat(committedTimeouts).as("ship calls that timed out after TikTok committed").isPositive();
            assertThat(dlq).as("messages that would reach the DLQ").isEmpty();
            for (Fulfillment f : created) {
                Fulfillment stored = fulfillments.get(integrationId, f.tiktokOrderId(), f.id()).orElseThrow();
                assertThat(stored.state()).as("fulfillment %s: %s", f.id(), stored.message())
                        .isEqualTo(FulfillmentState.POSTED);
                JsonNode order = control.order(f.tiktokOrderId());
                JsonNode packages = order.get("sandbox_packages");
                assertThat(packages).as("packages of order %s", f.tiktokOrderId()).hasSize(1);
                assertThat(packages.get(0).get("tracking_number").asText())
                        .isEqualTo(trackingByOrder.get(f.tiktokOrderId()));
                assertThat(stored.packageIds()).containsExactly(packages.get(0).get("package_id").asText());
            }
        }
    }
}
