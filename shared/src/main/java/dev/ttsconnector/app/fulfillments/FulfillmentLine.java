package dev.ttsconnector.app.fulfillments;

import java.util.List;
import java.util.Objects;

/**
 * One SKU of a fulfillment and the TikTok line items it ships. TikTok has no quantities: each unit is a line item
 * (spec §4), so a fulfillment addresses TikTok by {@code tiktokLineItemIds}; they are chosen when the fulfillment is
 * accepted, among the order's line items no other pending or posted fulfillment holds.
 */
public record FulfillmentLine(String sku, int quantity, List<String> tiktokLineItemIds) {

    public FulfillmentLine {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
        }
        tiktokLineItemIds = tiktokLineItemIds == null ? List.of() : List.copyOf(tiktokLineItemIds);
    }
}
