package dev.ttsconnector.tiktok.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.sandbox.RequestLog;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.SortOrder;
import dev.ttsconnector.tiktok.auth.TokenGrant;
import dev.ttsconnector.tiktok.fulfillment.SelfShipment;
import dev.ttsconnector.tiktok.fulfillment.ShipPackageRequest;
import dev.ttsconnector.tiktok.inventory.SkuInventory;
import dev.ttsconnector.tiktok.orders.Order;
import dev.ttsconnector.tiktok.orders.OrderSearchRequest;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.products.CategoryAttribute;
import dev.ttsconnector.tiktok.products.CreatedProduct;
import dev.ttsconnector.tiktok.products.ListingSku;
import dev.ttsconnector.tiktok.products.ProductAttributeValue;
import dev.ttsconnector.tiktok.products.ProductListing;
import dev.ttsconnector.tiktok.products.ProductPartialEdit;
import dev.ttsconnector.tiktok.products.ProductSearchRequest;
import dev.ttsconnector.tiktok.products.SkuPrice;
import dev.ttsconnector.tiktok.promotions.ActivityProduct;
import dev.ttsconnector.tiktok.returns.AftersaleSearchRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every client operation against the sandbox, checked against what spec §1–§8, §10–§12 say the request
 * must look like. The expectations below are written by hand from the spec text (paths with their version segment,
 * methods, query parameter names, body field names); neither the client's nor the sandbox's constants are used.
 * Each call must also be accepted by the sandbox (code 0), which checks the signature over the exact bytes sent.
 */
class TikTokContractTest {

    /** Spec §1: every open-api call carries these query parameters (and never `version` or `access_token`). */
    private static final Set<String> COMMON = Set.of("app_key", "timestamp", "sign");

    private static SandboxWorld w;
    private static ShopContext shop;

    @BeforeAll
    static void start() {
        w = new SandboxWorld(SandboxConfig.builder().seed(11), SandboxWorld.ClientOptions.defaults());
        shop = w.us;
    }

    @AfterAll
    static void stop() {
        w.close();
    }

    @BeforeEach
    void clearLog() {
        w.control.clearRequests();
    }

    // ------------------------------------------------------------------ §3 OAuth

