package dev.ttsconnector.tiktok.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.Paginator;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;
import java.util.List;

/**
 * Return/refund API (spec §6): cancellations, returns, reject reasons, seller-initiated returns/refunds and refund
 * calculation. Reject calls and {@link #createReturn} accept an {@code idempotency_key} (≤ 255 chars) that makes
 * TikTok-side retries safe: the client retries writes after timeouts, and the same key is answered with the return
 * the first attempt created.
 */
public final class ReturnsClient {

    static final Operation SEARCH_CANCELLATIONS = Operation.shop("returns.searchCancellations", "POST",
            "/return_refund/202309/cancellations/search");
    static final Operation CANCEL_ORDER = Operation.shop("returns.cancelOrder", "POST",
            "/return_refund/202309/cancellations");
    static final Operation REJECT_REASONS = Operation.shop("returns.rejectReasons", "GET",
            "/return_refund/202309/reject_reasons");
    static final Operation REJECT_CANCELLATION = Operation.shop("returns.rejectCancellation", "POST",
            "/return_refund/202309/cancellations/{cancel_id}/reject");
    static final Operation SEARCH_RETURNS = Operation.shop("returns.searchReturns", "POST",
            "/return_refund/202309/returns/search");
    static final Operation REJECT_RETURN = Operation.shop("returns.rejectReturn", "POST",
            "/return_refund/202309/returns/{return_id}/reject");
    static final Operation CREATE_RETURN = Operation.shop("returns.createReturn", "POST",
            "/return_refund/202309/returns");
    static final Operation CALCULATE_REFUND = Operation.shop("returns.calculateRefund", "POST",
            "/return_refund/202309/refunds/calculate");

    private final HttpTransport transport;

    public ReturnsClient(HttpTransport transport) {
        this.transport = transport;
    }

    public Page<Cancellation> searchCancellationsPage(ShopContext shop, AftersaleSearchRequest request, String pageToken) {
        requirePageSize(request.pageSize(), 1, 50);
        ObjectNode body = searchBody(request, "cancel_ids", "cancel_status", "cancel_types");
        JsonNode data = transport.call(searchRequest(SEARCH_CANCELLATIONS, shop, request, pageToken, body));
        return new Page<>(Nodes.list(data, "cancellations", Cancellation::from), Nodes.str(data, "next_page_token"),
                Nodes.integer(data, "total_count"));
    }

    public Paginator<Cancellation> searchCancellations(ShopContext shop, AftersaleSearchRequest request, String resumeToken) {
        return new Paginator<>(token -> searchCancellationsPage(shop, request, token), resumeToken);
    }

    /**
     * Seller cancel. {@code cancelReason} is a reason code (e.g. {@code seller_cancel_reason_out_of_stock};
     * the full list is UNCONFIRMED, spec §6); {@code orderLineItemIds} empty = whole order.
     */
    public CancelResult cancelOrder(ShopContext shop, String orderId, String cancelReason, List<String> orderLineItemIds) {
        requireText("orderId", orderId);
        requireText("cancelReason", cancelReason);
        ObjectNode body = Nodes.object().put("order_id", orderId).put("cancel_reason", cancelReason);
        Nodes.put(body, "order_line_item_ids", orderLineItemIds);
        JsonNode data = transport.call(ApiRequest.of(CANCEL_ORDER).shop(shop).body(body).build());
        return new CancelResult(Nodes.str(data, "cancel_id"), Nodes.str(data, "cancel_status"));
    }

    /** Reasons valid for rejecting this cancellation or return ({@code reasons[].name} is the code to send). */
    public List<RejectReason> rejectReasons(ShopContext shop, String returnOrCancelId, String locale) {
        requireText("returnOrCancelId", returnOrCancelId);
        JsonNode data = transport.call(ApiRequest.of(REJECT_REASONS).shop(shop)
                .query("return_or_cancel_id", returnOrCancelId).query("locale", locale).build());
        return Nodes.list(data, "reasons", n -> new RejectReason(Nodes.str(n, "name"), Nodes.str(n, "text")));
    }

    public void rejectCancellation(ShopContext shop, String cancelId, String rejectReason, String comment,
                                   String idempotencyKey) {
        requireText("rejectReason", rejectReason);
        ObjectNode body = Nodes.object().put("reject_reason", rejectReason);
        Nodes.put(body, "comment", comment);
        transport.call(ApiRequest.of(REJECT_CANCELLATION).shop(shop).pathParam("cancel_id", cancelId)
                .query("idempotency_key", idempotencyKey(idempotencyKey)).body(body).build());
    }

    public Page<ReturnOrder> searchReturnsPage(ShopContext shop, AftersaleSearchRequest request, String pageToken) {
        // Return search page_size minimum is 10 (spec §15).
        requirePageSize(request.pageSize(), 10, 50);
        ObjectNode body = searchBody(request, "return_ids", "return_status", "return_types");
        JsonNode data = transport.call(searchRequest(SEARCH_RETURNS, shop, request, pageToken, body));
        return new Page<>(Nodes.list(data, "return_orders", ReturnOrder::from), Nodes.str(data, "next_page_token"),
                Nodes.integer(data, "total_count"));
    }

