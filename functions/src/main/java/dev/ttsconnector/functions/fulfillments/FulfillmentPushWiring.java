package dev.ttsconnector.functions.fulfillments;

import dev.ttsconnector.flow.fulfillments.FulfillmentPushService;
import dev.ttsconnector.flow.fulfillments.ShippingProviderCache;
import dev.ttsconnector.flow.fulfillments.ShopFulfillmentApi;
import dev.ttsconnector.functions.support.ConsumerWiring;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.store.dynamodb.DynamoDbFulfillmentStore;
import dev.ttsconnector.store.dynamodb.DynamoDbOrderStore;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

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

    private final ConsumerWiring common;
    private final Duration providerTtl;

    FulfillmentPushWiring(ConsumerWiring common, Duration providerTtl) {
        this.common = Objects.requireNonNull(common, "common");
        this.providerTtl = Objects.requireNonNull(providerTtl, "providerTtl");
    }

    /** Reads the environment (literal names: the template test checks they are set on the function). */
    static FulfillmentPushWiring fromEnvironment(ShopAccess shopAccess) {
        return new FulfillmentPushWiring(ConsumerWiring.fromEnvironment(Env.require("FULFILLMENT_PUSH_QUEUE_URL"),
                shopAccess), Env.optionalDuration("FULFILLMENT_PROVIDER_CACHE_TTL", "PT6H", true));
    }

    /** Table, queue, client, shop access, parked items, metrics and settings shared with the other consumers. */
    ConsumerWiring common() {
        return common;
    }

    FulfillmentPushService service() {
        Function<String, ConnectorConfig> settings = common.settings();
        return new FulfillmentPushService(new DynamoDbFulfillmentStore(common.dynamo(), common.tableName()),
                new DynamoDbOrderStore(common.dynamo(), common.tableName()),
                integrationId -> ShopFulfillmentApi.of(common.shopAccess().connected(integrationId)), settings::apply,
                new ShippingProviderCache(common.clock(), providerTtl), common.clock());
    }
}
