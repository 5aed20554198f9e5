package dev.ttsconnector.functions.returns;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.returns.ReturnApplier;
import dev.ttsconnector.flow.returns.ReturnSource;
import dev.ttsconnector.flow.returns.ReturnsPullConfig;
import dev.ttsconnector.flow.returns.ReturnsPullService;
import dev.ttsconnector.functions.auth.IntegrationWiring;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.functions.support.FlowMetrics;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.settings.DynamoDbSettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.store.dynamodb.DynamoDbFlowStateStore;
import dev.ttsconnector.store.dynamodb.DynamoDbOrderStore;
import dev.ttsconnector.store.dynamodb.DynamoDbReturnStore;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the returns/refunds pull of one function container: the return, order, settings and flow-state stores on
 * the single table and the pull service over {@link ShopAccess}. Environment (read only in {@link #fromEnvironment}):
 * {@code TABLE_NAME}, plus the TikTok and token variables {@link IntegrationWiring} reads for the shop access.
 */
public final class ReturnsWiring {

    public final ShopAccess shops;
    public final MetricsLogger metrics;
    public final DynamoDbReturnStore store;
    public final ReturnsPullService pull;

    /** Everything over the given clients; tests pass local-emulator clients and their own {@link ShopAccess}. */
    public ReturnsWiring(DynamoDbClient dynamo, String table, ShopAccess shops, ReturnSource source,
                         ReturnsPullConfig config, Clock clock, MetricsLogger metrics) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.store = new DynamoDbReturnStore(dynamo, table);
        SettingsService settings = new SettingsService(new DynamoDbSettingsStore(dynamo, table),
                SettingsValidator.standard(), clock);
        this.pull = new ReturnsPullService(shops, source, settings, new DynamoDbFlowStateStore(dynamo, table),
                new ReturnApplier(store, new DynamoDbOrderStore(dynamo, table), clock), config, clock);
    }

    public static ReturnsWiring fromEnvironment() {
        // Literal names: the template test checks every Env.require name is set on the function.
        String table = Env.require("TABLE_NAME");
        IntegrationWiring integrations = IntegrationWiring.fromEnvironment();
        return new ReturnsWiring(integrations.dynamo(), table, integrations.shopAccess(), ReturnSource.tiktok(),
                ReturnsPullConfig.DEFAULT, Clock.system(), FlowMetrics.stdout(integrations.dynamo(), table));
    }
}
