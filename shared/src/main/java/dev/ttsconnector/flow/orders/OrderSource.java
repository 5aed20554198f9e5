package dev.ttsconnector.flow.orders;

import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.orders.Order;
import dev.ttsconnector.tiktok.orders.OrderSearchRequest;
import java.util.List;

/**
 * Where the orders flow reads TikTok orders: order search and order detail (spec §4). {@link #tiktok()} is the real
 * API through the shop's client (retries, rate limits and token refresh happen there); tests substitute a fake.
 */
public interface OrderSource {

    /** One page of order search; {@code pageToken} null for the first page. */
    Page<Order> search(ConnectedShop shop, OrderSearchRequest request, String pageToken);

    /** Order detail for {@code orderIds} (split into calls of ≤ 50 ids); unknown ids are absent from the answer. */
    List<Order> get(ConnectedShop shop, List<String> orderIds);

    /** The TikTok Shop API through {@link ConnectedShop#client()}. */
    static OrderSource tiktok() {
        return new OrderSource() {
            @Override
            public Page<Order> search(ConnectedShop shop, OrderSearchRequest request, String pageToken) {
                return shop.client().orders().searchPage(shop.shop(), request, pageToken);
            }

            @Override
            public List<Order> get(ConnectedShop shop, List<String> orderIds) {
                return shop.client().orders().get(shop.shop(), orderIds);
            }
        };
    }
}
