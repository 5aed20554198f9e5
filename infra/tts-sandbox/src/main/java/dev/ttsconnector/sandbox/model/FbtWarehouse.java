package dev.ttsconnector.sandbox.model;

/**
 * A Fulfilled-by-TikTok warehouse (spec §8). {@code linkedWarehouseId} is the TikTok Shop warehouse id that
 * appears in product inventory for FBT stock (spec: inferred, UNCONFIRMED); it is not editable by the seller.
 */
public record FbtWarehouse(String fbtWarehouseId, String name, String linkedWarehouseId) {
}
