package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.Order;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/** Spec §4: order search and detail. */
public final class OrderEndpoints implements EndpointSet {
    private static final Set<String> STATUSES = Set.of("UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "PARTIALLY_SHIPPING",
            "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED");
    private static final Set<String> SEARCH_FIELDS = Set.of("order_status", "create_time_ge", "create_time_lt",
            "update_time_ge", "update_time_lt", "shipping_type", "buyer_user_id", "is_buyer_request_cancel", "warehouse_ids");

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("POST", "/order/202309/orders/search", ShopScope.REQUIRED, this::search),
                new Route("GET", "/order/202309/orders", ShopScope.REQUIRED, this::detail),
                new Route("GET", "/order/202507/orders", ShopScope.REQUIRED, this::detail));
    }

    private ObjectNode search(ApiCall call) {
        int pageSize = call.pageSize(1, 100, null);
        String sortField = call.queryParam("sort_field") == null ? "create_time" : call.queryParam("sort_field");
        if (!sortField.equals("create_time") && !sortField.equals("update_time")) {
            throw TtsError.invalidParam("sort_field", "'" + sortField + "' is not supported", "create_time or update_time");
        }
        String sortOrder = call.queryParam("sort_order") == null ? "DESC" : call.queryParam("sort_order");
        if (!sortOrder.equals("ASC") && !sortOrder.equals("DESC")) {
            throw TtsError.invalidParam("sort_order", "'" + sortOrder + "' is not supported", "ASC or DESC");
        }
        JsonNode body = call.body();
        if (body != null) {
            body.fieldNames().forEachRemaining(f -> {
                if (!SEARCH_FIELDS.contains(f)) {
                    throw TtsError.invalidParam(f, "unknown search field", "one of " + SEARCH_FIELDS);
                }
            });
        }
        String status = SandboxJson.text(body, "order_status");
        if (status != null && !STATUSES.contains(status)) {
            throw TtsError.invalidParam("order_status", "'" + status + "' is not an order status", "one of " + STATUSES);
        }
        Long cGe = SandboxJson.longValue(body, "create_time_ge");
        Long cLt = SandboxJson.longValue(body, "create_time_lt");
        Long uGe = SandboxJson.longValue(body, "update_time_ge");
        Long uLt = SandboxJson.longValue(body, "update_time_lt");
        String shippingType = SandboxJson.text(body, "shipping_type");
        if (shippingType != null && !Set.of("TIKTOK", "SELLER", "TIKTOK_DIGITAL").contains(shippingType)) {
            throw TtsError.invalidParam("shipping_type", "'" + shippingType + "' is not a shipping type", "TIKTOK, SELLER or TIKTOK_DIGITAL");
        }
        String buyer = SandboxJson.text(body, "buyer_user_id");
        Boolean buyerCancel = SandboxJson.bool(body, "is_buyer_request_cancel");
        List<String> warehouses = SandboxJson.textList(body, "warehouse_ids");
        if (warehouses != null && warehouses.size() > 100) {
            throw TtsError.invalidParam("warehouse_ids", warehouses.size() + " ids", "at most 100 ids");
        }
        Set<String> wh = warehouses == null ? null : new HashSet<>(warehouses);
        String shopId = call.shop().id;
        ToLongFunction<Order> key = sortField.equals("create_time") ? o -> o.createTime : o -> o.updateTime;
        Comparator<Order> cmp = Comparator.comparingLong(key).thenComparing(o -> o.id);
        if (sortOrder.equals("DESC")) {
            cmp = cmp.reversed();
        }
        List<Order> matches = call.state().ordersByShop.getOrDefault(shopId, List.of()).stream()
                .filter(o -> status == null || o.status.equals(status))
                // Spec §4: _ge inclusive, _lt exclusive.
                .filter(o -> cGe == null || o.createTime >= cGe)
                .filter(o -> cLt == null || o.createTime < cLt)
                .filter(o -> uGe == null || o.updateTime >= uGe)
                .filter(o -> uLt == null || o.updateTime < uLt)
                .filter(o -> shippingType == null || o.shippingType.equals(shippingType))
                .filter(o -> buyer == null || o.userId.equals(buyer))
                .filter(o -> buyerCancel == null || o.buyerRequestCancel == buyerCancel)
                .filter(o -> wh == null || wh.contains(o.warehouseId))
                .sorted(cmp)
                .toList();
        ObjectNode data = SandboxJson.object();
        List<Order> page = Paging.page(matches, pageSize, call.queryParam("page_token"), data);
        ArrayNode arr = data.putArray("orders");
        page.forEach(o -> arr.add(Views.order(call.state(), o)));
        return data;
    }

    private ObjectNode detail(ApiCall call) {
        List<String> ids = call.idList("ids");
        if (ids.isEmpty()) {
            throw TtsError.invalidParam("ids", "ids is required", "1 to 50 comma-separated order ids");
        }
        // Spec §4: at most 50 ids per call.
        if (ids.size() > 50) {
            throw TtsError.invalidParam("ids", ids.size() + " ids were given", "at most 50 order ids");
        }
        ObjectNode data = SandboxJson.object();
        ArrayNode arr = data.putArray("orders");
        for (String id : ids) {
            Order o = call.state().orders.get(id);
            if (o == null) {
                continue;
            }
            if (!o.shopId.equals(call.shop().id)) {
                throw TtsError.business(21008111L, "The order or package does not belong to the current seller.");
            }
            arr.add(Views.order(call.state(), o));
        }
        return data;
    }
}
