package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.DeliveryOption;
import dev.ttsconnector.sandbox.model.ShippingProvider;
import dev.ttsconnector.sandbox.model.Shop;
import dev.ttsconnector.sandbox.model.Warehouse;
import java.util.List;

/** Spec §5 and §8: warehouses, delivery options per warehouse, shipping providers per delivery option. */
public final class LogisticsEndpoints implements EndpointSet {

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("GET", "/logistics/202309/warehouses", ShopScope.REQUIRED, this::warehouses),
                new Route("GET", "/logistics/202309/warehouses/{warehouse_id}/delivery_options", ShopScope.REQUIRED, this::deliveryOptions),
                new Route("GET", "/logistics/202309/delivery_options/{delivery_option_id}/shipping_providers", ShopScope.REQUIRED, this::providers));
    }

    private ObjectNode warehouses(ApiCall call) {
        ObjectNode data = SandboxJson.object();
        ArrayNode arr = data.putArray("warehouses");
        call.shop().warehouses.forEach(w -> arr.add(Views.warehouse(call.shop(), w)));
        return data;
    }

    private ObjectNode deliveryOptions(ApiCall call) {
        String scope = call.queryParam("scope");
        if (scope != null && !scope.equals("WAREHOUSE") && !scope.equals("PRODUCT")) {
            throw TtsError.invalidParam("scope", "'" + scope + "' is not a scope", "WAREHOUSE or PRODUCT");
        }
        String whId = call.pathParam("warehouse_id");
        Warehouse w = call.shop().warehouses.stream().filter(x -> x.id.equals(whId)).findFirst().orElse(null);
        if (w == null) {
            throw TtsError.invalidParam("warehouse_id", whId + " is not a warehouse of this shop", "an id from Get Warehouse List");
        }
        ObjectNode data = SandboxJson.object();
        ArrayNode arr = data.putArray("delivery_options");
        boolean us = "US".equals(call.shop().region);
        for (DeliveryOption o : w.deliveryOptions) {
            ObjectNode n = arr.addObject();
            n.put("id", o.id);
            n.put("name", o.name);
            n.put("description", o.sendBySeller() ? "Seller arranges the carrier and uploads tracking" : "TikTok Shipping label and pickup");
            n.put("type", o.type);
            n.putArray("platform").add("TIKTOK_SHOP");
            n.putObject("dimension_limit").put("max_length", us ? 108 : 120).put("max_width", us ? 108 : 120)
                    .put("max_height", us ? 108 : 120).put("unit", us ? "INCH" : "CM");
            n.putObject("weight_limit").put("max_weight", us ? 1120 : 30000).put("min_weight", 1).put("unit", us ? "POUND" : "GRAM");
        }
        return data;
    }

    private ObjectNode providers(ApiCall call) {
        String id = call.pathParam("delivery_option_id");
        Shop shop = call.shop();
        DeliveryOption opt = shop.warehouses.stream().flatMap(w -> w.deliveryOptions.stream())
                .filter(o -> o.id.equals(id)).findFirst().orElse(null);
        if (opt == null) {
            throw TtsError.invalidParam("delivery_option_id", id + " is not a delivery option of this shop", "an id from Get Warehouse Delivery Options");
        }
        ObjectNode data = SandboxJson.object();
        ArrayNode arr = data.putArray("shipping_providers");
        for (ShippingProvider p : opt.providers) {
            arr.addObject().put("id", p.id()).put("name", p.name());
        }
        return data;
    }
}
