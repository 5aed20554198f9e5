package dev.ttsconnector.tiktok.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.internal.Nodes;
import java.time.Instant;
import java.util.List;

/**
 * A TikTok order as returned by order search and detail (spec §4). {@code status} is one of UNPAID, ON_HOLD,
 * AWAITING_SHIPMENT, PARTIALLY_SHIPPING, AWAITING_COLLECTION, IN_TRANSIT, DELIVERED, COMPLETED, CANCELLED (kept
 * as a string so a new value never breaks parsing). {@code shippingType} is TIKTOK | SELLER | TIKTOK_DIGITAL;
 * {@code fulfillmentType} FULFILLMENT_BY_SELLER | FULFILLMENT_BY_TIKTOK. {@code packageIds} are {@code packages[].id}.
 */
public record Order(String id, String status, String orderType, Instant createTime, Instant updateTime,
                    Instant paidTime, Instant rtsSlaTime, Instant shippingDueTime, Instant cancelTime,
                    String cancelReason, String cancellationInitiator, Boolean isBuyerRequestCancel,
                    String shippingType, String fulfillmentType, Boolean isOnHoldOrder, String userId,
                    String buyerMessage, String sellerNote, String deliveryOptionId, String deliveryOptionName,
                    String deliveryType, String warehouseId, String shippingProvider, String shippingProviderId,
                    String trackingNumber, List<String> packageIds, String splitOrCombineTag, Boolean isCod,
                    Boolean isSampleOrder, Boolean isReplacementOrder, String replacedOrderId,
                    OrderPayment payment, RecipientAddress recipientAddress, List<LineItem> lineItems) {

    /** Parses one element of {@code data.orders[]}. */
    public static Order from(JsonNode n) {
        return new Order(Nodes.str(n, "id"), Nodes.str(n, "status"), Nodes.str(n, "order_type"),
                Nodes.instant(n, "create_time"), Nodes.instant(n, "update_time"), Nodes.instant(n, "paid_time"),
                Nodes.instant(n, "rts_sla_time"), Nodes.instant(n, "shipping_due_time"),
                Nodes.instant(n, "cancel_time"), Nodes.str(n, "cancel_reason"),
                Nodes.str(n, "cancellation_initiator"), Nodes.bool(n, "is_buyer_request_cancel"),
                Nodes.str(n, "shipping_type"), Nodes.str(n, "fulfillment_type"), Nodes.bool(n, "is_on_hold_order"),
                Nodes.str(n, "user_id"), Nodes.str(n, "buyer_message"), Nodes.str(n, "seller_note"),
                Nodes.str(n, "delivery_option_id"), Nodes.str(n, "delivery_option_name"),
                Nodes.str(n, "delivery_type"), Nodes.str(n, "warehouse_id"), Nodes.str(n, "shipping_provider"),
                Nodes.str(n, "shipping_provider_id"), Nodes.str(n, "tracking_number"),
                Nodes.list(n, "packages", p -> Nodes.str(p, "id")), Nodes.str(n, "split_or_combine_tag"),
                Nodes.bool(n, "is_cod"), Nodes.bool(n, "is_sample_order"), Nodes.bool(n, "is_replacement_order"),
                Nodes.str(n, "replaced_order_id"), OrderPayment.from(Nodes.obj(n, "payment")),
                RecipientAddress.from(Nodes.obj(n, "recipient_address")),
                Nodes.list(n, "line_items", LineItem::from));
    }
}
