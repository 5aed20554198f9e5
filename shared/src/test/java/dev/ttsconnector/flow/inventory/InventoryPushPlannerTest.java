package dev.ttsconnector.flow.inventory;

import static dev.ttsconnector.flow.inventory.InventoryFixtures.IN_WINDOW;
import static dev.ttsconnector.flow.inventory.InventoryFixtures.T0;
import static dev.ttsconnector.flow.inventory.InventoryFixtures.TOPOLOGY;
import static dev.ttsconnector.flow.inventory.InventoryFixtures.perLocation;
import static dev.ttsconnector.flow.inventory.InventoryFixtures.quantities;
import static dev.ttsconnector.flow.inventory.InventoryFixtures.specific;
import static dev.ttsconnector.flow.inventory.InventoryFixtures.total;
import static dev.ttsconnector.flow.inventory.InventoryFixtures.totalInWindowOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.locations.LocationType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryPushPlannerTest {

    private final InventoryPushPlanner planner = InventoryPushPlanner.standard();

    @Test
    void plan_specificLocation_sendsThatLocationToDefaultWarehouseAndOverridesSendTotal() {
        InventoryFixtures f = new InventoryFixtures().rules(specific("L2"))
                .stock("SKU-C", "L1", 7, 1).stock("SKU-C", "L2", 3, 1);

        InventoryPushPlan plan = planner.plan(f.input("SKU-C"), T0);

        assertThat(quantities(plan.now())).isEqualTo(Map.of("S-C", Map.of("W1", 3)));
    }

    @Test
    void plan_sendTotal_sumsAllNonFbtLocationsIntoDefaultWarehouseAndZeroesTheOthers() {
        InventoryFixtures f = new InventoryFixtures().rules(total())
                .stock("SKU-A", "L1", 7, 1).stock("SKU-A", "L2", 3, 1).stock("SKU-A", "LF", 100, 1);

        InventoryPushPlan plan = planner.plan(f.input("SKU-A"), T0);

        assertThat(quantities(plan.now())).isEqualTo(Map.of("S-A", Map.of("W1", 10, "W2", 0)));
        assertThat(plan.now().get(0).skus().get(0).inventory().get(0).stockVersions())
                .isEqualTo(Map.of("L1", 1L, "L2", 1L));
    }

    @Test
    void plan_perMappedLocation_sumsLocationsPerWarehouseAndIgnoresFbtLocationsEvenWhenMapped() {
        InventoryFixtures f = new InventoryFixtures().rules(perLocation())
                .map("L1", "W2").map("L2", "W2").map("LF", "W1")
                .stock("SKU-A", "L1", 4, 1).stock("SKU-A", "L2", 5, 2).stock("SKU-A", "LF", 50, 1);

        InventoryPushPlan plan = planner.plan(f.input("SKU-A"), T0);

        // W1 is fed only by the FBT location, which never counts: 0.
        assertThat(quantities(plan.now())).isEqualTo(Map.of("S-A", Map.of("W1", 0, "W2", 9)));
    }

    @Test
    void plan_perMappedLocation_unfedWarehouseGetsZeroEvenIfSomethingWasPushedBefore() {
        InventoryFixtures f = new InventoryFixtures().rules(perLocation()).map("L1", "W1")
                .stock("SKU-A", "L1", 4, 2)
                .pushed("S-A", "W2", 8, Map.of("L2", 3L));

        InventoryPushPlan plan = planner.plan(f.input("SKU-A"), T0);

        assertThat(quantities(plan.now())).isEqualTo(Map.of("S-A", Map.of("W1", 4, "W2", 0)));
    }

    @Test
    void plan_severalChangedSkusOfOneProduct_coalesceIntoOneUpdateListingEverySellerWarehouse() {
        InventoryFixtures f = new InventoryFixtures().rules(total())
                .stock("SKU-A", "L1", 1, 1).stock("SKU-B", "L1", 2, 1).stock("SKU-C", "L1", 3, 1);

        InventoryPushPlan plan = planner.plan(f.input("SKU-A", "SKU-B", "SKU-C"), T0);

        assertThat(plan.callsNow()).isEqualTo(2);
        ProductInventoryUpdate p1 = plan.now().get(0);
        assertThat(p1.tiktokProductId()).isEqualTo("P1");
        assertThat(p1.skus()).extracting(SkuInventoryUpdate::tiktokSkuId).containsExactly("S-A", "S-B");
        // SKU-B also sits in FBT warehouse WF, which is never written (12052144); both seller warehouses are listed.
        assertThat(p1.skus()).allSatisfy(s -> assertThat(s.inventory()).extracting(WarehouseQuantity::warehouseId)
                .containsExactly("W1", "W2"));
        assertThat(plan.now().get(1).tiktokProductId()).isEqualTo("P2");
    }

    @Test
    void plan_valuesEqualToLastPushed_areSuppressed() {
        InventoryFixtures f = new InventoryFixtures().rules(total())
                .stock("SKU-A", "L1", 5, 3)
                .pushed("S-A", "W1", 5, Map.of("L1", 2L)).pushed("S-A", "W2", 0, Map.of());

        InventoryPushPlan plan = planner.plan(f.input("SKU-A"), T0);

        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void plan_oneWarehouseChanged_sendsTheSkuWithAllWarehousesAndFlagsOnlyTheChangedOne() {
        InventoryFixtures f = new InventoryFixtures().rules(total())
                .stock("SKU-A", "L1", 6, 3)
                .pushed("S-A", "W1", 5, Map.of("L1", 2L)).pushed("S-A", "W2", 0, Map.of());

        InventoryPushPlan plan = planner.plan(f.input("SKU-A"), T0);

        List<WarehouseQuantity> inventory = plan.now().get(0).skus().get(0).inventory();
        assertThat(inventory).extracting(WarehouseQuantity::warehouseId, WarehouseQuantity::quantity,
                WarehouseQuantity::changed).containsExactly(
                tuple("W1", 6, true),
                tuple("W2", 0, false));
    }

    @Test
    void plan_resync_pushesEvenWhenValuesEqualLastPushed() {
        InventoryFixtures f = new InventoryFixtures().rules(total())
                .stock("SKU-C", "L1", 5, 3).pushed("S-C", "W1", 5, Map.of("L1", 3L));

        InventoryPushPlan plan = planner.plan(f.input(Set.of("SKU-C"), true), T0);

        assertThat(quantities(plan.now())).isEqualTo(Map.of("S-C", Map.of("W1", 5)));
    }

    @Test
    void plan_onlySkusRule_leavesOtherSkusOutAndListsThem() {
        InventoryFixtures f = new InventoryFixtures()
                .rules(new InventoryPushRules(null, true, Set.of("SKU-C"), false))
                .stock("SKU-A", "L1", 1, 1).stock("SKU-C", "L1", 2, 1);

        InventoryPushPlan plan = planner.plan(f.input("SKU-A", "SKU-C"), T0);

        assertThat(quantities(plan.now())).containsOnlyKeys("S-C");
        assertThat(plan.excludedByRule()).containsExactly("SKU-A");
    }

    @Test
    void plan_unmappedSku_isListedNotGuessed() {
        InventoryFixtures f = new InventoryFixtures().stock("SKU-X", "L1", 1, 1);

        InventoryPushPlan plan = planner.plan(f.input("SKU-X"), T0);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.unmappedSkus()).containsExactly("SKU-X");
    }

    @Test
    void plan_staleStockRead_neverOverwritesTheNewerPushedValue() {
        InventoryFixtures f = new InventoryFixtures().rules(total())
                .stock("SKU-C", "L1", 9, 4) // an older read: version 4 after version 5 was pushed
                .pushed("S-C", "W1", 2, Map.of("L1", 5L));

        InventoryPushPlan plan = planner.plan(f.input("SKU-C"), T0);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.issues()).extracting(PlanIssue::reason).containsExactly(PlanIssue.Reason.STALE_STOCK_READ);
        assertThat(planner.targets(f.input("SKU-C"))).singleElement()
                .satisfies(t -> assertThat(t.quantity()).isEqualTo(2));
    }

    @Test
    void plan_quantityAboveTikTokMaximum_isClamped() {
        InventoryFixtures f = new InventoryFixtures().rules(total())
                .stock("SKU-C", "L1", 80_000, 1).stock("SKU-C", "L2", 80_000, 1);

        assertThat(quantities(planner.plan(f.input("SKU-C"), T0).now()))
                .isEqualTo(Map.of("S-C", Map.of("W1", InventoryPushPlanner.MAX_QUANTITY)));
    }

    @Test
    void plan_zeroWhenZeroIsSwitchedOff_skipsTheSkuAndReportsIt() {
        InventoryPushPlanner noZero = new InventoryPushPlanner(IncreaseWindow.tiktokDefault(), false);
        InventoryFixtures f = new InventoryFixtures().rules(total()).stock("SKU-C", "L1", 0, 2);

        InventoryPushPlan plan = noZero.plan(f.input("SKU-C"), T0);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.issues()).extracting(PlanIssue::reason).containsExactly(PlanIssue.Reason.ZERO_NOT_ALLOWED);
    }

    @Test
    void plan_defaultWarehouseNotOnSku_reportsInsteadOfAddingAnUnrelatedWarehouse() {
        InventoryFixtures f = new InventoryFixtures().rules(total())
                .topology(new WarehouseTopology(Set.of("W1", "W2"), "W2", Set.of("WF")))
                .stock("SKU-C", "L1", 3, 1);

        InventoryPushPlan plan = planner.plan(f.input("SKU-C"), T0);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.issues()).extracting(PlanIssue::reason)
                .containsExactly(PlanIssue.Reason.DEFAULT_WAREHOUSE_NOT_ON_SKU);
    }

    @Test
    void plan_specificLocationIsFbt_isRefusedNamingTheField() {
        InventoryFixtures f = new InventoryFixtures().rules(specific("LF"));

        assertThatThrownBy(() -> planner.plan(f.input("SKU-C"), T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("specificLocationId");
    }

    @Test
    void plan_increaseOutsideWindow_isDeferredToTheNextOpeningWhileDecreasesGoNow() {
        InventoryFixtures f = new InventoryFixtures().rules(totalInWindowOnly())
                .stock("SKU-A", "L1", 2, 2)   // W1: 5 → 2, a decrease
                .stock("SKU-C", "L1", 9, 2)   // W1: 5 → 9, an increase
                .pushed("S-A", "W1", 5, Map.of("L1", 1L)).pushed("S-A", "W2", 0, Map.of())
                .pushed("S-C", "W1", 5, Map.of("L1", 1L));

        InventoryPushPlan plan = planner.plan(f.input("SKU-A", "SKU-C"), T0);

        assertThat(quantities(plan.now())).isEqualTo(Map.of("S-A", Map.of("W1", 2, "W2", 0)));
        assertThat(quantities(plan.deferred())).isEqualTo(Map.of("S-C", Map.of("W1", 9)));
        assertThat(plan.deferredUntil()).isEqualTo(Instant.parse("2026-01-16T08:00:00Z"));
        assertThat(plan.deferredSkus()).containsExactly("SKU-C");
    }

    @Test
    void plan_skuWithIncreaseAndDecrease_sendsDecreaseNowHoldingTheIncreasedWarehouseAtItsPushedValue() {
        InventoryFixtures f = new InventoryFixtures().rules(new InventoryPushRules(null, false, Set.of(), true))
                .map("L1", "W1").map("L2", "W2")
                .stock("SKU-A", "L1", 1, 2).stock("SKU-A", "L2", 8, 2)
                .pushed("S-A", "W1", 4, Map.of("L1", 1L)).pushed("S-A", "W2", 3, Map.of("L2", 1L));

        InventoryPushPlan plan = planner.plan(f.input("SKU-A"), T0);

        SkuInventoryUpdate now = plan.now().get(0).skus().get(0);
        assertThat(now.inventory()).extracting(WarehouseQuantity::warehouseId, WarehouseQuantity::quantity,
                WarehouseQuantity::changed).containsExactly(
                tuple("W1", 1, true),
                tuple("W2", 3, false));
        assertThat(quantities(plan.deferred())).isEqualTo(Map.of("S-A", Map.of("W1", 1, "W2", 8)));
    }

    @Test
    void plan_heldIncreaseWithoutPushedValue_isSentAsZeroBesideADecreaseAndMarkedAsAWrite() {
        InventoryFixtures f = new InventoryFixtures().rules(new InventoryPushRules(null, false, Set.of(), true))
                .map("L1", "W1").map("L2", "W2")
                .stock("SKU-A", "L1", 1, 2).stock("SKU-A", "L2", 8, 1)
                .pushed("S-A", "W1", 4, Map.of("L1", 1L));

        InventoryPushPlan plan = planner.plan(f.input("SKU-A"), T0);

        assertThat(plan.now().get(0).skus().get(0).inventory()).extracting(WarehouseQuantity::warehouseId,
                WarehouseQuantity::quantity, WarehouseQuantity::changed).containsExactly(
                tuple("W1", 1, true),
                tuple("W2", 0, true));
        assertThat(quantities(plan.deferred())).isEqualTo(Map.of("S-A", Map.of("W1", 1, "W2", 8)));
    }

    @Test
    void plan_increaseInsideWindow_goesNow() {
        InventoryFixtures f = new InventoryFixtures().rules(totalInWindowOnly())
                .stock("SKU-C", "L1", 9, 2).pushed("S-C", "W1", 5, Map.of("L1", 1L));

        InventoryPushPlan plan = planner.plan(f.input("SKU-C"), IN_WINDOW);

        assertThat(quantities(plan.now())).isEqualTo(Map.of("S-C", Map.of("W1", 9)));
        assertThat(plan.deferred()).isEmpty();
        assertThat(plan.deferredUntil()).isNull();
    }

    @Test
    void plan_increaseWithWindowRuleOff_goesNow() {
        InventoryFixtures f = new InventoryFixtures().rules(total())
                .stock("SKU-C", "L1", 9, 2).pushed("S-C", "W1", 5, Map.of("L1", 1L));

        assertThat(quantities(planner.plan(f.input("SKU-C"), T0).now())).isEqualTo(Map.of("S-C", Map.of("W1", 9)));
    }

    @Test
    void fbtLocationIds_includeFbtAndConsolidatedLocationsOnly() {
        List<Location> locations = List.of(
                new Location("L1", "Main", LocationType.WAREHOUSE, null, null, T0),
                new Location("LF", "FBT CA", LocationType.FBT, "7001", "int-1", T0),
                new Location("LC", "FBT all", LocationType.FBT_CONSOLIDATED, null, "int-1", T0));

        assertThat(InventoryPushInput.fbtLocationIds(locations)).containsExactlyInAnyOrder("LF", "LC");
    }

    @Test
    void topology_defaultOutsideSellerWarehouses_isRefused() {
        assertThatThrownBy(() -> new WarehouseTopology(Set.of("W1"), "W9", Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("defaultWarehouseId");
        assertThat(TOPOLOGY.isFbt("WF")).isTrue();
    }
}
