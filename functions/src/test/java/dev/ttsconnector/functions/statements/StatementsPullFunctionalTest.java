package dev.ttsconnector.functions.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.api.routes.StatementRoutes;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.InMemoryApiKeyStore;
import dev.ttsconnector.app.statements.AppStatement;
import dev.ttsconnector.app.statements.AppStatementTransaction;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.flow.statements.StatementPullConfig;
import dev.ttsconnector.flow.statements.StatementSource;
import dev.ttsconnector.functions.support.FlowMetrics;
import dev.ttsconnector.functions.support.TestContext;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.store.dynamodb.DynamoDbFlowStateStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link StatementsPullFunction} on the local stack (dynalite) against the TikTok sandbox through the real client:
 * the daily statement of delivered orders and a two-page statement are stored with every transaction, a statement
 * before the cut-off is not, a re-run writes nothing, a payment updates the record only, and the API lists them.
 */
@ExtendWith(LocalAwsExtension.class)
class StatementsPullFunctionalTest {

    private static final Instant START = Instant.parse("2026-11-20T12:00:00Z");
    private static final String ADMIN = "ttsk_admin_statements_functional";

    @Test
    void scheduledRun_storesStatementsWithAllTransactions_afterTheCutOff_rerunWritesNothing_paymentUpdates(
            LocalAwsStack stack) throws Exception {
        try (StatementsTestWorld w = new StatementsTestWorld(stack, START, 41)) {
            long old = Instant.parse("2026-11-18T00:00:00Z").getEpochSecond();
            w.tts.createStatement(w.shopId, old, 3, 0);
            String twoPages = w.tts.createStatement(w.shopId, Instant.parse("2026-11-20T00:00:00Z").getEpochSecond(),
                    150, 2).get("id").asText();
            List<String> delivered = List.of(w.deliveredOrder(2, true), w.deliveredOrder(1, true),
                    w.deliveredOrder(3, false));
            w.tts.advanceClock(Duration.ofHours(12)); // 2026-11-21T00:00Z: yesterday's statement is generated
            w.clock.set(w.tts.now());
            String integrationId = w.connect(Instant.parse("2026-11-19T06:00:00Z"));

            StatementsWiring wiring = new StatementsWiring(stack.dynamoDb(), w.table, w.shops, w.settings,
                    StatementSource.tiktok(), StatementPullConfig.DEFAULT, w.clock,
                    FlowMetrics.stdout(stack.dynamoDb(), w.table));
            StatementsPullFunction function = new StatementsPullFunction(wiring);
            assertThat(function.handleRequest(new ScheduledEvent(), new TestContext("st-1"))).isZero();

            List<AppStatement> stored = wiring.store.list(integrationId, null, 10, null).items();
            JsonNode daily = w.tts.statements(w.shopId).get(2);
            String dailyId = daily.get("id").asText();
            // Newest first; the statement of 2026-11-18 is before the cut-off (integration creation) and absent.
            assertThat(stored).extracting(AppStatement::statementId).containsExactly(dailyId, twoPages);
            AppStatement d = stored.get(0);
            assertThat(d.statementTime()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
            assertThat(d.transactionsComplete()).isTrue();
            assertThat(d.settlement().amount()).isEqualByComparingTo(new BigDecimal(daily.get("settlement_amount").asText()));
            assertThat(d.paymentStatus()).isEqualTo("PROCESSING");
            List<AppStatementTransaction> dailyTxns = all(wiring, integrationId, dailyId);
            assertThat(dailyTxns).extracting(AppStatementTransaction::orderId).containsExactlyInAnyOrderElementsOf(delivered);
            BigDecimal sum = BigDecimal.ZERO;
            for (AppStatementTransaction t : dailyTxns) {
                assertThat(t.settlement().amount()).isEqualByComparingTo(t.revenue().amount()
                        .subtract(t.shippingCost().amount()).subtract(t.feeTax().amount())
                        .subtract(t.adjustment().amount()));
                sum = sum.add(t.settlement().amount());
            }
            assertThat(d.settlement().amount()).isEqualByComparingTo(sum);
            AppStatement big = stored.get(1);
            assertThat(big.transactionsComplete()).isTrue();
            assertThat(big.transactionCount()).isEqualTo(152);
            assertThat(all(wiring, integrationId, twoPages)).hasSize(152);
            FlowState state = new DynamoDbFlowStateStore(stack.dynamoDb(), w.table)
                    .get(integrationId, FlowName.STATEMENTS).orElseThrow();
            assertThat(state.cursor()).isEqualTo(w.clock.now());
            assertThat(state.lastError()).isNull();

            // An hour later nothing changed: nothing is written (versions stay).
            w.tts.advanceClock(Duration.ofHours(1));
            w.clock.set(w.tts.now());
            w.tts.clearRequests();
            assertThat(function.handleRequest(new ScheduledEvent(), new TestContext("st-2"))).isZero();
            assertThat(wiring.store.get(integrationId, dailyId).orElseThrow().version()).isEqualTo(d.version());
            assertThat(wiring.store.get(integrationId, twoPages).orElseThrow().version()).isEqualTo(big.version());
            assertThat(w.tts.requests()).noneMatch(e -> e.path().endsWith("/statement_transactions"));

            // TikTok pays the daily statement: the record shows it; transactions are not read again.
            w.tts.advanceClock(Duration.ofDays(1));
            w.clock.set(w.tts.now());
            w.tts.clearRequests();
            assertThat(function.handleRequest(new ScheduledEvent(), new TestContext("st-3"))).isZero();
            AppStatement paid = wiring.store.get(integrationId, dailyId).orElseThrow();
            assertThat(paid.paymentStatus()).isEqualTo("PAID");
            assertThat(paid.paymentId()).isNotBlank();
            assertThat(paid.transactionsComplete()).isTrue();
            assertThat(w.tts.requests()).noneMatch(e -> e.path().endsWith("/statement_transactions"));

            // The API over the same table: filter by payment status (GSI2), page transactions.
            ApiKeyService keys = new ApiKeyService(new InMemoryApiKeyStore(), w.clock,
                    List.of(ApiKeyHashes.sha256Hex(ADMIN)));
            Router router = new Router(keys).register(new StatementRoutes(wiring.store, integrationId::equals));
            JsonNode paidList = get(router, "/v1/integrations/" + integrationId + "/statements",
                    Map.of("paymentStatus", List.of("PAID")));
            assertThat(paidList.get("items")).extracting(n -> n.get("id").asText()).containsExactly(dailyId);
            assertThat(paidList.get("items").get(0).get("totals").get("settlement").get("amount").asText())
                    .isEqualTo(daily.get("settlement_amount").asText());
            JsonNode firstPage = get(router, "/v1/integrations/" + integrationId + "/statements/" + twoPages
                    + "/transactions", Map.of("limit", List.of("100")));
            assertThat(firstPage.get("items")).hasSize(100);
            JsonNode secondPage = get(router, "/v1/integrations/" + integrationId + "/statements/" + twoPages
                    + "/transactions", Map.of("limit", List.of("100"), "cursor",
                    List.of(firstPage.get("nextCursor").asText())));
            assertThat(secondPage.get("items")).hasSize(52);
        }
    }

    static List<AppStatementTransaction> all(StatementsWiring wiring, String integrationId, String statementId) {
        List<AppStatementTransaction> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<AppStatementTransaction> page = wiring.store.transactions(integrationId, statementId, 100, cursor);
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    private static JsonNode get(Router router, String path, Map<String, List<String>> query) throws Exception {
        ApiResponse r = router.dispatch(ApiRequest.of("GET", path, query, Map.of("Authorization", "Bearer " + ADMIN),
                null, "req-1", "127.0.0.1"));
        assertThat(r.status()).as(new String(r.body())).isEqualTo(200);
        return Json.app().readTree(r.body());
    }
}
