package dev.ttsconnector.tiktok.products;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.ItemError;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.Paginator;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;
import java.util.List;

/**
 * Products API (spec §7): search and detail (SKU matching), create, full-replace edit, partial edit, price update,
 * activate / deactivate / recover and category attributes. Writes are retried by the transport like every call
 * (reliability R5): create is made idempotent by its {@code idempotency_key}; edits, price updates and status
 * changes set absolute values, so repeating one is harmless. Per-item refusals of the batch status endpoints come
 * back as {@link ItemError}s, everything else as {@code TikTokApiException}s.
 */
public final class ProductsClient {

    static final Operation SEARCH = Operation.shop("products.search", "POST", "/product/202309/products/search");
    static final Operation GET = Operation.shop("products.get", "GET", "/product/202309/products/{product_id}");
    static final Operation CREATE = Operation.shop("products.create", "POST", "/product/202309/products");
    static final Operation EDIT = Operation.shop("products.edit", "PUT", "/product/202309/products/{product_id}");
    static final Operation PARTIAL_EDIT = Operation.shop("products.partialEdit", "POST",
            "/product/202309/products/{product_id}/partial_edit");
    static final Operation UPDATE_PRICE = Operation.shop("products.updatePrice", "POST",
            "/product/202309/products/{product_id}/prices/update");
    static final Operation ACTIVATE = Operation.shop("products.activate", "POST", "/product/202309/products/activate");
    static final Operation DEACTIVATE = Operation.shop("products.deactivate", "POST",
            "/product/202309/products/deactivate");
    static final Operation RECOVER = Operation.shop("products.recover", "POST", "/product/202309/products/recover");
    static final Operation CATEGORY_ATTRIBUTES = Operation.shop("products.categoryAttributes", "GET",
            "/product/202309/categories/{category_id}/attributes");
    /** Activate, deactivate, delete and recover take at most 20 product ids per call (spec §7, §15). */
    public static final int MAX_STATUS_IDS = 20;
    /** Error code of Update price while a SKU is in an ongoing promotion (spec §7, §11). */
    public static final int PRICE_LOCKED = 12019045;
    /** Error code of a non-leaf category on create/edit (spec §7). */
    public static final int CATEGORY_NOT_LEAF = 12052024;

    private final HttpTransport transport;

    public ProductsClient(HttpTransport transport) {
        this.transport = transport;
    }

    public Page<Product> searchPage(ShopContext shop, ProductSearchRequest request, String pageToken) {
        ObjectNode body = Nodes.object();
        Nodes.put(body, "status", request.status());
        Nodes.put(body, "seller_skus", request.sellerSkus());
        Nodes.put(body, "create_time_ge", request.createTimeGe());
        Nodes.put(body, "create_time_le", request.createTimeLe());
        Nodes.put(body, "update_time_ge", request.updateTimeGe());
        Nodes.put(body, "update_time_le", request.updateTimeLe());
        JsonNode data = transport.call(ApiRequest.of(SEARCH).shop(shop).query("page_size", request.pageSize())
                .query("page_token", pageToken).body(body).build());
        return new Page<>(Nodes.list(data, "products", Product::from), Nodes.str(data, "next_page_token"),
                Nodes.integer(data, "total_count"));
    }

    public Paginator<Product> search(ShopContext shop, ProductSearchRequest request, String resumeToken) {
        return new Paginator<>(token -> searchPage(shop, request, token), resumeToken);
    }

    /** Product detail; FREEZE/DELETED products answer 12019150 (a {@code TikTokPermanentException}). */
    public Product get(ShopContext shop, String productId) {
        return Product.from(transport.call(ApiRequest.of(GET).shop(shop).pathParam("product_id", productId).build()));
    }

    /**
     * Creates a product. With an {@code idempotencyKey}, a retried create answers the product the first call made
     * instead of a second one (spec §7: the key is unique per shop).
     */
    public CreatedProduct create(ShopContext shop, ProductListing listing) {
        ObjectNode body = listingBody(listing, true);
        return created(transport.call(ApiRequest.of(CREATE).shop(shop).body(body).build()), null);
    }

