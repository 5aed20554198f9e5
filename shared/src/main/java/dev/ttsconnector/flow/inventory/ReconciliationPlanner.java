package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.inventory.PushedInventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares TikTok's read-back stock with what the rules say it should be and plans the repair through
 * {@link InventoryPushPlanner}: the plan's baseline ("what TikTok has") becomes the observed values, so exactly the
 * drifting (SKU, warehouse) pairs differ and only their SKUs are pushed, with all their warehouses (R12, stock part).
 */
public final class ReconciliationPlanner {

    private final InventoryPushPlanner planner;

    public ReconciliationPlanner(InventoryPushPlanner planner) {
        this.planner = Objects.requireNonNull(planner, "planner");
    }

    /**
     * @param input    the in-scope SKUs (normally every mapped SKU), current stock and last pushed values; its
     *                 {@code resync} flag should be false so only drift is repaired
     * @param observed TikTok's read-back for those SKUs
     */
    public DriftReport reconcile(InventoryPushInput input, Collection<ObservedInventory> observed, Instant now) {
        Map<SkuWarehouse, Integer> actual = new HashMap<>();
        observed.forEach(o -> actual.put(o.key(), o.availableQuantity()));
        List<DriftEntry> drift = new ArrayList<>();
        List<SkuWarehouse> unobserved = new ArrayList<>();
        Map<SkuWarehouse, PushedInventory> baseline = new HashMap<>(input.lastPushed());
        for (WarehouseTarget t : planner.targets(input)) {
            Integer seen = actual.get(t.key());
            if (seen == null) {
                unobserved.add(t.key());
                continue;
            }
            if (seen != t.quantity()) {
                drift.add(new DriftEntry(t.sku(), t.tiktokSkuId(), t.warehouseId(), t.quantity(), seen));
            }
            PushedInventory last = input.lastPushed().get(t.key());
            // Keep the versions of the last push (they order stock reads), but the value is what TikTok really has.
            baseline.put(t.key(), new PushedInventory(input.integrationId(), t.tiktokSkuId(), t.warehouseId(), t.sku(),
                    Math.max(seen, 0), last == null ? Map.of() : last.stockVersions(),
                    last == null ? now : last.pushedAt()));
        }
        InventoryPushPlan repair = planner.plan(input.withLastPushed(baseline), now);
        return new DriftReport(drift, unobserved, repair);
    }
}
