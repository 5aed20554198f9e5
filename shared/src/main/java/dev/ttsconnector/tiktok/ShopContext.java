package dev.ttsconnector.tiktok;

/**
 * Identifies one authorized TikTok shop of one integration: the integration (tenant) id and the shop cipher
 * that TikTok wants as the {@code shop_cipher} query parameter (spec §3.5).
 */
public record ShopContext(String integrationId, String shopCipher) {

    public ShopContext {
        if (integrationId == null || integrationId.isBlank()) {
            throw new IllegalArgumentException("integrationId: must not be blank");
        }
        if (shopCipher == null || shopCipher.isBlank()) {
            throw new IllegalArgumentException("shopCipher: must not be blank");
        }
    }

    /** Key used for per-shop state (rate buckets, refresh coordination). */
    public String key() {
        return integrationId + "#" + shopCipher;
    }
}
