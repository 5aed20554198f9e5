package dev.ttsconnector.flow.inventory;

import java.util.Objects;

/** Key of one TikTok SKU in one TikTok warehouse. */
public record SkuWarehouse(String tiktokSkuId, String warehouseId) {

    public SkuWarehouse {
        Objects.requireNonNull(tiktokSkuId, "tiktokSkuId");
        Objects.requireNonNull(warehouseId, "warehouseId");
    }
}
