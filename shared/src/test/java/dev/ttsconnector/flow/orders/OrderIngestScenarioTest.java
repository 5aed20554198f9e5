package dev.ttsconnector.flow.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.exceptions.ParkedItemStatus;
import dev.ttsconnector.app.exceptions.ReplayService;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.queue.EnvelopeCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reliability scenarios R1, R2, R3 and R6 (../shared/guides/reliability.md) for order ingest, in one process with
 * in-memory adapters and a simulated TikTok ({@link OrderIngestSimulation}). Each prints its seed; rerun one with
 * {@code -Dorders.scenario.seed=<seed>}. R1 runs 1,000 orders in CI; {@code -Dorders.scenario.count=10000} runs the
 * guide's full size.
 */
class OrderIngestScenarioTest {

    private static final long SEED = Long.getLong("orders.scenario.seed", 20261127L);
    private static final int R1_ORDERS = Integer.getInteger("orders.scenario.count", 1_000);

    private static OrderIngestSimulation simulation(long seed) {
        System.out.println("order ingest scenario seed=" + seed);
        return new OrderIngestSimulation(seed, OrderPullConfig.DEFAULT);
    }

    /** Creates {@code count} orders over ~count/perMinute minutes while earlier ones move through their lifecycle. */
    private static void run(OrderIngestSimulation sim, int count, int perMinute) {
        List<String> live = new ArrayList<>();
        int created = 0;
        while (created < count || !live.isEmpty()) {
            for (int i = 0; i < perMinute && created < count; i++, created++) {
                live.add(sim.createOrder(false, false));
            }
            List<String> finished = new ArrayList<>();
            for (String id : live) {
                if (sim.random.nextInt(3) == 0 && !sim.advance(id, sim.random.nextInt(25) == 0)) {
                    finished.add(id);
                }
            }
            live.removeAll(finished);
            sim.tick();
        }
        sim.settle();
    }

    @Test
    void r1_manyOrdersOverSeveralShops_withTikTokFaultsAndWebhookDisorder_everyOrderOnceInItsLatestState() {
        OrderIngestSimulation sim = simulation(SEED).faults(0.08, true, 0.10, 0.03);
        sim.addShop("int_r1a", Duration.ofSeconds(-60));
        sim.addShop("int_r1b", Duration.ZERO);
        sim.addShop("int_r1c", Duration.ofSeconds(20));
        sim.catalogHas("SKU-A", "SKU-B", "SKU-C");

        run(sim, R1_ORDERS, Math.max(1, R1_ORDERS / 60));

        assertThat(sim.mismatches()).as("seed %d", SEED).isEmpty();
        assertThat(sim.appOrderCount()).isEqualTo(R1_ORDERS);
        assertThat(sim.dlq).as("messages in DLQs").isZero();
        assertThat(sim.duplicateVersionWrites).as("writes of a version already written").isZero();
        Set<String> createdIds = new TreeSet<>();
        sim.events.published(OrderApplier.ORDER_CREATED).forEach(e -> createdIds.add(e.detail().get("id").asText()));
        assertThat(createdIds).hasSize(R1_ORDERS);
        assertThat(sim.tiktokCallFailures).as("faults were injected").isPositive();
        assertThat(sim.parkedMessages).isZero();
    }

    static List<String> crashPoints() {
        return OrderIngestSimulation.CRASH_POINTS;
    }

    @ParameterizedTest
    @MethodSource("crashPoints")
    void r2_crashBeforeOrAfterEachStep_losesNothingAndDuplicatesNothing(String point) {
        OrderIngestSimulation sim = simulation(SEED + point.hashCode()).faults(0, true, 0.1, 0.2);
        sim.addShop("int_r2", Duration.ZERO);
        sim.catalogHas("SKU-A", "SKU-B", "SKU-C");
        sim.crash.arm(point, 1, 2, 5, 9, 17, 40);

        run(sim, 60, 6);

        assertThat(sim.crash.crashes.getOrDefault(point, 0)).as("crashes injected at " + point).isPositive();
        assertThat(sim.mismatches()).as("seed %d, crash at %s", sim.seed, point).isEmpty();
        assertThat(sim.appOrderCount()).isEqualTo(60);
        assertThat(sim.duplicateVersionWrites).isZero();
        assertThat(sim.dlq).isZero();
    }

    @Test
    void r2_everyCrashPointIsVisitedByTheRun() {
        OrderIngestSimulation sim = simulation(SEED).faults(0, true, 0.1, 0.2);
        sim.addShop("int_r2v", Duration.ZERO);
        sim.catalogHas("SKU-A", "SKU-B", "SKU-C");

        run(sim, 30, 5);

        assertThat(sim.crash.visits.keySet()).containsAll(OrderIngestSimulation.CRASH_POINTS);
    }

