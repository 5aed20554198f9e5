package dev.ttsconnector.functions.support;

import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.DynamoDbSettingsStore;
import dev.ttsconnector.settings.SettingsCatalog;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.settings.SettingsVersion;
import dev.ttsconnector.store.dynamodb.DynamoDbParkedItemStore;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the wirings of the queue consumers that push to TikTok share, built once per container: the table
 * ({@code TABLE_NAME}), the consumed queue's URL (parked messages are replayed to it), one DynamoDB client, the
 * integrations' {@link ShopAccess} and the clock; with the parked-item store, the metrics and the integration's
 * settings on that table.
 */
public final class ConsumerWiring {

    private final String tableName;
    private final String queueUrl;
    private final DynamoDbClient dynamo;
    private final ShopAccess shopAccess;
    private final Clock clock = Clock.system();

    public ConsumerWiring(String tableName, String queueUrl, DynamoDbClient dynamo, ShopAccess shopAccess) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.shopAccess = Objects.requireNonNull(shopAccess, "shopAccess");
    }

    /** @param queueUrl the consumed queue, read by the caller with its literal variable name (template check) */
    public static ConsumerWiring fromEnvironment(String queueUrl, ShopAccess shopAccess) {
        return new ConsumerWiring(Env.require("TABLE_NAME"), queueUrl,
                DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), shopAccess);
    }

    public String tableName() {
        return tableName;
    }

    public String queueUrl() {
        return queueUrl;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public ShopAccess shopAccess() {
        return shopAccess;
    }

    public Clock clock() {
        return clock;
    }

    public ParkedItemStore parkedItems() {
        return new DynamoDbParkedItemStore(dynamo, tableName, clock);
    }

    /** EMF metrics plus the console's hourly flow activity on this table. */
    public MetricsLogger metrics() {
        return FlowMetrics.stdout(dynamo, tableName);
    }

    /** The integration's current settings and mappings; none stored yet = the product doc defaults, no mappings. */
    public Function<String, ConnectorConfig> settings() {
        SettingsService settings = new SettingsService(new DynamoDbSettingsStore(dynamo, tableName),
                new SettingsValidator(SettingsCatalog.standard()), clock);
        return integrationId -> settings.current(integrationId).map(SettingsVersion::config)
                .orElseGet(() -> ConnectorConfig.of(ConnectorSettings.defaults(Instant.EPOCH)));
    }
}
