package dev.ttsconnector.tiktok.fbt;

import java.util.List;

/** Stock of one goods item in one FBT warehouse ({@code inventory[]}, spec §8). */
public record FbtInventory(String fbtWarehouseId, Integer inTransitQuantity, Integer totalQuantity,
                           Integer availableQuantity, Integer reservedQuantity, Integer unfulfillableQuantity,
                           String goodsId, String goodsName, String referenceCode, List<Sku> skus) {

    /** A SKU linked to the goods item, with its on-hand stock. */
    public record Sku(String id, Integer totalQuantity, Integer availableQuantity, Integer reservedQuantity) {
    }
}