    /**
     * Full-replace edit (spec §7): every SKU not in {@code listing.skus()} is deleted by TikTok, and content changes
     * send the product to re-audit. Callers must have decided that both are intended.
     */
    public CreatedProduct edit(ShopContext shop, String productId, ProductListing listing) {
        ObjectNode body = listingBody(listing, false);
        return created(transport.call(ApiRequest.of(EDIT).shop(shop).pathParam("product_id", productId).body(body)
                .build()), productId);
    }

    /** Partial edit (spec §7): only the fields set in {@code edit} change. */
    public void partialEdit(ShopContext shop, String productId, ProductPartialEdit edit) {
        ObjectNode body = Nodes.object();
        Nodes.put(body, "title", edit.title());
        Nodes.put(body, "description", edit.description());
        if (edit.mainImages() != null) {
            images(body, edit.mainImages());
        }
        if (edit.productAttributes() != null) {
            attributes(body, edit.productAttributes());
        }
        if (edit.skus() != null) {
            skus(body, edit.skus());
        }
        transport.call(ApiRequest.of(PARTIAL_EDIT).shop(shop).pathParam("product_id", productId).body(body).build());
    }

    /**
     * Update price (spec §7): published at once without re-audit. Fails with {@value #PRICE_LOCKED} while a SKU is in
     * an ongoing promotion and with 12019113 unless the product is ACTIVATE.
     */
    public void updatePrices(ShopContext shop, String productId, List<SkuPrice> prices) {
        if (prices == null || prices.isEmpty()) {
            throw HttpTransport.invalid("skus", "at least one SKU price required");
        }
        ObjectNode body = Nodes.object();
        ArrayNode arr = body.putArray("skus");
        for (SkuPrice p : prices) {
            ObjectNode s = arr.addObject();
            s.put("id", p.skuId());
            money(s.putObject("price"), p.price());
            if (p.listPrice() != null) {
                money(s.putObject("list_price"), p.listPrice());
            }
        }
        transport.call(ApiRequest.of(UPDATE_PRICE).shop(shop).pathParam("product_id", productId).body(body).build());
    }

    /** Activates products (→ PENDING re-audit → ACTIVATE), ≤20 ids per call; answers the per-product refusals. */
    public List<ItemError> activate(ShopContext shop, List<String> productIds) {
        return statusChange(ACTIVATE, shop, productIds);
    }

    /** Deactivates products (→ SELLER_DEACTIVATED), ≤20 ids per call; answers the per-product refusals. */
    public List<ItemError> deactivate(ShopContext shop, List<String> productIds) {
        return statusChange(DEACTIVATE, shop, productIds);
    }

    /** Recovers deleted products (DELETED → SELLER_DEACTIVATED), ≤20 ids per call; answers per-product refusals. */
    public List<ItemError> recover(ShopContext shop, List<String> productIds) {
        return statusChange(RECOVER, shop, productIds);
    }

    /** The attributes of a category (spec §7), {@code categoryVersion} v1/v2 or null for TikTok's default. */
    public List<CategoryAttribute> categoryAttributes(ShopContext shop, String categoryId, String categoryVersion) {
        JsonNode data = transport.call(ApiRequest.of(CATEGORY_ATTRIBUTES).shop(shop)
                .pathParam("category_id", categoryId).query("category_version", categoryVersion).build());
        return Nodes.list(data, "attributes", a -> new CategoryAttribute(Nodes.str(a, "id"), Nodes.str(a, "name"),
                Nodes.str(a, "type"),
                // TikTok's schema spells it is_requried (spec §7, §15); map it literally.
                Boolean.TRUE.equals(Nodes.bool(a, "is_requried")),
                Boolean.TRUE.equals(Nodes.bool(a, "is_multiple_selection")),
                Boolean.TRUE.equals(Nodes.bool(a, "is_customizable")),
                Nodes.list(a, "values", v -> new CategoryAttribute.Value(Nodes.str(v, "id"), Nodes.str(v, "name"))),
                Nodes.list(a, "requirement_conditions", c -> new CategoryAttribute.Condition(
                        Nodes.str(c, "condition_type"), Nodes.str(c, "attribute_id"),
                        Nodes.str(c, "attribute_value_id")))));
    }

