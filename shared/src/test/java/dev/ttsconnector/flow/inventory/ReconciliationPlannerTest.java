package dev.ttsconnector.flow.inventory;

import static dev.ttsconnector.flow.inventory.InventoryFixtures.T0;
import static dev.ttsconnector.flow.inventory.InventoryFixtures.quantities;
import static dev.ttsconnector.flow.inventory.InventoryFixtures.total;
import static dev.ttsconnector.flow.inventory.InventoryFixtures.totalInWindowOnly;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconciliationPlannerTest {

    private final ReconciliationPlanner reconciliation = new ReconciliationPlanner(InventoryPushPlanner.standard());

    private static InventoryFixtures inSync() {
        return new InventoryFixtures()
                .stock("SKU-A", "L1", 5, 1).stock("SKU-B", "L1", 3, 1).stock("SKU-C", "L1", 7, 1)
                .pushed("S-A", "W1", 5, Map.of("L1", 1L)).pushed("S-A", "W2", 0, Map.of())
                .pushed("S-B", "W1", 3, Map.of("L1", 1L)).pushed("S-B", "W2", 0, Map.of())
                .pushed("S-C", "W1", 7, Map.of("L1", 1L));
    }

    private static List<ObservedInventory> tiktok(int b1, int c1) {
        return new ArrayList<>(List.of(
                new ObservedInventory("S-A", "W1", 5), new ObservedInventory("S-A", "W2", 0),
                new ObservedInventory("S-B", "W1", b1), new ObservedInventory("S-B", "W2", 0),
                new ObservedInventory("S-B", "WF", 40), // FBT stock: not ours to compare
                new ObservedInventory("S-C", "W1", c1)));
    }

    @Test
    void reconcile_whenTikTokMatches_reportsNoDriftAndPlansNothing() {
        DriftReport report = reconciliation.reconcile(inSync().rules(total()).input("SKU-A", "SKU-B", "SKU-C"),
                tiktok(3, 7), T0);

        assertThat(report.driftCount()).isZero();
        assertThat(report.repair().isEmpty()).isTrue();
    }

    @Test
    void reconcile_withInjectedDrift_reportsExactlyTheDriftAndRepairsOnlyThoseSkus() {
        DriftReport report = reconciliation.reconcile(inSync().rules(total()).input("SKU-A", "SKU-B", "SKU-C"),
                tiktok(2, 9), T0);

        assertThat(report.drift()).containsExactlyInAnyOrder(
                new DriftEntry("SKU-B", "S-B", "W1", 3, 2),
                new DriftEntry("SKU-C", "S-C", "W1", 7, 9));
        assertThat(report.driftCount()).isEqualTo(2);
        // the push path: last pushed said "in sync", but the baseline is what TikTok really has
        assertThat(quantities(report.repair().now()))
                .isEqualTo(Map.of("S-B", Map.of("W1", 3, "W2", 0), "S-C", Map.of("W1", 7)));
        assertThat(report.repair().callsNow()).isEqualTo(2);
    }

    @Test
    void reconcile_repairOfAnIncreaseOutsideTheWindow_isDeferredLikeEveryPush() {
        DriftReport report = reconciliation.reconcile(
                inSync().rules(totalInWindowOnly()).input("SKU-A", "SKU-B", "SKU-C"), tiktok(2, 9), T0);

        assertThat(report.driftCount()).isEqualTo(2);
        assertThat(quantities(report.repair().now())).isEqualTo(Map.of("S-C", Map.of("W1", 7)));
        assertThat(quantities(report.repair().deferred())).isEqualTo(Map.of("S-B", Map.of("W1", 3, "W2", 0)));
    }

    @Test
    void reconcile_warehouseMissingFromReadBack_isListedAsUnobservedNotCountedAsDrift() {
        List<ObservedInventory> observed = tiktok(3, 7);
        observed.removeIf(o -> o.tiktokSkuId().equals("S-A") && o.warehouseId().equals("W2"));

        DriftReport report = reconciliation.reconcile(inSync().rules(total()).input("SKU-A", "SKU-B", "SKU-C"),
                observed, T0);

        assertThat(report.driftCount()).isZero();
        assertThat(report.unobserved()).containsExactly(new SkuWarehouse("S-A", "W2"));
    }
}