    public Paginator<ReturnOrder> searchReturns(ShopContext shop, AftersaleSearchRequest request, String resumeToken) {
        return new Paginator<>(token -> searchReturnsPage(shop, request, token), resumeToken);
    }

    /**
     * Rejects a return/refund. {@code decision} REJECT_REFUND | REJECT_RETURN | REJECT_RECEIVED_PACKAGE |
     * REJECT_REPLACEMENT; {@code rejectReason} from {@link #rejectReasons}.
     */
    public void rejectReturn(ShopContext shop, String returnId, String decision, String rejectReason, String comment,
                             String idempotencyKey) {
        requireText("decision", decision);
        requireText("rejectReason", rejectReason);
        ObjectNode body = Nodes.object().put("decision", decision).put("reject_reason", rejectReason);
        Nodes.put(body, "comment", comment);
        transport.call(ApiRequest.of(REJECT_RETURN).shop(shop).pathParam("return_id", returnId)
                .query("idempotency_key", idempotencyKey(idempotencyKey)).body(body).build());
    }

    /**
     * Seller-initiated return or refund ({@code POST /return_refund/202309/returns}, spec §6). {@code idempotencyKey}
     * is required here: a retry (ours or the transport's) must not open a second return in TikTok.
     */
    public SellerReturnResult createReturn(ShopContext shop, SellerReturnRequest request, String idempotencyKey) {
        requireText("orderId", request.orderId());
        requireText("returnType", request.returnType());
        requireText("returnReason", request.returnReason());
        requireText("idempotencyKey", idempotencyKey);
        ObjectNode body = Nodes.object().put("order_id", request.orderId()).put("return_type", request.returnType())
                .put("return_reason", request.returnReason());
        Nodes.put(body, "order_line_item_ids", request.orderLineItemIds());
        if (request.refundTotal() != null) {
            // Amounts are strings with their currency in a sibling field (spec §15).
            body.put("refund_total", request.refundTotal().toPlainString()).put("currency", request.currency());
        }
        Nodes.put(body, "shipment_type", request.shipmentType());
        Nodes.put(body, "handover_method", request.handoverMethod());
        JsonNode data = transport.call(ApiRequest.of(CREATE_RETURN).shop(shop)
                .query("idempotency_key", idempotencyKey(idempotencyKey)).body(body).build());
        return new SellerReturnResult(Nodes.str(data, "return_id"), Nodes.str(data, "return_status"));
    }

    /**
     * What TikTok would refund ({@code POST /return_refund/202309/refunds/calculate}, spec §6): answers
     * {@code order_refund_amount{currency, refund_total, refund_subtotal, refund_shipping_fee, refund_tax}}.
     */
    public RefundAmount calculateRefund(ShopContext shop, RefundCalculationRequest request) {
        requireText("orderId", request.orderId());
        requireText("requestType", request.requestType());
        ObjectNode body = Nodes.object().put("order_id", request.orderId()).put("request_type", request.requestType());
        Nodes.put(body, "reason_name", request.reasonName());
        Nodes.put(body, "order_line_item_ids", request.orderLineItemIds());
        Nodes.put(body, "shipment_type", request.shipmentType());
        Nodes.put(body, "handover_method", request.handoverMethod());
        JsonNode data = transport.call(ApiRequest.of(CALCULATE_REFUND).shop(shop).body(body).build());
        return RefundAmount.from(Nodes.obj(data, "order_refund_amount"));
    }

    private static ApiRequest searchRequest(Operation op, ShopContext shop, AftersaleSearchRequest r, String pageToken,
                                            ObjectNode body) {
        return ApiRequest.of(op).shop(shop).query("page_size", r.pageSize()).query("page_token", pageToken)
                .query("sort_field", r.sortField()).query("sort_order", r.sortOrder()).body(body).build();
    }

    private static ObjectNode searchBody(AftersaleSearchRequest r, String idsField, String statusField, String typesField) {
        ObjectNode body = Nodes.object();
        Nodes.put(body, idsField, r.ids());
        Nodes.put(body, "order_ids", r.orderIds());
        Nodes.put(body, statusField, r.statuses());
        Nodes.put(body, typesField, r.types());
        Nodes.put(body, "create_time_ge", r.createTimeGe());
        Nodes.put(body, "create_time_lt", r.createTimeLt());
        Nodes.put(body, "update_time_ge", r.updateTimeGe());
        Nodes.put(body, "update_time_lt", r.updateTimeLt());
        return body;
    }

    private static void requirePageSize(int size, int min, int max) {
        if (size < min || size > max) {
            throw HttpTransport.invalid("pageSize", "must be " + min + "-" + max + " for this search, was " + size);
        }
    }

    private static String idempotencyKey(String key) {
        if (key != null && key.length() > 255) {
            throw HttpTransport.invalid("idempotencyKey", "at most 255 characters");
        }
        return key;
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw HttpTransport.invalid(field, "must not be blank");
        }
    }
}
