package dev.ttsconnector.app.inventory;

import dev.ttsconnector.app.products.AppProduct;
import java.time.Instant;
import java.util.Objects;

/**
 * The absolute available quantity of one SKU at one app location (hub data, keys {@code HUB#STOCK#<sku>}; see
 * {@link StockStore}). {@code version} starts at 1 and grows by one with every accepted change of this
 * (sku, location), so readers can order two observations of it.
 */
public record StockLevel(String sku, String locationId, int available, long version, Instant updatedAt) {

    public StockLevel {
        AppProduct.requireSku(sku, "sku");
        if (locationId == null || locationId.isBlank()) {
            throw new IllegalArgumentException("locationId: must not be blank");
        }
        requireAvailable(available);
        if (version < 1) {
            throw new IllegalArgumentException("version: must be at least 1, was " + version);
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static int requireAvailable(int available) {
        if (available < 0) {
            throw new IllegalArgumentException("available: must be 0 or more, was " + available);
        }
        return available;
    }
}
