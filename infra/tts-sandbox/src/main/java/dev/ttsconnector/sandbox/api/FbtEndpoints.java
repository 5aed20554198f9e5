package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.FbtWarehouse;
import dev.ttsconnector.sandbox.model.Product;
import dev.ttsconnector.sandbox.model.Sku;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Spec §8 FBT: onboarded regions, FBT warehouses, FBT inventory search. One goods per SKU in the sandbox. */
public final class FbtEndpoints implements EndpointSet {

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("GET", "/fbt/202409/merchants/onboarded_regions", ShopScope.REQUIRED, this::regions),
                new Route("GET", "/fbt/202408/warehouses", ShopScope.REQUIRED, this::warehouses),
                new Route("POST", "/fbt/202408/inventory/search", ShopScope.REQUIRED, this::inventory));
    }

    /** Goods id of a SKU: a separate id space, still an 18-digit string. */
    static String goodsId(String skuId) {
        return Long.toString(Long.parseLong(skuId) + 100_000_000_000_000_000L);
    }

    private ObjectNode regions(ApiCall call) {
        ObjectNode data = SandboxJson.object();
        if (!call.shop().fbtWarehouses.isEmpty()) {
            data.putArray("onboarded_regions").addObject().put("region_code", call.shop().region);
        }
        return data;
    }

    private ObjectNode warehouses(ApiCall call) {
        ObjectNode data = SandboxJson.object();
        ArrayNode arr = data.putArray("warehouses");
        for (FbtWarehouse w : call.shop().fbtWarehouses) {
            ObjectNode n = arr.addObject();
            n.put("fbt_warehouse_id", w.fbtWarehouseId());
            n.put("name", w.name());
            n.put("type", "PLATFORM_WAREHOUSE");
            n.put("subscribed", true);
            n.putArray("warehouse_ids").add(w.linkedWarehouseId());
            n.putArray("addresses").addObject().put("region", call.shop().region).put("full_address", w.name());
            n.putArray("logistics_services").addObject().put("id", "1").put("name", "Standard").put("subscribed", true);
        }
        return data;
    }

    private ObjectNode inventory(ApiCall call) {
        int pageSize = call.pageSize(1, 100, null);
        List<String> whIds = SandboxJson.textList(call.body(), "fbt_warehouse_ids");
        List<String> goodsIds = SandboxJson.textList(call.body(), "goods_ids");
        List<String> skuIds = SandboxJson.textList(call.body(), "sku_ids");
        if (goodsIds != null && goodsIds.size() > 100) {
            throw TtsError.invalidParam("goods_ids", goodsIds.size() + " ids were given", "at most 100 goods ids");
        }
        if (skuIds != null && skuIds.size() > 100) {
            throw TtsError.invalidParam("sku_ids", skuIds.size() + " ids were given", "at most 100 sku ids");
        }
        Set<String> wh = whIds == null ? null : new HashSet<>(whIds);
        Set<String> goods = goodsIds == null || goodsIds.isEmpty() ? null : new HashSet<>(goodsIds);
        Set<String> skus = skuIds == null || skuIds.isEmpty() ? null : new HashSet<>(skuIds);
        record Row(FbtWarehouse w, Sku s, int qty) {
        }
        List<Row> rows = new ArrayList<>();
        for (FbtWarehouse w : call.shop().fbtWarehouses) {
            if (wh != null && !wh.contains(w.fbtWarehouseId())) {
                continue;
            }
            for (Product p : call.state().products.values()) {
                if (!p.shopId.equals(call.shop().id)) {
                    continue;
                }
                for (Sku s : p.skus) {
                    Integer q = s.fbtStock.get(w.linkedWarehouseId());
                    if (q == null || (skus != null && !skus.contains(s.id)) || (goods != null && !goods.contains(goodsId(s.id)))) {
                        continue;
                    }
                    rows.add(new Row(w, s, q));
                }
            }
        }
        ObjectNode data = SandboxJson.object();
        List<Row> page = Paging.page(rows, pageSize, call.queryParam("page_token"), data);
        ArrayNode arr = data.putArray("inventory");
        for (Row r : page) {
            ObjectNode n = arr.addObject();
            n.put("fbt_warehouse_id", r.w().fbtWarehouseId());
            n.put("in_transit_quantity", 0);
            n.putObject("on_hand_detail").put("total_quantity", r.qty()).put("available_quantity", r.qty())
                    .put("reserved_quantity", 0).put("unfulfillable_quantity", 0);
            ObjectNode g = n.putObject("goods");
            g.put("id", goodsId(r.s().id));
            g.put("name", call.state().products.get(r.s().productId).title + " " + r.s().name());
            g.put("reference_code", r.s().sellerSku);
            g.putArray("skus").addObject().put("id", r.s().id).putObject("on_hand_detail")
                    .put("total_quantity", r.qty()).put("available_quantity", r.qty()).put("reserved_quantity", 0);
        }
        return data;
    }
}
