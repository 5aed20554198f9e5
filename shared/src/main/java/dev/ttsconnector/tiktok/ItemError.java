package dev.ttsconnector.tiktok;

/**
 * One per-item failure from a batch endpoint's {@code data.errors[]} (spec §1 envelope): TikTok accepted the
 * call but refused this item. {@code itemId} is the id from {@code detail} (package_id, sku_id, product_id ...).
 */
public record ItemError(Integer code, String message, String itemId) {
}
