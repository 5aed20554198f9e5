package dev.ttsconnector.flow.products;

/**
 * Payload of a {@value #TYPE} message on ProductSyncQueue: push one app listing to the integration's shop. Ids
 * only; the push reads the current listing, so a redelivered or stale message acts on the current state.
 */
public record ProductPushMessage(String listingId) {

    public static final String TYPE = "product.push";

    public ProductPushMessage {
        if (listingId == null || listingId.isBlank()) {
            throw new IllegalArgumentException("listingId is required");
        }
    }
}
