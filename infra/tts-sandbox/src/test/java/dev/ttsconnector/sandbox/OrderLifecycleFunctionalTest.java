package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order lifecycle, search windows and fulfilment rules (spec §4, §5). */
class OrderLifecycleFunctionalTest {
    private SandboxFixture f;
    private TestClient c;

    @BeforeEach
    void start() {
        f = new SandboxFixture(SandboxConfig.builder().seed(11));
        c = f.client;
    }

    @AfterEach
    void stop() {
        f.sb.close();
    }

    private JsonNode detail(String orderId) {
        TestClient.Reply r = c.get("/order/202309/orders").q("ids", orderId).shop(f.usCipher).send();
        assertThat(r.code()).isZero();
        return r.data().get("orders").get(0);
    }

    private String providerId(String name) {
        for (JsonNode p : f.sellerOption().get("shipping_providers")) {
            if (p.get("name").asText().equals(name)) {
                return p.get("id").asText();
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void onHoldOrder_isReleasedToAwaitingShipmentAfterOneHourOfSandboxTime() {
        String id = f.orderUs(Map.of(f.skuA, 1), null, true);
        JsonNode o = detail(id);
        assertThat(o.get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(o.get("is_on_hold_order").asBoolean()).isTrue();
        long created = o.get("update_time").asLong();
        f.sb.control().advanceClock(Duration.ofMinutes(59));
        assertThat(detail(id).get("status").asText()).isEqualTo("ON_HOLD");
        f.sb.control().advanceClock(Duration.ofMinutes(1));
        JsonNode released = detail(id);
        assertThat(released.get("status").asText()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(released.get("update_time").asLong()).isEqualTo(created + 3600);
    }

    @Test
    void multipleUnits_areRepeatedLineItemsWithoutQuantity() {
        JsonNode o = detail(f.orderUs(Map.of(f.skuA, 3), null, false));
        JsonNode lines = o.get("line_items");
        assertThat(lines).hasSize(3);
        lines.forEach(l -> {
            assertThat(l.get("sku_id").asText()).isEqualTo(f.skuA);
            assertThat(l.has("quantity")).isFalse();
        });
        assertThat(o.get("payment").get("sub_total").asText()).isEqualTo("59.97");
        assertThat(o.get("payment").get("currency").asText()).isEqualTo("USD");
    }

    @Test
    void bundleOrder_carriesCombinedListingSkus() {
        JsonNode bundle = f.sb.control().createProduct(f.usShopId(), "Duo", "Apparel", List.of(new SandboxState.SkuSpec("DUO",
                new BigDecimal("30"), List.of(), Map.of(f.usMainWarehouse, 0), null, List.of(
                new dev.ttsconnector.sandbox.model.Sku.BundleComponent(f.product.get("id").asText(), f.skuA, "TEE-BLK-M", 1),
                new dev.ttsconnector.sandbox.model.Sku.BundleComponent(f.product.get("id").asText(), f.skuB, "TEE-WHT-M", 2)))));
        String bundleSku = bundle.get("skus").get(0).get("id").asText();
        JsonNode line = detail(f.orderUs(Map.of(bundleSku, 1), null, false)).get("line_items").get(0);
        JsonNode comps = line.get("combined_listing_skus");
        assertThat(comps).hasSize(2);
        assertThat(comps.get(1).get("sku_id").asText()).isEqualTo(f.skuB);
        assertThat(comps.get(1).get("sku_count").asInt()).isEqualTo(2);
    }

    @Test
    void search_windowsAreGeInclusiveAndLtExclusive() {
        long t0 = f.sb.control().now().getEpochSecond();
        String a = f.orderUs(Map.of(f.skuA, 1), null, false);
        f.sb.control().advanceClock(Duration.ofSeconds(10));
        String b = f.orderUs(Map.of(f.skuA, 1), null, false);
        TestClient.Reply r = c.post("/order/202309/orders/search", "{\"create_time_ge\":" + t0 + ",\"create_time_lt\":" + (t0 + 10) + "}")
                .q("page_size", "50").shop(f.usCipher).send();
        assertThat(r.data().get("orders")).extracting(o -> o.get("id").asText()).containsExactly(a);
        TestClient.Reply r2 = c.post("/order/202309/orders/search", "{\"create_time_ge\":" + (t0 + 10) + "}")
                .q("page_size", "50").shop(f.usCipher).send();
        assertThat(r2.data().get("orders")).extracting(o -> o.get("id").asText()).containsExactly(b);
    }

    @Test
    void search_pagesWithTokensAndSortsDescendingByDefault() {
        for (int i = 0; i < 5; i++) {
            f.orderUs(Map.of(f.skuA, 1), null, false);
            f.sb.control().advanceClock(Duration.ofSeconds(1));
        }
        TestClient.Reply p1 = c.post("/order/202309/orders/search", "{}").q("page_size", "3").shop(f.usCipher).send();
        assertThat(p1.data().get("total_count").asInt()).isEqualTo(5);
        assertThat(p1.data().get("orders")).hasSize(3);
        long first = p1.data().get("orders").get(0).get("create_time").asLong();
        long second = p1.data().get("orders").get(1).get("create_time").asLong();
        assertThat(first).isGreaterThan(second);
        TestClient.Reply p2 = c.post("/order/202309/orders/search", "{}").q("page_size", "3")
                .q("page_token", p1.data().get("next_page_token").asText()).shop(f.usCipher).send();
        assertThat(p2.data().get("orders")).hasSize(2);
        assertThat(p2.data().get("next_page_token").asText()).isEmpty();
    }

    @Test
    void shipPackage_sendBySellerWithoutSelfShipment_isRefused() {
        JsonNode o = detail(f.orderUs(Map.of(f.skuA, 1), null, false));
        String pkg = o.get("packages").get(0).get("id").asText();
        TestClient.Reply r = c.post("/fulfillment/202309/packages/" + pkg + "/ship", "{}").shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).startsWith("Parameter self_shipment is invalid. Reason: required because delivery option");
    }

    @Test
    void shipPackage_withProviderOutsideTheDeliveryOption_isRefusedWithConfiguredCode() {
        JsonNode o = detail(f.orderUs(Map.of(f.skuA, 1), null, false));
        String pkg = o.get("packages").get(0).get("id").asText();
        String gbProvider = f.gb.get("warehouses").get(0).get("delivery_options").get(1).get("shipping_providers").get(0).get("id").asText();
        TestClient.Reply r = c.post("/fulfillment/202309/packages/" + pkg + "/ship",
                "{\"self_shipment\":{\"tracking_number\":\"1Z999AA10123456784\",\"shipping_provider_id\":\"" + gbProvider + "\"}}")
                .shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(21011006);
        assertThat(r.message()).contains("is not available for delivery option " + o.get("delivery_option_id").asText());
        assertThat(detail(o.get("id").asText()).get("status").asText()).isEqualTo("AWAITING_SHIPMENT");
    }

    @Test
    void shipPackage_withListedProvider_movesOrderToInTransitOnce() {
        JsonNode o = detail(f.orderUs(Map.of(f.skuA, 2), null, false));
        String pkg = o.get("packages").get(0).get("id").asText();
        String body = "{\"self_shipment\":{\"tracking_number\":\"9400100000000000000001\",\"shipping_provider_id\":\"" + providerId("USPS") + "\"}}";
        assertThat(c.post("/fulfillment/202309/packages/" + pkg + "/ship", body).shop(f.usCipher).send().code()).isZero();
        JsonNode shipped = detail(o.get("id").asText());
        assertThat(shipped.get("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(shipped.get("tracking_number").asText()).isEqualTo("9400100000000000000001");
        assertThat(shipped.get("line_items").get(0).get("package_status").asText()).isEqualTo("FULFILLING");
        // A retry of the same ship is refused, never shipped twice.
        TestClient.Reply again = c.post("/fulfillment/202309/packages/" + pkg + "/ship", body).shop(f.usCipher).send();
        assertThat(again.code()).isEqualTo(21011013);
        JsonNode p = c.get("/fulfillment/202309/packages/" + pkg).shop(f.usCipher).send().data();
        assertThat(p.get("package_status").asText()).isEqualTo("FULFILLING");
        assertThat(p.get("shipping_provider_name").asText()).isEqualTo("USPS");
        assertThat(p.get("order_line_item_ids")).hasSize(2);
    }

    @Test
    void markAsShipped_partialByLineItems_thenRest() {
        String id = f.orderUs(Map.of(f.skuA, 1, f.skuB, 1), null, false);
        List<String> lines = f.sb.control().lineItemIds(id);
        String body = "{\"tracking_number\":\"1Z999AA10123456784\",\"shipping_provider_id\":\"" + providerId("UPS")
                + "\",\"order_line_item_ids\":[\"" + lines.get(0) + "\"]}";
        TestClient.Reply r = c.post("/fulfillment/202309/orders/" + id + "/packages", body).shop(f.usCipher).send();
        assertThat(r.code()).isZero();
        assertThat(r.data().get("order_line_item_ids")).extracting(JsonNode::asText).containsExactly(lines.get(0));
        assertThat(detail(id).get("status").asText()).isEqualTo("PARTIALLY_SHIPPING");
        TestClient.Reply rest = c.post("/fulfillment/202309/orders/" + id + "/packages",
                "{\"tracking_number\":\"1Z999AA10123456785\",\"shipping_provider_id\":\"" + providerId("UPS") + "\"}").shop(f.usCipher).send();
        assertThat(rest.code()).isZero();
        assertThat(rest.data().get("package_id").asText()).isNotEqualTo(r.data().get("package_id").asText());
        JsonNode o = detail(id);
        assertThat(o.get("status").asText()).isEqualTo("IN_TRANSIT");
        assertThat(o.get("packages")).hasSize(2);
    }

    @Test
    void markAsShipped_outsideSupportedRegions_isRefused() {
        JsonNode sg = f.sb.control().createShop(f.sellerId, "Test SG", "SG", "LOCAL", false);
        String sgShop = sg.get("id").asText();
        JsonNode prod = f.sb.control().createProduct(sgShop, "SG item", "Home", List.of(new SandboxState.SkuSpec("SG-1",
                new BigDecimal("5"), List.of(), Map.of(sg.get("warehouses").get(0).get("id").asText(), 5), null, null)));
        String order = f.sb.control().createOrder(sgShop, new SandboxState.OrderSpec(Map.of(prod.get("skus").get(0).get("id").asText(), 1),
                null, false, false, true, null, null)).get("id").asText();
        String provider = sg.get("warehouses").get(0).get("delivery_options").get(1).get("shipping_providers").get(0).get("id").asText();
        TestClient.Reply r = c.post("/fulfillment/202309/orders/" + order + "/packages",
                "{\"tracking_number\":\"SG12345678\",\"shipping_provider_id\":\"" + provider + "\"}").shop(sg.get("cipher").asText()).send();
        assertThat(r.code()).isEqualTo(21011019);
        assertThat(r.message()).contains("only available for shops in US, UK, ES, IE, IT, DE, FR and JP");
    }

    @Test
    void markAsShipped_inGbShop_isAccepted() {
        String gbShop = f.gb.get("id").asText();
        JsonNode prod = f.sb.control().createProduct(gbShop, "GB item", "Home", List.of(new SandboxState.SkuSpec("GB-1",
                new BigDecimal("5"), List.of(), Map.of(f.gb.get("warehouses").get(0).get("id").asText(), 5), null, null)));
        String order = f.sb.control().createOrder(gbShop, new SandboxState.OrderSpec(Map.of(prod.get("skus").get(0).get("id").asText(), 1),
                null, false, false, true, null, null)).get("id").asText();
        JsonNode option = f.gb.get("warehouses").get(0).get("delivery_options").get(1);
        assertThat(option.get("shipping_providers")).extracting(p -> p.get("name").asText()).contains("Royal Mail", "DPD", "Evri");
        TestClient.Reply r = c.post("/fulfillment/202309/orders/" + order + "/packages",
                "{\"tracking_number\":\"RM123456789GB\",\"shipping_provider_id\":\"" + option.get("shipping_providers").get(0).get("id").asText() + "\"}")
                .shop(f.gbCipher).send();
        assertThat(r.code()).isZero();
    }

    @Test
    void updateShippingInfo_onlyWithin72HoursOfShipping() {
        String id = f.orderUs(Map.of(f.skuA, 1), null, false);
        c.post("/fulfillment/202309/orders/" + id + "/packages",
                "{\"tracking_number\":\"1Z999AA10123456784\",\"shipping_provider_id\":\"" + providerId("UPS") + "\"}").shop(f.usCipher).send();
        String fix = "{\"tracking_number\":\"1Z999AA10123456799\",\"shipping_provider_id\":\"" + providerId("UPS") + "\"}";
        assertThat(c.post("/fulfillment/202309/orders/" + id + "/shipping_info/update", fix).shop(f.usCipher).send().code()).isZero();
        assertThat(detail(id).get("tracking_number").asText()).isEqualTo("1Z999AA10123456799");
        f.sb.control().advanceClock(Duration.ofHours(73));
        TestClient.Reply late = c.post("/fulfillment/202309/orders/" + id + "/shipping_info/update", fix).shop(f.usCipher).send();
        assertThat(late.code()).isEqualTo(21011013);
        assertThat(late.message()).contains("within 72 hours");
    }

    @Test
    void batchShip_reportsPerPackageErrors() {
        String ok = detail(f.orderUs(Map.of(f.skuA, 1), null, false)).get("packages").get(0).get("id").asText();
        String body = "{\"packages\":[{\"id\":\"" + ok + "\",\"self_shipment\":{\"tracking_number\":\"1Z999AA10123456784\",\"shipping_provider_id\":\""
                + providerId("FedEx") + "\"}},{\"id\":\"123\",\"self_shipment\":{\"tracking_number\":\"1Z999AA10123456785\",\"shipping_provider_id\":\""
                + providerId("FedEx") + "\"}}]}";
        TestClient.Reply r = c.post("/fulfillment/202309/packages/ship", body).shop(f.usCipher).send();
        assertThat(r.code()).isZero();
        assertThat(r.data().get("errors")).hasSize(1);
        assertThat(r.data().get("errors").get(0).get("detail").get("package_id").asText()).isEqualTo("123");
        assertThat(r.data().get("errors").get(0).get("code").asLong()).isEqualTo(21008111);
    }

    @Test
    void fbtOrder_isShippedByTikTokNotBySeller() {
        String id = f.sb.control().createOrder(f.usShopId(), new SandboxState.OrderSpec(Map.of(f.skuA, 1), null, false, true, false, null, null))
                .get("id").asText();
        JsonNode o = detail(id);
        assertThat(o.get("fulfillment_type").asText()).isEqualTo("FULFILLMENT_BY_TIKTOK");
        assertThat(o.get("shipping_type").asText()).isEqualTo("TIKTOK");
        String pkg = o.get("packages").get(0).get("id").asText();
        assertThat(c.post("/fulfillment/202309/packages/" + pkg + "/ship", "{}").shop(f.usCipher).send().code()).isEqualTo(21011013);
    }

    @Test
    void controlLifecycle_runsThroughDeliveredAndCompleted_andBumpsUpdateTime() {
        String id = f.orderUs(Map.of(f.skuA, 1), "UNPAID", false);
        long t = detail(id).get("update_time").asLong();
        for (String s : List.of("AWAITING_SHIPMENT", "IN_TRANSIT", "DELIVERED", "COMPLETED")) {
            f.sb.control().advanceClock(Duration.ofMinutes(5));
            f.sb.control().setOrderStatus(id, s);
            JsonNode o = detail(id);
            assertThat(o.get("status").asText()).isEqualTo(s);
            assertThat(o.get("update_time").asLong()).isGreaterThan(t);
            t = o.get("update_time").asLong();
        }
        assertThatThrownBy(() -> f.sb.control().setOrderStatus(id, "IN_TRANSIT")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void orderStock_isReservedThenReleasedOnCancel() {
        String id = f.orderUs(Map.of(f.skuB, 2), null, false);
        JsonNode inv = f.sb.control().inventory(f.skuB).get("warehouse_inventory").get(0);
        assertThat(inv.get("available_quantity").asInt()).isEqualTo(1);
        assertThat(inv.get("committed_quantity").asInt()).isEqualTo(2);
        TestClient.Reply r = c.post("/return_refund/202309/cancellations",
                "{\"order_id\":\"" + id + "\",\"cancel_reason\":\"seller_cancel_reason_out_of_stock\"}").shop(f.usCipher).send();
        assertThat(r.code()).isZero();
        assertThat(r.data().get("cancel_status").asText()).isEqualTo("CANCELLATION_REQUEST_COMPLETE");
        JsonNode after = f.sb.control().inventory(f.skuB).get("warehouse_inventory").get(0);
        assertThat(after.get("available_quantity").asInt()).isEqualTo(3);
        assertThat(after.get("committed_quantity").asInt()).isZero();
        JsonNode o = detail(id);
        assertThat(o.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(o.get("cancellation_initiator").asText()).isEqualTo("SELLER");
    }
}
