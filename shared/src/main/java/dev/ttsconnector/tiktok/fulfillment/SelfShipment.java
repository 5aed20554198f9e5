package dev.ttsconnector.tiktok.fulfillment;

/**
 * Seller-shipped tracking ({@code self_shipment}); the provider must come from the delivery option's shipping
 * provider list (spec §5).
 */
public record SelfShipment(String trackingNumber, String shippingProviderId) {

    public SelfShipment {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            throw new IllegalArgumentException("trackingNumber: must not be blank");
        }
        if (shippingProviderId == null || shippingProviderId.isBlank()) {
            throw new IllegalArgumentException("shippingProviderId: must not be blank");
        }
    }
}
