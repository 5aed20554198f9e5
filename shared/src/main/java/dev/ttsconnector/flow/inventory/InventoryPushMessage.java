package dev.ttsconnector.flow.inventory;

import java.util.List;
import java.util.Objects;

/**
 * Payload of an {@value #TYPE} message on the InventoryPushQueue: "re-plan this TikTok product from CURRENT stock".
 * It carries no quantities, so a duplicated, reordered or late message can only push the newest value.
 *
 * @param tiktokProductId the product to re-plan (every mapped SKU of it is in scope, so one call carries all changes)
 * @param skus            the app SKUs that triggered the message (informational, and the forced ones when {@code force})
 * @param force           push {@code skus} even when TikTok should already have the value (resync, drift repair)
 */
public record InventoryPushMessage(String tiktokProductId, List<String> skus, boolean force) {

    public static final String TYPE = "inventory.push";

    public InventoryPushMessage {
        if (tiktokProductId == null || tiktokProductId.isBlank()) {
            throw new IllegalArgumentException("tiktokProductId: must not be blank");
        }
        skus = List.copyOf(Objects.requireNonNullElse(skus, List.of()));
        if (force && skus.isEmpty()) {
            throw new IllegalArgumentException("skus: a forced push names at least one SKU");
        }
    }
}
