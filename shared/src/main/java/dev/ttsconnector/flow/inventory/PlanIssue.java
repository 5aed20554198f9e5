package dev.ttsconnector.flow.inventory;

/** A SKU the planner could not (or chose not to) place, with the reason; the caller turns these into exceptions. */
public record PlanIssue(String sku, Reason reason, String detail) {

    public enum Reason {
        /** The default-warehouse rules are in force but the shop has no default warehouse. */
        NO_DEFAULT_WAREHOUSE,
        /** The SKU is not assigned to the shop's default warehouse, so the "to default warehouse" rules cannot place it
         * (an update must not add unrelated warehouses, spec §8). */
        DEFAULT_WAREHOUSE_NOT_ON_SKU,
        /** The SKU has no seller (non-FBT) warehouse on TikTok. */
        NO_SELLER_WAREHOUSE,
        /** A warehouse would get 0 but zero quantities are switched off (spec §8 range [1, 99 999], UNCONFIRMED). */
        ZERO_NOT_ALLOWED,
        /** A stock read was older than what was last pushed; the newer pushed value was kept (informational). */
        STALE_STOCK_READ
    }
}
