package dev.ttsconnector.tiktok.returns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.internal.Nodes;
import java.time.Instant;
import java.util.List;

/**
 * A cancellation (spec §6). {@code cancelType} CANCEL | BUYER_CANCEL; {@code cancelStatus} e.g.
 * CANCELLATION_REQUEST_PENDING/SUCCESS/COMPLETE and CANCELLATION_REQUEST_CANCEL or _CANCELLED (both spellings
 * appear in TikTok's docs, UNCONFIRMED which is emitted; kept as sent). {@code shouldReplenishStock} tells
 * whether stock goes back.
 */
public record Cancellation(String cancelId, String orderId, String cancelType, String cancelStatus, String role,
                           String cancelReason, String cancelReasonText, Instant createTime, Instant updateTime,
                           Boolean shouldReplenishStock, RefundAmount refundAmount,
                           List<AftersaleLineItem> lineItems) {

    static Cancellation from(JsonNode n) {
        return new Cancellation(Nodes.str(n, "cancel_id"), Nodes.str(n, "order_id"), Nodes.str(n, "cancel_type"),
                Nodes.str(n, "cancel_status"), Nodes.str(n, "role"), Nodes.str(n, "cancel_reason"),
                Nodes.str(n, "cancel_reason_text"), Nodes.instant(n, "create_time"), Nodes.instant(n, "update_time"),
                Nodes.bool(n, "should_replenish_stock"), RefundAmount.from(Nodes.obj(n, "refund_amount")),
                Nodes.list(n, "cancel_line_items", l -> AftersaleLineItem.from(l, "cancel_line_item_id")));
    }
}
