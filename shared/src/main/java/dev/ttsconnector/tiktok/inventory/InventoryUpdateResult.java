package dev.ttsconnector.tiktok.inventory;

import java.util.List;

/** Outcome of Update Inventory: TikTok may accept the call and refuse some SKUs (spec §8). */
public record InventoryUpdateResult(String productId, List<InventoryUpdateError> errors) {

    public boolean allAccepted() {
        return errors.isEmpty();
    }
}
