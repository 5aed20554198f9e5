package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.Product;
import dev.ttsconnector.sandbox.model.Shop;
import dev.ttsconnector.sandbox.model.Sku;
import dev.ttsconnector.sandbox.model.Warehouse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spec §7 and §8: product search / get, inventory update and inventory search; the product writes (create, edit,
 * partial edit, price update, activate / deactivate / recover, category attributes) are in {@link ProductListings}.
 */
public final class ProductEndpoints implements EndpointSet {
    private static final Set<String> STATUSES = Set.of("ALL", "DRAFT", "PENDING", "FAILED", "ACTIVATE",
            "SELLER_DEACTIVATED", "PLATFORM_DEACTIVATED", "FREEZE", "DELETED", "SCHEDULED");

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("POST", "/product/202309/products/search", ShopScope.REQUIRED, c -> search(c, false)),
                new Route("POST", "/product/202502/products/search", ShopScope.REQUIRED, c -> search(c, true)),
                new Route("GET", "/product/202309/products/{product_id}", ShopScope.REQUIRED, this::get),
                new Route("POST", "/product/202309/products/{product_id}/inventory/update", ShopScope.REQUIRED, this::updateInventory),
                new Route("POST", "/product/202309/inventory/search", ShopScope.REQUIRED, this::inventorySearch),
                new Route("POST", "/product/202309/products", ShopScope.REQUIRED, ProductListings::create),
                new Route("PUT", "/product/202309/products/{product_id}", ShopScope.REQUIRED,
                        c -> ProductListings.edit(c, owned(c, c.pathParam("product_id")))),
                new Route("POST", "/product/202309/products/{product_id}/partial_edit", ShopScope.REQUIRED,
                        c -> ProductListings.partialEdit(c, owned(c, c.pathParam("product_id")))),
                new Route("POST", "/product/202309/products/{product_id}/prices/update", ShopScope.REQUIRED,
                        c -> ProductListings.updatePrices(c, owned(c, c.pathParam("product_id")))),
                new Route("POST", "/product/202309/products/activate", ShopScope.REQUIRED,
                        c -> ProductListings.statusChange(c, "activate")),
                new Route("POST", "/product/202309/products/deactivate", ShopScope.REQUIRED,
                        c -> ProductListings.statusChange(c, "deactivate")),
                new Route("POST", "/product/202309/products/recover", ShopScope.REQUIRED,
                        c -> ProductListings.statusChange(c, "recover")),
                new Route("GET", "/product/202309/categories/{category_id}/attributes", ShopScope.REQUIRED,
                        ProductListings::attributes));
    }

    private ObjectNode search(ApiCall call, boolean v202502) {
        int pageSize = call.pageSize(1, 100, null);
        JsonNode body = call.body();
        String status = SandboxJson.text(body, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw TtsError.invalidParam("status", "'" + status + "' is not a product status", "one of " + STATUSES);
        }
        List<String> sellerSkus = SandboxJson.textList(body, "seller_skus");
        if (sellerSkus != null && sellerSkus.size() > 10) {
            // Spec §7: seller_skus max 10 → 12019027.
            throw TtsError.business(12019027L, "The number of seller_skus cannot exceed 10.");
        }
        List<String> skuIds = v202502 ? SandboxJson.textList(body, "sku_ids") : null;
        if (skuIds != null && skuIds.size() > 10) {
            throw TtsError.invalidParam("sku_ids", skuIds.size() + " ids were given", "at most 10 sku ids");
        }
        Long cGe = SandboxJson.longValue(body, "create_time_ge");
        Long cLe = SandboxJson.longValue(body, "create_time_le");
        Long uGe = SandboxJson.longValue(body, "update_time_ge");
        Long uLe = SandboxJson.longValue(body, "update_time_le");
        Set<String> sellerSkuSet = sellerSkus == null ? null : new HashSet<>(sellerSkus);
        Set<String> skuIdSet = skuIds == null ? null : new HashSet<>(skuIds);
        List<Product> all = call.state().products.values().stream()
                .filter(p -> p.shopId.equals(call.shop().id))
                .filter(p -> status == null || "ALL".equals(status) ? !"DELETED".equals(p.status) : p.status.equals(status))
                .filter(p -> sellerSkuSet == null || p.skus.stream().anyMatch(s -> sellerSkuSet.contains(s.sellerSku)))
                .filter(p -> skuIdSet == null || p.skus.stream().anyMatch(s -> skuIdSet.contains(s.id)))
                // Spec §7/§15: product search windows are _ge/_le (both inclusive).
                .filter(p -> cGe == null || p.createTime >= cGe)
                .filter(p -> cLe == null || p.createTime <= cLe)
                .filter(p -> uGe == null || p.updateTime >= uGe)
                .filter(p -> uLe == null || p.updateTime <= uLe)
                .sorted(Comparator.comparingLong((Product p) -> p.createTime).reversed().thenComparing(p -> p.id))
                .toList();
        if (v202502 && all.size() > 10_000) {
            throw TtsError.business(12052180L, "The total number of search results can not exceed 10000.");
        }
        ObjectNode data = SandboxJson.object();
        List<Product> page = Paging.page(all, pageSize, call.queryParam("page_token"), data);
        ArrayNode arr = data.putArray("products");
        for (Product p : page) {
            ObjectNode n = arr.addObject();
            n.put("id", p.id);
            n.put("title", p.title);
            n.put("status", p.status);
            n.put("create_time", p.createTime);
            n.put("update_time", p.updateTime);
            n.put("has_draft", false);
            n.put("is_not_for_sale", false);
            n.putArray("sales_regions").add(call.shop().region);
            ArrayNode skus = n.putArray("skus");
            p.skus.forEach(s -> skus.add(Views.sku(s)));
        }
        return data;
    }

    private Product owned(ApiCall call, String productId) {
        Product p = call.state().products.get(productId);
        if (p == null || !p.shopId.equals(call.shop().id)) {
            throw TtsError.business(12052048L, "The product " + productId + " is not in your shop.");
        }
        return p;
    }

    private ObjectNode get(ApiCall call) {
        Product p = owned(call, call.pathParam("product_id"));
        // Spec §7: not available for FREEZE / DELETED products.
        if ("FREEZE".equals(p.status) || "DELETED".equals(p.status)) {
            throw TtsError.business(12019150L, "The product ID does not exist.");
        }
        return Views.product(p);
    }

    private ObjectNode updateInventory(ApiCall call) {
        SandboxState st = call.state();
        Shop shop = call.shop();
        Product p = owned(call, call.pathParam("product_id"));
        if ("FREEZE".equals(p.status) || "DELETED".equals(p.status)) {
            throw TtsError.business(12019113L, "The product status is invalid: " + p.status + " products cannot be edited.");
        }
        JsonNode skus = call.body() == null ? null : call.body().get("skus");
        if (skus == null || !skus.isArray() || skus.isEmpty()) {
            throw TtsError.invalidParam("skus", "skus is required", "a non-empty array of {id, inventory[]}");
        }
        Set<String> fbtWarehouses = new HashSet<>();
        shop.fbtWarehouses.forEach(f -> fbtWarehouses.add(f.linkedWarehouseId()));
        List<Warehouse> salesWarehouses = shop.warehouses.stream().filter(w -> w.sales).toList();
        ObjectNode data = SandboxJson.object();
        ArrayNode errors = data.putArray("errors");
        boolean changed = false;
        for (JsonNode s : skus) {
            String skuId = SandboxJson.text(s, "id");
            Sku sku = skuId == null ? null : p.sku(skuId);
            if (sku == null) {
                error(errors, 98001004L, "Parameter skus.id is invalid. Reason: " + skuId + " is not a sku of product " + p.id
                        + ". Expected: sku ids of the product", skuId, List.of());
                continue;
            }
            JsonNode inv = s.get("inventory");
            if (inv == null || !inv.isArray() || inv.isEmpty()) {
                error(errors, 12019022L, "The SKU must contain a valid warehouse.", skuId, List.of());
                continue;
            }
            Map<String, Integer> update = new LinkedHashMap<>();
            List<ObjectNode> extra = new ArrayList<>();
            for (JsonNode e : inv) {
                String wh = SandboxJson.text(e, "warehouse_id");
                if (wh == null && salesWarehouses.size() == 1) {
                    // Spec §8: warehouse_id is optional only when the shop has one warehouse.
                    wh = salesWarehouses.get(0).id;
                }
                JsonNode q = e.get("quantity");
                if (wh == null) {
                    extra.add(extraError(12019022L, "The SKU must contain a valid warehouse: warehouse_id is required when the shop has several warehouses.", ""));
                    continue;
                }
                if (fbtWarehouses.contains(wh)) {
                    // Spec §8: FBT (platform) warehouses are not editable.
                    extra.add(extraError(12052144L, "platform warehouse not support to edit", wh));
                    continue;
                }
                if (!sku.stock.containsKey(wh)) {
                    extra.add(extraError(12019022L, "The SKU must contain a valid warehouse: " + wh + " is not a warehouse of this SKU.", wh));
                    continue;
                }
                if (update.containsKey(wh)) {
                    extra.add(extraError(12019022L, "Warehouse " + wh + " is listed twice.", wh));
                    continue;
                }
                int min = st.config.inventoryZeroAccepted() ? 0 : 1;
                if (q == null || !q.isIntegralNumber() || q.asLong() < min || q.asLong() > 99_999) {
                    // Spec §8: documented range [1, 99 999]; 0 per configuration (UNCONFIRMED).
                    extra.add(extraError(12019024L, "The stock count is invalid: quantity must be an integer in [" + min + ", 99999].", wh));
                    continue;
                }
                update.put(wh, q.asInt());
            }
            if (extra.isEmpty() && !update.keySet().containsAll(sku.stock.keySet())) {
                // Spec §8: every warehouse assigned to the SKU must be listed.
                Set<String> missing = new LinkedHashSet<>(sku.stock.keySet());
                missing.removeAll(update.keySet());
                extra.add(extraError(12019028L, "Multiple warehouses detected. Include all warehouse IDs of the SKU; missing: "
                        + String.join(",", missing) + ".", String.join(",", missing)));
            }
            if (!extra.isEmpty()) {
                error(errors, extra.get(0).get("code").asLong(), extra.get(0).get("message").asText(), skuId, extra);
                continue;
            }
            update.forEach(sku.stock::put);
            changed = true;
        }
        if (changed) {
            p.updateTime = st.now();
        }
        if (!errors.isEmpty() && st.config.inventoryPartialFailureCode() != 0) {
            // Spec §8: top-level code on partial failure is UNCONFIRMED; configured non-zero here.
            throw new TtsError(200, st.config.inventoryPartialFailureCode(), "Some SKUs failed to update; see data.errors.", data);
        }
        return data;
    }

    private static ObjectNode extraError(long code, String message, String warehouseId) {
        return SandboxJson.object().put("code", code).put("message", message).put("warehouse_id", warehouseId);
    }

    private static void error(ArrayNode errors, long code, String message, String skuId, List<ObjectNode> extra) {
        ObjectNode e = errors.addObject();
        e.put("code", code);
        e.put("message", message);
        ObjectNode d = e.putObject("detail");
        d.put("sku_id", skuId == null ? "" : skuId);
        ArrayNode x = d.putArray("extra_errors");
        extra.forEach(x::add);
    }

    private ObjectNode inventorySearch(ApiCall call) {
        List<String> productIds = SandboxJson.textList(call.body(), "product_ids");
        List<String> skuIds = SandboxJson.textList(call.body(), "sku_ids");
        if ((productIds == null || productIds.isEmpty()) && (skuIds == null || skuIds.isEmpty())) {
            throw TtsError.invalidParam("product_ids", "neither product_ids nor sku_ids was given", "product_ids (max 100) or sku_ids (max 600)");
        }
        // Spec §8: sku_ids ≤ 600, product_ids ≤ 100; sku_ids wins when both are given.
        if (skuIds != null && skuIds.size() > 600) {
            throw TtsError.invalidParam("sku_ids", skuIds.size() + " ids were given", "at most 600 sku ids");
        }
        if ((skuIds == null || skuIds.isEmpty()) && productIds.size() > 100) {
            throw TtsError.invalidParam("product_ids", productIds.size() + " ids were given", "at most 100 product ids");
        }
        SandboxState st = call.state();
        Map<String, List<Sku>> byProduct = new LinkedHashMap<>();
        if (skuIds != null && !skuIds.isEmpty()) {
            for (String id : skuIds) {
                Sku s = st.skus.get(id);
                if (s != null && st.products.get(s.productId).shopId.equals(call.shop().id)) {
                    byProduct.computeIfAbsent(s.productId, k -> new ArrayList<>()).add(s);
                }
            }
        } else {
            for (String id : productIds) {
                Product p = st.products.get(id);
                if (p != null && p.shopId.equals(call.shop().id)) {
                    byProduct.put(p.id, p.skus);
                }
            }
        }
        ObjectNode data = SandboxJson.object();
        ArrayNode inv = data.putArray("inventory");
        byProduct.forEach((pid, list) -> {
            ObjectNode pn = inv.addObject();
            pn.put("product_id", pid);
            ArrayNode skus = pn.putArray("skus");
            for (Sku s : list) {
                ObjectNode sn = skus.addObject();
                sn.put("id", s.id);
                sn.put("seller_sku", s.sellerSku);
                int avail = 0;
                int committed = 0;
                ArrayNode wi = sn.putArray("warehouse_inventory");
                for (Map.Entry<String, Integer> e : s.stock.entrySet()) {
                    int c = s.committed.getOrDefault(e.getKey(), 0);
                    wi.addObject().put("warehouse_id", e.getKey()).put("available_quantity", e.getValue()).put("committed_quantity", c);
                    avail += e.getValue();
                    committed += c;
                }
                for (Map.Entry<String, Integer> e : s.fbtStock.entrySet()) {
                    wi.addObject().put("warehouse_id", e.getKey()).put("available_quantity", e.getValue()).put("committed_quantity", 0);
                    avail += e.getValue();
                }
                sn.put("total_available_quantity", avail);
                sn.put("total_committed_quantity", committed);
                sn.putObject("total_available_inventory_distribution").putObject("in_shop_inventory").put("quantity", avail);
            }
        });
        return data;
    }
}
