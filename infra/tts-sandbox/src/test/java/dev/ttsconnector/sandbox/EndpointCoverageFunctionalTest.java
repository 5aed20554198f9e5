package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Endpoint rules not covered by the scenario-style suites. */
class EndpointCoverageFunctionalTest {
    private SandboxFixture f;
    private TestClient c;

    @BeforeEach
    void start() {
        f = new SandboxFixture(SandboxConfig.builder().seed(13));
        c = f.client;
    }

    @AfterEach
    void stop() {
        f.sb.close();
    }

    private String gbOrder() {
        String gbShop = f.gb.get("id").asText();
        JsonNode prod = f.sb.control().createProduct(gbShop, "GB item", "Home", List.of(new SandboxState.SkuSpec("GB-1",
                new BigDecimal("5"), List.of(), Map.of(f.gb.get("warehouses").get(0).get("id").asText(), 5), null, null)));
        return f.sb.control().createOrder(gbShop, new SandboxState.OrderSpec(Map.of(prod.get("skus").get(0).get("id").asText(), 1),
                null, false, false, true, null, null)).get("id").asText();
    }

    @Test
    void orderDetail_ofAnotherShopsOrder_is21008111() {
        String gb = gbOrder();
        TestClient.Reply r = c.get("/order/202309/orders").q("ids", gb).shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(21008111);
        assertThat(r.message()).isEqualTo("The order or package does not belong to the current seller.");
    }

    @Test
    void orderDetail_v202507_returnsTheSameOrder() {
        String id = f.orderUs(Map.of(f.skuA, 1), null, false);
        JsonNode a = c.get("/order/202309/orders").q("ids", id).shop(f.usCipher).send().data().get("orders").get(0);
        JsonNode b = c.get("/order/202507/orders").q("ids", id).shop(f.usCipher).send().data().get("orders").get(0);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void orderSearch_unknownFilterField_isRefusedNamingIt() {
        TestClient.Reply r = c.post("/order/202309/orders/search", "{\"status\":\"UNPAID\"}").q("page_size", "10").shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).startsWith("Parameter status is invalid. Reason: unknown search field");
    }

    @Test
    void usLocalLineItems_hidePackageUntilShipped() {
        String id = f.orderUs(Map.of(f.skuA, 1), null, false);
        JsonNode line = f.sb.control().order(id).get("line_items").get(0);
        assertThat(line.has("package_id")).isFalse();
        f.sb.control().setOrderStatus(id, "IN_TRANSIT");
        assertThat(f.sb.control().order(id).get("line_items").get(0).get("package_id").asText()).isNotBlank();
    }

    @Test
    void packageSearch_pagesAndFiltersByStatus() {
        f.orderUs(Map.of(f.skuA, 1), null, false);
        String shipped = f.orderUs(Map.of(f.skuA, 1), "IN_TRANSIT", false);
        TestClient.Reply r = c.post("/fulfillment/202309/packages/search", "{\"package_status\":\"FULFILLING\"}").q("page_size", "50")
                .shop(f.usCipher).send();
        assertThat(r.data().get("packages")).hasSize(1);
        assertThat(r.data().get("packages").get(0).get("orders").get(0).get("id").asText()).isEqualTo(shipped);
        assertThat(c.post("/fulfillment/202309/packages/search", "{}").q("page_size", "51").shop(f.usCipher).send().code()).isEqualTo(98001004);
    }

    @Test
    void productSearch202502_withMoreThanTenSkuIds_is98001004() {
        String ids = IntStream.range(0, 11).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        TestClient.Reply r = c.post("/product/202502/products/search", "{\"sku_ids\":[" + ids + "]}").q("page_size", "10").shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(c.post("/product/202502/products/search", "{\"sku_ids\":[\"" + f.skuB + "\"]}").q("page_size", "10").shop(f.usCipher)
                .send().data().get("products")).hasSize(1);
    }

    @Test
    void deletedProduct_isNotFoundByGet() {
        f.sb.control().setProductStatus(f.product.get("id").asText(), "DELETED");
        TestClient.Reply r = c.get("/product/202309/products/" + f.product.get("id").asText()).shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(12019150);
    }

    @Test
    void approveBuyerCancellation_cancelsTheOrderAndRestocks() {
        String id = f.orderUs(Map.of(f.skuB, 1), null, false);
        String cancelId = f.sb.control().requestBuyerCancellation(id, null).get("cancel_id").asText();
        assertThat(c.post("/return_refund/202309/cancellations/" + cancelId + "/approve", null).shop(f.usCipher).send().code()).isZero();
        JsonNode o = f.sb.control().order(id);
        assertThat(o.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(o.get("is_buyer_request_cancel").asBoolean()).isFalse();
        assertThat(f.sb.control().inventory(f.skuB).get("warehouse_inventory").get(0).get("available_quantity").asInt()).isEqualTo(3);
        assertThat(c.post("/return_refund/202309/cancellations/" + cancelId + "/approve", null).shop(f.usCipher).send().code()).isEqualTo(98001004);
    }

    @Test
    void approveReturn_movesRefundToSuccess() {
        String id = f.orderUs(Map.of(f.skuA, 1), "DELIVERED", false);
        String returnId = f.sb.control().createReturn(id, "REFUND", null).get("return_id").asText();
        assertThat(c.post("/return_refund/202309/returns/" + returnId + "/approve", "{\"decision\":\"APPROVE_REFUND\"}").shop(f.usCipher).send().code()).isZero();
        JsonNode r = c.post("/return_refund/202309/returns/search", "{\"return_ids\":[\"" + returnId + "\"]}").shop(f.usCipher).send()
                .data().get("return_orders").get(0);
        assertThat(r.get("return_status").asText()).isEqualTo("RETURN_OR_REFUND_REQUEST_SUCCESS");
    }

    @Test
    void ukShop_acceptsTheUkOutOfStockReason() {
        String id = gbOrder();
        assertThat(c.post("/return_refund/202309/cancellations", "{\"order_id\":\"" + id + "\",\"cancel_reason\":\"seller_cancel_reason_out_of_stock_uk\"}")
                .shop(f.gbCipher).send().code()).isZero();
        String us = f.orderUs(Map.of(f.skuA, 1), null, false);
        assertThat(c.post("/return_refund/202309/cancellations", "{\"order_id\":\"" + us + "\",\"cancel_reason\":\"seller_cancel_reason_out_of_stock_uk\"}")
                .shop(f.usCipher).send().code()).isEqualTo(98001004);
    }

    @Test
    void cancelledSpelling_isConfigurable() {
        f.sb.close();
        f = new SandboxFixture(SandboxConfig.builder().cancelledCancellationStatus("CANCELLATION_REQUEST_CANCELLED"));
        c = f.client;
        String id = f.orderUs(Map.of(f.skuA, 1), null, false);
        String cancelId = f.sb.control().requestBuyerCancellation(id, null).get("cancel_id").asText();
        c.post("/return_refund/202309/cancellations/" + cancelId + "/reject", "{\"reject_reason\":\"seller_reject_apply_product_has_been_packed\"}")
                .shop(f.usCipher).send();
        JsonNode found = c.post("/return_refund/202309/cancellations/search", "{\"cancel_status\":[\"CANCELLATION_REQUEST_CANCEL\"]}")
                .shop(f.usCipher).send().data().get("cancellations").get(0);
        assertThat(found.get("cancel_status").asText()).isEqualTo("CANCELLATION_REQUEST_CANCELLED");
    }
}
