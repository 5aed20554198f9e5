package dev.ttsconnector.settings;

import java.util.Objects;

/**
 * One-to-one link between an app location and a TikTok warehouse ({@code warehouses[].id}, spec §8). Each app
 * location and each warehouse appears in at most one mapping of an integration.
 */
public record LocationMapping(String appLocationId, String tiktokWarehouseId) {

    public LocationMapping {
        Objects.requireNonNull(appLocationId, "appLocationId");
        Objects.requireNonNull(tiktokWarehouseId, "tiktokWarehouseId");
    }
}
