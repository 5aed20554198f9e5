package dev.ttsconnector.tiktok.fbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.Paginator;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;
import java.util.List;

/** Fulfilled-by-TikTok reads (spec §8): FBT warehouses and FBT inventory. FBT stock is not editable. */
public final class FbtClient {

    static final Operation WAREHOUSES = Operation.shop("fbt.warehouses", "GET", "/fbt/202408/warehouses");
    static final Operation INVENTORY = Operation.shop("fbt.inventorySearch", "POST", "/fbt/202408/inventory/search");

    private final HttpTransport transport;

    public FbtClient(HttpTransport transport) {
        this.transport = transport;
    }

    public List<FbtWarehouse> warehouses(ShopContext shop) {
        JsonNode data = transport.call(ApiRequest.of(WAREHOUSES).shop(shop).build());
        return Nodes.list(data, "warehouses", n -> new FbtWarehouse(Nodes.str(n, "fbt_warehouse_id"),
                Nodes.str(n, "name"), Nodes.str(n, "type"), Nodes.bool(n, "subscribed"),
                Nodes.strings(n, "warehouse_ids")));
    }

    /**
     * One page of FBT inventory for the given SKUs (≤ 100) and optional FBT warehouses; {@code pageSize} 1–100.
     */
    public Page<FbtInventory> inventoryPage(ShopContext shop, List<String> fbtWarehouseIds, List<String> skuIds,
                                            int pageSize, String pageToken) {
        if (pageSize < 1 || pageSize > 100) {
            throw HttpTransport.invalid("pageSize", "must be 1-100, was " + pageSize);
        }
        if (skuIds != null && skuIds.size() > 100) {
            throw HttpTransport.invalid("skuIds", "at most 100 per search, was " + skuIds.size());
        }
        ObjectNode body = Nodes.object();
        Nodes.put(body, "fbt_warehouse_ids", fbtWarehouseIds);
        Nodes.put(body, "sku_ids", skuIds);
        JsonNode data = transport.call(ApiRequest.of(INVENTORY).shop(shop).query("page_size", pageSize)
                .query("page_token", pageToken).body(body).build());
        return new Page<>(Nodes.list(data, "inventory", FbtClient::inventory), Nodes.str(data, "next_page_token"),
                Nodes.integer(data, "total_count"));
    }

    public Paginator<FbtInventory> inventory(ShopContext shop, List<String> fbtWarehouseIds, List<String> skuIds,
                                             String resumeToken) {
        return new Paginator<>(token -> inventoryPage(shop, fbtWarehouseIds, skuIds, 100, token), resumeToken);
    }

    private static FbtInventory inventory(JsonNode n) {
        JsonNode onHand = Nodes.obj(n, "on_hand_detail");
        JsonNode goods = Nodes.obj(n, "goods");
        return new FbtInventory(Nodes.str(n, "fbt_warehouse_id"), Nodes.integer(n, "in_transit_quantity"),
                Nodes.integer(onHand, "total_quantity"), Nodes.integer(onHand, "available_quantity"),
                Nodes.integer(onHand, "reserved_quantity"), Nodes.integer(onHand, "unfulfillable_quantity"),
                Nodes.str(goods, "id"), Nodes.str(goods, "name"), Nodes.str(goods, "reference_code"),
                Nodes.list(goods, "skus", s -> {
                    JsonNode d = Nodes.obj(s, "on_hand_detail");
                    return new FbtInventory.Sku(Nodes.str(s, "id"), Nodes.integer(d, "total_quantity"),
                            Nodes.integer(d, "available_quantity"), Nodes.integer(d, "reserved_quantity"));
                }));
    }
}