    @Test
    void r3_ordersLandingInTheOverlapWithTwoMinuteSkew_arePickedUpByTheNextPull_withNoExtraWrites() {
        OrderIngestSimulation sim = simulation(SEED + 3).faults(0, false, 0, 1.0); // no webhooks at all: pull only
        sim.addShop("int_ahead", Duration.ofMinutes(2));
        sim.addShop("int_behind", Duration.ofMinutes(-2));
        sim.catalogHas("SKU-A", "SKU-B", "SKU-C");
        for (int minute = 0; minute < 12; minute++) {
            sim.tick();
        }
        int versions = 0;
        for (String shop : List.of("int_ahead", "int_behind")) {
            sim.flowState(shop); // a window was completed for both shops
        }
        // Late arrivals: versions whose update_time is already behind the closed windows' end (TikTok's index
        // refreshed late, or its clock runs behind), stamped up to 8 minutes before the last pull.
        for (int i = 0; i < 40; i++) {
            String id = sim.createOrder(false, false);
            String shop = sim.shopOf.get(id);
            var cursor = sim.flowState(shop).cursor();
            var late = cursor.minusSeconds(30 + sim.random.nextInt(450));
            var order = sim.latest.get(id);
            sim.publishChange(shop, OrderIngestSimulation.withStatus(order, order.status(), late));
            versions++;
        }
        long writesBefore = sim.orders.writeCount();
        for (int minute = 0; minute < 15; minute++) {
            sim.tick();
        }

        assertThat(sim.mismatches()).as("seed %d", sim.seed).isEmpty();
        assertThat(sim.orders.writeCount() - writesBefore).as("one write per late version, none for re-reads")
                .isEqualTo(versions);
        assertThat(sim.duplicateVersionWrites).isZero();
    }

    @Test
    void r6_malformedAndUnknownSkuOrders_areParkedWithTheirReason_restSucceeds_replayAfterFixAppliesOnce() {
        OrderIngestSimulation sim = simulation(SEED + 6).faults(0, true, 0, 0);
        sim.addShop("int_r6", Duration.ZERO);
        sim.catalogHas("SKU-A", "SKU-B", "SKU-C");
        List<String> malformed = new ArrayList<>();
        List<String> unknownSku = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean bad = i % 100 == 7;
            boolean unknown = i % 100 == 42;
            String id = sim.createOrder(bad, unknown);
            if (bad) {
                malformed.add(id);
            }
            if (unknown) {
                unknownSku.add(id);
            }
            if (i % 40 == 39) {
                sim.tick();
            }
        }
        sim.settle();

        List<ParkedItem> items = sim.parked.list("int_r6", new ParkedItemQuery(null, null, 100, null)).items();
        assertThat(items).filteredOn(p -> p.reasonCode().equals(OrderIngestService.REASON_MALFORMED))
                .extracting(ParkedItem::entityId).containsExactlyInAnyOrderElementsOf(malformed);
        assertThat(items).filteredOn(p -> p.reasonCode().equals(OrderIngestService.REASON_UNKNOWN_SKU))
                .extracting(ParkedItem::entityId).containsExactlyInAnyOrderElementsOf(unknownSku);
        assertThat(sim.appOrderCount()).isEqualTo(400 - malformed.size());
        assertThat(sim.dlq).isZero();

        // Fix: TikTok now serves a valid status for the malformed ones (same version), the SKUs get mapped.
        for (String id : malformed) {
            var o = sim.latest.get(id);
            sim.tiktok.put("int_r6", OrderIngestSimulation.withStatus(o, "AWAITING_SHIPMENT", o.updateTime()));
            sim.latest.put(id, OrderIngestSimulation.withStatus(o, "AWAITING_SHIPMENT", o.updateTime()));
        }
        List<String> mapped = new ArrayList<>();
        unknownSku.forEach(id -> mapped.add("UNMAPPED-" + id));
        sim.catalogHas(mapped.toArray(String[]::new));
        long writesBefore = sim.orders.writeCount();
        ReplayService replay = new ReplayService(sim.parked, sim.queue, new EnvelopeCodec(), sim.clock);
        ReplayService.ReplayResult result = replay.replayAll("int_r6", items.stream().map(ParkedItem::id).toList());
        assertThat(result.refused()).isEmpty();
        sim.drainAll();
        replay.replayAll("int_r6", items.stream().map(ParkedItem::id).toList()); // a second replay is refused
        sim.drainAll();

        assertThat(sim.mismatches()).isEmpty();
        assertThat(sim.orders.writeCount() - writesBefore).as("each replayed order applied once")
                .isEqualTo(malformed.size() + unknownSku.size());
        assertThat(unknownSku).allSatisfy(id -> assertThat(sim.orders.get("int_r6", id)).get()
                .extracting(AppOrder::hasUnknownSkus).isEqualTo(false));
        Map<String, ParkedItemStatus> statuses = new java.util.HashMap<>();
        sim.parked.list("int_r6", new ParkedItemQuery(null, null, 100, null)).items()
                .forEach(p -> statuses.put(p.entityId() + "/" + p.reasonCode(), p.status()));
        assertThat(statuses.values()).doesNotContain(ParkedItemStatus.OPEN);
    }
}
