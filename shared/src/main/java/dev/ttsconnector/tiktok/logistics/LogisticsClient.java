package dev.ttsconnector.tiktok.logistics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;
import java.util.List;

/** Logistics API (spec §5, §8): warehouses, delivery options, shipping providers. Reads only. */
public final class LogisticsClient {

    static final Operation WAREHOUSES = Operation.shop("logistics.warehouses", "GET", "/logistics/202309/warehouses");
    static final Operation DELIVERY_OPTIONS = Operation.shop("logistics.deliveryOptions", "GET",
            "/logistics/202309/warehouses/{warehouse_id}/delivery_options");
    static final Operation SHIPPING_PROVIDERS = Operation.shop("logistics.shippingProviders", "GET",
            "/logistics/202309/delivery_options/{delivery_option_id}/shipping_providers");

    private final HttpTransport transport;

    public LogisticsClient(HttpTransport transport) {
        this.transport = transport;
    }

    public List<Warehouse> warehouses(ShopContext shop) {
        JsonNode data = transport.call(ApiRequest.of(WAREHOUSES).shop(shop).build());
        return Nodes.list(data, "warehouses", Warehouse::from);
    }

    public List<DeliveryOption> deliveryOptions(ShopContext shop, String warehouseId) {
        JsonNode data = transport.call(ApiRequest.of(DELIVERY_OPTIONS).shop(shop)
                .pathParam("warehouse_id", warehouseId).build());
        return Nodes.list(data, "delivery_options", DeliveryOption::from);
    }

    public List<ShippingProvider> shippingProviders(ShopContext shop, String deliveryOptionId) {
        JsonNode data = transport.call(ApiRequest.of(SHIPPING_PROVIDERS).shop(shop)
                .pathParam("delivery_option_id", deliveryOptionId).build());
        return Nodes.list(data, "shipping_providers", n -> new ShippingProvider(Nodes.str(n, "id"), Nodes.str(n, "name")));
    }
}
