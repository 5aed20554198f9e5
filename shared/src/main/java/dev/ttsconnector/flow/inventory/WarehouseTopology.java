package dev.ttsconnector.flow.inventory;

import java.util.Set;

/**
 * The shop's TikTok warehouses as the push needs them (from {@code GET /logistics/202309/warehouses} and the FBT
 * warehouse list, spec §8).
 *
 * @param sellerWarehouseIds the shop's seller (SALES_WAREHOUSE) warehouse ids
 * @param defaultWarehouseId the {@code is_default} one; null when the shop has none (then the "to default warehouse"
 *                           rules cannot place stock and report it)
 * @param fbtWarehouseIds    TikTok Shop warehouse ids that are FBT platform warehouses: never pushed to (not editable,
 *                           12052144) and never counted
 */
public record WarehouseTopology(Set<String> sellerWarehouseIds, String defaultWarehouseId, Set<String> fbtWarehouseIds) {

    public WarehouseTopology {
        sellerWarehouseIds = Set.copyOf(sellerWarehouseIds == null ? Set.of() : sellerWarehouseIds);
        fbtWarehouseIds = Set.copyOf(fbtWarehouseIds == null ? Set.of() : fbtWarehouseIds);
        if (defaultWarehouseId != null && !sellerWarehouseIds.contains(defaultWarehouseId)) {
            throw new IllegalArgumentException("defaultWarehouseId: " + defaultWarehouseId
                    + " is not one of the seller warehouses " + sellerWarehouseIds);
        }
        for (String fbt : fbtWarehouseIds) {
            if (sellerWarehouseIds.contains(fbt)) {
                throw new IllegalArgumentException("fbtWarehouseIds: " + fbt + " is also listed as a seller warehouse");
            }
        }
    }

    public boolean isFbt(String warehouseId) {
        return fbtWarehouseIds.contains(warehouseId);
    }
}
