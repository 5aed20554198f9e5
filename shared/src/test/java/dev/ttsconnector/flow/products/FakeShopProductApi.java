package dev.ttsconnector.flow.products;

import dev.ttsconnector.tiktok.ItemError;
import dev.ttsconnector.tiktok.TikTokPermanentException;
import dev.ttsconnector.tiktok.products.CategoryAttribute;
import dev.ttsconnector.tiktok.products.CreatedProduct;
import dev.ttsconnector.tiktok.products.ListingSku;
import dev.ttsconnector.tiktok.products.Product;
import dev.ttsconnector.tiktok.products.ProductListing;
import dev.ttsconnector.tiktok.products.ProductPartialEdit;
import dev.ttsconnector.tiktok.products.ProductSku;
import dev.ttsconnector.tiktok.products.SkuPrice;
import dev.ttsconnector.tiktok.promotions.Activity;
import dev.ttsconnector.tiktok.promotions.ActivityProduct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory shop recording every write; products are keyed by id, SKU ids are {@code <productId>-<sellerSku>}. */
final class FakeShopProductApi implements ShopProductApi {
    final Map<String, Product> products = new LinkedHashMap<>();
    final Map<String, String> byIdempotencyKey = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<Activity> activities = new ArrayList<>();
    final Map<String, ActivityProduct> activityProducts = new LinkedHashMap<>();
    List<CategoryAttribute> category = List.of();
    ProductListing lastCreate;
    ProductListing lastEdit;
    ProductPartialEdit lastPartial;
    List<SkuPrice> lastPrices;
    Integer priceUpdateError;
    /** Search answers nothing (a product TikTok made whose answer we never saw is not yet searchable). */
    boolean searchBlind;
    private int next = 1;

    void seed(String id, String status, String... sellerSkus) {
        List<ProductSku> skus = new ArrayList<>();
        for (String s : sellerSkus) {
            skus.add(new ProductSku(id + "-" + s, s, dev.ttsconnector.common.Money.of("10.00", "USD"), List.of(), "NORMAL"));
        }
        products.put(id, new Product(id, "Seeded", status, Instant.EPOCH, Instant.EPOCH, skus));
    }

    /** Calls that change TikTok (everything but reads). */
    List<String> writes() {
        return calls.stream().filter(c -> !c.startsWith("read:")).toList();
    }

    @Override
    public String region() {
        return "US";
    }

    @Override
    public List<Product> searchBySellerSkus(List<String> sellerSkus, String status) {
        calls.add("read:search " + status);
        if (searchBlind) {
            return List.of();
        }
        return products.values().stream()
                .filter(p -> status == null ? !"DELETED".equals(p.status()) : status.equals(p.status()))
                .filter(p -> p.skus().stream().anyMatch(s -> sellerSkus.contains(s.sellerSku()))).toList();
    }

    @Override
    public Optional<Product> product(String productId) {
        calls.add("read:get " + productId);
        Product p = products.get(productId);
        return p == null || "DELETED".equals(p.status()) ? Optional.empty() : Optional.of(p);
    }

    @Override
    public List<CategoryAttribute> categoryAttributes(String categoryId, String categoryVersion) {
        calls.add("read:attributes " + categoryId + " " + categoryVersion);
        return category;
    }

    @Override
    public String defaultWarehouseId() {
        return "WH-1";
    }

    @Override
    public CreatedProduct create(ProductListing listing) {
        calls.add("create " + listing.saveMode());
        lastCreate = listing;
        String existing = byIdempotencyKey.get(listing.idempotencyKey());
        String id = existing != null ? existing : "P" + next++;
        if (existing == null) {
            List<ProductSku> skus = new ArrayList<>();
            for (ListingSku s : listing.skus()) {
                skus.add(new ProductSku(id + "-" + s.sellerSku(), s.sellerSku(), s.price(), List.of(), "NORMAL"));
            }
            products.put(id, new Product(id, listing.title(), ProductListing.AS_DRAFT.equals(listing.saveMode())
                    ? "DRAFT" : "PENDING", Instant.EPOCH, Instant.EPOCH, skus));
            byIdempotencyKey.put(listing.idempotencyKey(), id);
        }
        return created(products.get(id));
    }

    @Override
    public CreatedProduct edit(String productId, ProductListing listing) {
        calls.add("edit " + productId);
        lastEdit = listing;
        List<ProductSku> skus = new ArrayList<>();
        for (ListingSku s : listing.skus()) {
            skus.add(new ProductSku(s.id() != null ? s.id() : productId + "-" + s.sellerSku(), s.sellerSku(), s.price(),
                    List.of(), "NORMAL"));
        }
        Product p = products.get(productId);
        products.put(productId, new Product(productId, listing.title(), "PENDING", p.createTime(), p.updateTime(), skus));
        return created(products.get(productId));
    }

    @Override
    public void partialEdit(String productId, ProductPartialEdit edit) {
        calls.add("partialEdit " + productId + " " + edit.fields());
        lastPartial = edit;
    }

    @Override
    public void updatePrices(String productId, List<SkuPrice> prices) {
        if (priceUpdateError != null) {
            throw new TikTokPermanentException("products.updatePrice", 200, priceUpdateError, "price is locked", "r");
        }
        calls.add("prices " + productId);
        lastPrices = prices;
    }

    @Override
    public List<ItemError> activate(String productId) {
        calls.add("activate " + productId);
        return List.of();
    }

    @Override
    public List<ItemError> deactivate(String productId) {
        calls.add("deactivate " + productId);
        return List.of();
    }

    @Override
    public List<ItemError> recover(String productId) {
        calls.add("recover " + productId);
        Product p = products.get(productId);
        products.put(productId, new Product(p.id(), p.title(), "SELLER_DEACTIVATED", p.createTime(), p.updateTime(), p.skus()));
        return List.of();
    }

    @Override
    public List<Activity> activitiesTitled(String title) {
        calls.add("read:activities " + title);
        return activities.stream().filter(a -> a.title().equals(title)).toList();
    }

    @Override
    public String createFixedPriceActivity(String title, Instant begin, Instant end) {
        calls.add("createActivity " + title);
        String id = "A" + (activities.size() + 1);
        activities.add(new Activity(id, title, "FIXED_PRICE", "NOT_START", begin, end));
        return id;
    }

    @Override
    public void setActivityProducts(String activityId, ActivityProduct product) {
        calls.add("activityProducts " + activityId);
        activityProducts.put(activityId, product);
    }

    @Override
    public void deactivateActivity(String activityId) {
        calls.add("deactivateActivity " + activityId);
        activities.replaceAll(a -> a.id().equals(activityId)
                ? new Activity(a.id(), a.title(), a.activityType(), "DEACTIVATED", a.beginTime(), a.endTime()) : a);
    }

    private static CreatedProduct created(Product p) {
        return new CreatedProduct(p.id(), p.skus().stream().map(s -> new CreatedProduct.CreatedSku(s.id(), s.sellerSku()))
                .toList(), List.of());
    }
}
