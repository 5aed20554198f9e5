package dev.ttsconnector.functions.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ttsconnector.app.statements.InMemoryStatementStore;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.statements.StatementPullConfig;
import dev.ttsconnector.flow.statements.StatementPullService;
import dev.ttsconnector.flow.statements.StatementSource;
import dev.ttsconnector.functions.support.TestContext;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.InMemoryFlowStateStore;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.tiktok.Page;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.finance.FinanceDataException;
import dev.ttsconnector.tiktok.finance.Statement;
import dev.ttsconnector.tiktok.finance.StatementSearchRequest;
import dev.ttsconnector.tiktok.finance.StatementTransactionsPage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The handler's outcome per integration: a clean pull counts as processed; a statement TikTok sent unreadable data for
 * makes the integration count as failed (flow health errors) with the statement and field in the error, the other
 * integrations still run. Also the tuning variables' validation.
 */
class StatementsPullFunctionTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final List<String> metricLines = new ArrayList<>();

    @Test
    void handler_countsCleanIntegrationsProcessed_andOneWithUnreadableTransactionsFailed() {
        Instant created = Instant.parse("2026-11-20T00:00:00Z");
        ShopAccess shops = new ShopAccess() {
            @Override
            public ConnectedShop connected(String id) {
                return new ConnectedShop(Integration.pending(id, id, created)
                        .withStatus(IntegrationStatus.CONNECTED, null, created), new ShopContext(id, "c-" + id), null);
            }

            @Override
            public List<String> connectedIntegrationIds() {
                return List.of("int-bad", "int-good");
            }
        };
        Money zero = new Money(BigDecimal.ZERO, "USD");
        StatementSource source = new StatementSource() {
            @Override
            public Page<Statement> statements(ConnectedShop shop, StatementSearchRequest request, String pageToken) {
                return new Page<>(List.of(new Statement("st-" + shop.integration().id(),
                        Instant.parse("2026-11-26T00:00:00Z"), "USD", null, zero, zero, zero, zero, zero, null,
                        "PROCESSING", null)), null, null);
            }

            @Override
            public StatementTransactionsPage transactions(ConnectedShop shop, String statementId, String pageToken) {
                if (statementId.equals("st-int-bad")) {
                    throw new FinanceDataException("transactions[0].settlement_amount", "'abc' is not a decimal amount");
                }
                return new StatementTransactionsPage(statementId, null, "SETTLED", "USD", zero, zero, zero, 0,
                        List.of(), null);
            }
        };
        InMemoryStatementStore store = new InMemoryStatementStore();
        StatementPullService pull = new StatementPullService(shops, source,
                new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(), clock),
                new InMemoryFlowStateStore(), store, StatementPullConfig.DEFAULT, clock);
        StatementsPullFunction function = new StatementsPullFunction(shops,
                new MetricsLogger(MetricsLogger.DEFAULT_NAMESPACE, clock, metricLines::add), pull);

        int failed = function.handleRequest(new ScheduledEvent(), new TestContext("st-unit"));

        assertThat(failed).isEqualTo(1);
        String metrics = String.join("\n", metricLines);
        assertThat(metricLines).filteredOn(l -> l.contains("\"scheduled_failed\":1"))
                .singleElement().asString().contains("int-bad");
        assertThat(metricLines).filteredOn(l -> l.contains("\"processed\":1"))
                .singleElement().asString().contains("int-good");
        assertThat(metrics).contains("\"Flow\":\"statements\"");
        assertThat(store.get("int-good", "st-int-good").orElseThrow().transactionsComplete()).isTrue();
        assertThat(store.pending("int-bad")).containsExactly("st-int-bad");
    }

    @Test
    void tuningVariables_mustBeWholeNonNegativeNumbers_namingTheVariable() {
        assertThat(StatementsWiring.parse("STATEMENT_PULL_OVERLAP_SECONDS", " 3600 ")).isEqualTo(3600);
        assertThatThrownBy(() -> StatementsWiring.parse("STATEMENT_PULL_OVERLAP_SECONDS", "3 days"))
                .hasMessageContaining("STATEMENT_PULL_OVERLAP_SECONDS must be a whole number");
        assertThatThrownBy(() -> StatementsWiring.parse("STATEMENT_PULL_MAX_TRANSACTION_PAGES", "-1"))
                .hasMessageContaining("STATEMENT_PULL_MAX_TRANSACTION_PAGES must not be negative");
    }
}
