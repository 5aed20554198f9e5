package dev.ttsconnector.tiktok.promotions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Promotions API (spec §11): create / search / deactivate activities and set their products. Creating an activity is
 * not idempotent by itself: callers search by their own deterministic title first (titles are unique per shop).
 */
public final class PromotionsClient {

    static final Operation CREATE = Operation.shop("promotions.create", "POST", "/promotion/202309/activities");
    static final Operation SEARCH = Operation.shop("promotions.search", "POST", "/promotion/202309/activities/search");
    static final Operation UPDATE_PRODUCTS = Operation.shop("promotions.updateProducts", "PUT",
            "/promotion/202309/activities/{activity_id}/products");
    static final Operation DEACTIVATE = Operation.shop("promotions.deactivate", "POST",
            "/promotion/202309/activities/{activity_id}/deactivate");
    /** Activity titles are at most 50 characters (spec §11). */
    public static final int MAX_TITLE = 50;
    /** At most 300 products / SKUs per Add / update call (spec §11). */
    public static final int MAX_PRODUCTS = 300;

    private final HttpTransport transport;

    public PromotionsClient(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * Creates a {@code FIXED_PRICE} activity at {@code VARIATION} level for all buyers; {@code begin} must be in
     * the future (spec §11). Answers the new activity id.
     */
    public String createFixedPriceActivity(ShopContext shop, String title, Instant begin, Instant end) {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw HttpTransport.invalid("title", "1-50 characters (spec §11)");
        }
        ObjectNode body = Nodes.object();
        body.put("title", title);
        body.put("activity_type", "FIXED_PRICE");
        body.put("begin_time", begin.getEpochSecond());
        body.put("end_time", end.getEpochSecond());
        body.put("product_level", "VARIATION");
        JsonNode data = transport.call(ApiRequest.of(CREATE).shop(shop).body(body).build());
        return Nodes.str(data, "activity_id");
    }

    /** Activities whose title matches {@code title} (TikTok matches keywords; callers compare exactly). */
    public List<Activity> searchByTitle(ShopContext shop, String title) {
        List<Activity> out = new ArrayList<>();
        String token = "";
        do {
            ObjectNode body = Nodes.object();
            body.put("activity_title", title);
            body.put("page_size", 100);
            body.put("page_token", token);
            JsonNode data = transport.call(ApiRequest.of(SEARCH).shop(shop).body(body).build());
            out.addAll(Nodes.list(data, "activities", a -> new Activity(Nodes.str(a, "id"), Nodes.str(a, "title"),
                    Nodes.str(a, "activity_type"), Nodes.str(a, "status"), Nodes.instant(a, "begin_time"),
                    Nodes.instant(a, "end_time"))));
            token = Nodes.str(data, "next_page_token");
        } while (token != null && !token.isEmpty());
        return List.copyOf(out);
    }

    /** Adds or updates products of an activity with their SKU deal prices (absolute values: repeatable). */
    public void setProducts(ShopContext shop, String activityId, List<ActivityProduct> products) {
        if (products == null || products.isEmpty() || products.size() > MAX_PRODUCTS) {
            throw HttpTransport.invalid("products", "1-300 products per call (spec §11)");
        }
        ObjectNode body = Nodes.object();
        body.put("activity_id", activityId);
        ArrayNode arr = body.putArray("products");
        for (ActivityProduct p : products) {
            ObjectNode pn = arr.addObject();
            pn.put("id", p.productId());
            // Spec §11: quantity limits must be -1 at VARIATION level.
            pn.put("quantity_limit", -1);
            pn.put("quantity_per_user", -1);
            ArrayNode skus = pn.putArray("skus");
            for (ActivityProduct.SkuDeal d : p.skus()) {
                skus.addObject().put("id", d.skuId()).put("activity_price_amount", d.activityPrice().toPlainString())
                        .put("quantity_limit", -1).put("quantity_per_user", -1);
            }
        }
        transport.call(ApiRequest.of(UPDATE_PRODUCTS).shop(shop).pathParam("activity_id", activityId).body(body)
                .build());
    }

    /** Deactivates an activity (→ DEACTIVATED); its products' prices are no longer locked. */
    public void deactivate(ShopContext shop, String activityId) {
        transport.call(ApiRequest.of(DEACTIVATE).shop(shop).pathParam("activity_id", activityId).build());
    }
}
