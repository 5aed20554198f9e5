package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seeded fault injection: determinism, each fault kind's observable effect, webhook duplicates and reordering. */
class FaultInjectionFunctionalTest {

    private static List<String> outcomes(long seed) {
        SandboxFixture f = new SandboxFixture(SandboxConfig.builder().seed(99).qpsLimit(1000));
        try {
            f.sb.control().configureFaults(new FaultPlan(0.3, 0.2, 7, 0, 0, 0, 0, 0, 0, 0), seed);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                TestClient.Reply r = f.client.get("/logistics/202309/warehouses").shop(f.usCipher).send();
                out.add(r.status() + "/" + r.code());
            }
            return out;
        } finally {
            f.sb.close();
        }
    }

    @Test
    void sameSeed_givesTheSameFaultSequence_otherSeedAnother() {
        List<String> a = outcomes(1234);
        List<String> b = outcomes(1234);
        List<String> c = outcomes(4321);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a).contains("200/0", "503/36009003", "429/36009002");
    }

    @Test
    void injectedThrottle_carriesTheConfiguredRetryAfter() {
        SandboxFixture f = new SandboxFixture(SandboxConfig.builder().faults(new FaultPlan(0, 1, 7, 0, 0, 0, 0, 0, 0, 0)));
        try {
            TestClient.Reply r = f.client.get("/logistics/202309/warehouses").shop(f.usCipher).send();
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.code()).isEqualTo(36009002);
            assertThat(r.raw().headers().firstValue("Retry-After")).contains("7");
        } finally {
            f.sb.close();
        }
    }

    @Test
    void connectionReset_closesWithoutAnswerAndChangesNothing() {
        SandboxFixture f = new SandboxFixture(SandboxConfig.builder());
        try {
            String order = f.orderUs(Map.of(f.skuA, 1), null, false);
            String pkg = f.sb.control().order(order).get("packages").get(0).get("id").asText();
            String provider = f.sellerOption().get("shipping_providers").get(0).get("id").asText();
            f.sb.control().configureFaults(new FaultPlan(0, 0, 1, 0, 0, 1, 0, 0, 0, 0), 1);
            assertThatThrownBy(() -> f.client.post("/fulfillment/202309/packages/" + pkg + "/ship",
                    "{\"self_shipment\":{\"tracking_number\":\"9400100000000000000001\",\"shipping_provider_id\":\"" + provider + "\"}}")
                    .shop(f.usCipher).sendOrThrow()).isInstanceOf(IOException.class);
            assertThat(f.sb.control().order(order).get("status").asText()).isEqualTo("AWAITING_SHIPMENT");
        } finally {
            f.sb.close();
        }
    }

    @Test
    void timeoutAfterCommit_appliesTheChangeButNeverAnswers() {
        SandboxFixture f = new SandboxFixture(SandboxConfig.builder());
        try {
            String order = f.orderUs(Map.of(f.skuA, 1), null, false);
            String pkg = f.sb.control().order(order).get("packages").get(0).get("id").asText();
            String provider = f.sellerOption().get("shipping_providers").get(0).get("id").asText();
            f.sb.control().configureFaults(new FaultPlan(0, 0, 1, 0, 0, 0, 1, 50, 0, 0), 1);
            // Reads are never "committed", so they answer normally.
            assertThat(f.client.get("/logistics/202309/warehouses").shop(f.usCipher).send().code()).isZero();
            String body = "{\"self_shipment\":{\"tracking_number\":\"9400100000000000000001\",\"shipping_provider_id\":\"" + provider + "\"}}";
            assertThatThrownBy(() -> f.client.post("/fulfillment/202309/packages/" + pkg + "/ship", body).shop(f.usCipher).sendOrThrow())
                    .isInstanceOf(IOException.class);
            JsonNode o = f.sb.control().order(order);
            assertThat(o.get("status").asText()).isEqualTo("IN_TRANSIT");
            assertThat(o.get("tracking_number").asText()).isEqualTo("9400100000000000000001");
        } finally {
            f.sb.close();
        }
    }

    @Test
    void addedLatency_delaysTheAnswer() {
        SandboxFixture f = new SandboxFixture(SandboxConfig.builder().faults(new FaultPlan(0, 0, 1, 1, 150, 0, 0, 0, 0, 0)));
        try {
            long t0 = System.nanoTime();
            assertThat(f.client.get("/logistics/202309/warehouses").shop(f.usCipher).send().code()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        } finally {
            f.sb.close();
        }
    }

    @Test
    void webhookDuplicates_repeatTheSameNotificationId() throws Exception {
        try (WebhookReceiver rx = new WebhookReceiver()) {
            SandboxFixture f = new SandboxFixture(SandboxConfig.builder().appWebhookAddress(rx.url())
                    .faults(new FaultPlan(0, 0, 1, 0, 0, 0, 0, 0, 1, 0)));
            try {
                f.orderUs(Map.of(f.skuA, 1), null, false);
                assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(5))).isTrue();
                assertThat(rx.received).hasSize(2);
                assertThat(rx.received.get(0).body()).isEqualTo(rx.received.get(1).body());
            } finally {
                f.sb.close();
            }
        }
    }

    @Test
    void webhookReorder_deliversAHeldEventAfterTheNextOne() throws Exception {
        try (WebhookReceiver rx = new WebhookReceiver()) {
            SandboxFixture f = new SandboxFixture(SandboxConfig.builder().appWebhookAddress(rx.url()).webhooksEnabled(false)
                    .faults(new FaultPlan(0, 0, 1, 0, 0, 0, 0, 0, 0, 1)));
            try {
                f.sb.control().webhooksEnabled(true);
                String first = f.orderUs(Map.of(f.skuA, 1), null, false);
                String second = f.orderUs(Map.of(f.skuB, 1), null, false);
                assertThat(f.sb.control().awaitWebhooks(Duration.ofSeconds(5))).isTrue();
                List<String> ids = new ArrayList<>();
                for (WebhookReceiver.Received r : rx.received) {
                    ids.add(SandboxJson.MAPPER.readTree(r.body()).get("data").get("order_id").asText());
                }
                assertThat(ids).containsExactly(second, first);
            } finally {
                f.sb.close();
            }
        }
    }
}
