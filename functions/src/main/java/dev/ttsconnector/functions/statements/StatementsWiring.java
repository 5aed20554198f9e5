package dev.ttsconnector.functions.statements;

import dev.ttsconnector.app.statements.StatementStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.statements.StatementPullConfig;
import dev.ttsconnector.flow.statements.StatementPullService;
import dev.ttsconnector.flow.statements.StatementSource;
import dev.ttsconnector.functions.auth.IntegrationWiring;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.functions.support.FlowMetrics;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.store.dynamodb.DynamoDbFlowStateStore;
import dev.ttsconnector.store.dynamodb.DynamoDbStatementStore;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the statements pull of one function container. Environment (read only in {@link #fromEnvironment}):
 * {@code TABLE_NAME} (Globals) and, optional, {@code STATEMENT_PULL_OVERLAP_SECONDS} (259200 = 3 days),
 * {@code STATEMENT_PULL_MAX_STATEMENT_PAGES} (50) and {@code STATEMENT_PULL_MAX_TRANSACTION_PAGES} (200 per run)
 * tuning {@link StatementPullConfig}, plus the TikTok and token variables {@link IntegrationWiring} reads.
 */
final class StatementsWiring {

    final ShopAccess shops;
    final MetricsLogger metrics;
    final StatementStore store;
    final StatementPullService pull;

    /** Everything over the given clients; tests pass local-emulator clients and their own {@link ShopAccess}. */
    StatementsWiring(DynamoDbClient dynamo, String table, ShopAccess shops, SettingsService settings,
                     StatementSource source, StatementPullConfig config, Clock clock, MetricsLogger metrics) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.store = new DynamoDbStatementStore(dynamo, table);
        this.pull = new StatementPullService(shops, source, settings, new DynamoDbFlowStateStore(dynamo, table), store,
                config, clock);
    }

    static StatementsWiring fromEnvironment() {
        // Literal names: the template test checks every Env.require name is set on the function.
        String table = Env.require("TABLE_NAME");
        StatementPullConfig config = new StatementPullConfig(
                Duration.ofSeconds(parse("STATEMENT_PULL_OVERLAP_SECONDS",
                        Env.optional("STATEMENT_PULL_OVERLAP_SECONDS", "259200"))),
                StatementPullConfig.DEFAULT.statementPageSize(),
                (int) parse("STATEMENT_PULL_MAX_STATEMENT_PAGES", Env.optional("STATEMENT_PULL_MAX_STATEMENT_PAGES", "50")),
                (int) parse("STATEMENT_PULL_MAX_TRANSACTION_PAGES",
                        Env.optional("STATEMENT_PULL_MAX_TRANSACTION_PAGES", "200")));
        IntegrationWiring integrations = IntegrationWiring.fromEnvironment();
        return new StatementsWiring(integrations.dynamo(), table, integrations.shopAccess(),
                integrations.settingsService(), StatementSource.tiktok(), config, Clock.system(),
                FlowMetrics.stdout(integrations.dynamo(), table));
    }

    static long parse(String name, String value) {
        try {
            long v = Long.parseLong(value.strip());
            if (v < 0) {
                throw new IllegalStateException("environment variable " + name + " must not be negative, was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " must be a whole number, was '"
                    + value + "'");
        }
    }
}
