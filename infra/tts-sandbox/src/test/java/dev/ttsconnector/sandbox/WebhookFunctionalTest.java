package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §12: subscriptions by API, signed deliveries, retry schedule in sandbox time. */
class WebhookFunctionalTest {
    private SandboxFixture f;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        f = new SandboxFixture(SandboxConfig.builder().seed(5));
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        f.sb.close();
        receiver.close();
    }

    private void subscribe(String topic) {
        TestClient.Reply r = f.client.put("/event/202309/webhooks", "{\"event_type\":\"" + topic + "\",\"address\":\"" + receiver.url() + "\"}")
                .shop(f.usCipher).send();
        assertThat(r.code()).isZero();
    }

    private JsonNode body(int i) throws Exception {
        return SandboxJson.MAPPER.readTree(receiver.received.get(i).body());
    }

    @Test
    void subscriptions_canBeSetListedAndDeleted() {
        subscribe("ORDER_STATUS_CHANGE");
        JsonNode list = f.client.get("/event/202309/webhooks").shop(f.usCipher).send().data();
        assertThat(list.get("total_count").asInt()).isEqualTo(1);
        assertThat(list.get("webhooks").get(0).get("address").asText()).isEqualTo(receiver.url());
        assertThat(f.client.delete("/event/202309/webhooks", "{\"event_type\":\"ORDER_STATUS_CHANGE\"}").shop(f.usCipher).send().code()).isZero();
        assertThat(f.client.delete("/event/202309/webhooks", "{\"event_type\":\"ORDER_STATUS_CHANGE\"}").shop(f.usCipher).send().code()).isZero();
        assertThat(f.client.get("/event/202309/webhooks").shop(f.usCipher).send().data().get("webhooks")).isEmpty();
    }

    @Test
    void subscribe_withUnknownTopicOrPlainHttpPublicAddress_isRefused() {
        assertThat(f.client.put("/event/202309/webhooks", "{\"event_type\":\"ORDER_CHANGED\",\"address\":\"https://x.example\"}")
                .shop(f.usCipher).send().code()).isEqualTo(98001004);
        assertThat(f.client.put("/event/202309/webhooks", "{\"event_type\":\"ORDER_STATUS_CHANGE\",\"address\":\"http://x.example/h\"}")
                .shop(f.usCipher).send().code()).isEqualTo(98001004);
    }

    @Test
    void orderStatusChange_isDeliveredSignedWithNotificationId() throws Exception {
        subscribe("ORDER_STATUS_CHANGE");
        String id = f.orderUs(Map.of(f.skuA, 1), null, false);
        assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(5))).isTrue();
        assertThat(receiver.received).hasSize(1);
        WebhookReceiver.Received r = receiver.received.get(0);
        assertThat(r.authorization()).isEqualTo(SandboxSigner.webhookSignature(f.sb.config().appKey(), f.sb.config().appSecret(), r.body()));
        JsonNode b = body(0);
        assertThat(b.get("type").asInt()).isEqualTo(1);
        assertThat(b.get("tts_notification_id").asText()).isNotBlank();
        assertThat(b.get("shop_id").asText()).isEqualTo(f.usShopId());
        assertThat(b.get("data").get("order_id").asText()).isEqualTo(id);
        assertThat(b.get("data").get("order_status").asText()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(b.get("data").has("is_on_hold_order")).isTrue();
        assertThat(b.get("data").has("update_time")).isTrue();
    }

    @Test
    void packageCancellationAndReturnEvents_carryTheirSpecFields() throws Exception {
        for (String t : List.of("PACKAGE_UPDATE", "CANCELLATION_STATUS_CHANGE", "RETURN_STATUS_CHANGE", "PRODUCT_STATUS_CHANGE",
                "SELLER_DEAUTHORIZATION", "UPCOMING_AUTHORIZATION_EXPIRATION")) {
            subscribe(t);
        }
        String shipped = f.orderUs(Map.of(f.skuA, 1), "DELIVERED", false);
        String open = f.orderUs(Map.of(f.skuA, 1), null, false);
        f.sb.control().requestBuyerCancellation(open, null);
        f.sb.control().createReturn(shipped, "REFUND", null);
        f.sb.control().setProductStatus(f.product.get("id").asText(), "SELLER_DEACTIVATED");
        f.sb.control().notifyAuthorizationExpiry(f.usShopId());
        f.sb.control().deauthorize(f.usShopId());
        assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(5))).isTrue();
        Map<Integer, JsonNode> byType = new java.util.HashMap<>();
        for (int i = 0; i < receiver.received.size(); i++) {
            JsonNode b = body(i);
            byType.putIfAbsent(b.get("type").asInt(), b.get("data"));
        }
        assertThat(byType.keySet()).containsExactlyInAnyOrder(4, 5, 6, 7, 11, 12);
        assertThat(byType.get(4).get("package_list").get(0).get("order_id_list").get(0).asText()).isEqualTo(shipped);
        assertThat(byType.get(11).get("cancel_status").asText()).isEqualTo("CANCELLATION_REQUEST_PENDING");
        assertThat(byType.get(11).get("cancellations_role").asText()).isEqualTo("BUYER");
        assertThat(byType.get(12).get("return_type").asText()).isEqualTo("REFUND");
        assertThat(byType.get(12).get("return_status").asText()).isEqualTo("RETURN_OR_REFUND_REQUEST_PENDING");
        assertThat(byType.get(5).get("product_id").asText()).isEqualTo(f.product.get("id").asText());
        assertThat(byType.get(7).has("expiration_time")).isTrue();
        assertThat(byType.get(6).has("message")).isTrue();
    }

    @Test
    void failedDelivery_isRetriedAt2m30m3h12hOfSandboxTime_thenDropped() throws Exception {
        subscribe("ORDER_STATUS_CHANGE");
        receiver.status = 500;
        f.orderUs(Map.of(f.skuA, 1), null, false);
        assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(5))).isTrue();
        assertThat(receiver.received).hasSize(1);
        int[] minutes = {2, 30, 180, 720};
        for (int i = 0; i < minutes.length; i++) {
            f.sb.control().advanceClock(Duration.ofMinutes(minutes[i]).minusSeconds(1));
            assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(5))).isTrue();
            assertThat(receiver.received).as("not yet due before retry %d", i + 1).hasSize(i + 1);
            f.sb.control().advanceClock(Duration.ofSeconds(1));
            assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(5))).isTrue();
            assertThat(receiver.received).as("retry %d", i + 1).hasSize(i + 2);
        }
        f.sb.control().advanceClock(Duration.ofDays(2));
        assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(5))).isTrue();
        assertThat(receiver.received).hasSize(5);
        assertThat(f.sb.control().pendingWebhooks()).isEmpty();
        // Every attempt is the same notification with the same bytes.
        assertThat(receiver.received).extracting(r -> new String(r.body())).containsOnly(new String(receiver.received.get(0).body()));
    }

    @Test
    void retryStopsOnceTheReceiverAcknowledges() throws Exception {
        subscribe("ORDER_STATUS_CHANGE");
        receiver.status = 503;
        f.orderUs(Map.of(f.skuA, 1), null, false);
        assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(5))).isTrue();
        receiver.status = 200;
        f.sb.control().advanceClock(Duration.ofMinutes(2));
        assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(5))).isTrue();
        f.sb.control().advanceClock(Duration.ofHours(16));
        assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(5))).isTrue();
        assertThat(receiver.received).hasSize(2);
    }

    @Test
    void appLevelAddress_receivesEventsOfShopsWithoutSubscription() throws Exception {
        f.sb.close();
        f = new SandboxFixture(SandboxConfig.builder().appWebhookAddress(receiver.url()));
        f.orderUs(Map.of(f.skuA, 1), null, false);
        assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(5))).isTrue();
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void severalDeliveryThreads_deliverEveryEventOnce() throws Exception {
        f.sb.close();
        f = new SandboxFixture(SandboxConfig.builder().appWebhookAddress(receiver.url()).webhookThreads(4));
        f.sb.control().setStock(f.skuA, f.usMainWarehouse, 1000);
        for (int i = 0; i < 20; i++) {
            f.orderUs(Map.of(f.skuA, 1), null, false);
        }
        assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(10))).isTrue();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (WebhookReceiver.Received r : receiver.received) {
            ids.add(SandboxJson.MAPPER.readTree(r.body()).get("tts_notification_id").asText());
        }
        assertThat(receiver.received).hasSize(20);
        assertThat(ids).hasSize(20);
    }
}
