package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §9 finance: Get statements and Get transactions by statement (v202501), daily generation, control hooks. */
class FinanceFunctionalTest {
    private static final String STATEMENTS = "/finance/202309/statements";
    /** Noon UTC, so "the previous day" and "today" are unambiguous. */
    private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");
    private SandboxFixture f;
    private TestClient c;

    @BeforeEach
    void start() {
        f = new SandboxFixture(SandboxConfig.builder().seed(17).clockStart(NOON));
        c = f.client;
    }

    @AfterEach
    void stop() {
        f.sb.close();
    }

    private static String txnPath(String statementId) {
        return "/finance/202501/statements/" + statementId + "/statement_transactions";
    }

    private String deliveredOrder(Map<String, Integer> units, boolean sellerShipping) {
        return f.sb.control().createOrder(f.usShopId(), new SandboxState.OrderSpec(units, "DELIVERED", false, false,
                sellerShipping, null, null)).get("id").asText();
    }

    @Test
    void statements_withoutSortField_isRefusedNamingIt() {
        TestClient.Reply r = c.get(STATEMENTS).shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).startsWith("Parameter sort_field is invalid. Reason: sort_field is required");
        assertThat(c.get(STATEMENTS).q("sort_field", "create_time").shop(f.usCipher).send().message())
                .startsWith("Parameter sort_field is invalid. Reason: 'create_time' is not supported");
    }

    @Test
    void statements_pageSizeOutsideOneToHundred_isRefused() {
        assertThat(c.get(STATEMENTS).q("sort_field", "statement_time").q("page_size", "0").shop(f.usCipher).send().code())
                .isEqualTo(98001004);
        assertThat(c.get(STATEMENTS).q("sort_field", "statement_time").q("page_size", "101").shop(f.usCipher).send()
                .message()).startsWith("Parameter page_size is invalid. Reason: 101 is out of range");
        assertThat(c.get(STATEMENTS).q("sort_field", "statement_time").q("page_size", "100").shop(f.usCipher).send().code())
                .isZero();
    }

    @Test
    void statements_needTheShopCipher() {
        assertThat(c.get(STATEMENTS).q("sort_field", "statement_time").send().code()).isEqualTo(106013);
    }

    @Test
    void transactions_withoutSortField_orOfAnotherShop_areRefused() {
        String id = f.sb.control().createStatement(f.usShopId(), NOON.getEpochSecond(), 2, 0).get("id").asText();
        assertThat(c.get(txnPath(id)).shop(f.usCipher).send().message())
                .startsWith("Parameter sort_field is invalid. Reason: sort_field is required");
        assertThat(c.get(txnPath(id)).q("sort_field", "order_create_time").shop(f.gbCipher).send().message())
                .startsWith("Parameter statement_id is invalid");
    }

    @Test
    void dailyGeneration_atMidnightUtc_settlesOrdersDeliveredThePreviousDay_withConsistentAmounts() {
        String sellerShipped = deliveredOrder(Map.of(f.skuA, 2), true);
        String tiktokShipped = deliveredOrder(Map.of(f.skuB, 1), false);
        f.orderUs(Map.of(f.skuA, 1), null, false); // awaiting shipment: not settled
        assertThat(f.sb.control().statements(f.usShopId())).isEmpty();

        // 23:59:59 — still the same day: nothing yet.
        f.sb.control().advanceClock(Duration.ofHours(12).minusSeconds(1));
        assertThat(c.get(STATEMENTS).q("sort_field", "statement_time").shop(f.usCipher).send().data()
                .get("statements")).isEmpty();
        f.sb.control().advanceClock(Duration.ofSeconds(1));

        TestClient.Reply r = c.get(STATEMENTS).q("sort_field", "statement_time").shop(f.usCipher).send();
        assertThat(r.code()).isZero();
        JsonNode statements = r.data().get("statements");
        assertThat(statements).hasSize(1);
        JsonNode s = statements.get(0);
        assertThat(s.get("statement_time").asLong()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z").getEpochSecond());
        assertThat(s.get("currency").asText()).isEqualTo("USD");
        assertThat(s.get("payment_status").asText()).isEqualTo("PROCESSING");
        // Spec §9: revenue_amount is not sent for US/UK; net sales and shipping cost are (local seller).
        assertThat(s.has("revenue_amount")).isFalse();
        assertThat(s.get("net_sales_amount").asText()).isEqualTo("59.97");
        assertThat(s.get("shipping_cost_amount").asText()).isEqualTo("5.99");
        assertThat(r.data().get("next_page_token").asText()).isEmpty();

        TestClient.Reply t = c.get(txnPath(s.get("id").asText())).q("sort_field", "order_create_time")
                .shop(f.usCipher).send();
        assertThat(t.code()).isZero();
        JsonNode d = t.data();
        assertThat(d.get("status").asText()).isEqualTo("SETTLED");
        assertThat(d.get("total_count").asInt()).isEqualTo(2);
        List<String> orderIds = new ArrayList<>();
        BigDecimal settlements = BigDecimal.ZERO;
        for (JsonNode txn : d.get("transactions")) {
            orderIds.add(txn.get("order_id").asText());
            assertThat(txn.get("type").asText()).isEqualTo("ORDER");
            BigDecimal expected = dec(txn, "revenue_amount").subtract(dec(txn, "shipping_cost_amount"))
                    .subtract(dec(txn, "fee_tax_amount")).subtract(dec(txn, "adjustment_amount"));
            assertThat(dec(txn, "settlement_amount")).isEqualByComparingTo(expected);
            JsonNode fee = txn.get("fee_tax_breakdown").get("fee");
            assertThat(dec(fee, "platform_commission_amount").add(dec(fee, "transaction_fee_amount")))
                    .isEqualByComparingTo(dec(txn, "fee_tax_amount"));
            settlements = settlements.add(dec(txn, "settlement_amount"));
        }
        assertThat(orderIds).containsExactlyInAnyOrder(sellerShipped, tiktokShipped);
        assertThat(dec(d, "total_settlement_amount")).isEqualByComparingTo(settlements);
        assertThat(dec(s, "settlement_amount")).isEqualByComparingTo(settlements);
        assertThat(dec(s, "settlement_amount")).isEqualByComparingTo(dec(s, "net_sales_amount")
                .subtract(dec(s, "shipping_cost_amount")).subtract(dec(s, "fee_amount")).subtract(dec(s, "adjustment_amount")));
        assertThat(dec(d, "payable_amount")).isEqualByComparingTo(settlements.add(dec(d, "total_reserve_amount")));

        // A day later the statement is paid.
        f.sb.control().advanceClock(Duration.ofDays(1));
        JsonNode paid = c.get(STATEMENTS).q("sort_field", "statement_time").q("payment_status", "PAID").shop(f.usCipher)
                .send().data().get("statements").get(0);
        assertThat(paid.get("id").asText()).isEqualTo(s.get("id").asText());
        assertThat(paid.get("payment_id").asText()).isNotBlank();
        assertThat(paid.get("payment_time").asLong()).isEqualTo(Instant.parse("2026-11-22T00:00:00Z").getEpochSecond());
    }

    @Test
    void adjustment_settlesInTheNextStatement_andIsDeducted() {
        f.sb.control().addAdjustment(f.usShopId(), "SHIPPING_FEE_ADJUSTMENT", new BigDecimal("2.50"));
        f.sb.control().advanceClock(Duration.ofHours(13));
        JsonNode s = f.sb.control().statements(f.usShopId()).get(0);
        assertThat(s.get("adjustment_amount").asText()).isEqualTo("2.50");
        assertThat(s.get("settlement_amount").asText()).isEqualTo("-2.50");
        assertThat(s.get("transactions").get(0).get("type").asText()).isEqualTo("SHIPPING_FEE_ADJUSTMENT");
    }

    @Test
    void statements_windowAndSortOrder_andPageTokens_coverEachStatementOnce() {
        long day = 86_400;
        long base = Instant.parse("2026-11-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 5; i++) {
            f.sb.control().createStatement(f.usShopId(), base + i * day, 1, 0);
        }
        TestClient.Reply window = c.get(STATEMENTS).q("sort_field", "statement_time").q("statement_time_ge",
                Long.toString(base + day)).q("statement_time_lt", Long.toString(base + 4 * day)).q("sort_order", "DESC")
                .shop(f.usCipher).send();
        List<Long> times = new ArrayList<>();
        window.data().get("statements").forEach(s -> times.add(s.get("statement_time").asLong()));
        assertThat(times).containsExactly(base + 3 * day, base + 2 * day, base + day);

        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            TestClient.Call call = c.get(STATEMENTS).q("sort_field", "statement_time").q("page_size", "2").shop(f.usCipher);
            if (token != null) {
                call.q("page_token", token);
            }
            JsonNode data = call.send().data();
            data.get("statements").forEach(s -> assertThat(seen.add(s.get("id").asText())).isTrue());
            token = data.get("next_page_token").asText();
            pages++;
        } while (!token.isEmpty());
        assertThat(seen).hasSize(5);
        assertThat(pages).isEqualTo(3);
        assertThat(c.get(STATEMENTS).q("sort_field", "statement_time").q("page_token", "bogus").shop(f.usCipher).send()
                .message()).startsWith("Parameter page_token is invalid");
    }

    @Test
    void transactions_ofALargeStatement_comeInPagesOfAtMostHundred() {
        String id = f.sb.control().createStatement(f.usShopId(), NOON.getEpochSecond(), 230, 3).get("id").asText();
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            TestClient.Call call = c.get(txnPath(id)).q("sort_field", "order_create_time").q("page_size", "100")
                    .shop(f.usCipher);
            if (token != null) {
                call.q("page_token", token);
            }
            JsonNode data = call.send().data();
            assertThat(data.get("transactions").size()).isLessThanOrEqualTo(100);
            assertThat(data.get("total_count").asInt()).isEqualTo(233);
            data.get("transactions").forEach(t -> assertThat(seen.add(t.get("id").asText())).isTrue());
            token = data.get("next_page_token").asText();
            pages++;
        } while (!token.isEmpty());
        assertThat(seen).hasSize(233);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void paymentStatus_setThroughControl_isServedAndFilterable() {
        String id = f.sb.control().createStatement(f.usShopId(), NOON.getEpochSecond(), 1, 0).get("id").asText();
        f.sb.control().setStatementPaymentStatus(id, "FAILED");
        assertThat(c.get(STATEMENTS).q("sort_field", "statement_time").q("payment_status", "FAILED").shop(f.usCipher)
                .send().data().get("statements")).hasSize(1);
        assertThat(c.get(STATEMENTS).q("sort_field", "statement_time").q("payment_status", "PAID").shop(f.usCipher)
                .send().data().get("statements")).isEmpty();
        assertThat(c.get(STATEMENTS).q("sort_field", "statement_time").q("payment_status", "DONE").shop(f.usCipher)
                .send().code()).isEqualTo(98001004);
        // FAILED was decided by the control call: it is not paid automatically later.
        f.sb.control().advanceClock(Duration.ofDays(3));
        assertThat(f.sb.control().statement(id).get("payment_status").asText()).isEqualTo("FAILED");
    }

    private static BigDecimal dec(JsonNode n, String field) {
        return new BigDecimal(n.get(field).asText());
    }
}
