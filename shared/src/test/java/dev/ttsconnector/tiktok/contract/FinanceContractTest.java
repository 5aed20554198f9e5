package dev.ttsconnector.tiktok.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.sandbox.RequestLog;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.SortOrder;
import dev.ttsconnector.tiktok.finance.Statement;
import dev.ttsconnector.tiktok.finance.StatementSearchRequest;
import dev.ttsconnector.tiktok.finance.StatementTransaction;
import dev.ttsconnector.tiktok.finance.StatementTransactionsPage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The finance operations (spec §9) against the sandbox. Paths, methods, version segments and query parameter names
 * are written by hand from the spec text, not taken from the client or the sandbox; each call must also be accepted
 * by the sandbox (code 0), which checks the signature over the exact request.
 */
class FinanceContractTest {

    private static final Set<String> COMMON = Set.of("app_key", "timestamp", "sign", "shop_cipher");
    private static SandboxWorld w;

    @BeforeAll
    static void start() {
        w = new SandboxWorld(SandboxConfig.builder().seed(29), SandboxWorld.ClientOptions.defaults());
    }

    @AfterAll
    static void stop() {
        w.close();
    }

    @BeforeEach
    void clearLog() {
        w.control.clearRequests();
    }

    @Test
    void getStatements_isGetV202309_withRequiredSortFieldWindowAndPageTokens() {
        long day = 86_400;
        long base = w.clock.now().getEpochSecond() / day * day - 10 * day;
        for (int i = 0; i < 3; i++) {
            w.control.createStatement(w.usShopId, base + i * day, 2, 0);
        }
        w.control.clearRequests();
        StatementSearchRequest req = StatementSearchRequest.between(Instant.ofEpochSecond(base),
                Instant.ofEpochSecond(base + 3 * day)).withPageSize(2);
        List<Page<Statement>> pages = w.client.finance().statements(w.us, req, null).pages().toList();

        List<RequestLog.Entry> calls = api();
        assertThat(calls).hasSize(2);
        assertCall(calls.get(0), "GET", "/finance/202309/statements",
                Set.of("sort_field", "sort_order", "statement_time_ge", "statement_time_lt", "page_size"));
        assertThat(calls.get(0).query()).containsEntry("sort_field", "statement_time")
                .containsEntry("statement_time_ge", Long.toString(base))
                .containsEntry("statement_time_lt", Long.toString(base + 3 * day)).containsEntry("page_size", "2");
        assertCall(calls.get(1), "GET", "/finance/202309/statements",
                Set.of("sort_field", "sort_order", "statement_time_ge", "statement_time_lt", "page_size", "page_token"));
        assertThat(calls.get(1).query().get("page_token")).isEqualTo(pages.get(0).nextPageToken());
        List<Statement> all = pages.stream().flatMap(p -> p.items().stream()).toList();
        assertThat(all).extracting(s -> s.statementTime().getEpochSecond())
                .containsExactly(base, base + day, base + 2 * day);
        // Spec §9: a US shop gets no revenue_amount; net sales, fees and settlement carry the statement currency.
        assertThat(all).allSatisfy(s -> {
            assertThat(s.revenueAmount()).isNull();
            assertThat(s.settlementAmount().currency()).isEqualTo("USD");
            assertThat(s.settlementAmount().amount()).isEqualByComparingTo(s.netSalesAmount().amount()
                    .subtract(s.shippingCostAmount().amount()).subtract(s.feeAmount().amount())
                    .subtract(s.adjustmentAmount().amount()));
        });
    }

    @Test
    void transactionsByStatement_isGetV202501_sortedByOrderCreateTime_allPagesOnce_withConsistentSettlement() {
        JsonNode created = w.control.createStatement(w.usShopId, w.clock.now().getEpochSecond() / 86_400 * 86_400,
                130, 2);
        String id = created.get("id").asText();
        w.control.clearRequests();

        List<StatementTransaction> txns = new ArrayList<>();
        String token = null;
        StatementTransactionsPage page;
        do {
            page = w.client.finance().statementTransactionsPage(w.us, id, 100, SortOrder.ASC, token);
            txns.addAll(page.transactions());
            token = page.nextPageToken();
        } while (token != null);

        List<RequestLog.Entry> calls = api();
        assertThat(calls).hasSize(2);
        String path = "/finance/202501/statements/" + id + "/statement_transactions";
        assertCall(calls.get(0), "GET", path, Set.of("sort_field", "sort_order", "page_size"));
        assertThat(calls.get(0).query()).containsEntry("sort_field", "order_create_time").containsEntry("page_size", "100");
        assertCall(calls.get(1), "GET", path, Set.of("sort_field", "sort_order", "page_size", "page_token"));
        assertThat(txns).hasSize(132);
        assertThat(new HashSet<>(txns.stream().map(StatementTransaction::id).toList())).hasSize(132);
        BigDecimal sum = BigDecimal.ZERO;
        for (StatementTransaction t : txns) {
            assertThat(t.settlementAmount().amount()).isEqualByComparingTo(t.revenueAmount().amount()
                    .subtract(t.shippingCostAmount().amount()).subtract(t.feeTaxAmount().amount())
                    .subtract(t.adjustmentAmount().amount()));
            sum = sum.add(t.settlementAmount().amount());
        }
        assertThat(page.totalSettlementAmount().amount()).isEqualByComparingTo(sum);
        assertThat(page.totalSettlementAmount().amount())
                .isEqualByComparingTo(new BigDecimal(created.get("settlement_amount").asText()));
        assertThat(page.statementId()).isEqualTo(id);
        assertThat(page.status()).isEqualTo("SETTLED");
        assertThat(page.totalCount()).isEqualTo(132);
    }

    @Test
    void dailyStatement_ofADeliveredOrder_isReadThroughTheClient() {
        String orderId = w.order(java.util.Map.of(w.skuA, 1), "DELIVERED");
        w.control.advanceClock(Duration.ofDays(1));
        Instant from = w.clock.now().minus(Duration.ofDays(2));
        List<Statement> statements = w.client.finance().statements(w.us,
                StatementSearchRequest.between(from, w.clock.now().plusSeconds(1)), null).toList();
        List<String> orderIds = new ArrayList<>();
        for (Statement s : statements) {
            w.client.finance().statementTransactionsPage(w.us, s.id(), 100, SortOrder.ASC, null).transactions()
                    .forEach(t -> orderIds.add(t.orderId()));
        }
        assertThat(orderIds).contains(orderId);
    }

    private static List<RequestLog.Entry> api() {
        return w.requests().stream().filter(e -> e.host().equals("api")).toList();
    }

    private static void assertCall(RequestLog.Entry e, String method, String path, Set<String> endpointQuery) {
        assertThat(e.method()).isEqualTo(method);
        assertThat(e.path()).isEqualTo(path);
        Set<String> expected = new TreeSet<>(COMMON);
        expected.addAll(endpointQuery);
        assertThat(new TreeSet<>(e.query().keySet())).as("query parameters of %s", path).isEqualTo(expected);
        assertThat(e.query().get("shop_cipher")).isEqualTo(w.us.shopCipher());
        assertThat(e.headerNames()).contains("x-tts-access-token");
        assertThat(e.bodyFields()).isEmpty();
        assertThat(e.code()).as("answer code of %s", path).isZero();
    }
}
