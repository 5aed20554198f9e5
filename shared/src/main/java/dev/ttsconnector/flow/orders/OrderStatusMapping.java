package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.orders.AppOrderStatus;

/**
 * TikTok order status (spec §4) → app status, in one place. Orders shipped by the platform (FBT) arrive already
 * fulfilled: before TikTok reports them in transit they are {@code fulfilled}, never {@code new}.
 */
public final class OrderStatusMapping {

    private OrderStatusMapping() {
    }

    /** @throws IllegalArgumentException for a status TikTok does not document */
    public static AppOrderStatus toApp(String tiktokStatus, boolean platformShipped) {
        if (tiktokStatus == null) {
            throw new IllegalArgumentException("status is missing");
        }
        AppOrderStatus status = switch (tiktokStatus) {
            // UNPAID is not ready to ship either; it is only ingested when the operator selects it.
            case "UNPAID", "ON_HOLD" -> AppOrderStatus.ON_HOLD;
            case "AWAITING_SHIPMENT" -> AppOrderStatus.NEW;
            case "PARTIALLY_SHIPPING" -> AppOrderStatus.PARTIALLY_FULFILLED;
            case "AWAITING_COLLECTION" -> AppOrderStatus.FULFILLED;
            case "IN_TRANSIT" -> AppOrderStatus.IN_TRANSIT;
            case "DELIVERED" -> AppOrderStatus.DELIVERED;
            case "COMPLETED" -> AppOrderStatus.COMPLETED;
            case "CANCELLED" -> AppOrderStatus.CANCELLED;
            default -> throw new IllegalArgumentException("status '" + tiktokStatus + "' is not a TikTok order status");
        };
        if (platformShipped && (status == AppOrderStatus.NEW || status == AppOrderStatus.PARTIALLY_FULFILLED)) {
            return AppOrderStatus.FULFILLED;
        }
        return status;
    }

    /**
     * Position of a TikTok order status in the order lifecycle (spec §4), for ordering two versions with the same
     * {@code update_time}; unknown or missing statuses rank lowest. CANCELLED ranks last: no status follows it.
     */
    public static int lifecycleRank(String tiktokStatus) {
        if (tiktokStatus == null) {
            return -1;
        }
        return switch (tiktokStatus) {
            case "UNPAID" -> 0;
            case "ON_HOLD" -> 1;
            case "AWAITING_SHIPMENT" -> 2;
            case "PARTIALLY_SHIPPING" -> 3;
            case "AWAITING_COLLECTION" -> 4;
            case "IN_TRANSIT" -> 5;
            case "DELIVERED" -> 6;
            case "COMPLETED" -> 7;
            case "CANCELLED" -> 8;
            default -> -1;
        };
    }
}
