package dev.ttsconnector.app.locations;

import java.time.Instant;
import java.util.Objects;

/**
 * A stock location of the app (hub data, keys {@code HUB#LOCATIONS}; see {@link LocationStore}).
 *
 * @param fbtWarehouseId TikTok's {@code fbt_warehouse_id} for an {@link LocationType#FBT} location, else null
 * @param integrationId  the integration that created an FBT / FBT_CONSOLIDATED location, else null
 */
public record Location(String id, String name, LocationType type, String fbtWarehouseId, String integrationId,
                       Instant createdAt) {

    public Location {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: must not be blank");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: must not be blank (location " + id + ")");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        if (type == LocationType.FBT && (fbtWarehouseId == null || fbtWarehouseId.isBlank())) {
            throw new IllegalArgumentException("fbtWarehouseId: required for an FBT location (location " + id + ")");
        }
        if (type != LocationType.FBT && fbtWarehouseId != null) {
            throw new IllegalArgumentException("fbtWarehouseId: only FBT locations have one (location " + id + ")");
        }
        if (type.isFbt() && (integrationId == null || integrationId.isBlank())) {
            throw new IllegalArgumentException("integrationId: required for " + type + " location " + id);
        }
    }

    public boolean isFbt() {
        return type.isFbt();
    }
}
