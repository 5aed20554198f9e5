package dev.ttsconnector.tiktok.fbt;

import java.util.List;

/**
 * An FBT (platform) warehouse (spec §8). {@code warehouseIds} are the linked TikTok Shop warehouse ids (that
 * they match product {@code inventory[].warehouse_id} is UNCONFIRMED).
 */
public record FbtWarehouse(String fbtWarehouseId, String name, String type, Boolean subscribed,
                           List<String> warehouseIds) {
}
