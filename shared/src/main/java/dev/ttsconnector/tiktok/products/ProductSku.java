package dev.ttsconnector.tiktok.products;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.internal.Nodes;
import java.util.List;

/**
 * A SKU of a product (spec §7). {@code price} is {@code price.amount} in {@code price.currency};
 * {@code inventory} is the quantity per warehouse; {@code status} is {@code status_info.status}.
 */
public record ProductSku(String id, String sellerSku, Money price, List<WarehouseStock> inventory, String status) {

    /** Quantity of this SKU in one warehouse. */
    public record WarehouseStock(String warehouseId, Integer quantity) {
    }

    static ProductSku from(JsonNode n) {
        JsonNode price = Nodes.obj(n, "price");
        String currency = Nodes.str(price, "currency");
        return new ProductSku(Nodes.str(n, "id"), Nodes.str(n, "seller_sku"), Nodes.money(price, "amount", currency),
                Nodes.list(n, "inventory", i -> new WarehouseStock(Nodes.str(i, "warehouse_id"),
                        Nodes.integer(i, "quantity"))),
                Nodes.str(Nodes.obj(n, "status_info"), "status"));
    }
}
