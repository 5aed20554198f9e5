package dev.ttsconnector.tiktok.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.Paginator;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;
import java.util.ArrayList;
import java.util.List;

/** Orders API (spec §4). Reads only: safe to retry. */
public final class OrdersClient {

    static final Operation SEARCH = Operation.shop("orders.search", "POST", "/order/202309/orders/search");
    static final Operation DETAIL = Operation.shop("orders.detail", "GET", "/order/202309/orders");
    /** Order detail accepts at most 50 ids per call (spec §4). */
    public static final int MAX_DETAIL_IDS = 50;

    private final HttpTransport transport;

    public OrdersClient(HttpTransport transport) {
        this.transport = transport;
    }

    /** One page of order search; {@code pageToken} null for the first page. */
    public Page<Order> searchPage(ShopContext shop, OrderSearchRequest request, String pageToken) {
        ObjectNode body = Nodes.object();
        Nodes.put(body, "order_status", request.orderStatus());
        Nodes.put(body, "create_time_ge", request.createTimeGe());
        Nodes.put(body, "create_time_lt", request.createTimeLt());
        Nodes.put(body, "update_time_ge", request.updateTimeGe());
        Nodes.put(body, "update_time_lt", request.updateTimeLt());
        Nodes.put(body, "shipping_type", request.shippingType());
        Nodes.put(body, "buyer_user_id", request.buyerUserId());
        Nodes.put(body, "is_buyer_request_cancel", request.isBuyerRequestCancel());
        Nodes.put(body, "warehouse_ids", request.warehouseIds());
        JsonNode data = transport.call(ApiRequest.of(SEARCH).shop(shop)
                .query("page_size", request.pageSize()).query("page_token", pageToken)
                .query("sort_field", request.sortField()).query("sort_order", request.sortOrder())
                .body(body).build());
        return new Page<>(Nodes.list(data, "orders", Order::from), Nodes.str(data, "next_page_token"),
                Nodes.integer(data, "total_count"));
    }

    /** Walks every page of the search; start with {@code resumeToken} (null = first page). */
    public Paginator<Order> search(ShopContext shop, OrderSearchRequest request, String resumeToken) {
        return new Paginator<>(token -> searchPage(shop, request, token), resumeToken);
    }

    /** Order detail for any number of ids, split into calls of ≤ 50 ids; unknown ids are simply absent. */
    public List<Order> get(ShopContext shop, List<String> orderIds) {
        if (orderIds == null || orderIds.isEmpty()) {
            throw HttpTransport.invalid("orderIds", "at least one id required");
        }
        List<Order> out = new ArrayList<>();
        for (int i = 0; i < orderIds.size(); i += MAX_DETAIL_IDS) {
            List<String> chunk = orderIds.subList(i, Math.min(orderIds.size(), i + MAX_DETAIL_IDS));
            JsonNode data = transport.call(ApiRequest.of(DETAIL).shop(shop).query("ids", chunk).build());
            out.addAll(Nodes.list(data, "orders", Order::from));
        }
        return out;
    }
}
