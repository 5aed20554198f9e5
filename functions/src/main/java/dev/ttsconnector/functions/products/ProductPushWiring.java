package dev.ttsconnector.functions.products;

import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.products.ParkedProductExceptions;
import dev.ttsconnector.flow.products.ProductPushService;
import dev.ttsconnector.flow.products.ShopProductApi;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.functions.support.FlowMetrics;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.DynamoDbSettingsStore;
import dev.ttsconnector.settings.SettingsCatalog;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.settings.SettingsVersion;
import dev.ttsconnector.store.dynamodb.DynamoDbAppListingStore;
import dev.ttsconnector.store.dynamodb.DynamoDbParkedItemStore;
import dev.ttsconnector.store.dynamodb.DynamoDbProductPushStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds ProductPushFunction's dependencies once per container. Environment:
 * <ul>
 *   <li>{@code TABLE_NAME} (required): the single table (listings, push records, settings, parked items)</li>
 *   <li>{@code PRODUCT_SYNC_QUEUE_URL} (required): the queue consumed; parked pushes are replayed to it</li>
 *   <li>{@code PRODUCT_PROMOTION_DURATION} (optional, ISO-8601 duration, default {@code P30D}): how long a promotion
 *       made for a compare-at price runs (spec §11 states no maximum: UNCONFIRMED, hence configurable)</li>
 * </ul>
 */
final class ProductPushWiring {

    private final String tableName;
    private final String queueUrl;
    private final Duration promotionDuration;
    private final DynamoDbClient dynamo;
    private final ShopAccess shopAccess;
    private final Clock clock = Clock.system();

    ProductPushWiring(String tableName, String queueUrl, Duration promotionDuration, DynamoDbClient dynamo,
                      ShopAccess shopAccess) {
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.promotionDuration = Objects.requireNonNull(promotionDuration, "promotionDuration");
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.shopAccess = Objects.requireNonNull(shopAccess, "shopAccess");
    }

    /** Reads the environment (literal names: the template test checks they are set on the function). */
    static ProductPushWiring fromEnvironment(ShopAccess shopAccess) {
        String table = Env.require("TABLE_NAME");
        String queue = Env.require("PRODUCT_SYNC_QUEUE_URL");
        Duration duration = Env.optionalDuration("PRODUCT_PROMOTION_DURATION", "P30D", false);
        DynamoDbClient dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return new ProductPushWiring(table, queue, duration, dynamo, shopAccess);
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

    ProductPushService service() {
        SettingsService settings = new SettingsService(new DynamoDbSettingsStore(dynamo, tableName),
                new SettingsValidator(SettingsCatalog.standard()), clock);
        return new ProductPushService(new DynamoDbAppListingStore(dynamo, tableName),
                new DynamoDbProductPushStore(dynamo, tableName),
                integrationId -> ShopProductApi.of(shopAccess.connected(integrationId)),
                integrationId -> settings.current(integrationId).map(SettingsVersion::config)
                        .orElseGet(() -> ConnectorConfig.of(ConnectorSettings.defaults(Instant.EPOCH))),
                new ParkedProductExceptions(parkedItems(), queueUrl, clock), clock, promotionDuration);
    }
}
