package dev.ttsconnector.flow.inventory;

import java.util.Set;

/**
 * The Inventory settings of the product doc that shape a push (built from the settings record by the caller).
 *
 * @param specificLocationId          "Push inventory from a specific location only": that location's stock goes to the
 *                                    default TikTok warehouse; overrides {@code sendTotalToDefaultWarehouse}; null = none
 * @param sendTotalToDefaultWarehouse "Send total inventory to a default warehouse id": the sum of all non-FBT
 *                                    locations goes to the default warehouse; when off, stock goes per mapped
 *                                    location ↔ warehouse
 * @param onlySkus                    "Only apply inventory updates for specific SKUs"; empty = every SKU
 * @param increasesOnlyInWindow       "Apply TikTok inventory increase only between 12:00AM PST - 2:00AM PST"
 */
public record InventoryPushRules(String specificLocationId, boolean sendTotalToDefaultWarehouse, Set<String> onlySkus,
                                 boolean increasesOnlyInWindow) {

    public InventoryPushRules {
        if (specificLocationId != null && specificLocationId.isBlank()) {
            throw new IllegalArgumentException("specificLocationId: must be null or a location id, was blank");
        }
        onlySkus = Set.copyOf(onlySkus == null ? Set.of() : onlySkus);
    }

    /** The doc's defaults: no specific location, send total on, every SKU, no increase window. */
    public static InventoryPushRules defaults() {
        return new InventoryPushRules(null, true, Set.of(), false);
    }

    public boolean appliesTo(String sku) {
        return onlySkus.isEmpty() || onlySkus.contains(sku);
    }

    /** Which of the doc's three placement rules is in force ("specific location" wins over "send total"). */
    public Placement placement() {
        if (specificLocationId != null) {
            return Placement.SPECIFIC_LOCATION_TO_DEFAULT;
        }
        return sendTotalToDefaultWarehouse ? Placement.TOTAL_TO_DEFAULT : Placement.PER_MAPPED_LOCATION;
    }

    /** How app stock is placed onto TikTok warehouses. */
    public enum Placement {
        SPECIFIC_LOCATION_TO_DEFAULT,
        TOTAL_TO_DEFAULT,
        PER_MAPPED_LOCATION
    }
}