    private List<ItemError> statusChange(Operation op, ShopContext shop, List<String> productIds) {
        if (productIds == null || productIds.isEmpty() || productIds.size() > MAX_STATUS_IDS) {
            throw HttpTransport.invalid("product_ids", "1-20 ids per call (spec §7), was "
                    + (productIds == null ? 0 : productIds.size()));
        }
        ObjectNode body = Nodes.object();
        Nodes.put(body, "product_ids", productIds);
        return Nodes.itemErrors(transport.call(ApiRequest.of(op).shop(shop).body(body).build()), "product_id");
    }

    private static ObjectNode listingBody(ProductListing l, boolean create) {
        ObjectNode body = Nodes.object();
        Nodes.put(body, "title", l.title());
        Nodes.put(body, "description", l.description());
        Nodes.put(body, "category_id", l.categoryId());
        Nodes.put(body, "category_version", l.categoryVersion());
        images(body, l.mainImages());
        attributes(body, l.productAttributes());
        skus(body, l.skus());
        Nodes.put(body, "save_mode", l.saveMode());
        Nodes.put(body, "external_product_id", l.externalProductId());
        if (create) {
            Nodes.put(body, "idempotency_key", l.idempotencyKey());
        }
        return body;
    }

    private static void images(ObjectNode body, List<String> uris) {
        ArrayNode arr = body.putArray("main_images");
        uris.forEach(u -> arr.addObject().put("uri", u));
    }

    private static void attributes(ObjectNode body, List<ProductAttributeValue> attributes) {
        if (attributes.isEmpty()) {
            return;
        }
        ArrayNode arr = body.putArray("product_attributes");
        for (ProductAttributeValue a : attributes) {
            ObjectNode n = arr.addObject();
            n.put("id", a.id());
            ArrayNode values = n.putArray("values");
            a.values().forEach(v -> {
                ObjectNode vn = values.addObject();
                Nodes.put(vn, "id", v.id());
                Nodes.put(vn, "name", v.name());
            });
        }
    }

    private static void skus(ObjectNode body, List<ListingSku> skus) {
        ArrayNode arr = body.putArray("skus");
        for (ListingSku sku : skus) {
            ObjectNode s = arr.addObject();
            Nodes.put(s, "id", sku.id());
            s.put("seller_sku", sku.sellerSku());
            money(s.putObject("price"), sku.price());
            if (sku.listPrice() != null) {
                money(s.putObject("list_price"), sku.listPrice());
            }
            if (!sku.salesAttributes().isEmpty()) {
                ArrayNode attrs = s.putArray("sales_attributes");
                for (ListingSku.SalesAttribute a : sku.salesAttributes()) {
                    ObjectNode an = attrs.addObject().put("name", a.name()).put("value_name", a.valueName());
                    if (a.skuImageUri() != null) {
                        an.putObject("sku_img").put("uri", a.skuImageUri());
                    }
                }
            }
            if (!sku.inventory().isEmpty()) {
                ArrayNode inv = s.putArray("inventory");
                sku.inventory().forEach(w -> inv.addObject().put("warehouse_id", w.warehouseId())
                        .put("quantity", w.quantity()));
            }
        }
    }

    private static void money(ObjectNode node, Money money) {
        // Spec §15: amounts are strings with the currency in a sibling field.
        node.put("amount", money.amount().toPlainString());
        node.put("currency", money.currency());
    }

    private static CreatedProduct created(JsonNode data, String fallbackId) {
        String id = Nodes.str(data, "product_id");
        return new CreatedProduct(id == null ? fallbackId : id,
                Nodes.list(data, "skus", s -> new CreatedProduct.CreatedSku(Nodes.str(s, "id"),
                        Nodes.str(s, "seller_sku"))),
                Nodes.list(data, "warnings", w -> Nodes.str(w, "message")));
    }
}
