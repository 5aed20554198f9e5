package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.exceptions.ParkedItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** R12, stock part: one reconciliation run repairs injected drift and reports exactly its size. */
class InventoryReconcileServiceTest {

    static final String INT = "int-rec";

    @Test
    void reconcile_repairsInjectedDriftAndReportsExactlyItsSize() {
        FakeShopInventoryApi tiktok = new FakeShopInventoryApi(new WarehouseTopology(Set.of("W1"), "W1", Set.of()));
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            String sku = "SKU-" + i;
            skus.add(sku);
            tiktok.product("P" + (i / 3), "S-" + i, sku, "W1");
        }
        InventoryFlowHarness h = new InventoryFlowHarness(INT, Instant.parse("2026-01-15T18:00:00Z"), tiktok)
                .location("L1").appSkus(skus.toArray(String[]::new));
        h.catalogSync.sync(INT);
        for (int i = 0; i < 700; i++) {
            h.set("SKU-" + i, "L1", i % 50);
        }
        h.drain();
        Random random = new Random(12);
        int drifted = 0;
        for (int i = 0; i < 700; i++) {
            if (random.nextDouble() < 0.02) {
                tiktok.setQuantity("S-" + i, "W1", (i % 50) + 1 + random.nextInt(5));
                drifted++;
            }
        }
        int searches = tiktok.searchCalls();

        InventoryReconcileService.Result result = h.reconcile.reconcile(INT);
        h.drain();

        assertThat(drifted).isPositive();
        assertThat(result.report().driftCount()).isEqualTo(drifted);
        assertThat(tiktok.searchCalls() - searches).as("≤ 600 sku ids per search").isEqualTo(2);
        assertThat(h.parkedItems()).extracting(ParkedItem::reasonCode).hasSize(drifted)
                .containsOnly(InventoryReconcileService.REASON_DRIFT);
        assertThat(String.join("\n", h.metricLines)).isEmpty();
        h.metrics.flush();
        assertThat(String.join("\n", h.metricLines)).contains("\"" + InventoryReconcileService.METRIC_DRIFT + "\":"
                + drifted);
        for (int i = 0; i < 700; i++) {
            assertThat(tiktok.quantity("S-" + i, "W1")).as("S-" + i).isEqualTo(i % 50);
        }
        assertThat(h.reconcile.reconcile(INT).report().driftCount()).as("second run finds none").isZero();
    }
}
