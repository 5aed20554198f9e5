package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.JsonBody;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.Page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The app catalog: {@code PUT /v1/products} (admin) upserts products by SKU, validated whole (at most
 * {@value #MAX_ITEMS} per call); {@code GET /v1/products} lists them in SKU order (paged by {@code limit}/{@code cursor}).
 */
public final class ProductRoutes implements RouteModule {

    public static final int MAX_ITEMS = 1_000;

    /** One item of {@code PUT /v1/products}. */
    public record ProductItem(String sku, String title, Money price, String barcode, Map<String, String> attributes) {
    }

    /** Body of {@code PUT /v1/products}. */
    public record PutProductsRequest(List<ProductItem> items) {
    }

    /** A list of products; {@code nextCursor} set when more follow. */
    public record ProductList(List<AppProduct> items, String nextCursor) {
    }

    /** Answer of {@code PUT /v1/products}. */
    public record PutProductsResponse(int stored) {
    }

    private final InventoryRoutes.Services services;

    /** @param services null while the deployment does not wire inventory: the routes then answer 503 */
    public ProductRoutes(InventoryRoutes.Services services) {
        this.services = services;
    }

    @Override
    public void register(Router router) {
        router.put("/v1/products", Access.ADMIN, this::put);
        router.get("/v1/products", Access.AUTHENTICATED, this::list);
    }

    private ApiResponse put(ApiRequest request) {
        PutProductsRequest body = JsonBody.read(request, PutProductsRequest.class);
        if (body.items() == null || body.items().isEmpty()) {
            throw ApiException.validation("items", "at least one item required");
        }
        if (body.items().size() > MAX_ITEMS) {
            throw ApiException.validation("items", "at most " + MAX_ITEMS + " per request, was " + body.items().size());
        }
        Instant now = services().clock().now();
        List<AppProduct> products = new ArrayList<>();
        for (int i = 0; i < body.items().size(); i++) {
            ProductItem item = body.items().get(i);
            if (item == null) {
                throw ApiException.validation("items[" + i + "]", "must not be null");
            }
            try {
                AppProduct.requireSku(item.sku(), "sku");
                products.add(new AppProduct(item.sku(), item.title(), item.price(), item.barcode(), item.attributes(),
                        now));
            } catch (IllegalArgumentException e) {
                ApiException base = InventoryRoutes.invalid(e);
                throw ApiException.validation("items[" + i + "]." + base.field(), e.getMessage());
            }
        }
        try {
            services().catalog().putAll(products);
        } catch (IllegalArgumentException e) {
            throw InventoryRoutes.invalid(e);
        }
        return ApiResponse.ok(new PutProductsResponse(products.size()));
    }

    private ApiResponse list(ApiRequest request) {
        Page<AppProduct> page = services().catalog().list(InventoryRoutes.limit(request),
                request.queryParam("cursor").orElse(null));
        return ApiResponse.ok(new ProductList(page.items(), page.nextCursor()));
    }

    /** The services, or 503 {@code not_configured} while this deployment does not wire the inventory flow. */
    private InventoryRoutes.Services services() {
        if (services == null) {
            throw new ApiException(503, "not_configured", "Inventory is not configured in this deployment", null);
        }
        return services;
    }
}
