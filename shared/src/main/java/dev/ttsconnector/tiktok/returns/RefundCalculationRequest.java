package dev.ttsconnector.tiktok.returns;

import java.util.List;

/**
 * Body of Calculate refund ({@code POST /return_refund/202309/refunds/calculate}, spec §6): {@code order_id},
 * {@code request_type} ({@code CANCEL} | {@code REFUND} | {@code RETURN_AND_REFUND}), {@code reason_name}, the lines
 * as {@code order_line_item_ids[]} (empty = whole order), optional {@code shipment_type} and {@code handover_method}.
 */
public record RefundCalculationRequest(String orderId, String requestType, String reasonName,
                                       List<String> orderLineItemIds, String shipmentType, String handoverMethod) {

    public RefundCalculationRequest {
        orderLineItemIds = orderLineItemIds == null ? List.of() : List.copyOf(orderLineItemIds);
        if (requestType != null && !List.of("CANCEL", "REFUND", "RETURN_AND_REFUND").contains(requestType)) {
            throw new IllegalArgumentException("requestType: must be CANCEL, REFUND or RETURN_AND_REFUND, was "
                    + requestType);
        }
    }
}
