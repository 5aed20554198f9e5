package dev.ttsconnector.tiktok;

import static dev.ttsconnector.tiktok.StubTikTokServer.ok;
import static dev.ttsconnector.tiktok.TestSupport.APP_SECRET;
import static dev.ttsconnector.tiktok.TestSupport.SHOP;
import static dev.ttsconnector.tiktok.TestSupport.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.tiktok.fulfillment.MarkShippedResult;
import dev.ttsconnector.tiktok.fulfillment.SelfShipment;
import dev.ttsconnector.tiktok.fulfillment.ShipPackageRequest;
import dev.ttsconnector.tiktok.inventory.InventoryLevel;
import dev.ttsconnector.tiktok.inventory.InventoryUpdateResult;
import dev.ttsconnector.tiktok.inventory.SkuInventory;
import dev.ttsconnector.tiktok.inventory.SkuInventory.WarehouseQuantity;
import dev.ttsconnector.tiktok.orders.Order;
import dev.ttsconnector.tiktok.orders.OrderSearchRequest;
import dev.ttsconnector.tiktok.products.Product;
import dev.ttsconnector.tiktok.products.ProductSearchRequest;
import dev.ttsconnector.tiktok.returns.AftersaleSearchRequest;
import dev.ttsconnector.tiktok.returns.CancelResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request shape of every client operation (path, method, version segment, query parameters, body field names;
 * spec §4–§12) and typed parsing of its response. The stub's base URL is the only target parameter, so the same
 * assertions can later run against the sandbox.
 */
class ClientOperationsTest {

    private static final Instant FROM = Instant.ofEpochSecond(1_699_000_000L);
    private static final Instant TO = Instant.ofEpochSecond(1_699_003_600L);

    private final MutableClock clock = new MutableClock(T0);
    private StubTikTokServer stub;
    private TikTokShopClient client;

    @BeforeEach
    void start() throws Exception {
        stub = new StubTikTokServer(clock, APP_SECRET);
        client = TestSupport.client(stub, clock);
    }

    @AfterEach
    void stop() {
        assertThat(stub.badSignatures()).as("requests with a bad signature").isZero();
        stub.close();
    }

    private StubTikTokServer.Recorded only() {
        assertThat(stub.requests()).hasSize(1);
        return stub.requests().get(0);
    }

    private static JsonNode json(StubTikTokServer.Recorded r) throws IOException {
        return Json.tiktok().readTree(r.body());
    }

