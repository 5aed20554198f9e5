package dev.ttsconnector.flow.inventory;

/** One (SKU, warehouse) whose TikTok quantity differs from what the rules say it should be. */
public record DriftEntry(String sku, String tiktokSkuId, String warehouseId, int expected, int actual) {
}
