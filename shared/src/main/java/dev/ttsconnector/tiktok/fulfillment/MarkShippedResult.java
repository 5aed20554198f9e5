package dev.ttsconnector.tiktok.fulfillment;

import java.util.List;

/** Mark Package As Shipped response: the package TikTok created (spec §5); {@code warning} may be null. */
public record MarkShippedResult(String orderId, String packageId, List<String> orderLineItemIds, String warning) {
}
