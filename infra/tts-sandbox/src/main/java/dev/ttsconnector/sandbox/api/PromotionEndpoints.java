package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.Activity;
import dev.ttsconnector.sandbox.model.Product;
import dev.ttsconnector.sandbox.model.Sku;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Spec §11 promotions: create / search / deactivate activities and add or update their products. Rules: title
 * unique in the shop and ≤ 50 characters, begin in the future, end after begin, known activity type and product
 * level; products only on live activities (not DEACTIVATED / EXPIRED); quantity limits -1 at VARIATION level;
 * ≤ 300 products. Status is derived from the clock (NOT_START → ONGOING → EXPIRED) unless deactivated.
 */
public final class PromotionEndpoints implements EndpointSet {
    private static final Set<String> TYPES = Set.of("FIXED_PRICE", "DIRECT_DISCOUNT", "FLASHSALE", "SHIPPING_DISCOUNT",
            "BUY_MORE_SAVE_MORE", "BUY_X_GET_Y");
    private static final Set<String> LEVELS = Set.of("PRODUCT", "VARIATION", "SHOP");

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("POST", "/promotion/202309/activities", ShopScope.REQUIRED, this::create),
                new Route("POST", "/promotion/202309/activities/search", ShopScope.REQUIRED, this::search),
                new Route("PUT", "/promotion/202309/activities/{activity_id}/products", ShopScope.REQUIRED, this::products),
                new Route("POST", "/promotion/202309/activities/{activity_id}/deactivate", ShopScope.REQUIRED, this::deactivate),
                new Route("GET", "/promotion/202309/activities/{activity_id}", ShopScope.REQUIRED,
                        c -> view(owned(c), c.now())));
    }

    /** Spec §11 activity fields. */
    public static ObjectNode view(Activity a, long now) {
        ObjectNode n = SandboxJson.object();
        n.put("id", a.id);
        n.put("title", a.title);
        n.put("activity_type", a.type);
        n.put("product_level", a.productLevel);
        n.put("status", a.status(now));
        n.put("begin_time", a.beginTime);
        n.put("end_time", a.endTime);
        n.put("create_time", a.createTime);
        n.put("update_time", a.updateTime);
        ArrayNode skus = n.putArray("skus");
        a.skuPrices.forEach((sku, price) -> skus.addObject().put("id", sku).put("product_id", a.productOfSku.get(sku))
                .put("activity_price_amount", price.toPlainString()));
        return n;
    }

    private ObjectNode create(ApiCall call) {
        SandboxState st = call.state();
        JsonNode b = call.body();
        String title = SandboxJson.requiredText(b, "title");
        if (title.length() > 50) {
            throw TtsError.invalidParam("title", "longer than 50 characters", "at most 50 characters");
        }
        if (st.activities.values().stream().anyMatch(a -> a.shopId.equals(call.shop().id) && a.title.equals(title))) {
            throw TtsError.invalidParam("title", "'" + title + "' is already used by an activity of the shop", "a unique title");
        }
        String type = SandboxJson.requiredText(b, "activity_type");
        if (!TYPES.contains(type)) {
            throw TtsError.invalidParam("activity_type", "'" + type + "' is not an activity type", "one of " + TYPES);
        }
        String level = SandboxJson.requiredText(b, "product_level");
        if (!LEVELS.contains(level)) {
            throw TtsError.invalidParam("product_level", "'" + level + "' is not a product level", "one of " + LEVELS);
        }
        Long begin = SandboxJson.longValue(b, "begin_time");
        Long end = SandboxJson.longValue(b, "end_time");
        if (begin == null || begin <= st.now()) {
            throw TtsError.invalidParam("begin_time", "must be in the future", "Unix seconds after now");
        }
        if (end == null || end <= begin) {
            throw TtsError.invalidParam("end_time", "must be after begin_time", "Unix seconds after begin_time");
        }
        Activity a = new Activity(st.ids.next(SandboxState.ACTIVITY), call.shop().id, title, type, level, begin, end, st.now());
        st.activities.put(a.id, a);
        return SandboxJson.object().put("activity_id", a.id).put("status", a.status(st.now()))
                .put("create_time", a.createTime).put("update_time", a.updateTime);
    }

    private ObjectNode search(ApiCall call) {
        SandboxState st = call.state();
        JsonNode b = call.body();
        String title = SandboxJson.text(b, "activity_title");
        String type = SandboxJson.text(b, "activity_type");
        String status = SandboxJson.text(b, "status");
        ObjectNode data = SandboxJson.object();
        List<Activity> all = st.activities.values().stream().filter(a -> a.shopId.equals(call.shop().id))
                .filter(a -> title == null || a.title.contains(title))
                .filter(a -> type == null || a.type.equals(type))
                .filter(a -> status == null || a.status(st.now()).equals(status)).toList();
        ArrayNode arr = data.putArray("activities");
        all.forEach(a -> arr.add(view(a, st.now())));
        data.put("total_count", all.size());
        data.put("next_page_token", "");
        return data;
    }

    private Activity owned(ApiCall call) {
        Activity a = call.state().activities.get(call.pathParam("activity_id"));
        if (a == null || !a.shopId.equals(call.shop().id)) {
            throw TtsError.invalidParam("activity_id", call.pathParam("activity_id") + " is not an activity of the shop",
                    "an activity id of the shop");
        }
        return a;
    }

    private ObjectNode products(ApiCall call) {
        SandboxState st = call.state();
        Activity a = owned(call);
        String status = a.status(st.now());
        if ("DEACTIVATED".equals(status) || "EXPIRED".equals(status)) {
            throw TtsError.invalidParam("activity_id", "activity is " + status, "a DRAFT, NOT_START or ONGOING activity");
        }
        JsonNode products = call.body() == null ? null : call.body().get("products");
        if (products == null || !products.isArray() || products.isEmpty() || products.size() > 300) {
            throw TtsError.invalidParam("products", "1-300 products are required", "1-300 products");
        }
        for (JsonNode pn : products) {
            String pid = SandboxJson.requiredText(pn, "id");
            Product p = st.products.get(pid);
            if (p == null || !p.shopId.equals(call.shop().id)) {
                throw TtsError.business(12052048L, "The product " + pid + " is not in your shop.");
            }
            if ("VARIATION".equals(a.productLevel)) {
                for (String f : List.of("quantity_limit", "quantity_per_user")) {
                    if (pn.has(f) && pn.get(f).asLong() != -1) {
                        throw TtsError.invalidParam("products." + f, "must be -1 at VARIATION level", "-1");
                    }
                }
                for (JsonNode sn : pn.path("skus")) {
                    String sid = SandboxJson.requiredText(sn, "id");
                    Sku sku = p.sku(sid);
                    if (sku == null) {
                        throw TtsError.invalidParam("products.skus.id", sid + " is not a sku of product " + pid, "sku ids of the product");
                    }
                    BigDecimal price = new BigDecimal(SandboxJson.requiredText(sn, "activity_price_amount"));
                    if (price.signum() <= 0 || price.compareTo(sku.price) >= 0) {
                        throw TtsError.invalidParam("products.skus.activity_price_amount", price + " is not below the SKU price "
                                + sku.price, "a deal price below the SKU price");
                    }
                    a.skuPrices.put(sid, price);
                    a.productOfSku.put(sid, pid);
                }
            }
        }
        a.updateTime = st.now();
        return SandboxJson.object().put("activity_id", a.id).put("status", a.status(st.now())).put("title", a.title)
                .put("total_count", a.skuPrices.size()).put("update_time", a.updateTime);
    }

    private ObjectNode deactivate(ApiCall call) {
        SandboxState st = call.state();
        Activity a = owned(call);
        a.deactivated = true;
        a.updateTime = st.now();
        return SandboxJson.object().put("activity_id", a.id).put("status", a.status(st.now()));
    }
}
