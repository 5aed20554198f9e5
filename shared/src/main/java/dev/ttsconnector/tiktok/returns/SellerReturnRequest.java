package dev.ttsconnector.tiktok.returns;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Body of a seller-initiated return/refund ({@code POST /return_refund/202309/returns}, spec §6): {@code order_id},
 * {@code return_type} ({@code REFUND} | {@code RETURN_AND_REFUND}), {@code return_reason}, the lines as
 * {@code order_line_item_ids[]} (empty = TikTok applies it to the whole order), {@code refund_total} (must not exceed
 * what is refundable) with {@code currency}, and for a return the optional {@code shipment_type}
 * ({@code PLATFORM} | {@code BUYER_ARRANGE}) and {@code handover_method} ({@code DROP_OFF} | {@code PICKUP}).
 */
public record SellerReturnRequest(String orderId, String returnType, String returnReason,
                                  List<String> orderLineItemIds, BigDecimal refundTotal, String currency,
                                  String shipmentType, String handoverMethod) {

    public static final String REFUND = "REFUND";
    public static final String RETURN_AND_REFUND = "RETURN_AND_REFUND";

    public SellerReturnRequest {
        orderLineItemIds = orderLineItemIds == null ? List.of() : List.copyOf(orderLineItemIds);
        if (returnType != null && !REFUND.equals(returnType) && !RETURN_AND_REFUND.equals(returnType)) {
            throw new IllegalArgumentException("returnType: must be REFUND or RETURN_AND_REFUND, was " + returnType);
        }
        if (refundTotal != null) {
            Objects.requireNonNull(currency, "currency: required with refundTotal");
        }
    }
}
