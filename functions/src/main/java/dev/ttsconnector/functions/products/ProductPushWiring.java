package dev.ttsconnector.functions.products;

import dev.ttsconnector.flow.products.ParkedProductExceptions;
import dev.ttsconnector.flow.products.ProductPushService;
import dev.ttsconnector.flow.products.ShopProductApi;
import dev.ttsconnector.functions.support.ConsumerWiring;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.store.dynamodb.DynamoDbAppListingStore;
import dev.ttsconnector.store.dynamodb.DynamoDbProductPushStore;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

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

    private final ConsumerWiring common;
    private final Duration promotionDuration;

    ProductPushWiring(ConsumerWiring common, Duration promotionDuration) {
        this.common = Objects.requireNonNull(common, "common");
        this.promotionDuration = Objects.requireNonNull(promotionDuration, "promotionDuration");
    }

    /** Reads the environment (literal names: the template test checks they are set on the function). */
    static ProductPushWiring fromEnvironment(ShopAccess shopAccess) {
        return new ProductPushWiring(ConsumerWiring.fromEnvironment(Env.require("PRODUCT_SYNC_QUEUE_URL"), shopAccess),
                Env.optionalDuration("PRODUCT_PROMOTION_DURATION", "P30D", false));
    }

    /** Table, queue, client, shop access, parked items, metrics and settings shared with the other consumers. */
    ConsumerWiring common() {
        return common;
    }

    ProductPushService service() {
        Function<String, ConnectorConfig> settings = common.settings();
        return new ProductPushService(new DynamoDbAppListingStore(common.dynamo(), common.tableName()),
                new DynamoDbProductPushStore(common.dynamo(), common.tableName()),
                integrationId -> ShopProductApi.of(common.shopAccess().connected(integrationId)), settings::apply,
                new ParkedProductExceptions(common.parkedItems(), common.queueUrl(), common.clock()), common.clock(),
                promotionDuration);
    }
}
