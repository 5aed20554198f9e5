package dev.ttsconnector.app.orders;

import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The app's orders, keyed by integration and TikTok order id. Writes are single-item and conditional:
 * {@link #insert} only if absent, {@link #replace} only if the stored {@code version} is the one read. Together with
 * the caller's {@code tiktokUpdateTime} check this makes every apply idempotent (a duplicate costs a read, no write).
 */
public interface OrderStore {

    Optional<AppOrder> get(String integrationId, String tiktokOrderId);

    /**
     * The stored orders of {@code tiktokOrderIds} by TikTok order id (the same answer as {@link #get} for each; orders
     * not in the app are absent from the map, duplicates are read once). Adapters override it with one batched read.
     */
    default Map<String, AppOrder> getAll(String integrationId, Collection<String> tiktokOrderIds) {
        Map<String, AppOrder> found = new LinkedHashMap<>();
        for (String id : tiktokOrderIds) {
            if (!found.containsKey(id)) {
                get(integrationId, id).ifPresent(o -> found.put(id, o));
            }
        }
        return found;
    }

    /**
     * Stores a new order (its version must be 0; the stored one has version 1).
     *
     * @return the stored order, or empty when an order with this id already exists (a concurrent insert won)
     */
    Optional<AppOrder> insert(AppOrder order);

    /**
     * Replaces the stored order if its version still equals {@code next.version()}; returns it with version + 1.
     *
     * @throws VersionConflictException when it changed since it was read
     */
    AppOrder replace(AppOrder next);

    Page<AppOrder> list(OrderQuery query);

    /**
     * The benchmark's naive baseline only ({@code EfficiencyMode.fullJsonRecords()}): also keeps TikTok's raw order
     * JSON on the stored record, as connectors that persist whole payloads do. Production never calls it; stores that
     * do not model it ignore it.
     */
    default void storeRawJson(String integrationId, String tiktokOrderId, String rawJson) {
    }
}
