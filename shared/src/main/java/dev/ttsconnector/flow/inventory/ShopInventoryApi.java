package dev.ttsconnector.flow.inventory;

import java.util.List;

/**
 * What the inventory and FBT-location flows need from one connected shop's TikTok API, in the flows' own terms
 * (spec §7, §8). The production implementation is {@link TikTokShopInventoryApi}; tests may use a fake. Transient
 * TikTok failures (already retried inside the client) surface as exceptions whose {@code retryable()} is true;
 * per-SKU refusals of an update come back as {@link SkuRefusal}s, never as an exception.
 */
public interface ShopInventoryApi {

    /** Seller warehouses, the default one and the FBT-linked warehouse ids of the shop. */
    WarehouseTopology topology(String integrationId);

    /** Every product of the shop that can carry stock (not DELETED), with its SKUs and their warehouses. */
    List<TikTokCatalogProduct> catalog(String integrationId);

    /** One inventory-update call for one product; the SKUs TikTok refused, empty when all were accepted. */
    List<SkuRefusal> update(String integrationId, ProductInventoryUpdate update);

    /** TikTok's per-warehouse available quantity of the given TikTok SKUs (inventory search, ≤ 600 ids per call). */
    List<ObservedInventory> observe(String integrationId, List<String> tiktokSkuIds);

    /** The shop's FBT warehouses. */
    List<FbtWarehouseInfo> fbtWarehouses(String integrationId);

    /** Available FBT stock per (FBT warehouse, TikTok SKU) for the given SKUs (FBT inventory search). */
    List<FbtSkuStock> fbtStock(String integrationId, List<String> tiktokSkuIds);

    /** A SKU refused inside an otherwise accepted update ({@code data.errors[]}, spec §8). */
    record SkuRefusal(String tiktokSkuId, Integer code, String message) {
    }

    /** An FBT (platform) warehouse. */
    record FbtWarehouseInfo(String fbtWarehouseId, String name) {
    }

    /** Available quantity of one TikTok SKU in one FBT warehouse. */
    record FbtSkuStock(String fbtWarehouseId, String tiktokSkuId, int available) {
    }
}
