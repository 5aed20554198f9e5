package dev.ttsconnector.integration;

import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokShopClient;

/** What a flow needs to talk to one connected shop: the integration, its shop context and the TikTok client. */
public record ConnectedShop(Integration integration, ShopContext shop, TikTokShopClient client) {
}
