package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.Cancellation;
import dev.ttsconnector.sandbox.model.LineItem;
import dev.ttsconnector.sandbox.model.Order;
import dev.ttsconnector.sandbox.model.ReturnRequest;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Spec §6: cancellations (search, seller cancel, approve/reject), reject reasons, returns (search, approve/reject,
 * seller-initiated create with {@code idempotency_key}) and refund calculation.
 */
public final class ReturnRefundEndpoints implements EndpointSet {
    /** Spec §6 seller cancel reason codes for paid orders (examples from public code; UNCONFIRMED as complete). */
    static final Set<String> PAID_REASONS = Set.of("seller_cancel_reason_out_of_stock", "seller_cancel_reason_wrong_price",
            "seller_cancel_paid_reason_address_not_deliver", "seller_cancel_paid_reason_buyer_requested_cancellation",
            "ecom_order_to_ship_canceled_reason_change_payment_method");
    static final String UK_OUT_OF_STOCK = "seller_cancel_reason_out_of_stock_uk";
    static final Set<String> UNPAID_REASONS = Set.of("seller_cancel_unpaid_reason_out_of_stock",
            "seller_cancel_unpaid_reason_wrong_price", "seller_cancel_unpaid_reason_buyer_requested_cancellation",
            "seller_cancel_unpaid_reason_buyer_hasnt_paid_within_time_allowed");
    /** Reject reasons the sandbox offers through Get Reject Reasons (name → text). */
    static final Map<String, String> CANCEL_REJECT_REASONS = Map.of(
            "seller_reject_apply_product_has_been_packed", "The product has been packed",
            "seller_reject_apply_package_has_been_shipped", "The package has been shipped");
    static final Map<String, String> RETURN_REJECT_REASONS = Map.of(
            "seller_reject_return_item_not_eligible", "The item is not eligible for return",
            "seller_reject_return_buyer_damaged_item", "The buyer damaged the item");
    /**
     * Seller return/refund reasons the sandbox accepts in {@code return_reason} / {@code reason_name}. TikTok's list is
     * not public (spec §6 names none; UNCONFIRMED): the product doc's two refund reasons plus reason names seen in
     * public code.
     */
    static final Set<String> SELLER_RETURN_REASONS = Set.of("Package or product is damaged",
            "Missed estimated delivery date", "ecom_order_delivered_refund_and_return_reason_damaged",
            "ecom_order_delivered_refund_and_return_reason_wrong_item", "ecom_order_in_transit_refund_reason_delayed");
    /** Order statuses in which the seller may open a return/refund (after shipment; before it a seller cancels). */
    static final Set<String> SELLER_RETURN_ORDER_STATUSES = Set.of("AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED",
            "COMPLETED");
    private static final Set<String> CREATE_RETURN_FIELDS = Set.of("order_id", "return_type", "return_reason",
            "order_line_item_ids", "skus", "refund_total", "currency", "shipment_type", "handover_method");
    private static final Set<String> CALCULATE_FIELDS = Set.of("order_id", "request_type", "reason_name",
            "order_line_item_ids", "skus", "shipment_type", "handover_method");
    private static final Set<String> CANCEL_SEARCH_FIELDS = Set.of("cancel_ids", "order_ids", "buyer_user_ids",
            "cancel_status", "cancel_types", "create_time_ge", "create_time_lt", "update_time_ge", "update_time_lt", "locale");

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("POST", "/return_refund/202309/cancellations/search", ShopScope.REQUIRED, this::searchCancellations),
                new Route("POST", "/return_refund/202309/cancellations", ShopScope.REQUIRED, this::sellerCancel),
                new Route("POST", "/return_refund/202309/cancellations/{cancel_id}/approve", ShopScope.REQUIRED, this::approveCancellation),
                new Route("POST", "/return_refund/202309/cancellations/{cancel_id}/reject", ShopScope.REQUIRED, this::rejectCancellation),
                new Route("GET", "/return_refund/202309/reject_reasons", ShopScope.REQUIRED, this::rejectReasons),
                new Route("POST", "/return_refund/202309/returns/search", ShopScope.REQUIRED, this::searchReturns),
                new Route("POST", "/return_refund/202309/returns/{return_id}/approve", ShopScope.REQUIRED, this::approveReturn),
                new Route("POST", "/return_refund/202309/returns/{return_id}/reject", ShopScope.REQUIRED, this::rejectReturn),
                new Route("POST", "/return_refund/202309/returns", ShopScope.REQUIRED, this::createSellerReturn),
                new Route("POST", "/return_refund/202309/refunds/calculate", ShopScope.REQUIRED, this::calculateRefund));
    }

    private static <T> Comparator<T> order(ApiCall call, java.util.function.ToLongFunction<T> create,
                                           java.util.function.ToLongFunction<T> update) {
        String field = call.queryParam("sort_field") == null ? "create_time" : call.queryParam("sort_field");
        if (!field.equals("create_time") && !field.equals("update_time")) {
            throw TtsError.invalidParam("sort_field", "'" + field + "' is not supported", "create_time or update_time");
        }
        String dir = call.queryParam("sort_order") == null ? "ASC" : call.queryParam("sort_order");
        if (!dir.equals("ASC") && !dir.equals("DESC")) {
            throw TtsError.invalidParam("sort_order", "'" + dir + "' is not supported", "ASC or DESC");
        }
        Comparator<T> c = Comparator.comparingLong(field.equals("create_time") ? create : update);
        // Spec §15: cancellations and returns default to ASC.
        return dir.equals("DESC") ? c.reversed() : c;
    }

    private static Predicate<Long> window(JsonNode body, String prefix) {
        Long ge = SandboxJson.longValue(body, prefix + "_ge");
        Long lt = SandboxJson.longValue(body, prefix + "_lt");
        return t -> (ge == null || t >= ge) && (lt == null || t < lt);
    }

    private static Set<String> set(JsonNode body, String field) {
        List<String> l = SandboxJson.textList(body, field);
        return l == null || l.isEmpty() ? null : new HashSet<>(l);
    }

    private ObjectNode searchCancellations(ApiCall call) {
        int pageSize = call.pageSize(1, 50, 10);
        JsonNode body = call.body();
        if (body != null) {
            body.fieldNames().forEachRemaining(f -> {
                if (!CANCEL_SEARCH_FIELDS.contains(f)) {
                    throw TtsError.invalidParam(f, "unknown search field", "one of " + CANCEL_SEARCH_FIELDS);
                }
            });
        }
        Set<String> ids = set(body, "cancel_ids");
        Set<String> orders = set(body, "order_ids");
        Set<String> buyers = set(body, "buyer_user_ids");
        Set<String> statuses = set(body, "cancel_status");
        Set<String> types = set(body, "cancel_types");
        Predicate<Long> created = window(body, "create_time");
        Predicate<Long> updated = window(body, "update_time");
        SandboxState st = call.state();
        String cancelledSpelling = st.config.cancelledCancellationStatus();
        List<Cancellation> all = st.cancellations.values().stream()
                .filter(c -> c.shopId.equals(call.shop().id))
                .filter(c -> ids == null || ids.contains(c.id))
                .filter(c -> orders == null || orders.contains(c.orderId))
                .filter(c -> buyers == null || buyers.contains(st.orders.get(c.orderId).userId))
                // Spec §6: the filter spells CANCELLATION_REQUEST_CANCEL; both spellings match the rejected state.
                .filter(c -> statuses == null || statuses.contains(c.status)
                        || (c.status.equals(cancelledSpelling) && (statuses.contains("CANCELLATION_REQUEST_CANCEL")
                        || statuses.contains("CANCELLATION_REQUEST_CANCELLED"))))
                .filter(c -> types == null || types.contains(c.type))
                .filter(c -> created.test(c.createTime) && updated.test(c.updateTime))
                .sorted(ReturnRefundEndpoints.<Cancellation>order(call, c -> c.createTime, c -> c.updateTime).thenComparing(c -> c.id))
                .toList();
        ObjectNode data = SandboxJson.object();
        List<Cancellation> page = Paging.page(all, pageSize, call.queryParam("page_token"), data);
        ArrayNode arr = data.putArray("cancellations");
        page.forEach(c -> arr.add(Views.cancellation(st, c)));
        return data;
    }

    private ObjectNode sellerCancel(ApiCall call) {
        SandboxState st = call.state();
        JsonNode body = call.body();
        String orderId = SandboxJson.requiredText(body, "order_id");
        String reason = SandboxJson.requiredText(body, "cancel_reason");
        Order o = st.orders.get(orderId);
        if (o == null || !o.shopId.equals(call.shop().id)) {
            throw TtsError.business(21008111L, "The order or package does not belong to the current seller.");
        }
        boolean unpaid = "UNPAID".equals(o.status);
        if (!unpaid && !List.of("ON_HOLD", "AWAITING_SHIPMENT", "PARTIALLY_SHIPPING", "AWAITING_COLLECTION").contains(o.status)) {
            throw TtsError.invalidParam("order_id", "order " + o.id + " is " + o.status + " and can no longer be cancelled by the seller",
                    "an order in UNPAID, ON_HOLD, AWAITING_SHIPMENT or AWAITING_COLLECTION");
        }
        Set<String> allowed = new HashSet<>(unpaid ? UNPAID_REASONS : PAID_REASONS);
        if (!unpaid && "GB".equals(call.shop().region)) {
            allowed.add(UK_OUT_OF_STOCK);
        }
        if (!allowed.contains(reason)) {
            throw TtsError.invalidParam("cancel_reason", "'" + reason + "' is not a cancel reason for a " + (unpaid ? "unpaid" : "paid") + " order",
                    "one of " + allowed);
        }
        List<String> lines = SandboxJson.textList(body, "order_line_item_ids");
        if (lines != null && !lines.isEmpty()) {
            // Spec §6: partial cancellation by line items exists for US/UK.
            if (!"US".equals(call.shop().region) && !"GB".equals(call.shop().region)) {
                throw TtsError.invalidParam("order_line_item_ids", "partial cancellation is only available in US and UK", "no order_line_item_ids");
            }
            for (String lid : lines) {
                LineItem l = o.line(lid);
                if (l == null || "CANCELLED".equals(l.displayStatus)) {
                    throw TtsError.invalidParam("order_line_item_ids", lid + " is not an open line item of order " + o.id, "open line item ids of the order");
                }
                if (!"AWAITING_SHIPMENT".equals(l.displayStatus) && !"UNPAID".equals(l.displayStatus)) {
                    throw TtsError.invalidParam("order_line_item_ids", "line item " + lid + " is " + l.displayStatus, "unshipped line items");
                }
            }
        } else {
            lines = o.lineItems.stream().filter(l -> !"CANCELLED".equals(l.displayStatus)).map(l -> l.id).toList();
        }
        Cancellation c = new Cancellation(st.ids.next(SandboxState.CANCEL), o.id, o.shopId, "CANCEL", "SELLER", "CANCELLATION_REQUEST_COMPLETE", reason, st.now());
        c.lineItemIds.addAll(lines);
        st.cancellations.put(c.id, c);
        st.cancelLines(o, lines, reason, "SELLER");
        st.emitCancellation(c);
        return SandboxJson.object().put("cancel_id", c.id).put("cancel_status", c.status);
    }

    private Cancellation pendingBuyerCancellation(ApiCall call) {
        Cancellation c = call.state().cancellations.get(call.pathParam("cancel_id"));
        if (c == null || !c.shopId.equals(call.shop().id)) {
            throw TtsError.invalidParam("cancel_id", call.pathParam("cancel_id") + " is not a cancellation of this shop", "a cancel_id from Search Cancellations");
        }
        if (!"BUYER_CANCEL".equals(c.type) || !"CANCELLATION_REQUEST_PENDING".equals(c.status)) {
            throw TtsError.invalidParam("cancel_id", "cancellation " + c.id + " is " + c.status, "a pending buyer cancellation");
        }
        return c;
    }

    private ObjectNode approveCancellation(ApiCall call) {
        Cancellation c = pendingBuyerCancellation(call);
        SandboxState st = call.state();
        Order o = st.orders.get(c.orderId);
        c.status = "CANCELLATION_REQUEST_COMPLETE";
        c.updateTime = st.now();
        o.buyerRequestCancel = false;
        st.cancelLines(o, c.lineItemIds.stream().filter(l -> !"CANCELLED".equals(o.line(l).displayStatus)).toList(), c.reason, "BUYER");
        st.emitCancellation(c);
        return SandboxJson.object();
    }

    private ObjectNode rejectCancellation(ApiCall call) {
        Cancellation c = pendingBuyerCancellation(call);
        String reason = SandboxJson.requiredText(call.body(), "reject_reason");
        if (!CANCEL_REJECT_REASONS.containsKey(reason)) {
            throw TtsError.invalidParam("reject_reason", "'" + reason + "' is not a reject reason of this cancellation",
                    "a reasons[].name from Get Reject Reasons");
        }
        SandboxState st = call.state();
        Order o = st.orders.get(c.orderId);
        c.status = st.config.cancelledCancellationStatus();
        c.rejectReason = reason;
        c.updateTime = st.now();
        o.buyerRequestCancel = false;
        o.updateTime = st.now();
        st.emitCancellation(c);
        return SandboxJson.object();
    }

    private ObjectNode rejectReasons(ApiCall call) {
        String id = call.queryParam("return_or_cancel_id");
        if (id == null) {
            throw TtsError.invalidParam("return_or_cancel_id", "missing", "a cancel_id or return_id");
        }
        SandboxState st = call.state();
        Map<String, String> reasons;
        Cancellation c = st.cancellations.get(id);
        ReturnRequest r = st.returns.get(id);
        if (c != null && c.shopId.equals(call.shop().id)) {
            reasons = CANCEL_REJECT_REASONS;
        } else if (r != null && r.shopId.equals(call.shop().id)) {
            reasons = RETURN_REJECT_REASONS;
        } else {
            throw TtsError.invalidParam("return_or_cancel_id", id + " is not a cancellation or return of this shop", "a cancel_id or return_id");
        }
        ObjectNode data = SandboxJson.object();
        ArrayNode arr = data.putArray("reasons");
        reasons.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> arr.addObject().put("name", e.getKey()).put("text", e.getValue()));
        return data;
    }

    private ObjectNode searchReturns(ApiCall call) {
        // Spec §6/§15: return search page_size range is 10–50 (default 10).
        int pageSize = call.pageSize(10, 50, 10);
        JsonNode body = call.body();
        Set<String> ids = set(body, "return_ids");
        Set<String> orders = set(body, "order_ids");
        Set<String> buyers = set(body, "buyer_user_ids");
        Set<String> types = set(body, "return_types");
        Set<String> statuses = set(body, "return_status");
        Predicate<Long> created = window(body, "create_time");
        Predicate<Long> updated = window(body, "update_time");
        SandboxState st = call.state();
        List<ReturnRequest> all = st.returns.values().stream()
                .filter(r -> r.shopId.equals(call.shop().id))
                .filter(r -> ids == null || ids.contains(r.id))
                .filter(r -> orders == null || orders.contains(r.orderId))
                .filter(r -> buyers == null || buyers.contains(st.orders.get(r.orderId).userId))
                .filter(r -> types == null || types.contains(r.type))
                .filter(r -> statuses == null || statuses.contains(r.status))
                .filter(r -> created.test(r.createTime) && updated.test(r.updateTime))
                .sorted(ReturnRefundEndpoints.<ReturnRequest>order(call, r -> r.createTime, r -> r.updateTime).thenComparing(r -> r.id))
                .toList();
        ObjectNode data = SandboxJson.object();
        List<ReturnRequest> page = Paging.page(all, pageSize, call.queryParam("page_token"), data);
        ArrayNode arr = data.putArray("return_orders");
        page.forEach(r -> arr.add(Views.returnRequest(st, r)));
        return data;
    }

    private ReturnRequest pendingReturn(ApiCall call) {
        ReturnRequest r = call.state().returns.get(call.pathParam("return_id"));
        if (r == null || !r.shopId.equals(call.shop().id)) {
            throw TtsError.invalidParam("return_id", call.pathParam("return_id") + " is not a return of this shop", "a return_id from Search Returns");
        }
        if (!r.status.endsWith("_PENDING")) {
            throw TtsError.invalidParam("return_id", "return " + r.id + " is " + r.status, "a return awaiting the seller's decision");
        }
        return r;
    }

    private ObjectNode approveReturn(ApiCall call) {
        ReturnRequest r = pendingReturn(call);
        String decision = SandboxJson.requiredText(call.body(), "decision");
        String next = switch (decision) {
            case "APPROVE_REFUND", "DIRECT_REFUND" -> "RETURN_OR_REFUND_REQUEST_SUCCESS";
            case "APPROVE_RETURN" -> "AWAITING_BUYER_SHIP";
            case "APPROVE_REPLACEMENT" -> "REPLACEMENT_REQUEST_COMPLETE";
            default -> throw TtsError.invalidParam("decision", "'" + decision + "' cannot approve a " + r.type + " request",
                    "APPROVE_REFUND, APPROVE_RETURN, APPROVE_REPLACEMENT or DIRECT_REFUND");
        };
        r.status = next;
        r.updateTime = call.now();
        call.state().emitReturn(r);
        return SandboxJson.object();
    }

    private ObjectNode rejectReturn(ApiCall call) {
        ReturnRequest r = pendingReturn(call);
        String decision = SandboxJson.requiredText(call.body(), "decision");
        Set<String> valid = switch (r.type) {
            case "REFUND" -> Set.of("REJECT_REFUND");
            case "RETURN_AND_REFUND" -> Set.of("REJECT_RETURN", "REJECT_REFUND");
            default -> Set.of("REJECT_REPLACEMENT");
        };
        if (!valid.contains(decision)) {
            throw TtsError.invalidParam("decision", "'" + decision + "' does not apply to a " + r.type + " request", "one of " + valid);
        }
        String reason = SandboxJson.requiredText(call.body(), "reject_reason");
        if (!RETURN_REJECT_REASONS.containsKey(reason)) {
            throw TtsError.invalidParam("reject_reason", "'" + reason + "' is not a reject reason of this return",
                    "a reasons[].name from Get Reject Reasons");
        }
        r.status = "REPLACEMENT".equals(r.type) ? "REPLACEMENT_REQUEST_REJECT" : "REFUND_OR_RETURN_REQUEST_REJECT";
        r.rejectReason = reason;
        r.rejectComment = SandboxJson.text(call.body(), "comment");
        r.updateTime = call.now();
        call.state().emitReturn(r);
        return SandboxJson.object();
    }

    // ---- seller-initiated return/refund and refund calculation (spec §6) ----

    private static void onlyKnownFields(JsonNode body, Set<String> known) {
        if (body == null || !body.isObject()) {
            throw TtsError.invalidRequest("the request body must be a JSON object");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                throw TtsError.invalidParam(f, "unknown field", "one of " + new java.util.TreeSet<>(known));
            }
        });
    }

    private static Order shopOrder(ApiCall call, String orderId) {
        Order o = call.state().orders.get(orderId);
        if (o == null || !o.shopId.equals(call.shop().id)) {
            throw TtsError.business(21008111L, "The order or package does not belong to the current seller.");
        }
        return o;
    }

    /** {@code order_line_item_ids[]} (or every open line when absent), each an open line of the order. */
    private static List<String> refundLines(ApiCall call, Order o, JsonNode body, boolean excludeReturned) {
        if (body.has("skus")) {
            // The sandbox keeps to line item ids; skus[] is accepted by TikTok but not modelled here.
            throw TtsError.invalidParam("skus", "not supported by the sandbox", "order_line_item_ids");
        }
        Set<String> inOpenReturns = new HashSet<>();
        if (excludeReturned) {
            call.state().returns.values().stream().filter(r -> r.orderId.equals(o.id))
                    .filter(r -> !r.status.endsWith("_REJECT") && !r.status.endsWith("_CANCEL"))
                    .forEach(r -> inOpenReturns.addAll(r.lineItemIds));
        }
        List<String> lines = SandboxJson.textList(body, "order_line_item_ids");
        if (lines == null || lines.isEmpty()) {
            List<String> open = o.lineItems.stream().filter(l -> !"CANCELLED".equals(l.displayStatus))
                    .map(l -> l.id).filter(id -> !inOpenReturns.contains(id)).toList();
            if (open.isEmpty()) {
                throw TtsError.invalidParam("order_line_item_ids", "every line item of order " + o.id
                        + " is cancelled or already in a return", "an order with refundable line items");
            }
            return open;
        }
        for (String lid : lines) {
            LineItem l = o.line(lid);
            if (l == null || "CANCELLED".equals(l.displayStatus)) {
                throw TtsError.invalidParam("order_line_item_ids", lid + " is not an open line item of order " + o.id,
                        "open line item ids of the order");
            }
            if (inOpenReturns.contains(lid)) {
                throw TtsError.invalidParam("order_line_item_ids", "line item " + lid + " is already in a return",
                        "line items not in an open return");
            }
        }
        return lines;
    }

    private static void optionalEnum(JsonNode body, String field, Set<String> allowed) {
        String v = SandboxJson.text(body, field);
        if (v != null && !allowed.contains(v)) {
            throw TtsError.invalidParam(field, "'" + v + "' is not supported", "one of " + new java.util.TreeSet<>(allowed));
        }
    }

    private static java.math.BigDecimal refundable(Order o, List<String> lines) {
        return lines.stream().map(id -> o.line(id).salePrice).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    private ObjectNode createSellerReturn(ApiCall call) {
        SandboxState st = call.state();
        String key = call.queryParam("idempotency_key");
        if (key != null && key.length() > 255) {
            throw TtsError.invalidParam("idempotency_key", "longer than 255 characters", "at most 255 characters");
        }
        String keyed = key == null ? null : call.shop().id + "|" + key;
        if (keyed != null && st.sellerReturnsByIdempotencyKey.containsKey(keyed)) {
            // The same idempotency_key answers the return its first request created (no second return).
            ReturnRequest first = st.returns.get(st.sellerReturnsByIdempotencyKey.get(keyed));
            return SandboxJson.object().put("return_id", first.id).put("return_status", first.status);
        }
        JsonNode body = call.body();
        onlyKnownFields(body, CREATE_RETURN_FIELDS);
        Order o = shopOrder(call, SandboxJson.requiredText(body, "order_id"));
        String type = SandboxJson.requiredText(body, "return_type");
        if (!type.equals("REFUND") && !type.equals("RETURN_AND_REFUND")) {
            throw TtsError.invalidParam("return_type", "'" + type + "' cannot be initiated by the seller", "REFUND or RETURN_AND_REFUND");
        }
        if (!SELLER_RETURN_ORDER_STATUSES.contains(o.status)) {
            throw TtsError.invalidParam("order_id", "order " + o.id + " is " + o.status
                    + "; the seller opens returns/refunds on shipped orders (unshipped orders are cancelled)",
                    "an order in " + new java.util.TreeSet<>(SELLER_RETURN_ORDER_STATUSES));
        }
        String reason = SandboxJson.requiredText(body, "return_reason");
        if (!SELLER_RETURN_REASONS.contains(reason)) {
            throw TtsError.invalidParam("return_reason", "'" + reason + "' is not a seller return reason",
                    "one of " + new java.util.TreeSet<>(SELLER_RETURN_REASONS));
        }
        optionalEnum(body, "shipment_type", Set.of("PLATFORM", "BUYER_ARRANGE"));
        optionalEnum(body, "handover_method", Set.of("DROP_OFF", "PICKUP"));
        List<String> lines = refundLines(call, o, body, true);
        java.math.BigDecimal limit = refundable(o, lines);
        java.math.BigDecimal total = null;
        String totalText = SandboxJson.text(body, "refund_total");
        if (totalText != null) {
            try {
                total = new java.math.BigDecimal(totalText);
            } catch (NumberFormatException e) {
                throw TtsError.invalidParam("refund_total", "'" + totalText + "' is not a decimal amount", "a decimal string");
            }
            String currency = SandboxJson.text(body, "currency");
            String shopCurrency = st.shops.get(o.shopId).currency;
            if (!shopCurrency.equals(currency)) {
                throw TtsError.invalidParam("currency", "'" + currency + "' is not the order's currency", shopCurrency);
            }
            // Spec §6: refund_total must not exceed what is refundable for the lines.
            if (total.signum() <= 0 || total.compareTo(limit) > 0) {
                throw TtsError.invalidParam("refund_total", totalText + " is outside the refundable amount",
                        "more than 0 and at most " + limit.toPlainString());
            }
        }
        ReturnRequest r = new ReturnRequest(st.ids.next(SandboxState.RETURN), o.id, o.shopId, type,
                // The seller approves its own request: a refund is granted at once, a return waits for the goods.
                type.equals("REFUND") ? "RETURN_OR_REFUND_REQUEST_SUCCESS" : "AWAITING_BUYER_SHIP", reason, call.now());
        r.role = "SELLER";
        r.refundTotal = total;
        r.shipmentType = SandboxJson.text(body, "shipment_type");
        r.handoverMethod = SandboxJson.text(body, "handover_method");
        r.lineItemIds.addAll(lines);
        st.returns.put(r.id, r);
        if (keyed != null) {
            st.sellerReturnsByIdempotencyKey.put(keyed, r.id);
        }
        o.updateTime = call.now();
        st.emitReturn(r);
        return SandboxJson.object().put("return_id", r.id).put("return_status", r.status);
    }

    private ObjectNode calculateRefund(ApiCall call) {
        JsonNode body = call.body();
        onlyKnownFields(body, CALCULATE_FIELDS);
        Order o = shopOrder(call, SandboxJson.requiredText(body, "order_id"));
        String type = SandboxJson.requiredText(body, "request_type");
        if (!Set.of("CANCEL", "REFUND", "RETURN_AND_REFUND").contains(type)) {
            throw TtsError.invalidParam("request_type", "'" + type + "' is not supported", "CANCEL, REFUND or RETURN_AND_REFUND");
        }
        String reason = SandboxJson.text(body, "reason_name");
        if (reason != null && !type.equals("CANCEL") && !SELLER_RETURN_REASONS.contains(reason)) {
            throw TtsError.invalidParam("reason_name", "'" + reason + "' is not a seller return reason",
                    "one of " + new java.util.TreeSet<>(SELLER_RETURN_REASONS));
        }
        optionalEnum(body, "shipment_type", Set.of("PLATFORM", "BUYER_ARRANGE"));
        optionalEnum(body, "handover_method", Set.of("DROP_OFF", "PICKUP"));
        List<String> lines = refundLines(call, o, body, !type.equals("CANCEL"));
        java.math.BigDecimal total = refundable(o, lines);
        ObjectNode data = SandboxJson.object();
        data.putObject("order_refund_amount").put("currency", call.state().shops.get(o.shopId).currency)
                .put("refund_total", total.toPlainString()).put("refund_subtotal", total.toPlainString())
                .put("refund_shipping_fee", "0").put("refund_tax", "0").put("retail_delivery_fee", "0");
        return data;
    }
}
