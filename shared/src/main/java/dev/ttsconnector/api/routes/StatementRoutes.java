package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.statements.AppStatement;
import dev.ttsconnector.app.statements.AppStatementTransaction;
import dev.ttsconnector.app.statements.StatementStore;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * TikTok statements in the app (product doc "Statements" / "Statement Transactions"):
 * <ul>
 *   <li>{@code GET /v1/integrations/{id}/statements?paymentStatus=&limit=&cursor=}: newest statement time first;</li>
 *   <li>{@code GET /v1/integrations/{id}/statements/{statementId}}: one statement with its totals;</li>
 *   <li>{@code GET /v1/integrations/{id}/statements/{statementId}/transactions?limit=&cursor=}: its transactions.</li>
 * </ul>
 * Amounts are {@code {"amount": "<decimal string>", "currency"}} like every amount of the API. Scoped keys see only
 * their integrations (R9: others get 404); an unknown integration or statement is 404. Without a store (not wired)
 * every route answers 503 {@code not_configured}.
 */
public final class StatementRoutes implements RouteModule {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final Set<String> PAYMENT_STATUSES = Set.of("PAID", "FAILED", "PROCESSING");

    private final StatementStore store;
    private final Predicate<String> integrationExists;

    /**
     * @param store             null when statements are not wired in this deployment
     * @param integrationExists whether an integration id is known (unknown ones answer 404)
     */
    public StatementRoutes(StatementStore store, Predicate<String> integrationExists) {
        this.store = store;
        this.integrationExists = integrationExists;
    }

    /** Money totals of a statement (null where TikTok's region does not send the amount). */
    public record StatementTotals(Money revenue, Money netSales, Money fees, Money shippingCost, Money adjustments,
                                  Money settlement, Money reserve, Money payable) {
    }

    /** A statement as the API shows it. {@code transactionsComplete}: every transaction page is stored. */
    public record StatementView(String id, String integrationId, Instant statementTime, String currency,
                                String paymentStatus, String paymentId, Instant paymentTime, StatementTotals totals,
                                Integer transactionCount, boolean transactionsComplete, Instant firstSeenAt,
                                Instant updatedAt) {

        static StatementView of(AppStatement s) {
            return new StatementView(s.statementId(), s.integrationId(), s.statementTime(), s.currency(),
                    s.paymentStatus(), s.paymentId(), s.paymentTime(), new StatementTotals(s.revenue(), s.netSales(),
                    s.fee(), s.shippingCost(), s.adjustment(), s.settlement(), s.totalReserve(), s.payable()),
                    s.transactionCount(), s.transactionsComplete(), s.firstSeenAt(), s.updatedAt());
        }
    }

    /** Answer of the statement listing. */
    public record StatementList(List<StatementView> items, String nextCursor) {
    }

    /** One transaction of a statement; {@code settlement} = revenue − shipping cost − fee/tax − adjustment. */
    public record TransactionView(String id, String statementId, String type, String orderId, Instant orderCreateTime,
                                  String adjustmentId, String adjustmentOrderId, String reserveId, String reserveStatus,
                                  String associatedOrderId, Instant estimatedReleaseTime, Money revenue,
                                  Money shippingCost, Money feeTax, Money adjustment, Money reserve, Money settlement,
                                  Map<String, Money> revenueBreakdown, Map<String, Money> shippingCostBreakdown,
                                  Map<String, Money> feeTaxBreakdown) {

        static TransactionView of(AppStatementTransaction t) {
            return new TransactionView(t.transactionId(), t.statementId(), t.type(), t.orderId(), t.orderCreateTime(),
                    t.adjustmentId(), t.adjustmentOrderId(), t.reserveId(), t.reserveStatus(), t.associatedOrderId(),
                    t.estimatedReleaseTime(), t.revenue(), t.shippingCost(), t.feeTax(), t.adjustment(), t.reserve(),
                    t.settlement(), t.revenueBreakdown(), t.shippingCostBreakdown(), t.feeTaxBreakdown());
        }
    }

    /** Answer of the transaction listing. */
    public record TransactionList(List<TransactionView> items, String nextCursor) {
    }

    @Override
    public void register(Router router) {
        router.get("/v1/integrations/{id}/statements", Access.INTEGRATION, this::list);
        router.get("/v1/integrations/{id}/statements/{statementId}", Access.INTEGRATION, this::get);
        router.get("/v1/integrations/{id}/statements/{statementId}/transactions", Access.INTEGRATION,
                this::transactions);
    }

    private ApiResponse list(ApiRequest request) {
        String integrationId = integration(request);
        String status = request.queryParam("paymentStatus").filter(s -> !s.isBlank()).map(s -> {
            if (!PAYMENT_STATUSES.contains(s)) {
                throw ApiException.validation("paymentStatus", "paymentStatus must be one of PAID, FAILED, PROCESSING, "
                        + "got '" + s + "'");
            }
            return s;
        }).orElse(null);
        int limit = limit(request);
        String cursor = request.queryParam("cursor").filter(s -> !s.isBlank()).orElse(null);
        try {
            Page<AppStatement> page = store.list(integrationId, status, limit, cursor);
            return ApiResponse.ok(new StatementList(page.items().stream().map(StatementView::of).toList(),
                    page.nextCursor()));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "cursor is not one returned by this listing");
        }
    }

    private ApiResponse get(ApiRequest request) {
        String integrationId = integration(request);
        return ApiResponse.ok(StatementView.of(statement(request, integrationId)));
    }

    private ApiResponse transactions(ApiRequest request) {
        String integrationId = integration(request);
        AppStatement statement = statement(request, integrationId);
        int limit = limit(request);
        String cursor = request.queryParam("cursor").filter(s -> !s.isBlank()).orElse(null);
        try {
            Page<AppStatementTransaction> page = store.transactions(integrationId, statement.statementId(), limit,
                    cursor);
            return ApiResponse.ok(new TransactionList(page.items().stream().map(TransactionView::of).toList(),
                    page.nextCursor()));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "cursor is not one returned by this listing");
        }
    }

    private String integration(ApiRequest request) {
        if (store == null) {
            throw new ApiException(503, "not_configured", "Statements are not configured in this deployment", null);
        }
        String integrationId = request.pathParam("id");
        if (!integrationExists.test(integrationId)) {
            throw ApiException.notFound("integration", integrationId);
        }
        return integrationId;
    }

    private AppStatement statement(ApiRequest request, String integrationId) {
        String statementId = request.pathParam("statementId");
        return store.get(integrationId, statementId)
                .orElseThrow(() -> ApiException.notFound("statement", statementId));
    }

    private static int limit(ApiRequest request) {
        return request.queryParam("limit").filter(s -> !s.isBlank()).map(s -> {
            try {
                int value = Integer.parseInt(s);
                if (value < 1 || value > MAX_LIMIT) {
                    throw ApiException.validation("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + value);
                }
                return value;
            } catch (NumberFormatException e) {
                throw ApiException.validation("limit", "limit must be a whole number, got '" + s + "'");
            }
        }).orElse(DEFAULT_LIMIT);
    }
}
