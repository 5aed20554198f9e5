package dev.ttsconnector.tiktok.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.internal.Nodes;

/**
 * One shop the access token covers ({@code GET /authorization/202309/shops}, spec §3.5). {@code cipher} is what
 * every shop-scoped call sends as {@code shop_cipher}; {@code sellerType} is {@code CROSS_BORDER} or {@code LOCAL}.
 */
public record AuthorizedShop(String id, String cipher, String code, String name, String region, String sellerType) {

    static AuthorizedShop from(JsonNode n) {
        return new AuthorizedShop(Nodes.str(n, "id"), Nodes.str(n, "cipher"), Nodes.str(n, "code"),
                Nodes.str(n, "name"), Nodes.str(n, "region"), Nodes.str(n, "seller_type"));
    }
}
