package dev.ttsconnector.tiktok.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Seller-warehouse inventory (spec §8). Updates set absolute quantities, so repeating one is harmless.
 */
public final class InventoryClient {

    static final Operation UPDATE = Operation.shop("inventory.update", "POST",
            "/product/202309/products/{product_id}/inventory/update");
    static final Operation SEARCH = Operation.shop("inventory.search", "POST", "/product/202309/inventory/search");
    /** Inventory search accepts at most 600 sku_ids per call (spec §8). */
    public static final int MAX_SEARCH_SKU_IDS = 600;
    /** Inventory search accepts at most 100 product_ids per call (spec §8). */
    public static final int MAX_SEARCH_PRODUCT_IDS = 100;

    private final HttpTransport transport;

    public InventoryClient(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * Sets the stock of SKUs of one product in one call (all SKUs must belong to {@code productId}). Per-SKU
     * refusals come back in the result, not as an exception.
     */
    public InventoryUpdateResult update(ShopContext shop, String productId, List<SkuInventory> skus) {
        if (skus == null || skus.isEmpty()) {
            throw HttpTransport.invalid("skus", "at least one SKU required");
        }
        ObjectNode body = Nodes.object();
        ArrayNode arr = body.putArray("skus");
        for (SkuInventory sku : skus) {
            ObjectNode s = arr.addObject();
            s.put("id", sku.skuId());
            ArrayNode inv = s.putArray("inventory");
            for (SkuInventory.WarehouseQuantity w : sku.warehouses()) {
                ObjectNode q = inv.addObject();
                if (w.warehouseId() != null) {
                    q.put("warehouse_id", w.warehouseId());
                }
                q.put("quantity", w.quantity());
            }
        }
        JsonNode data = transport.call(ApiRequest.of(UPDATE).shop(shop).pathParam("product_id", productId)
                .body(body).build());
        List<InventoryUpdateError> errors = Nodes.list(data, "errors", e -> {
            JsonNode detail = Nodes.obj(e, "detail");
            return new InventoryUpdateError(Nodes.str(detail, "sku_id"), Nodes.integer(e, "code"),
                    Nodes.str(e, "message"), Nodes.list(detail, "extra_errors",
                    x -> new InventoryUpdateError.WarehouseError(Nodes.str(x, "warehouse_id"),
                            Nodes.integer(x, "code"), Nodes.str(x, "message"))));
        });
        return new InventoryUpdateResult(productId, errors);
    }

    /** Stock of the given SKUs, split into calls of ≤ 600 ids. */
    public List<InventoryLevel> searchBySkuIds(ShopContext shop, List<String> skuIds) {
        return searchChunked(shop, "sku_ids", skuIds, MAX_SEARCH_SKU_IDS);
    }

    /** Stock of every SKU of the given products, split into calls of ≤ 100 ids. */
    public List<InventoryLevel> searchByProductIds(ShopContext shop, List<String> productIds) {
        return searchChunked(shop, "product_ids", productIds, MAX_SEARCH_PRODUCT_IDS);
    }

    private List<InventoryLevel> searchChunked(ShopContext shop, String field, List<String> ids, int max) {
        if (ids == null || ids.isEmpty()) {
            throw HttpTransport.invalid(field, "at least one id required");
        }
        List<InventoryLevel> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += max) {
            ObjectNode body = Nodes.object();
            Nodes.put(body, field, ids.subList(i, Math.min(ids.size(), i + max)));
            JsonNode data = transport.call(ApiRequest.of(SEARCH).shop(shop).body(body).build());
            for (JsonNode product : Nodes.obj(data, "inventory")) {
                String productId = Nodes.str(product, "product_id");
                for (JsonNode sku : Nodes.obj(product, "skus")) {
                    out.add(new InventoryLevel(productId, Nodes.str(sku, "id"), Nodes.str(sku, "seller_sku"),
                            Nodes.integer(sku, "total_available_quantity"),
                            Nodes.integer(sku, "total_committed_quantity"),
                            Nodes.list(sku, "warehouse_inventory", w -> new InventoryLevel.WarehouseLevel(
                                    Nodes.str(w, "warehouse_id"), Nodes.integer(w, "available_quantity"),
                                    Nodes.integer(w, "committed_quantity")))));
                }
            }
        }
        return out;
    }
}
