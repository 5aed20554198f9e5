package dev.ttsconnector.tiktok.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.sandbox.FaultPlan;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.tiktok.RetryPolicy;
import dev.ttsconnector.tiktok.Sleeper;
import dev.ttsconnector.tiktok.fulfillment.SelfShipment;
import dev.ttsconnector.tiktok.fulfillment.ShipPackageRequest;
import dev.ttsconnector.tiktok.inventory.SkuInventory;
import dev.ttsconnector.tiktok.orders.OrderSearchRequest;
import dev.ttsconnector.tiktok.products.ProductSearchRequest;
import dev.ttsconnector.tiktok.returns.AftersaleSearchRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * With the sandbox injecting 5xx (503 / 36009003), 429 / 36009002 with {@code Retry-After} and connection resets
 * on a large share of calls, every client operation still completes (spec §13 handling: back off and retry,
 * honouring Retry-After). The sleeper records each requested pause and sleeps a twentieth of it, so the test stays
 * fast while the requested delays remain checkable.
 */
class FaultToleranceContractTest {

    @Test
    void everyOperation_completesDespiteInjected5xx429AndConnectionResets() {
        List<Duration> requestedSleeps = new CopyOnWriteArrayList<>();
        Sleeper accelerated = d -> {
            requestedSleeps.add(d);
            Sleeper.system().sleep(d.dividedBy(20));
        };
        SandboxWorld.ClientOptions options = SandboxWorld.ClientOptions.defaults()
                .withRetry(new RetryPolicy(20, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5)));
        options = new SandboxWorld.ClientOptions(options.retry(), options.rateLimits(), accelerated, options.listener());
        try (SandboxWorld w = new SandboxWorld(SandboxConfig.builder().seed(5), options)) {
            String orderId = w.order(Map.of(w.skuA, 1), null);
            String packageId = w.orderState(orderId).get("packages").get(0).get("id").asText();
            String optionId = w.orderState(orderId).get("delivery_option_id").asText();
            String buyer = w.orderState(orderId).get("user_id").asText();
            w.control.resetCounters();
            // Faults start after the connection is made: roughly half of all attempts fail.
            w.control.configureFaults(new FaultPlan(0.2, 0.15, 2, 0, 0, 0.15, 0, 0, 0, 0), 99);
            var c = w.client;
            var shop = w.us;

            assertThat(w.auth.authorizedShops(w.grant.accessToken())).hasSize(2);
            assertThat(c.logistics().warehouses(shop)).isNotEmpty();
            assertThat(c.logistics().deliveryOptions(shop, w.usWarehouse)).isNotEmpty();
            String provider = c.logistics().shippingProviders(shop, optionId).get(0).id();
            assertThat(c.orders().search(shop, OrderSearchRequest.createdBetween(w.clock.now().minusSeconds(3600),
                    w.clock.now().plusSeconds(5)), null).toList()).isNotEmpty();
            assertThat(c.orders().get(shop, List.of(orderId))).hasSize(1);
            assertThat(c.fulfillment().packageDetail(shop, packageId).packageId()).isEqualTo(packageId);
            c.fulfillment().shipPackage(shop, ShipPackageRequest.selfShipped(packageId, new SelfShipment("TRK-F1", provider)));
            assertThat(c.products().searchPage(shop, ProductSearchRequest.bySellerSkus(List.of("CT-BLK-M")), null).items()).hasSize(1);
            assertThat(c.products().get(shop, w.productId).id()).isEqualTo(w.productId);
            assertThat(c.inventory().update(shop, w.productId, List.of(new SkuInventory(w.skuB,
                    List.of(new SkuInventory.WarehouseQuantity(w.usWarehouse, 12))))).errors()).isEmpty();
            assertThat(c.inventory().searchBySkuIds(shop, List.of(w.skuB))).hasSize(1);
            assertThat(c.fbt().warehouses(shop)).isNotEmpty();
            assertThat(c.returns().searchCancellationsPage(shop, AftersaleSearchRequest.forOrders(List.of(orderId)), null)
                    .items()).isEmpty();
            String conversation = c.messaging().createConversation(shop, buyer);
            assertThat(c.messaging().sendText(shop, conversation, "hello")).isNotBlank();
            c.webhooks().register(shop, "PACKAGE_UPDATE", "https://connector.example/webhooks/packages");
            assertThat(c.webhooks().list(shop)).isNotEmpty();
            c.webhooks().unregister(shop, "PACKAGE_UPDATE");

            // The faults really happened, and the client waited as TikTok asked on 429 (Retry-After: 2).
            var requests = w.requests();
            assertThat(requests).anySatisfy(e -> assertThat(e.httpStatus()).isEqualTo(503));
            assertThat(requests).anySatisfy(e -> assertThat(e.httpStatus()).isEqualTo(429));
            assertThat(requests).anySatisfy(e -> assertThat(e.code()).isEqualTo(-1));
            assertThat(requestedSleeps).contains(Duration.ofSeconds(2));
            // Back-off never exceeds the policy cap except where Retry-After asked for more.
            assertThat(requestedSleeps).allSatisfy(d -> assertThat(d.equals(Duration.ofSeconds(2))
                    || d.compareTo(Duration.ofMillis(200)) <= 0).as("pause %s", d).isTrue());
        }
    }
}
