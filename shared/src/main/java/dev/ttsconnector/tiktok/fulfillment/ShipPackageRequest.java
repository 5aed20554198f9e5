package dev.ttsconnector.tiktok.fulfillment;

import java.time.Instant;

/**
 * Body of Ship Package (spec §5). {@code handoverMethod} PICKUP | DROP_OFF (null = not sent);
 * {@code pickupSlotStart/End} for TikTok shipping; {@code selfShipment} for SEND_BY_SELLER delivery options.
 */
public record ShipPackageRequest(String packageId, String handoverMethod, Instant pickupSlotStart,
                                 Instant pickupSlotEnd, SelfShipment selfShipment) {

    public ShipPackageRequest {
        if (packageId == null || packageId.isBlank()) {
            throw new IllegalArgumentException("packageId: must not be blank");
        }
        if ((pickupSlotStart == null) != (pickupSlotEnd == null)) {
            throw new IllegalArgumentException("pickupSlot: start and end must be given together");
        }
    }

    /** Seller shipping: upload the tracking number for the package. */
    public static ShipPackageRequest selfShipped(String packageId, SelfShipment shipment) {
        return new ShipPackageRequest(packageId, null, null, null, shipment);
    }
}
