package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.model.Shop;
import java.util.List;

/** Spec §3.5–3.6: authorized shops and active shops (seller-level: no shop_cipher). */
public final class AuthorizationEndpoints implements EndpointSet {

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("GET", "/authorization/202309/shops", ShopScope.FORBIDDEN, this::authorizedShops),
                new Route("GET", "/seller/202309/shops", ShopScope.FORBIDDEN, this::activeShops));
    }

    private ObjectNode authorizedShops(ApiCall call) {
        ObjectNode data = SandboxJson.object();
        ArrayNode shops = data.putArray("shops");
        for (String id : call.state().sellers.get(call.grant().sellerId).shopIds) {
            Shop s = call.state().shops.get(id);
            if (!s.authorized) {
                continue;
            }
            shops.addObject().put("id", s.id).put("cipher", s.cipher).put("code", s.code).put("name", s.name)
                    .put("region", s.region).put("seller_type", s.sellerType);
        }
        return data;
    }

    private ObjectNode activeShops(ApiCall call) {
        ObjectNode data = SandboxJson.object();
        ArrayNode shops = data.putArray("shops");
        for (String id : call.state().sellers.get(call.grant().sellerId).shopIds) {
            Shop s = call.state().shops.get(id);
            shops.addObject().put("id", s.id).put("region", s.region);
        }
        return data;
    }
}
