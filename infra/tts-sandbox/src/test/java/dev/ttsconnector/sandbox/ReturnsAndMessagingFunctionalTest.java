package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §6 (cancellations, returns) and §10 (customer service). */
class ReturnsAndMessagingFunctionalTest {
    private SandboxFixture f;
    private TestClient c;

    @BeforeEach
    void start() {
        f = new SandboxFixture(SandboxConfig.builder().seed(3));
        c = f.client;
    }

    @AfterEach
    void stop() {
        f.sb.close();
    }

    @Test
    void sellerCancel_withUnknownReason_isRefusedNamingTheField() {
        String id = f.orderUs(Map.of(f.skuA, 1), null, false);
        TestClient.Reply r = c.post("/return_refund/202309/cancellations",
                "{\"order_id\":\"" + id + "\",\"cancel_reason\":\"because\"}").shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).startsWith("Parameter cancel_reason is invalid. Reason: 'because' is not a cancel reason for a paid order");
    }

    @Test
    void sellerCancel_unpaidOrderNeedsAnUnpaidReason() {
        String id = f.orderUs(Map.of(f.skuA, 1), "UNPAID", false);
        assertThat(c.post("/return_refund/202309/cancellations", "{\"order_id\":\"" + id + "\",\"cancel_reason\":\"seller_cancel_reason_out_of_stock\"}")
                .shop(f.usCipher).send().code()).isEqualTo(98001004);
        assertThat(c.post("/return_refund/202309/cancellations", "{\"order_id\":\"" + id
                + "\",\"cancel_reason\":\"seller_cancel_unpaid_reason_out_of_stock\"}").shop(f.usCipher).send().code()).isZero();
    }

    @Test
    void sellerCancel_partialByLineItems_keepsTheRestOpen() {
        String id = f.orderUs(Map.of(f.skuA, 2), null, false);
        List<String> lines = f.sb.control().lineItemIds(id);
        TestClient.Reply r = c.post("/return_refund/202309/cancellations", "{\"order_id\":\"" + id
                + "\",\"cancel_reason\":\"seller_cancel_reason_out_of_stock\",\"order_line_item_ids\":[\"" + lines.get(0) + "\"]}").shop(f.usCipher).send();
        assertThat(r.code()).isZero();
        JsonNode o = f.sb.control().order(id);
        assertThat(o.get("status").asText()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(o.get("line_items").get(0).get("display_status").asText()).isEqualTo("CANCELLED");
        assertThat(o.get("line_items").get(1).get("display_status").asText()).isEqualTo("AWAITING_SHIPMENT");
    }

    @Test
    void sellerCancel_afterShipment_isRefused() {
        String id = f.orderUs(Map.of(f.skuA, 1), "IN_TRANSIT", false);
        assertThat(c.post("/return_refund/202309/cancellations", "{\"order_id\":\"" + id
                + "\",\"cancel_reason\":\"seller_cancel_reason_out_of_stock\"}").shop(f.usCipher).send().code()).isEqualTo(98001004);
    }

    @Test
    void buyerCancellation_isPendingAndSearchable_thenRejectedWithAFetchedReason() {
        String id = f.orderUs(Map.of(f.skuA, 1), null, false);
        String cancelId = f.sb.control().requestBuyerCancellation(id, null).get("cancel_id").asText();
        JsonNode order = f.sb.control().order(id);
        assertThat(order.get("is_buyer_request_cancel").asBoolean()).isTrue();
        TestClient.Reply search = c.post("/order/202309/orders/search", "{\"is_buyer_request_cancel\":true}").q("page_size", "10").shop(f.usCipher).send();
        assertThat(search.data().get("orders")).extracting(o -> o.get("id").asText()).containsExactly(id);
        TestClient.Reply cs = c.post("/return_refund/202309/cancellations/search", "{\"cancel_status\":[\"CANCELLATION_REQUEST_PENDING\"]}")
                .shop(f.usCipher).send();
        JsonNode cancellation = cs.data().get("cancellations").get(0);
        assertThat(cancellation.get("cancel_type").asText()).isEqualTo("BUYER_CANCEL");
        assertThat(cancellation.get("seller_next_action_response").get(0).get("action").asText()).isEqualTo("SELLER_RESPOND_CANCEL");
        JsonNode reasons = c.get("/return_refund/202309/reject_reasons").q("return_or_cancel_id", cancelId).shop(f.usCipher).send().data().get("reasons");
        String reason = reasons.get(0).get("name").asText();
        assertThat(c.post("/return_refund/202309/cancellations/" + cancelId + "/reject", "{\"reject_reason\":\"nope\"}").shop(f.usCipher).send().code())
                .isEqualTo(98001004);
        assertThat(c.post("/return_refund/202309/cancellations/" + cancelId + "/reject", "{\"reject_reason\":\"" + reason + "\"}")
                .shop(f.usCipher).send().code()).isZero();
        JsonNode after = c.post("/return_refund/202309/cancellations/search", "{\"cancel_ids\":[\"" + cancelId + "\"]}").shop(f.usCipher).send()
                .data().get("cancellations").get(0);
        assertThat(after.get("cancel_status").asText()).isEqualTo("CANCELLATION_REQUEST_CANCEL");
        assertThat(f.sb.control().order(id).get("is_buyer_request_cancel").asBoolean()).isFalse();
    }

    @Test
    void buyerCancellationDuringOnHold_cancelsAtOnce() {
        String id = f.orderUs(Map.of(f.skuA, 1), null, true);
        f.sb.control().requestBuyerCancellation(id, null);
        JsonNode o = f.sb.control().order(id);
        assertThat(o.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(o.get("cancellation_initiator").asText()).isEqualTo("BUYER");
    }

    @Test
    void returns_searchAndRejectWithDecisionAndReason() {
        String id = f.orderUs(Map.of(f.skuA, 1), "DELIVERED", false);
        String returnId = f.sb.control().createReturn(id, "RETURN_AND_REFUND", null).get("return_id").asText();
        TestClient.Reply s = c.post("/return_refund/202309/returns/search", "{\"order_ids\":[\"" + id + "\"]}").shop(f.usCipher).send();
        JsonNode ret = s.data().get("return_orders").get(0);
        assertThat(ret.get("return_status").asText()).isEqualTo("RETURN_OR_REFUND_REQUEST_PENDING");
        assertThat(ret.get("return_line_items")).hasSize(1);
        String reason = c.get("/return_refund/202309/reject_reasons").q("return_or_cancel_id", returnId).shop(f.usCipher).send()
                .data().get("reasons").get(0).get("name").asText();
        assertThat(c.post("/return_refund/202309/returns/" + returnId + "/reject", "{\"decision\":\"REJECT_REPLACEMENT\",\"reject_reason\":\"" + reason + "\"}")
                .shop(f.usCipher).send().code()).isEqualTo(98001004);
        assertThat(c.post("/return_refund/202309/returns/" + returnId + "/reject", "{\"decision\":\"REJECT_RETURN\",\"reject_reason\":\"" + reason
                + "\",\"comment\":\"used item\"}").shop(f.usCipher).send().code()).isZero();
        JsonNode after = c.post("/return_refund/202309/returns/search", "{\"return_ids\":[\"" + returnId + "\"]}").shop(f.usCipher).send()
                .data().get("return_orders").get(0);
        assertThat(after.get("return_status").asText()).isEqualTo("REFUND_OR_RETURN_REQUEST_REJECT");
    }

    @Test
    void conversation_sameIdForTheSameBuyer_andMessagesValidated() {
        String id = f.orderUs(Map.of(f.skuA, 1), null, false);
        String buyer = f.sb.control().order(id).get("user_id").asText();
        String conv = c.post("/customer_service/202309/conversations", "{\"buyer_user_id\":\"" + buyer + "\"}").shop(f.usCipher).send()
                .data().get("conversation_id").asText();
        assertThat(c.post("/customer_service/202309/conversations", "{\"buyer_user_id\":\"" + buyer + "\"}").shop(f.usCipher).send()
                .data().get("conversation_id").asText()).isEqualTo(conv);
        String path = "/customer_service/202309/conversations/" + conv + "/messages";
        TestClient.Reply text = c.post(path, "{\"type\":\"TEXT\",\"content\":\"{\\\"content\\\":\\\"Your parcel is on its way\\\"}\"}").shop(f.usCipher).send();
        assertThat(text.code()).isZero();
        assertThat(text.data().get("message_id").asText()).isNotBlank();
        assertThat(c.post(path, "{\"type\":\"ORDER_CARD\",\"content\":\"{\\\"order_id\\\":\\\"" + id + "\\\"}\"}").shop(f.usCipher).send().code()).isZero();
        String tooLong = "x".repeat(2001);
        TestClient.Reply big = c.post(path, "{\"type\":\"TEXT\",\"content\":\"{\\\"content\\\":\\\"" + tooLong + "\\\"}\"}").shop(f.usCipher).send();
        assertThat(big.code()).isEqualTo(98001004);
        assertThat(big.message()).contains("content.content").contains("at most 2000 characters");
        TestClient.Reply objectContent = c.post(path, "{\"type\":\"TEXT\",\"content\":{\"content\":\"hi\"}}").shop(f.usCipher).send();
        assertThat(objectContent.code()).isEqualTo(98001004);
        assertThat(objectContent.message()).contains("JSON-serialized string");
        assertThat(c.post("/customer_service/202309/conversations", "{\"buyer_user_id\":\"999\"}").shop(f.usCipher).send().code()).isEqualTo(98001004);
    }
}
