package dev.ttsconnector.flow.inventory;

import java.util.List;

/**
 * Outcome of a reconciliation run.
 *
 * @param drift      every (SKU, warehouse) TikTok reported with a quantity other than expected, exactly
 * @param unobserved expected (SKU, warehouse) pairs TikTok's read-back did not include (not counted as drift; the
 *                   repair pushes them unless their last pushed value already equals the expected one)
 * @param repair     the push that repairs the drift, planned by the same planner as every push (the increase window
 *                   applies to repairs too)
 */
public record DriftReport(List<DriftEntry> drift, List<SkuWarehouse> unobserved, InventoryPushPlan repair) {

    public DriftReport {
        drift = List.copyOf(drift);
        unobserved = List.copyOf(unobserved);
    }

    public int driftCount() {
        return drift.size();
    }
}
