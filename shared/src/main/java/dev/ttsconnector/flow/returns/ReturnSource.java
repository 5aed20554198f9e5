package dev.ttsconnector.flow.returns;

import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.returns.AftersaleSearchRequest;
import dev.ttsconnector.tiktok.returns.ReturnOrder;

/**
 * Where the returns/refunds flow reads TikTok return orders: return search (spec §6). {@link #tiktok()} is the real
 * API through the shop's client (retries, rate limits and token refresh happen there); tests substitute a fake.
 */
public interface ReturnSource {

    /** One page of return search; {@code pageToken} null for the first page. */
    Page<ReturnOrder> search(ConnectedShop shop, AftersaleSearchRequest request, String pageToken);

    static ReturnSource tiktok() {
        return (shop, request, pageToken) -> shop.client().returns().searchReturnsPage(shop.shop(), request, pageToken);
    }
}
