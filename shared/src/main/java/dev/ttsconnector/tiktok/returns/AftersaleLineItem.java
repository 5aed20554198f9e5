package dev.ttsconnector.tiktok.returns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.internal.Nodes;

/** A line of a cancellation ({@code cancel_line_items[]}) or return ({@code return_line_items[]}), spec §6. */
public record AftersaleLineItem(String id, String orderLineItemId, String skuId, String sellerSku, String skuName,
                                String productName, RefundAmount refundAmount) {

    static AftersaleLineItem from(JsonNode n, String idField) {
        return new AftersaleLineItem(Nodes.str(n, idField), Nodes.str(n, "order_line_item_id"), Nodes.str(n, "sku_id"),
                Nodes.str(n, "seller_sku"), Nodes.str(n, "sku_name"), Nodes.str(n, "product_name"),
                RefundAmount.from(Nodes.obj(n, "refund_amount")));
    }
}