    @Test
    void authorizeUrl_isTheConsentPageWithServiceIdAndState_andTheRedirectReturnsCodeAndState() {
        URI url = w.auth.authorizeUrl("s-1");
        assertThat(url.toString()).startsWith(w.sb.authorizeUrl() + "?");
        assertThat(SandboxWorld.query(url.getRawQuery()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("service_id", w.sb.config().serviceId(), "state", "s-1"));
        // The connection made in the fixture went through the consent page's redirect.
        assertThat(w.redirectState).isEqualTo(SandboxWorld.STATE);
        assertThat(w.authCode).isNotBlank();
    }

    @Test
    void tokenGet_isUnsignedGetOnTheAuthHostWithAuthorizedCodeGrant() {
        String code = w.control.issueAuthCode(w.sellerId);
        TokenGrant g = w.auth.getAccessToken(code);
        RequestLog.Entry e = single("auth");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/api/v2/token/get");
        assertThat(e.query()).containsExactlyInAnyOrderEntriesOf(Map.of("app_key", w.sb.config().appKey(),
                "app_secret", w.sb.config().appSecret(), "auth_code", code, "grant_type", "authorized_code"));
        assertThat(e.headerNames()).doesNotContain("x-tts-access-token");
        assertThat(e.code()).isZero();
        // §3.4: expiries are absolute timestamps, the access token's in the future (7 days by default).
        assertThat(g.accessTokenExpiresAt()).isAfter(w.clock.now().plus(Duration.ofDays(6)));
        assertThat(g.refreshTokenExpiresAt()).isAfter(g.accessTokenExpiresAt());
    }

    @Test
    void tokenRefresh_isUnsignedGetWithRefreshTokenGrant() {
        TokenGrant first = w.auth.getAccessToken(w.control.issueAuthCode(w.sellerId));
        w.control.clearRequests();
        TokenGrant refreshed = w.auth.refreshAccessToken(first.refreshToken());
        RequestLog.Entry e = single("auth");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/api/v2/token/refresh");
        assertThat(e.query()).containsExactlyInAnyOrderEntriesOf(Map.of("app_key", w.sb.config().appKey(),
                "app_secret", w.sb.config().appSecret(), "refresh_token", first.refreshToken(), "grant_type", "refresh_token"));
        assertThat(e.code()).isZero();
        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(refreshed.refreshToken()).isNotEqualTo(first.refreshToken());
    }

    @Test
    void authorizedShops_isSignedSellerLevelGetWithoutShopCipher() {
        var shops = w.auth.authorizedShops(w.grant.accessToken());
        assertCall(single("api"), "GET", "/authorization/202309/shops", false, Set.of(), Set.of());
        assertThat(shops).extracting(s -> s.region()).containsExactlyInAnyOrder("US", "GB");
        assertThat(shops).allSatisfy(s -> {
            assertThat(s.cipher()).isNotBlank();
            assertThat(s.sellerType()).isEqualTo("LOCAL");
            assertThat(s.name()).isNotBlank();
        });
    }

    // ------------------------------------------------------------------ §4 orders

    @Test
    void orderSearch_isPostWithPagingAndSortInTheQueryAndFiltersInTheBody() {
        Instant from = w.clock.now().minus(Duration.ofHours(1));
        w.order(Map.of(w.skuA, 1), null);
        w.order(Map.of(w.skuA, 1), null);
        w.order(Map.of(w.skuA, 1), null);
        w.control.clearRequests();
        OrderSearchRequest req = OrderSearchRequest.updatedBetween(from, w.clock.now().plusSeconds(5)).withPageSize(2);
        List<Page<Order>> pages = w.client.orders().search(shop, req, null).pages().toList();

        List<RequestLog.Entry> calls = all("api");
        assertThat(calls).hasSize(pages.size()).hasSizeGreaterThanOrEqualTo(2);
        assertCall(calls.get(0), "POST", "/order/202309/orders/search", true,
                Set.of("page_size", "sort_field", "sort_order"), Set.of("update_time_ge", "update_time_lt"));
        assertThat(calls.get(0).query()).containsEntry("page_size", "2").containsEntry("sort_field", "update_time")
                .containsEntry("sort_order", "ASC");
        // Later pages pass the previous response's next_page_token as page_token (spec §1 pagination).
        assertCall(calls.get(1), "POST", "/order/202309/orders/search", true,
                Set.of("page_size", "page_token", "sort_field", "sort_order"), Set.of("update_time_ge", "update_time_lt"));
        assertThat(calls.get(1).query().get("page_token")).isEqualTo(pages.get(0).nextPageToken());
        assertThat(pages.stream().mapToInt(p -> p.items().size()).sum()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void orderDetail_isGetWithCommaJoinedIds_atMostFiftyPerCall() {
        String a = w.order(Map.of(w.skuA, 1), null);
        String b = w.order(Map.of(w.skuB, 2), null);
        List<String> ids = new ArrayList<>(List.of(a, b));
        // 49 unknown ids make 51: the client must split them 50 + 1 (spec §4: ids max 50).
        IntStream.range(0, 49).forEach(i -> ids.add(Long.toString(900_000_000_000_000_000L + i)));
        w.control.clearRequests();
        List<Order> orders = w.client.orders().get(shop, ids);

        List<RequestLog.Entry> calls = all("api");
        assertThat(calls).hasSize(2);
        for (RequestLog.Entry e : calls) {
            assertCall(e, "GET", "/order/202309/orders", true, Set.of("ids"), Set.of());
        }
        assertThat(calls.get(0).query().get("ids").split(",")).hasSize(50).startsWith(a, b);
        assertThat(calls.get(1).query().get("ids").split(",")).hasSize(1);
        assertThat(orders).extracting(Order::id).containsExactlyInAnyOrder(a, b);
        // Spec §4: no quantity field; two units of a SKU are two line items.
        assertThat(orders.stream().filter(o -> o.id().equals(b)).findFirst().orElseThrow().lineItems()).hasSize(2);
    }

    // ------------------------------------------------------------------ §5 fulfillment and logistics

    @Test
    void warehousesDeliveryOptionsAndShippingProviders_areShopScopedGets() {
        var warehouses = w.client.logistics().warehouses(shop);
        assertCall(single("api"), "GET", "/logistics/202309/warehouses", true, Set.of(), Set.of());
        assertThat(warehouses).extracting(x -> x.type()).contains("SALES_WAREHOUSE", "RETURN_WAREHOUSE");

        w.control.clearRequests();
        var options = w.client.logistics().deliveryOptions(shop, w.usWarehouse);
        assertCall(single("api"), "GET", "/logistics/202309/warehouses/" + w.usWarehouse + "/delivery_options", true,
                Set.of(), Set.of());
        assertThat(options).isNotEmpty();

        w.control.clearRequests();
        String optionId = options.get(0).id();
        var providers = w.client.logistics().shippingProviders(shop, optionId);
        assertCall(single("api"), "GET", "/logistics/202309/delivery_options/" + optionId + "/shipping_providers", true,
                Set.of(), Set.of());
        assertThat(providers).isNotEmpty();
    }

    @Test
    void packageDetailAndShipPackage_withSelfShipment() {
        String orderId = w.order(Map.of(w.skuA, 1), null);
        String packageId = w.orderState(orderId).get("packages").get(0).get("id").asText();
        String provider = providerFor(orderId);
        w.control.clearRequests();

        var detail = w.client.fulfillment().packageDetail(shop, packageId);
        assertCall(single("api"), "GET", "/fulfillment/202309/packages/" + packageId, true, Set.of(), Set.of());
        assertThat(detail.packageId()).isEqualTo(packageId);

        w.control.clearRequests();
        w.client.fulfillment().shipPackage(shop, ShipPackageRequest.selfShipped(packageId, new SelfShipment("TRK-1001", provider)));
        assertCall(single("api"), "POST", "/fulfillment/202309/packages/" + packageId + "/ship", true, Set.of(),
                Set.of("self_shipment", "self_shipment.tracking_number", "self_shipment.shipping_provider_id"));
        assertThat(w.control.parcel(packageId).get("tracking_number").asText()).isEqualTo("TRK-1001");
    }

    @Test
    void batchShip_sendsPackagesWithIdAndSelfShipment() {
        String o1 = w.order(Map.of(w.skuA, 1), null);
        String o2 = w.order(Map.of(w.skuB, 1), null);
        String p1 = w.orderState(o1).get("packages").get(0).get("id").asText();
        String p2 = w.orderState(o2).get("packages").get(0).get("id").asText();
        String provider1 = providerFor(o1);
        String provider2 = providerFor(o2);
        w.control.clearRequests();

        var errors = w.client.fulfillment().batchShip(shop, List.of(
                ShipPackageRequest.selfShipped(p1, new SelfShipment("TRK-B1", provider1)),
                ShipPackageRequest.selfShipped(p2, new SelfShipment("TRK-B2", provider2))));
        assertCall(single("api"), "POST", "/fulfillment/202309/packages/ship", true, Set.of(),
                Set.of("packages", "packages[].id", "packages[].self_shipment", "packages[].self_shipment.tracking_number",
                        "packages[].self_shipment.shipping_provider_id"));
        assertThat(errors).isEmpty();
    }

    @Test
    void markPackageAsShipped_thenUpdateOrderAndPackageShippingInfo() {
        String orderId = w.order(Map.of(w.skuA, 1, w.skuB, 1), null);
        String provider = providerFor(orderId);
        List<String> lines = w.control.lineItemIds(orderId);
        w.control.clearRequests();

        var result = w.client.fulfillment().markPackageAsShipped(shop, orderId, List.of(lines.get(0)),
                new SelfShipment("TRK-M1", provider));
        assertCall(single("api"), "POST", "/fulfillment/202309/orders/" + orderId + "/packages", true, Set.of(),
                Set.of("tracking_number", "shipping_provider_id", "order_line_item_ids"));
        assertThat(result.packageId()).isNotBlank();
        assertThat(result.orderLineItemIds()).containsExactly(lines.get(0));

        w.control.clearRequests();
        w.client.fulfillment().updatePackageShippingInfo(shop, result.packageId(), new SelfShipment("TRK-M1-FIX", provider));
        assertCall(single("api"), "POST", "/fulfillment/202309/packages/" + result.packageId() + "/shipping_info/update",
                true, Set.of(), Set.of("tracking_number", "shipping_provider_id"));

        w.control.clearRequests();
        w.client.fulfillment().updateOrderShippingInfo(shop, orderId, new SelfShipment("TRK-M1-FIX2", provider));
        assertCall(single("api"), "POST", "/fulfillment/202309/orders/" + orderId + "/shipping_info/update", true,
                Set.of(), Set.of("tracking_number", "shipping_provider_id"));
    }

    // ------------------------------------------------------------------ §7/§8 products and inventory

    @Test
    void productSearchAndDetail() {
        var page = w.client.products().searchPage(shop, ProductSearchRequest.bySellerSkus(List.of("CT-BLK-M")), null);
        assertCall(single("api"), "POST", "/product/202309/products/search", true, Set.of("page_size"), Set.of("seller_skus"));
        assertThat(page.items()).extracting(p -> p.id()).containsExactly(w.productId);

        w.control.clearRequests();
        var product = w.client.products().get(shop, w.productId);
        assertCall(single("api"), "GET", "/product/202309/products/" + w.productId, true, Set.of(), Set.of());
        assertThat(product.skus()).hasSize(2);
    }

    @Test
    void inventoryUpdate_listsEveryWarehouseOfTheSku_andInventorySearchBySkuAndProduct() {
        var result = w.client.inventory().update(shop, w.productId, List.of(new SkuInventory(w.skuA, List.of(
                new SkuInventory.WarehouseQuantity(w.usWarehouse, 33), new SkuInventory.WarehouseQuantity(w.usSecondWarehouse, 4)))));
        assertCall(single("api"), "POST", "/product/202309/products/" + w.productId + "/inventory/update", true, Set.of(),
                Set.of("skus", "skus[].id", "skus[].inventory", "skus[].inventory[].warehouse_id", "skus[].inventory[].quantity"));
        assertThat(result.errors()).isEmpty();

        w.control.clearRequests();
        var bySku = w.client.inventory().searchBySkuIds(shop, List.of(w.skuA));
        assertCall(single("api"), "POST", "/product/202309/inventory/search", true, Set.of(), Set.of("sku_ids"));
        assertThat(bySku).singleElement().satisfies(l -> assertThat(l.warehouses())
                .anySatisfy(x -> {
                    assertThat(x.warehouseId()).isEqualTo(w.usWarehouse);
                    assertThat(x.availableQuantity()).isEqualTo(33);
                }));

        w.control.clearRequests();
        var byProduct = w.client.inventory().searchByProductIds(shop, List.of(w.productId));
        assertCall(single("api"), "POST", "/product/202309/inventory/search", true, Set.of(), Set.of("product_ids"));
        assertThat(byProduct).hasSize(2);
    }

    // Sandbox category ids (its own fixed tree): 601226 = T-shirts (leaf), 101100 = Material, 2000001 = Cotton.
    private ProductListing teeListing(String sellerSku, String idempotencyKey) {
        return new ProductListing("Contract Listing Tee", "<p>Soft</p>", "601226", "v2", List.of("tos-img-1"),
                List.of(new ProductAttributeValue("101100", List.of(new ProductAttributeValue.Value("2000001", null)))),
                List.of(new ListingSku(null, sellerSku, Money.of("12.50", "USD"), null,
                        List.of(new ListingSku.SalesAttribute("Colour", "Red", null)),
                        List.of(new ListingSku.WarehouseQuantity(w.usWarehouse, 5)))),
                ProductListing.LISTING, idempotencyKey, null);
    }

    @Test
    void productCreate_isPostWithTheSpecBodyFields_andARetryWithTheSameIdempotencyKeyAnswersTheSameProduct() {
        CreatedProduct created = w.client.products().create(shop, teeListing("CT-LIST-1", "idem-ct-1"));
        assertCall(single("api"), "POST", "/product/202309/products", true, Set.of(), Set.of("title", "description",
                "category_id", "category_version", "main_images", "main_images[].uri", "product_attributes",
                "product_attributes[].id", "product_attributes[].values", "product_attributes[].values[].id", "skus",
                "skus[].seller_sku", "skus[].price", "skus[].price.amount", "skus[].price.currency",
                "skus[].sales_attributes", "skus[].sales_attributes[].name", "skus[].sales_attributes[].value_name",
                "skus[].inventory", "skus[].inventory[].warehouse_id", "skus[].inventory[].quantity", "save_mode",
                "idempotency_key"));
        assertThat(created.skus()).extracting(CreatedProduct.CreatedSku::sellerSku).containsExactly("CT-LIST-1");

        CreatedProduct again = w.client.products().create(shop, teeListing("CT-LIST-1", "idem-ct-1"));
        assertThat(again.productId()).isEqualTo(created.productId());
    }

    @Test
    void productEdit_isPutOnTheProduct_partialEditPostsOnlyGivenFields_priceUpdatePostsSkusPrice() {
        CreatedProduct created = w.client.products().create(shop, teeListing("CT-LIST-2", null));
        String skuId = created.skus().get(0).id();
        w.control.clearRequests();
        ProductListing l = teeListing("CT-LIST-2", null);
        w.client.products().edit(shop, created.productId(), new ProductListing(l.title(), l.description(),
                l.categoryId(), l.categoryVersion(), l.mainImages(), l.productAttributes(),
                List.of(new ListingSku(skuId, "CT-LIST-2", Money.of("13.00", "USD"), null, List.of(), List.of())),
                null, null, null));
        assertCall(single("api"), "PUT", "/product/202309/products/" + created.productId(), true, Set.of(),
                Set.of("title", "description", "category_id", "category_version", "main_images", "main_images[].uri",
                        "product_attributes", "product_attributes[].id", "product_attributes[].values",
                        "product_attributes[].values[].id", "skus", "skus[].id", "skus[].seller_sku", "skus[].price",
                        "skus[].price.amount", "skus[].price.currency"));

        w.control.clearRequests();
        w.client.products().partialEdit(shop, created.productId(), new ProductPartialEdit(null, "<p>New</p>", null,
                null, null));
        assertCall(single("api"), "POST", "/product/202309/products/" + created.productId() + "/partial_edit", true,
                Set.of(), Set.of("description"));

        w.control.setProductStatus(created.productId(), "ACTIVATE");
        w.control.clearRequests();
        w.client.products().updatePrices(shop, created.productId(), List.of(new SkuPrice(skuId, Money.of("11.00", "USD"), null)));
        assertCall(single("api"), "POST", "/product/202309/products/" + created.productId() + "/prices/update", true,
                Set.of(), Set.of("skus", "skus[].id", "skus[].price", "skus[].price.amount", "skus[].price.currency"));
        assertThat(new BigDecimal(w.control.product(created.productId()).get("skus").get(0).get("price").get("amount")
                .asText())).isEqualByComparingTo("11.00");
    }

    @Test
    void productDeactivateRecoverActivate_postProductIds() {
        var d = w.client.products().deactivate(shop, List.of(w.productId));
        assertCall(single("api"), "POST", "/product/202309/products/deactivate", true, Set.of(), Set.of("product_ids"));
        assertThat(d).isEmpty();
        w.control.setProductStatus(w.productId, "DELETED");
        w.control.clearRequests();
        assertThat(w.client.products().recover(shop, List.of(w.productId))).isEmpty();
        assertCall(single("api"), "POST", "/product/202309/products/recover", true, Set.of(), Set.of("product_ids"));
        w.control.clearRequests();
        assertThat(w.client.products().activate(shop, List.of(w.productId))).isEmpty();
        assertCall(single("api"), "POST", "/product/202309/products/activate", true, Set.of(), Set.of("product_ids"));
        w.control.setProductStatus(w.productId, "ACTIVATE");
    }

    @Test
    void categoryAttributes_isGetWithCategoryVersion_andMapsIsRequriedLiterally() {
        List<CategoryAttribute> attrs = w.client.products().categoryAttributes(shop, "601226", "v2");
        assertCall(single("api"), "GET", "/product/202309/categories/601226/attributes", true,
                Set.of("category_version"), Set.of());
        assertThat(attrs).filteredOn(a -> a.name().equals("Material")).singleElement()
                .satisfies(a -> assertThat(a.required()).isTrue());
    }

    @Test
    void promotions_createSearchSetProductsDeactivate() {
        CreatedProduct created = w.client.products().create(shop, teeListing("CT-PROMO-1", null));
        w.control.clearRequests();
        String id = w.client.promotions().createFixedPriceActivity(shop, "ct-promo-1",
                w.clock.now().plusSeconds(60), w.clock.now().plusSeconds(86_400));
        assertCall(single("api"), "POST", "/promotion/202309/activities", true, Set.of(),
                Set.of("title", "activity_type", "begin_time", "end_time", "product_level"));
        w.control.clearRequests();
        assertThat(w.client.promotions().searchByTitle(shop, "ct-promo-1")).extracting(a -> a.id()).containsExactly(id);
        assertCall(single("api"), "POST", "/promotion/202309/activities/search", true, Set.of(),
                Set.of("activity_title", "page_size", "page_token"));
        w.control.clearRequests();
        w.client.promotions().setProducts(shop, id, List.of(new ActivityProduct(created.productId(),
                List.of(new ActivityProduct.SkuDeal(created.skus().get(0).id(), new BigDecimal("9.99"))))));
        assertCall(single("api"), "PUT", "/promotion/202309/activities/" + id + "/products", true, Set.of(),
                Set.of("activity_id", "products", "products[].id", "products[].quantity_limit",
                        "products[].quantity_per_user", "products[].skus", "products[].skus[].id",
                        "products[].skus[].activity_price_amount", "products[].skus[].quantity_limit",
                        "products[].skus[].quantity_per_user"));
        w.control.clearRequests();
        w.client.promotions().deactivate(shop, id);
        assertCall(single("api"), "POST", "/promotion/202309/activities/" + id + "/deactivate", true, Set.of(), Set.of());
    }

    @Test
    void inventorySearch_splitsMoreThan600SkuIds() {
        List<String> ids = new ArrayList<>(List.of(w.skuA));
        IntStream.range(0, 600).forEach(i -> ids.add(Long.toString(800_000_000_000_000_000L + i)));
        w.client.inventory().searchBySkuIds(shop, ids);
        List<RequestLog.Entry> calls = all("api");
        assertThat(calls).hasSize(2).allSatisfy(e ->
                assertCall(e, "POST", "/product/202309/inventory/search", true, Set.of(), Set.of("sku_ids")));
    }

    @Test
    void fbtWarehousesAndInventory() {
        var warehouses = w.client.fbt().warehouses(shop);
        assertCall(single("api"), "GET", "/fbt/202408/warehouses", true, Set.of(), Set.of());
        assertThat(warehouses).isNotEmpty();

        w.control.clearRequests();
        var page = w.client.fbt().inventoryPage(shop, List.of(warehouses.get(0).fbtWarehouseId()), List.of(w.skuA), 50, null);
        assertCall(single("api"), "POST", "/fbt/202408/inventory/search", true, Set.of("page_size"),
                Set.of("fbt_warehouse_ids", "sku_ids"));
        assertThat(page.items()).isNotEmpty();
    }

    // ------------------------------------------------------------------ §6 cancellations and returns

    @Test
    void sellerCancel_andCancellationSearch() {
        String orderId = w.order(Map.of(w.skuA, 1), null);
        w.control.clearRequests();
        var result = w.client.returns().cancelOrder(shop, orderId, "seller_cancel_reason_out_of_stock", List.of());
        assertCall(single("api"), "POST", "/return_refund/202309/cancellations", true, Set.of(),
                Set.of("order_id", "cancel_reason"));
        assertThat(result.cancelId()).isNotBlank();

        w.control.clearRequests();
        var page = w.client.returns().searchCancellationsPage(shop, AftersaleSearchRequest.forOrders(List.of(orderId)), null);
        assertCall(single("api"), "POST", "/return_refund/202309/cancellations/search", true, Set.of("page_size"),
                Set.of("order_ids"));
        assertThat(page.items()).extracting(c -> c.cancelId()).containsExactly(result.cancelId());
    }

    @Test
    void buyerCancellation_rejectReasonsThenReject_withIdempotencyKey() {
        String orderId = w.order(Map.of(w.skuA, 1), null);
        String cancelId = w.control.requestBuyerCancellation(orderId, null).get("cancel_id").asText();
        w.control.clearRequests();

        var reasons = w.client.returns().rejectReasons(shop, cancelId, "en-US");
        assertCall(single("api"), "GET", "/return_refund/202309/reject_reasons", true,
                Set.of("return_or_cancel_id", "locale"), Set.of());
        assertThat(reasons).isNotEmpty();

        w.control.clearRequests();
        w.client.returns().rejectCancellation(shop, cancelId, reasons.get(0).name(), "already packed", "idem-c-1");
        RequestLog.Entry e = single("api");
        assertCall(e, "POST", "/return_refund/202309/cancellations/" + cancelId + "/reject", true,
                Set.of("idempotency_key"), Set.of("reject_reason", "comment"));
        assertThat(e.query()).containsEntry("idempotency_key", "idem-c-1");
    }

    @Test
    void returnSearch_andRejectReturn() {
        String orderId = w.order(Map.of(w.skuA, 1), "DELIVERED");
        String returnId = w.control.createReturn(orderId, "RETURN_AND_REFUND", null).get("return_id").asText();
        w.control.clearRequests();

        var page = w.client.returns().searchReturnsPage(shop, new AftersaleSearchRequest(null, List.of(orderId), null,
                null, null, null, null, null, 10, "create_time", SortOrder.DESC), null);
        RequestLog.Entry search = single("api");
        assertCall(search, "POST", "/return_refund/202309/returns/search", true,
                Set.of("page_size", "sort_field", "sort_order"), Set.of("order_ids"));
        assertThat(search.query()).containsEntry("sort_order", "DESC");
        assertThat(page.items()).extracting(r -> r.returnId()).containsExactly(returnId);

        String reason = w.client.returns().rejectReasons(shop, returnId, null).get(0).name();
        w.control.clearRequests();
        w.client.returns().rejectReturn(shop, returnId, "REJECT_RETURN", reason, null, null);
        assertCall(single("api"), "POST", "/return_refund/202309/returns/" + returnId + "/reject", true, Set.of(),
                Set.of("decision", "reject_reason"));
    }

    @Test
    void sellerInitiatedReturn_isPostWithIdempotencyKeyInTheQueryAndOrderTypeReasonLinesAmountInTheBody() {
        String orderId = w.order(Map.of(w.skuA, 2), "DELIVERED");
        String line = w.control.lineItemIds(orderId).get(0);
        w.control.clearRequests();

        var created = w.client.returns().createReturn(shop, new dev.ttsconnector.tiktok.returns.SellerReturnRequest(
                orderId, "REFUND", "Package or product is damaged", List.of(line), new java.math.BigDecimal("1.00"),
                "USD", null, null), "idem-r-1");
        RequestLog.Entry e = single("api");
        assertCall(e, "POST", "/return_refund/202309/returns", true, Set.of("idempotency_key"),
                Set.of("order_id", "return_type", "return_reason", "order_line_item_ids", "refund_total", "currency"));
        assertThat(e.query()).containsEntry("idempotency_key", "idem-r-1");
        assertThat(created.returnId()).isNotBlank();
        assertThat(created.returnStatus()).isNotBlank();

        w.control.clearRequests();
        var again = w.client.returns().createReturn(shop, new dev.ttsconnector.tiktok.returns.SellerReturnRequest(
                orderId, "REFUND", "Package or product is damaged", List.of(line), new java.math.BigDecimal("1.00"),
                "USD", null, null), "idem-r-1");
        assertThat(again.returnId()).isEqualTo(created.returnId());
    }

    @Test
    void calculateRefund_isPostWithOrderRequestTypeReasonAndLinesInTheBody() {
        String orderId = w.order(Map.of(w.skuA, 1), "DELIVERED");
        w.control.clearRequests();

        var amount = w.client.returns().calculateRefund(shop, new dev.ttsconnector.tiktok.returns.RefundCalculationRequest(
                orderId, "REFUND", "Package or product is damaged", List.of(), null, null));
        assertCall(single("api"), "POST", "/return_refund/202309/refunds/calculate", true, Set.of(),
                Set.of("order_id", "request_type", "reason_name"));
        assertThat(amount.refundTotal().currency()).isEqualTo("USD");
        assertThat(amount.refundTotal().amount()).isPositive();
    }

    // ------------------------------------------------------------------ §10 customer service

    @Test
    void conversationCreate_andTextAndOrderCardMessages() {
        String orderId = w.order(Map.of(w.skuA, 1), null);
        String buyer = w.orderState(orderId).get("user_id").asText();
        w.control.clearRequests();

        String conversation = w.client.messaging().createConversation(shop, buyer);
        assertCall(single("api"), "POST", "/customer_service/202309/conversations", true, Set.of(), Set.of("buyer_user_id"));
        assertThat(conversation).isNotBlank();

        w.control.clearRequests();
        assertThat(w.client.messaging().sendText(shop, conversation, "Your parcel is on its way")).isNotBlank();
        assertCall(single("api"), "POST", "/customer_service/202309/conversations/" + conversation + "/messages", true,
                Set.of(), Set.of("type", "content"));

        w.control.clearRequests();
        assertThat(w.client.messaging().sendOrderCard(shop, conversation, orderId)).isNotBlank();
        assertCall(single("api"), "POST", "/customer_service/202309/conversations/" + conversation + "/messages", true,
                Set.of(), Set.of("type", "content"));
    }

    // ------------------------------------------------------------------ §12 webhooks

    @Test
    void webhookRegisterListAndDelete_onOnePathWithPutGetDelete() {
        w.client.webhooks().register(shop, "ORDER_STATUS_CHANGE", "https://connector.example/webhooks/orders");
        assertCall(single("api"), "PUT", "/event/202309/webhooks", true, Set.of(), Set.of("event_type", "address"));

        w.control.clearRequests();
        var subs = w.client.webhooks().list(shop);
        assertCall(single("api"), "GET", "/event/202309/webhooks", true, Set.of(), Set.of());
        assertThat(subs).anySatisfy(s -> {
            assertThat(s.eventType()).isEqualTo("ORDER_STATUS_CHANGE");
            assertThat(s.address()).isEqualTo("https://connector.example/webhooks/orders");
        });

        w.control.clearRequests();
        w.client.webhooks().unregister(shop, "ORDER_STATUS_CHANGE");
        assertCall(single("api"), "DELETE", "/event/202309/webhooks", true, Set.of(), Set.of("event_type"));
        assertThat(w.client.webhooks().list(shop)).noneSatisfy(s -> assertThat(s.eventType()).isEqualTo("ORDER_STATUS_CHANGE"));
    }

    @Test
    void webhookDelivery_isSignedAsSpecifiedAndAcceptedByTheClientVerifier() throws Exception {
        List<String[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 8);
        receiver.createContext("/hook", ex -> {
            received.add(new String[] {ex.getRequestHeaders().getFirst("Authorization"),
                    new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)});
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            w.client.webhooks().register(shop, "ORDER_STATUS_CHANGE", url);
            String orderId = w.order(Map.of(w.skuA, 1), null);
            w.control.setOrderStatus(orderId, "CANCELLED");
            assertThat(w.control.awaitWebhooks(Duration.ofSeconds(10))).isTrue();

            var verifier = new dev.ttsconnector.tiktok.webhook.WebhookVerifier(w.sb.config().appKey(),
                    w.sb.config().appSecret(), w.clock);
            String[] delivery = received.stream().filter(r -> r[1].contains(orderId)).reduce((a, b) -> b).orElseThrow();
            var result = verifier.verify(delivery[1].getBytes(java.nio.charset.StandardCharsets.UTF_8), delivery[0]);
            assertThat(result.valid()).as(result.reason()).isTrue();
            // Spec §12 envelope: type 1 = ORDER_STATUS_CHANGE, with tts_notification_id, shop_id, timestamp, data.
            assertThat(result.event().type()).isEqualTo(1);
            assertThat(result.event().ttsNotificationId()).isNotBlank();
            assertThat(result.event().shopId()).isEqualTo(w.usShopId);
            assertThat(result.event().data().get("order_id").asText()).isEqualTo(orderId);
            assertThat(result.event().data().get("order_status").asText()).isEqualTo("CANCELLED");
            // Spec §12: hex HMAC-SHA256(app_secret, app_key + raw body); a changed body no longer verifies.
            assertThat(delivery[0]).matches("[0-9a-f]{64}");
            String tampered = delivery[1].replace("CANCELLED", "DELIVERED");
            assertThat(verifier.verify(tampered.getBytes(java.nio.charset.StandardCharsets.UTF_8), delivery[0]).valid()).isFalse();
        } finally {
            w.client.webhooks().unregister(shop, "ORDER_STATUS_CHANGE");
            receiver.stop(0);
        }
    }

    @Test
    void retriedWebhookDelivery_thirtyTwoMinutesLater_stillVerifies() throws Exception {
        List<String[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        int[] answer = {500};
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 8);
        receiver.createContext("/hook", ex -> {
            received.add(new String[] {ex.getRequestHeaders().getFirst("Authorization"),
                    new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)});
            ex.sendResponseHeaders(answer[0], -1);
            ex.close();
        });
        receiver.start();
        try {
            w.client.webhooks().register(shop, "ORDER_STATUS_CHANGE",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            String orderId = w.order(Map.of(w.skuA, 1), null);
            w.control.setOrderStatus(orderId, "CANCELLED");
            assertThat(w.control.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
            // Unacknowledged: TikTok retries after 2 min, then 30 min more (spec §12), with the same body.
            w.control.advanceClock(Duration.ofMinutes(2));
            assertThat(w.control.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
            answer[0] = 200;
            w.control.advanceClock(Duration.ofMinutes(30));
            assertThat(w.control.awaitWebhooks(Duration.ofSeconds(10))).isTrue();

            List<String[]> forOrder = received.stream().filter(r -> r[1].contains(orderId) && r[1].contains("\"CANCELLED\"")).toList();
            assertThat(forOrder).hasSize(3);
            var verifier = new dev.ttsconnector.tiktok.webhook.WebhookVerifier(w.sb.config().appKey(),
                    w.sb.config().appSecret(), w.clock);
            String[] last = forOrder.get(2);
            var result = verifier.verify(last[1].getBytes(java.nio.charset.StandardCharsets.UTF_8), last[0]);
            assertThat(result.valid()).as(result.reason()).isTrue();
            assertThat(result.event().ttsNotificationId()).isEqualTo(verifier.verify(
                    forOrder.get(0)[1].getBytes(java.nio.charset.StandardCharsets.UTF_8), forOrder.get(0)[0]).event().ttsNotificationId());
        } finally {
            w.client.webhooks().unregister(shop, "ORDER_STATUS_CHANGE");
            receiver.stop(0);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** A provider of the order's delivery option, looked up through the client (spec §5 flow). */
    private String providerFor(String orderId) {
        JsonNode order = w.orderState(orderId);
        return w.client.logistics().shippingProviders(shop, order.get("delivery_option_id").asText()).get(0).id();
    }

    /**
     * Spec §2, steps 1–7, written out independently of both implementations: all query parameters except
     * {@code sign} and {@code access_token}, sorted by key, concatenated as key+value after the path, then the raw
     * body, wrapped in the secret; lowercase hex HMAC-SHA256 keyed with the secret.
     */
    private static String specSign(String secret, String path, Map<String, String> query, String body) {
        StringBuilder s = new StringBuilder(secret).append(path);
        new java.util.TreeMap<>(query).forEach((k, v) -> {
            if (!k.equals("sign") && !k.equals("access_token")) {
                s.append(k).append(v);
            }
        });
        s.append(body).append(secret);
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException ex) {
            throw new AssertionError(ex);
        }
    }

    private static List<RequestLog.Entry> all(String host) {
        return w.requests().stream().filter(e -> e.host().equals(host)).toList();
    }

    private static RequestLog.Entry single(String host) {
        List<RequestLog.Entry> calls = all(host);
        assertThat(calls).as("requests to the %s host", host).hasSize(1);
        return calls.get(0);
    }

    /**
     * The spec's shape of one open-api call: method, path (version segment included), exactly the common query
     * parameters plus {@code shop_cipher} where the endpoint is shop-scoped plus the endpoint's own, the access token
     * as a header, exactly the given body fields, and acceptance by the sandbox (valid signature and timestamp).
     */
    private static void assertCall(RequestLog.Entry e, String method, String path, boolean shopScoped,
                                   Set<String> endpointQuery, Set<String> bodyFields) {
        assertThat(e.method()).as("method of %s", path).isEqualTo(method);
        assertThat(e.path()).isEqualTo(path);
        Set<String> expectedQuery = new HashSet<>(COMMON);
        expectedQuery.addAll(endpointQuery);
        if (shopScoped) {
            expectedQuery.add("shop_cipher");
        }
        assertThat(new TreeSet<>(e.query().keySet())).as("query parameters of %s %s", method, path)
                .isEqualTo(new TreeSet<>(expectedQuery));
        assertThat(e.query().get("app_key")).isEqualTo(w.sb.config().appKey());
        // §1: Unix seconds, 10 digits, close to TikTok's (the sandbox's) clock.
        assertThat(e.query().get("timestamp")).matches("\\d{10}");
        assertThat(Long.parseLong(e.query().get("timestamp"))).isBetween(w.clock.epochSecond() - 60, w.clock.epochSecond() + 1);
        // §2: lowercase hex HMAC-SHA256 over the exact bytes sent, recomputed here from the spec's steps.
        assertThat(e.query().get("sign")).isEqualTo(specSign(w.sb.config().appSecret(), e.path(), e.query(), e.body()));
        if (shopScoped) {
            assertThat(e.query().get("shop_cipher")).isEqualTo(shop.shopCipher());
        }
        // §1: the token travels in the x-tts-access-token header.
        assertThat(e.headerNames()).contains("x-tts-access-token");
        if (!bodyFields.isEmpty()) {
            assertThat(e.headerNames()).contains("content-type");
        }
        assertThat(new TreeSet<>(e.bodyFields())).as("body fields of %s %s", method, path)
                .isEqualTo(new TreeSet<>(bodyFields));
        assertThat(e.code()).as("answer code of %s %s", method, path).isZero();
    }
}
