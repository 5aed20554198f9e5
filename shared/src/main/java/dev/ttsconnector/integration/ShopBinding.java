package dev.ttsconnector.integration;

import java.util.Objects;

/**
 * The TikTok shop an integration is bound to, as {@code GET /authorization/202309/shops} describes it (spec §3):
 * {@code cipher} is what shop-scoped calls send as {@code shop_cipher}.
 */
public record ShopBinding(String shopId, String cipher, String code, String name, String region, String sellerType) {

    public ShopBinding {
        Objects.requireNonNull(shopId, "shopId");
        Objects.requireNonNull(cipher, "cipher");
    }
}
