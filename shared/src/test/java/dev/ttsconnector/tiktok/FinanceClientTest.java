package dev.ttsconnector.tiktok;

import static dev.ttsconnector.tiktok.TestSupport.APP_SECRET;
import static dev.ttsconnector.tiktok.TestSupport.SHOP;
import static dev.ttsconnector.tiktok.TestSupport.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.tiktok.finance.FinanceDataException;
import dev.ttsconnector.tiktok.finance.Statement;
import dev.ttsconnector.tiktok.finance.StatementSearchRequest;
import dev.ttsconnector.tiktok.finance.StatementTransaction;
import dev.ttsconnector.tiktok.finance.StatementTransactionsPage;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finance operations (spec §9): request shape against a stub and the parsing of amounts, which TikTok sends as
 * decimal strings beside the statement's currency. Bad values fail with the field path and the value.
 */
class FinanceClientTest {

    private static final String TXN_PATH = "/finance/202501/statements/st-1/statement_transactions";
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
        assertThat(stub.badSignatures()).isZero();
        stub.close();
    }

    private static String statementJson(String settlement) {
        return "{\"statements\":[{\"id\":\"st-1\",\"statement_time\":1700006400,\"currency\":\"GBP\","
                + "\"net_sales_amount\":\"120.50\",\"fee_amount\":\"9.64\",\"shipping_cost_amount\":\"5.99\","
                + "\"adjustment_amount\":\"0\",\"settlement_amount\":" + settlement + ",\"payment_id\":\"\","
                + "\"payment_status\":\"PROCESSING\"}],\"next_page_token\":\"tok-2\"}";
    }

    @Test
    void statementsPage_sendsTheRequiredSortFieldWindowAndPaging_andParsesAmountsWithTheCurrency() {
        stub.enqueue(StubTikTokServer.ok(statementJson("\"104.87\"")));
        Page<Statement> page = client.finance().statementsPage(SHOP,
                StatementSearchRequest.between(Instant.ofEpochSecond(1_699_000_000L), Instant.ofEpochSecond(1_700_100_000L))
                        .withPageSize(50).withPaymentStatus("PAID"), "tok-1");

        StubTikTokServer.Recorded r = stub.requests().get(0);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/finance/202309/statements");
        assertThat(r.query()).containsEntry("sort_field", "statement_time").containsEntry("sort_order", "ASC")
                .containsEntry("statement_time_ge", "1699000000").containsEntry("statement_time_lt", "1700100000")
                .containsEntry("payment_status", "PAID").containsEntry("page_size", "50")
                .containsEntry("page_token", "tok-1").containsEntry("shop_cipher", SHOP.shopCipher());
        Statement s = page.items().get(0);
        assertThat(s.statementTime()).isEqualTo(Instant.ofEpochSecond(1_700_006_400L));
        assertThat(s.netSalesAmount()).isEqualTo(new Money(new BigDecimal("120.50"), "GBP"));
        assertThat(s.settlementAmount()).isEqualTo(new Money(new BigDecimal("104.87"), "GBP"));
        assertThat(s.adjustmentAmount()).isEqualTo(new Money(new BigDecimal("0"), "GBP"));
        // "revenue_amount (not UK/US)": absent is null, not zero; an empty payment id is no payment id.
        assertThat(s.revenueAmount()).isNull();
        assertThat(s.paymentId()).isNull();
        assertThat(page.nextPageToken()).isEqualTo("tok-2");
    }

    @Test
    void statementsPage_withAnAmountThatIsNotADecimal_failsNamingTheFieldAndValue() {
        stub.enqueue(StubTikTokServer.ok(statementJson("\"12,50\"")));
        assertThatThrownBy(() -> client.finance().statementsPage(SHOP,
                StatementSearchRequest.between(Instant.ofEpochSecond(1), Instant.ofEpochSecond(2)), null))
                .isInstanceOf(FinanceDataException.class)
                .hasMessage("statements[0].settlement_amount: '12,50' is not a decimal amount")
                .extracting(e -> ((FinanceDataException) e).field()).isEqualTo("statements[0].settlement_amount");
    }

    @Test
    void statementsPage_withAnAmountAsObjectOrExponent_failsNamingTheField() {
        stub.enqueue(StubTikTokServer.ok(statementJson("{\"value\":\"1\"}")));
        assertThatThrownBy(() -> client.finance().statementsPage(SHOP,
                StatementSearchRequest.between(Instant.ofEpochSecond(1), Instant.ofEpochSecond(2)), null))
                .hasMessage("statements[0].settlement_amount: expected a decimal string, got OBJECT");
        stub.enqueue(StubTikTokServer.ok(statementJson("\"1e3\"")));
        assertThatThrownBy(() -> client.finance().statementsPage(SHOP,
                StatementSearchRequest.between(Instant.ofEpochSecond(1), Instant.ofEpochSecond(2)), null))
                .hasMessage("statements[0].settlement_amount: '1e3' is not a decimal amount");
    }

    @Test
    void statementsPage_amountsWithoutCurrency_failNamingTheField() {
        stub.enqueue(StubTikTokServer.ok("{\"statements\":[{\"id\":\"st-9\",\"statement_time\":1700006400,"
                + "\"settlement_amount\":\"5.00\"}]}"));
        assertThatThrownBy(() -> client.finance().statementsPage(SHOP,
                StatementSearchRequest.between(Instant.ofEpochSecond(1), Instant.ofEpochSecond(2)), null))
                .isInstanceOf(FinanceDataException.class)
                .hasMessageStartingWith("statements[0].settlement_amount: amount '5.00' arrived without a currency");
    }

    @Test
    void statementTransactionsPage_isTheV202501PathSortedByOrderCreateTime_andParsesBreakdowns() {
        stub.enqueue(StubTikTokServer.ok("{\"id\":\"st-1\",\"create_time\":1700006400,\"status\":\"SETTLED\","
                + "\"currency\":\"USD\",\"total_settlement_amount\":\"-1.50\",\"total_reserve_amount\":\"0.00\","
                + "\"payable_amount\":\"-1.50\",\"total_count\":1,\"next_page_token\":\"\",\"transactions\":[{"
                + "\"id\":\"tx-1\",\"type\":\"ORDER\",\"order_id\":\"576000000000000001\",\"order_create_time\":1699990000,"
                + "\"revenue_amount\":\"10.00\",\"shipping_cost_amount\":\"5.99\",\"fee_tax_amount\":\"0.80\","
                + "\"adjustment_amount\":\"4.71\",\"reserve_amount\":\"0\",\"settlement_amount\":\"-1.50\","
                + "\"revenue_breakdown\":{\"subtotal_before_discount_amount\":\"10.00\"},"
                + "\"fee_tax_breakdown\":{\"fee\":{\"platform_commission_amount\":\"0.60\",\"transaction_fee_amount\":"
                + "\"0.20\"},\"tax\":{}},\"shipping_cost_breakdown\":{\"actual_shipping_fee_amount\":\"5.99\","
                + "\"supplementary_component\":{\"fbt_shipping_fee_amount\":\"\"}}}]}"));
        StatementTransactionsPage page = client.finance().statementTransactionsPage(SHOP, "st-1", 100, SortOrder.ASC,
                null);

        StubTikTokServer.Recorded r = stub.requests().get(0);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo(TXN_PATH);
        assertThat(r.query()).containsEntry("sort_field", "order_create_time").containsEntry("page_size", "100")
                .doesNotContainKey("page_token");
        assertThat(page.isLast()).isTrue();
        assertThat(page.totalCount()).isEqualTo(1);
        assertThat(page.totalSettlementAmount()).isEqualTo(new Money(new BigDecimal("-1.50"), "USD"));
        StatementTransaction t = page.transactions().get(0);
        assertThat(t.orderId()).isEqualTo("576000000000000001");
        assertThat(t.settlementAmount().amount()).isEqualByComparingTo(t.revenueAmount().amount()
                .subtract(t.shippingCostAmount().amount()).subtract(t.feeTaxAmount().amount())
                .subtract(t.adjustmentAmount().amount()));
        assertThat(t.feeTaxBreakdown()).containsOnlyKeys("fee.platform_commission_amount", "fee.transaction_fee_amount");
        assertThat(t.feeTaxBreakdown().get("fee.platform_commission_amount"))
                .isEqualTo(new Money(new BigDecimal("0.60"), "USD"));
        assertThat(t.shippingCostBreakdown()).containsOnlyKeys("actual_shipping_fee_amount");
    }

    @Test
    void statementTransactionsPage_withABadBreakdownAmount_failsNamingTheNestedField() {
        stub.enqueue(StubTikTokServer.ok("{\"id\":\"st-1\",\"currency\":\"USD\",\"transactions\":[{\"id\":\"tx-1\","
                + "\"fee_tax_breakdown\":{\"fee\":{\"referral_fee_amount\":\"N/A\"}}}]}"));
        assertThatThrownBy(() -> client.finance().statementTransactionsPage(SHOP, "st-1", 20, SortOrder.ASC, null))
                .isInstanceOf(FinanceDataException.class)
                .hasMessage("transactions[0].fee_tax_breakdown.fee.referral_fee_amount: 'N/A' is not a decimal amount");
    }

    @Test
    void requestMistakes_areRefusedBeforeAnyCall_namingTheField() {
        assertThatThrownBy(() -> client.finance().statementTransactionsPage(SHOP, "st-1", 101, SortOrder.ASC, null))
                .hasMessageStartingWith("pageSize: must be 1-100");
        assertThatThrownBy(() -> client.finance().statementTransactionsPage(SHOP, " ", 10, SortOrder.ASC, null))
                .hasMessage("statementId: must not be blank");
        assertThatThrownBy(() -> StatementSearchRequest.between(Instant.ofEpochSecond(1), Instant.ofEpochSecond(2))
                .withPaymentStatus("DONE")).hasMessageStartingWith("paymentStatus: must be one of");
        assertThat(stub.requests()).isEmpty();
    }
}
