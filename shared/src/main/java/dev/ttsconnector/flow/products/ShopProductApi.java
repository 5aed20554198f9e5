package dev.ttsconnector.flow.products;

import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.tiktok.ItemError;
import dev.ttsconnector.tiktok.logistics.Warehouse;
import dev.ttsconnector.tiktok.products.CategoryAttribute;
import dev.ttsconnector.tiktok.products.CreatedProduct;
import dev.ttsconnector.tiktok.products.Product;
import dev.ttsconnector.tiktok.products.ProductListing;
import dev.ttsconnector.tiktok.products.ProductPartialEdit;
import dev.ttsconnector.tiktok.products.ProductSearchRequest;
import dev.ttsconnector.tiktok.products.SkuPrice;
import dev.ttsconnector.tiktok.promotions.Activity;
import dev.ttsconnector.tiktok.promotions.ActivityProduct;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The TikTok calls the product push makes for one connected shop (spec §7, §11). The production implementation
 * ({@link #of(ConnectedShop)}) delegates to the shop's {@code TikTokShopClient}; tests substitute a fake. Every
 * method throws the client's {@code TikTokApiException}s unchanged.
 */
public interface ShopProductApi {

    /** The shop's region as bound at authorization (e.g. {@code US}); null when unknown. */
    String region();

    /** Products (any status but DELETED, or exactly {@code status}) holding one of the seller SKUs (≤ 10). */
    List<Product> searchBySellerSkus(List<String> sellerSkus, String status);

    Optional<Product> product(String productId);

    List<CategoryAttribute> categoryAttributes(String categoryId, String categoryVersion);

    /** The shop's default sales warehouse id (new SKUs need one, spec §7 12019022). */
    String defaultWarehouseId();

    CreatedProduct create(ProductListing listing);

    CreatedProduct edit(String productId, ProductListing listing);

    void partialEdit(String productId, ProductPartialEdit edit);

    void updatePrices(String productId, List<SkuPrice> prices);

    List<ItemError> activate(String productId);

    List<ItemError> deactivate(String productId);

    List<ItemError> recover(String productId);

    List<Activity> activitiesTitled(String title);

    String createFixedPriceActivity(String title, Instant begin, Instant end);

    void setActivityProducts(String activityId, ActivityProduct product);

    void deactivateActivity(String activityId);

    /** The API over the connected shop's client. */
    static ShopProductApi of(ConnectedShop connected) {
        var client = connected.client();
        var shop = connected.shop();
        return new ShopProductApi() {
            @Override
            public String region() {
                return connected.integration().shop() == null ? null : connected.integration().shop().region();
            }

            @Override
            public List<Product> searchBySellerSkus(List<String> sellerSkus, String status) {
                return client.products().search(shop, new ProductSearchRequest(status, sellerSkus, null, null, null,
                        null, 100), null).toList();
            }

            @Override
            public Optional<Product> product(String productId) {
                try {
                    return Optional.of(client.products().get(shop, productId));
                } catch (dev.ttsconnector.tiktok.TikTokPermanentException e) {
                    // Spec §7: FREEZE/DELETED products answer 12019150; another shop's product 12052048.
                    if (e.code() != null && (e.code() == 12019150 || e.code() == 12052048)) {
                        return Optional.empty();
                    }
                    throw e;
                }
            }

            @Override
            public List<CategoryAttribute> categoryAttributes(String categoryId, String categoryVersion) {
                return client.products().categoryAttributes(shop, categoryId, categoryVersion);
            }

            @Override
            public String defaultWarehouseId() {
                List<Warehouse> sales = client.logistics().warehouses(shop).stream()
                        .filter(w -> "SALES_WAREHOUSE".equals(w.type())).toList();
                return sales.stream().filter(w -> Boolean.TRUE.equals(w.isDefault())).findFirst()
                        .or(() -> sales.stream().findFirst()).map(Warehouse::id)
                        .orElseThrow(() -> new IllegalStateException("warehouses: the shop has no sales warehouse"));
            }

            @Override
            public CreatedProduct create(ProductListing listing) {
                return client.products().create(shop, listing);
            }

            @Override
            public CreatedProduct edit(String productId, ProductListing listing) {
                return client.products().edit(shop, productId, listing);
            }

            @Override
            public void partialEdit(String productId, ProductPartialEdit edit) {
                client.products().partialEdit(shop, productId, edit);
            }

            @Override
            public void updatePrices(String productId, List<SkuPrice> prices) {
                client.products().updatePrices(shop, productId, prices);
            }

            @Override
            public List<ItemError> activate(String productId) {
                return client.products().activate(shop, List.of(productId));
            }

            @Override
            public List<ItemError> deactivate(String productId) {
                return client.products().deactivate(shop, List.of(productId));
            }

            @Override
            public List<ItemError> recover(String productId) {
                return client.products().recover(shop, List.of(productId));
            }

            @Override
            public List<Activity> activitiesTitled(String title) {
                return client.promotions().searchByTitle(shop, title).stream()
                        .filter(a -> title.equals(a.title())).toList();
            }

            @Override
            public String createFixedPriceActivity(String title, Instant begin, Instant end) {
                return client.promotions().createFixedPriceActivity(shop, title, begin, end);
            }

            @Override
            public void setActivityProducts(String activityId, ActivityProduct product) {
                client.promotions().setProducts(shop, activityId, List.of(product));
            }

            @Override
            public void deactivateActivity(String activityId) {
                client.promotions().deactivate(shop, activityId);
            }
        };
    }
}
