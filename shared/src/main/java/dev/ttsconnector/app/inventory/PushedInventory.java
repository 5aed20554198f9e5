package dev.ttsconnector.app.inventory;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The quantity last pushed to TikTok for one (integration, TikTok SKU, TikTok warehouse), with the app stock versions
 * it reflected (app location id → {@link StockLevel#version()}). Keys {@code INT#<integrationId>#PUSHED}.
 *
 * @param sku           the app SKU (= seller SKU), for operators and reconciliation reports
 * @param stockVersions versions of the stock levels the quantity was computed from; empty when it was computed from
 *                      no stock row (for example a warehouse no location feeds, pushed as 0)
 */
public record PushedInventory(String integrationId, String tiktokSkuId, String warehouseId, String sku, int quantity,
                              Map<String, Long> stockVersions, Instant pushedAt) {

    public PushedInventory {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(tiktokSkuId, "tiktokSkuId");
        Objects.requireNonNull(warehouseId, "warehouseId");
        Objects.requireNonNull(sku, "sku");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity: must be 0 or more, was " + quantity);
        }
        Objects.requireNonNull(pushedAt, "pushedAt");
        stockVersions = Map.copyOf(stockVersions == null ? Map.of() : stockVersions);
    }

    /**
     * True when {@code candidate} read some location at an older version than this record reflects, i.e. a value
     * computed from {@code candidate} would be older than what TikTok already has. Locations present in only one of
     * the two maps are not compared (the rules may have changed which locations feed the warehouse).
     */
    public boolean isNewerThan(Map<String, Long> candidate) {
        for (Map.Entry<String, Long> e : candidate.entrySet()) {
            Long mine = stockVersions.get(e.getKey());
            if (mine != null && mine > e.getValue()) {
                return true;
            }
        }
        return false;
    }
}
