package dev.ttsconnector.flow.fulfillments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.app.fulfillments.FulfillmentState;
import dev.ttsconnector.queue.MessageEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Reliability R5: shipments whose ship calls time out after TikTok committed (10 %) are each shipped exactly once
 * with the app's tracking, and nothing ends in the DLQ. Half the orders are in a mark-as-shipped region path
 * (packages created per fulfillment), half ship TikTok's existing packages; a quarter of the orders ship in two
 * partial fulfillments. Size: {@code -Dr5.shipments=1000} (default 1000; CI may pass less); seed:
 * {@code -Dr5.seed=…} (printed).
 */
class FulfillmentScenarioTest {

    @Test
    void r5_timeoutsAfterCommit_eachPackageShippedOnceWithAppTracking_nothingInDlq() {
        int shipments = Integer.getInteger("r5.shipments", 1000);
        long seed = Long.getLong("r5.seed", System.nanoTime());
        System.out.println("FulfillmentScenarioTest R5 seed=" + seed + " shipments=" + shipments);
        Random random = new Random(seed);

        FulfillmentFixture us = new FulfillmentFixture("US");
        FulfillmentFixture sg = new FulfillmentFixture("SG");
        us.tiktok.timeoutAfterCommit(() -> random.nextDouble() < 0.10);
        sg.tiktok.timeoutAfterCommit(() -> random.nextDouble() < 0.10);

        List<Fulfillment> created = new ArrayList<>();
        int made = 0;
        for (int i = 0; made < shipments; i++) {
            boolean markRegion = i % 2 == 0;
            FulfillmentFixture fx = markRegion ? us : sg;
            String orderId = String.valueOf(1_000_000 + i);
            boolean split = made + 2 <= shipments && random.nextInt(4) == 0;
            fx.order(orderId, 2);
            if (!markRegion) {
                if (split) {
                    fx.tiktok.packageOf(orderId, List.of(orderId + "-li1"));
                    fx.tiktok.packageOf(orderId, List.of(orderId + "-li2"));
                } else {
                    fx.tiktok.packageOf(orderId, List.of(orderId + "-li1", orderId + "-li2"));
                }
            }
            if (split) {
                created.add(fx.ship(orderId, List.of(new FulfillmentService.LineRequest("SKU-1", 1)), "UPS",
                        "1Z" + orderId + "A"));
                created.add(fx.ship(orderId, List.of(new FulfillmentService.LineRequest("SKU-2", 1)), "USPS",
                        "94" + orderId + "B"));
                made += 2;
            } else {
                created.add(fx.ship(orderId, null, "United Parcel Service", "1Z" + orderId));
                made += 1;
            }
        }

        List<MessageEnvelope> dlq = new ArrayList<>(us.drain(5));
        dlq.addAll(sg.drain(5));

        assertThat(dlq).as("messages that would reach the DLQ").isEmpty();
        assertThat(us.tiktok.writeTimeouts + sg.tiktok.writeTimeouts).as("timeouts injected").isPositive();
        for (Fulfillment f : created) {
            FulfillmentFixture fx = us.fulfillments.get(f.integrationId(), f.tiktokOrderId(), f.id()).isPresent()
                    && us.tiktok.fakeOrder(f.tiktokOrderId()) != null ? us : sg;
            Fulfillment stored = fx.get(f);
            assertThat(stored.state()).as("fulfillment %s", f.id()).isEqualTo(FulfillmentState.POSTED);
            assertThat(stored.packageIds()).as("packages of %s", f.id()).isNotEmpty();
        }
        for (FulfillmentFixture fx : List.of(us, sg)) {
            for (FakeShopFulfillmentApi.FakePackage p : fx.tiktok.packages()) {
                assertThat(p.shipCount).as("ship count of package %s", p.id).isEqualTo(1);
                String orderId = p.orderId;
                assertThat(p.tracking).as("tracking of package %s", p.id).startsWith(
                        p.lineItemIds.size() == 2 ? "1Z" + orderId : p.lineItemIds.get(0).endsWith("li1")
                                ? "1Z" + orderId + "A" : "94" + orderId + "B");
            }
        }
        System.out.println("FulfillmentScenarioTest R5 timeouts=" + (us.tiktok.writeTimeouts + sg.tiktok.writeTimeouts)
                + " redeliveries=" + (us.redeliveries + sg.redeliveries));
    }
}
