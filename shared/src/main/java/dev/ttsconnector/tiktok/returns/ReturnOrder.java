package dev.ttsconnector.tiktok.returns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.internal.Nodes;
import java.time.Instant;
import java.util.List;

/**
 * A return / refund request ({@code return_orders[]}, spec §6). {@code returnType} REFUND | RETURN_AND_REFUND |
 * REPLACEMENT; {@code returnStatus} as in spec §6, kept as sent.
 */
public record ReturnOrder(String returnId, String orderId, String returnType, String returnStatus, String role,
                          String returnReason, String returnReasonText, Instant createTime, Instant updateTime,
                          String arbitrationStatus, String returnTrackingNumber, String returnProviderName,
                          RefundAmount refundAmount, List<AftersaleLineItem> lineItems) {

    static ReturnOrder from(JsonNode n) {
        return new ReturnOrder(Nodes.str(n, "return_id"), Nodes.str(n, "order_id"), Nodes.str(n, "return_type"),
                Nodes.str(n, "return_status"), Nodes.str(n, "role"), Nodes.str(n, "return_reason"),
                Nodes.str(n, "return_reason_text"), Nodes.instant(n, "create_time"), Nodes.instant(n, "update_time"),
                Nodes.str(n, "arbitration_status"), Nodes.str(n, "return_tracking_number"),
                Nodes.str(n, "return_provider_name"), RefundAmount.from(Nodes.obj(n, "refund_amount")),
                Nodes.list(n, "return_line_items", l -> AftersaleLineItem.from(l, "return_line_item_id")));
    }
}
