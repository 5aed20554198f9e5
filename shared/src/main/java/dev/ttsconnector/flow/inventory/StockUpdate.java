package dev.ttsconnector.flow.inventory;

/** One item of {@code PUT /v1/inventory}: the absolute available quantity of a SKU at an app location. */
public record StockUpdate(String sku, String locationId, Integer available) {
}
