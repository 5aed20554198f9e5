package dev.ttsconnector.app.inventory;

import dev.ttsconnector.common.Page;
import java.util.List;
import java.util.Optional;

/**
 * Absolute stock levels per (SKU, app location): hub data under {@code HUB#STOCK#<sku>} (the one exception to the
 * {@code INT#} tenant-key rule, because stock belongs to the app and is shared by all integrations).
 *
 * <p>{@link #set} is a single-item conditional write: it is accepted only when the value differs from the stored one,
 * and then increments the (sku, location) version atomically, so concurrent writers never lose a version and a
 * repeated identical write is a no-op. Levels are absolute, never deltas, so replays are harmless.
 */
public interface StockStore {

    /**
     * Sets the available quantity of {@code sku} at {@code locationId}.
     *
     * @throws IllegalArgumentException when {@code available} is negative (field {@code available})
     */
    StockWrite set(String sku, String locationId, int available);

    Optional<StockLevel> get(String sku, String locationId);

    /** Every location's level of one SKU (strongly consistent), in location id order. */
    List<StockLevel> listBySku(String sku);

    /** Levels at one location in SKU order; {@code cursor} from the previous page or null (may lag writes briefly). */
    Page<StockLevel> listByLocation(String locationId, int limit, String cursor);
}