    private static Iterable<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static StubTikTokServer.Response fixture(String name) throws IOException {
        try (InputStream in = ClientOperationsTest.class.getResourceAsStream("/fixtures/tiktok/" + name)) {
            return new StubTikTokServer.Response(200, Map.of(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void assertCommon(StubTikTokServer.Recorded r, String method, String path, String... extraKeys) {
        assertThat(r.method()).isEqualTo(method);
        assertThat(r.path()).isEqualTo(path);
        List<String> keys = new ArrayList<>(List.of("app_key", "timestamp", "sign", "shop_cipher"));
        keys.addAll(List.of(extraKeys));
        assertThat(r.query().keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(r.query().get("shop_cipher")).isEqualTo(SHOP.shopCipher());
        assertThat(r.header("x-tts-access-token")).isEqualTo("tok");
    }

    // ---- orders ----------------------------------------------------------------------------------------------

    @Test
    void ordersSearch_postsWindowFiltersAndPagingQuery() throws Exception {
        stub.enqueue(ok("{\"orders\":[{\"id\":\"1\",\"status\":\"UNPAID\"}],\"next_page_token\":\"p2\",\"total_count\":3}"));
        Page<Order> page = client.orders().searchPage(SHOP, OrderSearchRequest.updatedBetween(FROM, TO), "p1");
        StubTikTokServer.Recorded r = only();
        assertCommon(r, "POST", "/order/202309/orders/search", "page_size", "page_token", "sort_field", "sort_order");
        assertThat(r.query()).containsEntry("page_size", "100").containsEntry("page_token", "p1")
                .containsEntry("sort_field", "update_time").containsEntry("sort_order", "ASC");
        JsonNode body = json(r);
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("update_time_ge", "update_time_lt");
        assertThat(body.get("update_time_ge").asLong()).isEqualTo(FROM.getEpochSecond());
        assertThat(page.items()).extracting(Order::id).containsExactly("1");
        assertThat(page.nextPageToken()).isEqualTo("p2");
        assertThat(page.totalCount()).isEqualTo(3);
    }

    @Test
    void ordersSearch_paginatorCarriesPageTokensAndExposesThemForResume() {
        stub.enqueue(ok("{\"orders\":[{\"id\":\"1\"}],\"next_page_token\":\"t2\"}"),
                ok("{\"orders\":[{\"id\":\"2\"}],\"next_page_token\":\"\"}"));
        Paginator<Order> pages = client.orders().search(SHOP, OrderSearchRequest.createdBetween(FROM, TO), null);
        assertThat(pages.next().items()).extracting(Order::id).containsExactly("1");
        assertThat(pages.pageToken()).isEqualTo("t2");
        assertThat(pages.hasNext()).isTrue();
        assertThat(pages.next().items()).extracting(Order::id).containsExactly("2");
        assertThat(pages.hasNext()).isFalse();
        assertThat(stub.requests().get(0).query()).doesNotContainKey("page_token");
        assertThat(stub.requests().get(1).query()).containsEntry("page_token", "t2");
    }

    @Test
    void ordersSearch_resumesFromAPersistedToken() {
        stub.enqueue(ok("{\"orders\":[{\"id\":\"9\"}]}"));
        List<Order> rest = client.orders().search(SHOP, OrderSearchRequest.createdBetween(FROM, TO), "saved").toList();
        assertThat(rest).extracting(Order::id).containsExactly("9");
        assertThat(only().query()).containsEntry("page_token", "saved");
    }

    @Test
    void ordersSearch_pageSizeAbove100_isRejected() {
        assertThatThrownBy(() -> OrderSearchRequest.updatedBetween(FROM, TO).withPageSize(101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
    }

    @Test
    void ordersDetail_parsesTheFullOrderRecord() throws Exception {
        stub.enqueue(fixture("orders/order_detail_awaiting_shipment_bundle.json"));
        List<Order> orders = client.orders().get(SHOP, List.of("576684019603311365"));
        StubTikTokServer.Recorded r = only();
        assertCommon(r, "GET", "/order/202309/orders", "ids");
        assertThat(r.body()).isEmpty();
        Order o = orders.get(0);
        assertThat(o.id()).isEqualTo("576684019603311365");
        assertThat(o.status()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(o.createTime()).isEqualTo(Instant.ofEpochSecond(1699990000));
        assertThat(o.updateTime()).isEqualTo(Instant.ofEpochSecond(1699999000));
        assertThat(o.paidTime()).isEqualTo(Instant.ofEpochSecond(1699990100));
        assertThat(o.shippingType()).isEqualTo("SELLER");
        assertThat(o.fulfillmentType()).isEqualTo("FULFILLMENT_BY_SELLER");
        assertThat(o.isOnHoldOrder()).isTrue();
        assertThat(o.userId()).isEqualTo("7494560109732334337");
        assertThat(o.buyerMessage()).isEqualTo("Please gift wrap");
        assertThat(o.deliveryOptionId()).isEqualTo("7091146663229654785");
        assertThat(o.warehouseId()).isEqualTo("7068517275539719942");
        assertThat(o.packageIds()).containsExactly("1152321127278713123");
        assertThat(o.payment().totalAmount()).isEqualTo(Money.of("40.99", "GBP"));
        assertThat(o.payment().sellerDiscount()).isEqualTo(Money.of("2.00", "GBP"));
        assertThat(o.recipientAddress().postalCode()).isEqualTo("SW1A 1AA");
        assertThat(o.recipientAddress().districtInfo().get(0).isoCode()).isEqualTo("GB");
        assertThat(o.lineItems()).hasSize(2);
        var first = o.lineItems().get(0);
        assertThat(first.skuId()).isEqualTo("1729582718312380000");
        assertThat(first.sellerSku()).isEqualTo("TEE-BLK-M");
        assertThat(first.salePrice()).isEqualTo(Money.of("19.00", "GBP"));
        assertThat(first.packageStatus()).isEqualTo("TO_FULFILL");
        assertThat(first.combinedListingSkus()).isEmpty();
        var bundle = o.lineItems().get(1).combinedListingSkus().get(0);
        assertThat(bundle.skuId()).isEqualTo("1729582718312380000");
        assertThat(bundle.skuCount()).isEqualTo(2);
        assertThat(bundle.sellerSku()).isEqualTo("TEE-BLK-M");
        assertThat(o.lineItems().get(1).packageId()).isNull();
    }

    @Test
    void ordersDetail_splitsMoreThan50IdsIntoCallsOf50() {
        stub.respondWith(r -> ok("{\"orders\":[" + String.join(",", List.of(r.query().get("ids").split(","))
                .stream().map(id -> "{\"id\":\"" + id + "\"}").toList()) + "]}"));
        List<String> ids = IntStream.range(0, 120).mapToObj(i -> "10000000000000000" + i).toList();
        List<Order> orders = client.orders().get(SHOP, ids);
        assertThat(stub.requests()).extracting(r -> r.query().get("ids").split(",").length).containsExactly(50, 50, 20);
        assertThat(orders).extracting(Order::id).containsExactlyElementsOf(ids);
    }

    // ---- fulfillment -----------------------------------------------------------------------------------------

    @Test
    void packageDetail_getsByPackageId() {
        stub.enqueue(ok("{\"package_id\":\"p1\",\"package_status\":\"PROCESSING\",\"order_line_item_ids\":[\"l1\"],"
                + "\"orders\":[{\"id\":\"o1\"}],\"tracking_number\":\"TN\",\"create_time\":1699000000}"));
        var detail = client.fulfillment().packageDetail(SHOP, "p1");
        assertCommon(only(), "GET", "/fulfillment/202309/packages/p1");
        assertThat(detail.packageStatus()).isEqualTo("PROCESSING");
        assertThat(detail.orderIds()).containsExactly("o1");
        assertThat(detail.orderLineItemIds()).containsExactly("l1");
        assertThat(detail.createTime()).isEqualTo(Instant.ofEpochSecond(1699000000));
    }

    @Test
    void shipPackage_sendsSelfShipment() throws Exception {
        stub.enqueue(ok("{}"));
        client.fulfillment().shipPackage(SHOP, ShipPackageRequest.selfShipped("p1", new SelfShipment("TN1", "sp1")));
        StubTikTokServer.Recorded r = only();
        assertCommon(r, "POST", "/fulfillment/202309/packages/p1/ship");
        assertThat(r.bodyText()).isEqualTo("{\"self_shipment\":{\"tracking_number\":\"TN1\",\"shipping_provider_id\":\"sp1\"}}");
    }

    @Test
    void batchShip_returnsPerPackageErrors() throws Exception {
        stub.enqueue(ok("{\"errors\":[{\"code\":21011001,\"message\":\"bad state\",\"detail\":{\"package_id\":\"p2\"}}]}"));
        List<ItemError> errors = client.fulfillment().batchShip(SHOP, List.of(
                ShipPackageRequest.selfShipped("p1", new SelfShipment("TN1", "sp1")),
                new ShipPackageRequest("p2", "PICKUP", Instant.ofEpochSecond(100), Instant.ofEpochSecond(200), null)));
        StubTikTokServer.Recorded r = only();
        assertCommon(r, "POST", "/fulfillment/202309/packages/ship");
        JsonNode packages = json(r).get("packages");
        assertThat(fieldNames(packages.get(0))).containsExactly("id", "self_shipment");
        assertThat(fieldNames(packages.get(1))).containsExactly("id", "handover_method", "pickup_slot");
        assertThat(packages.get(1).get("pickup_slot").get("start_time").asLong()).isEqualTo(100);
        assertThat(errors).containsExactly(new ItemError(21011001, "bad state", "p2"));
    }

    @Test
    void markPackageAsShipped_postsLineItemsAndTracking() throws Exception {
        stub.enqueue(ok("{\"order_id\":\"o1\",\"package_id\":\"p9\",\"order_line_item_ids\":[\"l1\"],\"warning\":{\"message\":\"w\"}}"));
        MarkShippedResult result = client.fulfillment().markPackageAsShipped(SHOP, "o1", List.of("l1"),
                new SelfShipment("TN1", "sp1"));
        StubTikTokServer.Recorded r = only();
        assertCommon(r, "POST", "/fulfillment/202309/orders/o1/packages");
        assertThat(fieldNames(json(r))).containsExactly("tracking_number", "shipping_provider_id", "order_line_item_ids");
        assertThat(result).isEqualTo(new MarkShippedResult("o1", "p9", List.of("l1"), "w"));
    }

    @Test
    void updateShippingInfo_orderAndPackageVariants() throws Exception {
        stub.enqueue(ok("{}"), ok("{}"));
        client.fulfillment().updateOrderShippingInfo(SHOP, "o1", new SelfShipment("TN2", "sp1"));
        client.fulfillment().updatePackageShippingInfo(SHOP, "p1", new SelfShipment("TN3", "sp1"));
        assertCommon(stub.requests().get(0), "POST", "/fulfillment/202309/orders/o1/shipping_info/update");
        assertCommon(stub.requests().get(1), "POST", "/fulfillment/202309/packages/p1/shipping_info/update");
        assertThat(fieldNames(json(stub.requests().get(1)))).containsExactly("tracking_number", "shipping_provider_id");
    }

    // ---- logistics -------------------------------------------------------------------------------------------

    @Test
    void logistics_warehousesDeliveryOptionsAndProviders() {
        stub.enqueue(ok("{\"warehouses\":[{\"id\":\"w1\",\"name\":\"Main\",\"type\":\"SALES_WAREHOUSE\",\"is_default\":true,"
                        + "\"effect_status\":\"ENABLED\",\"address\":{\"distict\":\"Camden\",\"postal_code\":\"NW1\"}}]}"),
                ok("{\"delivery_options\":[{\"id\":\"d1\",\"name\":\"Std\",\"type\":\"SEND_BY_SELLER\"}]}"),
                ok("{\"shipping_providers\":[{\"id\":\"sp1\",\"name\":\"Royal Mail\"}]}"));
        var warehouses = client.logistics().warehouses(SHOP);
        var options = client.logistics().deliveryOptions(SHOP, "w1");
        var providers = client.logistics().shippingProviders(SHOP, "d1");
        assertCommon(stub.requests().get(0), "GET", "/logistics/202309/warehouses");
        assertCommon(stub.requests().get(1), "GET", "/logistics/202309/warehouses/w1/delivery_options");
        assertCommon(stub.requests().get(2), "GET", "/logistics/202309/delivery_options/d1/shipping_providers");
        assertThat(warehouses.get(0).isDefault()).isTrue();
        assertThat(warehouses.get(0).address().district()).isEqualTo("Camden");
        assertThat(options.get(0).type()).isEqualTo("SEND_BY_SELLER");
        assertThat(providers.get(0).name()).isEqualTo("Royal Mail");
    }

    // ---- products and inventory ------------------------------------------------------------------------------

    @Test
    void productsSearch_sendsSellerSkusAndInclusiveWindows() throws Exception {
        stub.enqueue(ok("{\"products\":[{\"id\":\"pr1\",\"status\":\"ACTIVATE\",\"skus\":[{\"id\":\"s1\",\"seller_sku\":\"A\","
                + "\"price\":{\"amount\":\"9.50\",\"currency\":\"USD\"},\"inventory\":[{\"warehouse_id\":\"w1\",\"quantity\":4}]}]}],"
                + "\"total_count\":1}"));
        Page<Product> page = client.products().searchPage(SHOP, new ProductSearchRequest(null, List.of("A", "B"), null,
                null, FROM, TO, 50), null);
        StubTikTokServer.Recorded r = only();
        assertCommon(r, "POST", "/product/202309/products/search", "page_size");
        assertThat(fieldNames(json(r))).containsExactlyInAnyOrder("seller_skus", "update_time_ge", "update_time_le");
        var sku = page.items().get(0).skus().get(0);
        assertThat(sku.price()).isEqualTo(Money.of("9.50", "USD"));
        assertThat(sku.inventory().get(0).quantity()).isEqualTo(4);
        assertThat(page.isLast()).isTrue();
    }

    @Test
    void productsSearch_moreThan10SellerSkus_isRejected() {
        List<String> skus = IntStream.range(0, 11).mapToObj(i -> "S" + i).toList();
        assertThatThrownBy(() -> ProductSearchRequest.bySellerSkus(skus))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sellerSkus");
    }

    @Test
    void productGet_getsByProductId() {
        stub.enqueue(ok("{\"id\":\"pr1\",\"title\":\"Tee\",\"product_status\":\"ACTIVATE\",\"skus\":[]}"));
        Product p = client.products().get(SHOP, "pr1");
        assertCommon(only(), "GET", "/product/202309/products/pr1");
        assertThat(p.status()).isEqualTo("ACTIVATE");
    }

    @Test
    void inventoryUpdate_sendsEveryWarehouseAndReturnsPerSkuErrors() throws Exception {
        stub.enqueue(fixture("inventory/update_partial_failure.json"));
        InventoryUpdateResult result = client.inventory().update(SHOP, "pr1", List.of(
                new SkuInventory("1729582718312380000", List.of(new WarehouseQuantity("w1", 5), new WarehouseQuantity("w2", 0)))));
        StubTikTokServer.Recorded r = only();
        assertCommon(r, "POST", "/product/202309/products/pr1/inventory/update");
        assertThat(r.bodyText()).isEqualTo("{\"skus\":[{\"id\":\"1729582718312380000\",\"inventory\":["
                + "{\"warehouse_id\":\"w1\",\"quantity\":5},{\"warehouse_id\":\"w2\",\"quantity\":0}]}]}");
        assertThat(result.allAccepted()).isFalse();
        assertThat(result.errors().get(0).skuId()).isEqualTo("1729582718312380000");
        assertThat(result.errors().get(0).code()).isEqualTo(12019028);
        assertThat(result.errors().get(0).warehouseErrors().get(0).warehouseId()).isEqualTo("7068517275539719943");
    }

    @Test
    void inventorySearch_splitsSkuIdsIntoCallsOf600() {
        stub.respondWith(r -> ok("{\"inventory\":[{\"product_id\":\"pr\",\"skus\":[{\"id\":\"s\",\"total_available_quantity\":3,"
                + "\"warehouse_inventory\":[{\"warehouse_id\":\"w1\",\"available_quantity\":3,\"committed_quantity\":1}]}]}]}"));
        List<String> ids = IntStream.range(0, 1300).mapToObj(i -> "sku" + i).toList();
        List<InventoryLevel> levels = client.inventory().searchBySkuIds(SHOP, ids);
        List<Integer> sizes = new ArrayList<>();
        for (StubTikTokServer.Recorded r : stub.requests()) {
            assertCommon(r, "POST", "/product/202309/inventory/search");
            sizes.add(readUnchecked(r).get("sku_ids").size());
        }
        assertThat(sizes).containsExactly(600, 600, 100);
        assertThat(levels).hasSize(3);
        assertThat(levels.get(0).warehouses().get(0).committedQuantity()).isEqualTo(1);
    }

    // ---- returns ---------------------------------------------------------------------------------------------

    @Test
    void cancellationsSearch_andSellerCancelAndRejectFlow() throws Exception {
        stub.enqueue(ok("{\"cancellations\":[{\"cancel_id\":\"c1\",\"order_id\":\"o1\",\"cancel_type\":\"BUYER_CANCEL\","
                        + "\"cancel_status\":\"CANCELLATION_REQUEST_PENDING\",\"should_replenish_stock\":true,"
                        + "\"refund_amount\":{\"currency\":\"USD\",\"refund_total\":\"5.00\"},"
                        + "\"cancel_line_items\":[{\"cancel_line_item_id\":\"cl1\",\"order_line_item_id\":\"l1\",\"sku_id\":\"s1\"}]}]}"),
                ok("{\"cancel_id\":\"c2\",\"cancel_status\":\"CANCELLATION_REQUEST_COMPLETE\"}"),
                ok("{\"reasons\":[{\"name\":\"seller_reject_apply_product_has_been_packed\",\"text\":\"Packed\"}]}"),
                ok("{}"));
        var page = client.returns().searchCancellationsPage(SHOP, AftersaleSearchRequest.updatedBetween(FROM, TO), null);
        CancelResult cancel = client.returns().cancelOrder(SHOP, "o1", "seller_cancel_reason_out_of_stock", List.of("l1"));
        var reasons = client.returns().rejectReasons(SHOP, "c1", "en-US");
        client.returns().rejectCancellation(SHOP, "c1", reasons.get(0).name(), "already packed", "key-1");

        List<StubTikTokServer.Recorded> rs = stub.requests();
        assertCommon(rs.get(0), "POST", "/return_refund/202309/cancellations/search", "page_size", "sort_field", "sort_order");
        assertThat(fieldNames(json(rs.get(0)))).containsExactlyInAnyOrder("update_time_ge", "update_time_lt");
        assertCommon(rs.get(1), "POST", "/return_refund/202309/cancellations");
        assertThat(fieldNames(json(rs.get(1)))).containsExactly("order_id", "cancel_reason", "order_line_item_ids");
        assertCommon(rs.get(2), "GET", "/return_refund/202309/reject_reasons", "return_or_cancel_id", "locale");
        assertCommon(rs.get(3), "POST", "/return_refund/202309/cancellations/c1/reject", "idempotency_key");
        assertThat(fieldNames(json(rs.get(3)))).containsExactly("reject_reason", "comment");

        var c = page.items().get(0);
        assertThat(c.shouldReplenishStock()).isTrue();
        assertThat(c.refundAmount().refundTotal()).isEqualTo(Money.of("5.00", "USD"));
        assertThat(c.lineItems().get(0).id()).isEqualTo("cl1");
        assertThat(cancel.cancelId()).isEqualTo("c2");
    }

    @Test
    void returnsSearch_andRejectReturn() throws Exception {
        stub.enqueue(ok("{\"return_orders\":[{\"return_id\":\"r1\",\"order_id\":\"o1\",\"return_type\":\"RETURN_AND_REFUND\","
                        + "\"return_status\":\"RETURN_OR_REFUND_REQUEST_PENDING\",\"return_line_items\":[{\"return_line_item_id\":\"rl1\"}]}],"
                        + "\"next_page_token\":\"n\"}"),
                ok("{}"));
        var page = client.returns().searchReturnsPage(SHOP, AftersaleSearchRequest.forOrders(List.of("o1")), null);
        client.returns().rejectReturn(SHOP, "r1", "REJECT_RETURN", "reason_code", null, null);
        List<StubTikTokServer.Recorded> rs = stub.requests();
        assertCommon(rs.get(0), "POST", "/return_refund/202309/returns/search", "page_size");
        assertThat(fieldNames(json(rs.get(0)))).containsExactly("order_ids");
        assertCommon(rs.get(1), "POST", "/return_refund/202309/returns/r1/reject");
        assertThat(fieldNames(json(rs.get(1)))).containsExactly("decision", "reject_reason");
        assertThat(page.items().get(0).lineItems().get(0).id()).isEqualTo("rl1");
        assertThat(page.nextPageToken()).isEqualTo("n");
    }

    @Test
    void returnsSearch_pageSizeBelow10_isRejectedBeforeSending() {
        var request = new AftersaleSearchRequest(null, List.of("o1"), null, null, null, null, null, null, 5, null, null);
        assertThatThrownBy(() -> client.returns().searchReturnsPage(SHOP, request, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSize");
        assertThat(stub.requests()).isEmpty();
    }

    // ---- messaging -------------------------------------------------------------------------------------------

    @Test
    void messaging_createConversationAndSendTextAndOrderCard() throws Exception {
        stub.enqueue(ok("{\"conversation_id\":\"cv1\"}"), ok("{\"message_id\":\"m1\"}"), ok("{\"message_id\":\"m2\"}"));
        String conversation = client.messaging().createConversation(SHOP, "buyer1");
        String m1 = client.messaging().sendText(SHOP, conversation, "Hello \"there\"");
        String m2 = client.messaging().sendOrderCard(SHOP, conversation, "o1");
        List<StubTikTokServer.Recorded> rs = stub.requests();
        assertCommon(rs.get(0), "POST", "/customer_service/202309/conversations");
        assertThat(rs.get(0).bodyText()).isEqualTo("{\"buyer_user_id\":\"buyer1\"}");
        assertCommon(rs.get(1), "POST", "/customer_service/202309/conversations/cv1/messages");
        JsonNode text = json(rs.get(1));
        assertThat(text.get("type").asText()).isEqualTo("TEXT");
        assertThat(text.get("content").isTextual()).isTrue();
        assertThat(text.get("content").asText()).isEqualTo("{\"content\":\"Hello \\\"there\\\"\"}");
        assertThat(json(rs.get(2)).get("content").asText()).isEqualTo("{\"order_id\":\"o1\"}");
        assertThat(List.of(m1, m2)).containsExactly("m1", "m2");
    }

    @Test
    void messaging_textLongerThan2000_isRejectedBeforeSending() {
        assertThatThrownBy(() -> client.messaging().sendText(SHOP, "cv1", "x".repeat(2001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text");
        assertThat(stub.requests()).isEmpty();
    }

    // ---- fbt and webhooks ------------------------------------------------------------------------------------

    @Test
    void fbt_warehousesAndInventorySearch() throws Exception {
        stub.enqueue(ok("{\"warehouses\":[{\"fbt_warehouse_id\":\"f1\",\"name\":\"TikTok_Eastvale(CA)\",\"warehouse_ids\":[\"w9\"]}]}"),
                ok("{\"inventory\":[{\"fbt_warehouse_id\":\"f1\",\"in_transit_quantity\":2,\"on_hand_detail\":{\"available_quantity\":7},"
                        + "\"goods\":{\"id\":\"g1\",\"skus\":[{\"id\":\"s1\",\"on_hand_detail\":{\"available_quantity\":7}}]}}]}"));
        var warehouses = client.fbt().warehouses(SHOP);
        var inventory = client.fbt().inventoryPage(SHOP, List.of("f1"), List.of("s1"), 50, null);
        assertCommon(stub.requests().get(0), "GET", "/fbt/202408/warehouses");
        assertCommon(stub.requests().get(1), "POST", "/fbt/202408/inventory/search", "page_size");
        assertThat(fieldNames(json(stub.requests().get(1)))).containsExactly("fbt_warehouse_ids", "sku_ids");
        assertThat(warehouses.get(0).warehouseIds()).containsExactly("w9");
        assertThat(inventory.items().get(0).availableQuantity()).isEqualTo(7);
        assertThat(inventory.items().get(0).skus().get(0).id()).isEqualTo("s1");
    }

    @Test
    void webhooks_registerListAndUnregister() throws Exception {
        stub.enqueue(ok("{}"), ok("{\"webhooks\":[{\"event_type\":\"ORDER_STATUS_CHANGE\",\"address\":\"https://x.example/h\","
                + "\"create_time\":1699000000}]}"), ok("{}"));
        client.webhooks().register(SHOP, "ORDER_STATUS_CHANGE", "https://x.example/h");
        var list = client.webhooks().list(SHOP);
        client.webhooks().unregister(SHOP, "ORDER_STATUS_CHANGE");
        List<StubTikTokServer.Recorded> rs = stub.requests();
        assertCommon(rs.get(0), "PUT", "/event/202309/webhooks");
        assertThat(rs.get(0).bodyText()).isEqualTo("{\"address\":\"https://x.example/h\",\"event_type\":\"ORDER_STATUS_CHANGE\"}");
        assertCommon(rs.get(1), "GET", "/event/202309/webhooks");
        assertCommon(rs.get(2), "DELETE", "/event/202309/webhooks");
        assertThat(rs.get(2).bodyText()).isEqualTo("{\"event_type\":\"ORDER_STATUS_CHANGE\"}");
        assertThat(list.get(0).createTime()).isEqualTo(Instant.ofEpochSecond(1699000000));
    }

    private static JsonNode readUnchecked(StubTikTokServer.Recorded r) {
        try {
            return json(r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
