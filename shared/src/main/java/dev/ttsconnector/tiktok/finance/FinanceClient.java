package dev.ttsconnector.tiktok.finance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.Paginator;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.SortOrder;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Nodes;
import dev.ttsconnector.tiktok.internal.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Finance API (spec §9): daily statements and their transactions. Both calls are shop-scoped GETs, so the transport
 * retries them freely. Amounts are parsed to {@link dev.ttsconnector.common.Money} with the statement's currency;
 * a value that is not a decimal string raises {@link FinanceDataException} naming the field path.
 *
 * <p>Transactions use the v202501 endpoint, which serves all regions; the v202309 variant is "only for UK and US
 * local sellers" (spec §9) and adds nothing the connector needs.
 */
public final class FinanceClient {

    static final Operation GET_STATEMENTS = Operation.shop("finance.statements", "GET", "/finance/202309/statements");
    static final Operation STATEMENT_TRANSACTIONS = Operation.shop("finance.statementTransactions", "GET",
            "/finance/202501/statements/{statement_id}/statement_transactions");

    /** Spec §9: the only (and required) sort field of each endpoint. */
    static final String STATEMENTS_SORT_FIELD = "statement_time";
    static final String TRANSACTIONS_SORT_FIELD = "order_create_time";

    private final HttpTransport transport;

    public FinanceClient(HttpTransport transport) {
        this.transport = transport;
    }

    /** One page of Get statements; {@code pageToken} null for the first page. */
    public Page<Statement> statementsPage(ShopContext shop, StatementSearchRequest request, String pageToken) {
        JsonNode data = transport.call(ApiRequest.of(GET_STATEMENTS).shop(shop)
                .query("sort_field", STATEMENTS_SORT_FIELD)
                .query("sort_order", request.sortOrder())
                .query("statement_time_ge", request.statementTimeGe() == null ? null
                        : request.statementTimeGe().getEpochSecond())
                .query("statement_time_lt", request.statementTimeLt() == null ? null
                        : request.statementTimeLt().getEpochSecond())
                .query("payment_status", request.paymentStatus())
                .query("page_size", request.pageSize())
                .query("page_token", pageToken)
                .build());
        List<Statement> statements = new ArrayList<>();
        JsonNode arr = Nodes.obj(data, "statements");
        if (arr.isArray()) {
            for (int i = 0; i < arr.size(); i++) {
                statements.add(Statement.from(arr.get(i), "statements[" + i + "]"));
            }
        }
        return new Page<>(statements, Nodes.str(data, "next_page_token"), Nodes.integer(data, "total_count"));
    }

    /** Every statement page from {@code resumeToken} (null = from the start). */
    public Paginator<Statement> statements(ShopContext shop, StatementSearchRequest request, String resumeToken) {
        return new Paginator<>(token -> statementsPage(shop, request, token), resumeToken);
    }

    /**
     * One page of Get transactions by statement (v202501), sorted by {@code order_create_time};
     * {@code pageSize} 1–100.
     */
    public StatementTransactionsPage statementTransactionsPage(ShopContext shop, String statementId, int pageSize,
                                                               SortOrder sortOrder, String pageToken) {
        if (statementId == null || statementId.isBlank()) {
            throw HttpTransport.invalid("statementId", "must not be blank");
        }
        if (pageSize < 1 || pageSize > 100) {
            throw HttpTransport.invalid("pageSize", "must be 1-100 (spec §9), was " + pageSize);
        }
        JsonNode data = transport.call(ApiRequest.of(STATEMENT_TRANSACTIONS).shop(shop)
                .pathParam("statement_id", statementId)
                .query("sort_field", TRANSACTIONS_SORT_FIELD)
                .query("sort_order", sortOrder == null ? SortOrder.ASC : sortOrder)
                .query("page_size", pageSize)
                .query("page_token", pageToken)
                .build());
        String currency = Nodes.str(data, "currency");
        List<StatementTransaction> txns = new ArrayList<>();
        JsonNode arr = Nodes.obj(data, "transactions");
        if (arr.isArray()) {
            for (int i = 0; i < arr.size(); i++) {
                txns.add(StatementTransaction.from(arr.get(i), currency, "transactions[" + i + "]"));
            }
        }
        String id = Nodes.str(data, "id");
        return new StatementTransactionsPage(id == null ? statementId : id, Nodes.instant(data, "create_time"),
                Nodes.str(data, "status"), currency,
                FinanceAmounts.money(data, "total_settlement_amount", currency, "data"),
                FinanceAmounts.money(data, "total_reserve_amount", currency, "data"),
                FinanceAmounts.money(data, "payable_amount", currency, "data"),
                Nodes.integer(data, "total_count"), txns, Nodes.str(data, "next_page_token"));
    }
}
