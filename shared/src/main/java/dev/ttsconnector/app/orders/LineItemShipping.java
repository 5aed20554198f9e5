package dev.ttsconnector.app.orders;

import java.util.Objects;

/**
 * Where one TikTok line item stands with shipping, as the last ingested TikTok order said ({@code line_items[]}
 * {@code package_id}, {@code tracking_number}, {@code display_status}/{@code package_status}, spec §4). Kept only
 * for line items that have a package, a tracking number or are cancelled, so the order record stays compact; a line
 * item without an entry is open and not in a package. The fulfillment push decides a first attempt from it without
 * reading the order from TikTok (performance guide: 1 call per package).
 *
 * @param packageId      TikTok's package of the line item; null before one exists (US/UK: before shipping)
 * @param trackingNumber the tracking number TikTok holds for it; null while unshipped
 * @param cancelled      the line item or its package is cancelled
 */
public record LineItemShipping(String lineItemId, String packageId, String trackingNumber, boolean cancelled) {

    public LineItemShipping {
        Objects.requireNonNull(lineItemId, "lineItemId");
    }
}
