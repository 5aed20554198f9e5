package dev.ttsconnector.functions.fulfillments;

import dev.ttsconnector.functions.support.FlowMetrics;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.fulfillments.FulfillmentPushService;
import dev.ttsconnector.flow.fulfillments.ShippingProviderCache;
import dev.ttsconnector.flow.fulfillments.ShopFulfillmentApi;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.DynamoDbSettingsStore;
import dev.ttsconnector.settings.SettingsCatalog;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.settings.SettingsVersion;
import dev.ttsconnector.store.dynamodb.DynamoDbFulfillmentStore;
import dev.ttsconnector.store.dynamodb.DynamoDbOrderStore;
import dev.ttsconnector.store.dynamodb.DynamoDbParkedItemStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds FulfillmentPushFunction's dependencies once per container. Environment:
 * <ul>
 *   <li>{@code TABLE_NAME} (required): the single table (orders, fulfillments, settings, parked items)</li>
 *   <li>{@code FULFILLMENT_PUSH_QUEUE_URL} (required): the queue consumed; parked messages are replayed to it</li>
 *   <li>{@code FULFILLMENT_PROVIDER_CACHE_TTL} (optional, ISO-8601 duration, default {@code PT6H}): how long the
 *       shipping providers of a delivery option are kept per container</li>
 * </ul>
 * The TikTok side comes through the integrations' {@link ShopAccess}.
 */
final class FulfillmentPushWiring {

    private final String tableName;
    private final String queueUrl;
    private final Duration providerTtl;
    private final DynamoDbClient dynamo;
    private final ShopAccess shopAccess;
    private final Clock clock = Clock.system();

    FulfillmentPushWiring(String tableName, String queueUrl, Duration providerTtl, DynamoDbClient dynamo,
                          ShopAccess shopAccess) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.providerTtl = Objects.requireNonNull(providerTtl, "providerTtl");
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.shopAccess = Objects.requireNonNull(shopAccess, "shopAccess");
    }

    /** Reads the environment (literal names: the template test checks they are set on the function). */
    static FulfillmentPushWiring fromEnvironment(ShopAccess shopAccess) {
        String table = Env.require("TABLE_NAME");
        String queue = Env.require("FULFILLMENT_PUSH_QUEUE_URL");
        Duration ttl = Env.optionalDuration("FULFILLMENT_PROVIDER_CACHE_TTL", "PT6H", true);
        DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return new FulfillmentPushWiring(table, queue, ttl, dynamo, shopAccess);
    }

    String queueUrl() {
        return queueUrl;
    }

    ParkedItemStore parkedItems() {
        return new DynamoDbParkedItemStore(dynamo, tableName, clock);
    }

    /** EMF metrics plus the console's hourly flow activity on this table. */
    MetricsLogger metrics() {
        return FlowMetrics.stdout(dynamo, tableName);
    }

    FulfillmentPushService service() {
        SettingsService settings = new SettingsService(new DynamoDbSettingsStore(dynamo, tableName),
                new SettingsValidator(SettingsCatalog.standard()), clock);
        return new FulfillmentPushService(new DynamoDbFulfillmentStore(dynamo, tableName),
                new DynamoDbOrderStore(dynamo, tableName),
                integrationId -> ShopFulfillmentApi.of(shopAccess.connected(integrationId)),
                integrationId -> config(settings, integrationId),
                new ShippingProviderCache(clock, providerTtl), clock);
    }

    /** The integration's settings and mappings; none stored yet = the product doc defaults without mappings. */
    static ConnectorConfig config(SettingsService settings, String integrationId) {
        return settings.current(integrationId).map(SettingsVersion::config)
                .orElseGet(() -> ConnectorConfig.of(ConnectorSettings.defaults(Instant.EPOCH)));
    }
}
