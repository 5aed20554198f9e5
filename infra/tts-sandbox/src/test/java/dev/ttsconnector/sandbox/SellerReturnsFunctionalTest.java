package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §6 seller-initiated return/refund ({@code POST /return_refund/202309/returns} with {@code idempotency_key}),
 * Calculate refund ({@code POST /return_refund/202309/refunds/calculate}) and the control API's return statuses.
 */
class SellerReturnsFunctionalTest {

    private static final String RETURNS = "/return_refund/202309/returns";
    private static final String CALCULATE = "/return_refund/202309/refunds/calculate";
    private SandboxFixture f;
    private TestClient c;

    @BeforeEach
    void start() {
        f = new SandboxFixture(SandboxConfig.builder().seed(7));
        c = f.client;
    }

    @AfterEach
    void stop() {
        f.sb.close();
    }

    private long sellerReturns(String orderId) {
        JsonNode data = c.post(RETURNS + "/search", "{\"order_ids\":[\"" + orderId + "\"]}").shop(f.usCipher).send().data();
        long n = 0;
        for (JsonNode r : data.path("return_orders")) {
            n += "SELLER".equals(r.path("role").asText()) ? 1 : 0;
        }
        return n;
    }

    @Test
    void sellerRefund_onDeliveredOrder_isGrantedAndSearchableAsSellerRole() {
        String id = f.orderUs(Map.of(f.skuA, 2), "DELIVERED", false);
        TestClient.Reply r = c.post(RETURNS, "{\"order_id\":\"" + id + "\",\"return_type\":\"REFUND\","
                + "\"return_reason\":\"Package or product is damaged\"}").shop(f.usCipher).q("idempotency_key", "k-1").send();
        assertThat(r.code()).as(r.message()).isZero();
        assertThat(r.data().get("return_status").asText()).isEqualTo("RETURN_OR_REFUND_REQUEST_SUCCESS");
        String returnId = r.data().get("return_id").asText();
        JsonNode found = c.post(RETURNS + "/search", "{\"return_ids\":[\"" + returnId + "\"]}").shop(f.usCipher).send()
                .data().get("return_orders").get(0);
        assertThat(found.get("role").asText()).isEqualTo("SELLER");
        assertThat(found.get("return_type").asText()).isEqualTo("REFUND");
        assertThat(found.get("return_line_items")).hasSize(2);
    }

    @Test
    void sellerReturn_sameIdempotencyKeyTwice_answersTheFirstReturnAndCreatesNoSecond() {
        String id = f.orderUs(Map.of(f.skuA, 1), "DELIVERED", false);
        String body = "{\"order_id\":\"" + id + "\",\"return_type\":\"RETURN_AND_REFUND\",\"return_reason\":\"Package or product is damaged\"}";
        TestClient.Reply first = c.post(RETURNS, body).shop(f.usCipher).q("idempotency_key", "same").send();
        TestClient.Reply again = c.post(RETURNS, body).shop(f.usCipher).q("idempotency_key", "same").send();
        assertThat(first.code()).as(first.message()).isZero();
        assertThat(again.code()).as(again.message()).isZero();
        assertThat(again.data().get("return_id").asText()).isEqualTo(first.data().get("return_id").asText());
        assertThat(first.data().get("return_status").asText()).isEqualTo("AWAITING_BUYER_SHIP");
        assertThat(sellerReturns(id)).isEqualTo(1);
        // Without the key the same body is a new request, and its lines are already in an open return.
        TestClient.Reply other = c.post(RETURNS, body).shop(f.usCipher).q("idempotency_key", "other").send();
        assertThat(other.code()).isEqualTo(98001004);
        assertThat(other.message()).startsWith("Parameter order_line_item_ids is invalid");
    }

    @Test
    void sellerReturn_validation_namesTheFieldInTikTokEnvelope() {
        String delivered = f.orderUs(Map.of(f.skuA, 1), "DELIVERED", false);
        String unshipped = f.orderUs(Map.of(f.skuA, 1), null, false);
        TestClient.Reply badType = c.post(RETURNS, "{\"order_id\":\"" + delivered + "\",\"return_type\":\"REPLACEMENT\","
                + "\"return_reason\":\"Package or product is damaged\"}").shop(f.usCipher).send();
        assertThat(badType.message()).startsWith("Parameter return_type is invalid");
        TestClient.Reply badReason = c.post(RETURNS, "{\"order_id\":\"" + delivered + "\",\"return_type\":\"REFUND\","
                + "\"return_reason\":\"because\"}").shop(f.usCipher).send();
        assertThat(badReason.message()).startsWith("Parameter return_reason is invalid");
        TestClient.Reply tooMuch = c.post(RETURNS, "{\"order_id\":\"" + delivered + "\",\"return_type\":\"REFUND\","
                + "\"return_reason\":\"Package or product is damaged\",\"refund_total\":\"100000\",\"currency\":\"USD\"}")
                .shop(f.usCipher).send();
        assertThat(tooMuch.code()).isEqualTo(98001004);
        assertThat(tooMuch.message()).startsWith("Parameter refund_total is invalid");
        TestClient.Reply notShipped = c.post(RETURNS, "{\"order_id\":\"" + unshipped + "\",\"return_type\":\"REFUND\","
                + "\"return_reason\":\"Package or product is damaged\"}").shop(f.usCipher).send();
        assertThat(notShipped.message()).startsWith("Parameter order_id is invalid");
        TestClient.Reply unknownField = c.post(RETURNS, "{\"order_id\":\"" + delivered + "\",\"return_type\":\"REFUND\","
                + "\"return_reason\":\"Package or product is damaged\",\"amount\":\"1\"}").shop(f.usCipher).send();
        assertThat(unknownField.message()).startsWith("Parameter amount is invalid");
        TestClient.Reply otherSeller = c.post(RETURNS, "{\"order_id\":\"1\",\"return_type\":\"REFUND\","
                + "\"return_reason\":\"Package or product is damaged\"}").shop(f.usCipher).send();
        assertThat(otherSeller.code()).isEqualTo(21008111);
    }

    @Test
    void calculateRefund_sumsTheLinesSalePricesInTheShopCurrency() {
        String id = f.orderUs(Map.of(f.skuA, 2), "IN_TRANSIT", false);
        List<String> lines = f.sb.control().lineItemIds(id);
        TestClient.Reply all = c.post(CALCULATE, "{\"order_id\":\"" + id + "\",\"request_type\":\"REFUND\"}").shop(f.usCipher).send();
        TestClient.Reply one = c.post(CALCULATE, "{\"order_id\":\"" + id + "\",\"request_type\":\"REFUND\",\"order_line_item_ids\":[\""
                + lines.get(0) + "\"]}").shop(f.usCipher).send();
        assertThat(all.code()).as(all.message()).isZero();
        JsonNode amount = all.data().get("order_refund_amount");
        assertThat(amount.get("currency").asText()).isEqualTo("USD");
        assertThat(new java.math.BigDecimal(amount.get("refund_total").asText()))
                .isEqualByComparingTo(new java.math.BigDecimal(one.data().get("order_refund_amount").get("refund_total").asText())
                        .multiply(java.math.BigDecimal.valueOf(2)));
        assertThat(c.post(CALCULATE, "{\"order_id\":\"" + id + "\",\"request_type\":\"EXCHANGE\"}").shop(f.usCipher).send().message())
                .startsWith("Parameter request_type is invalid");
    }

    @Test
    void control_createsBuyerReturnsInAChosenStatus_andMovesThem() {
        String id = f.orderUs(Map.of(f.skuA, 1), "DELIVERED", false);
        JsonNode created = f.sb.control().createReturn(id, "RETURN_AND_REFUND", null, "BUYER_SHIPPED_ITEM");
        assertThat(created.get("return_status").asText()).isEqualTo("BUYER_SHIPPED_ITEM");
        f.sb.control().advanceClock(java.time.Duration.ofSeconds(5));
        JsonNode done = f.sb.control().setReturnStatus(created.get("return_id").asText(), "RETURN_OR_REFUND_REQUEST_COMPLETE");
        assertThat(done.get("return_status").asText()).isEqualTo("RETURN_OR_REFUND_REQUEST_COMPLETE");
        assertThat(done.get("update_time").asLong()).isGreaterThan(created.get("update_time").asLong());
    }
}
