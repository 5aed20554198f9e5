package dev.ttsconnector.functions.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.webhooks.WebhookDelivery;
import dev.ttsconnector.flow.webhooks.WebhookIntake;
import dev.ttsconnector.flow.webhooks.WebhookRouter;
import dev.ttsconnector.integration.AuthorizationEvents;
import dev.ttsconnector.integration.InMemoryIntegrationStore;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopBinding;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.QueuePublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link DynamoDbWebhookReceipts} on dynalite (local stack from template.yaml) under {@link WebhookRouter}: a replayed
 * delivery (TikTok's retry, or a captured one re-sent) is acted on once; receipts are per integration and carry the
 * TTL attribute.
 */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbWebhookReceiptsFunctionalTest {

    private static final String FETCH_QUEUE = "https://sqs.local/000000000000/OrderFetchQueue";

    @Test
    void route_sameDeliveryTwice_enqueuesOneFetch_andTheReplayIsCaughtAsDuplicate(LocalAwsStack stack) {
        String table = stack.tableName("ConnectorTable");
        DynamoDbWebhookReceipts receipts = new DynamoDbWebhookReceipts(stack.dynamoDb(), table);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String integrationId = "int_receipts_" + suffix;
        String shopId = "shop-" + suffix;
        InMemoryIntegrationStore integrations = new InMemoryIntegrationStore();
        Integration created = integrations.create(Integration.pending(integrationId, integrationId, clock.now()));
        integrations.save(created.withShop(new ShopBinding(shopId, "cipher", "CODE", "Shop", "US", "LOCAL"),
                clock.now()).withStatus(IntegrationStatus.CONNECTED, null, clock.now()));
        integrations.claimShop(integrationId, shopId);
        List<MessageEnvelope> sent = new ArrayList<>();
        QueuePublisher queue = new QueuePublisher() {
            @Override
            public void send(String queueUrl, MessageEnvelope envelope) {
                sent.add(envelope);
            }

            @Override
            public void sendAll(String queueUrl, List<MessageEnvelope> envelopes) {
                sent.addAll(envelopes);
            }
        };
        WebhookRouter router = new WebhookRouter(integrations, receipts, queue, FETCH_QUEUE,
                new AuthorizationEvents() {
                    @Override
                    public void deauthorized(String id, String message, Instant at) {
                        throw new AssertionError("no deauthorization expected");
                    }

                    @Override
                    public void authorizationExpiring(String id, Instant expiresAt, Instant at) {
                        throw new AssertionError("no expiry expected");
                    }
                }, clock);
        String body = "{\"type\":1,\"tts_notification_id\":\"7300000000000000042\",\"shop_id\":\"" + shopId
                + "\",\"timestamp\":" + clock.now().getEpochSecond()
                + ",\"data\":{\"order_id\":\"5760001\",\"order_status\":\"AWAITING_SHIPMENT\"}}";
        MessageEnvelope delivery = MessageEnvelope.create(WebhookIntake.TYPE, WebhookIntake.UNRESOLVED_INTEGRATION,
                clock.now(), "d-1", null, new WebhookDelivery(body, clock.now()));

        WebhookRouter.Result first = router.route(delivery);
        clock.advance(Duration.ofMinutes(2)); // TikTok's first retry (spec §12)
        WebhookRouter.Result replay = router.route(delivery);

        assertThat(first.outcome()).isEqualTo(WebhookRouter.Outcome.ORDERS_ENQUEUED);
        assertThat(replay.outcome()).isEqualTo(WebhookRouter.Outcome.DUPLICATE);
        assertThat(sent).hasSize(1);
        String key = "tts:" + shopId + ":7300000000000000042";
        assertThat(receipts.seen(integrationId, key)).isTrue();
        assertThat(receipts.seen("int_other_" + suffix, key)).as("receipts are per integration").isFalse();
        Map<String, AttributeValue> item = stack.dynamoDb().getItem(b -> b.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("INT#" + integrationId + "#WEBHOOK#" + key),
                "SK", AttributeValue.fromS("RECEIPT")))).item();
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isGreaterThan(Instant.parse("2026-11-27T12:00:00Z").plus(Duration.ofHours(16)).getEpochSecond());
    }

    @Test
    void seenAmong_answersWhichOfManyDeliveriesWereHandled_perIntegration_likeSingleReads(LocalAwsStack stack) {
        String table = stack.tableName("ConnectorTable");
        DynamoDbWebhookReceipts receipts = new DynamoDbWebhookReceipts(stack.dynamoDb(), table);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String integrationId = "int_seen_" + suffix;
        Instant expires = Instant.parse("2026-11-29T12:00:00Z");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            keys.add("tts:shop-" + suffix + ":" + i);
        }
        for (int i = 0; i < 130; i += 3) {
            receipts.record(integrationId, keys.get(i), expires);
        }
        receipts.record("int_other_" + suffix, keys.get(1), expires);
        List<String> asked = new ArrayList<>(keys);
        asked.add(keys.get(0)); // a repeated key is read once
        asked.add("tts:shop-" + suffix + ":never");

        java.util.Set<String> seen = receipts.seenAmong(integrationId, asked);

        assertThat(seen).containsExactlyInAnyOrderElementsOf(keys.stream()
                .filter(k -> receipts.seen(integrationId, k)).toList());
        assertThat(seen).hasSize(44).contains(keys.get(0)).doesNotContain(keys.get(1));
    }

    @Test
    void recordAll_writesEveryReceiptWithItsTtl_inBatches(LocalAwsStack stack) {
        String table = stack.tableName("ConnectorTable");
        DynamoDbWebhookReceipts receipts = new DynamoDbWebhookReceipts(stack.dynamoDb(), table);
        String integrationId = "int_recordall_" + UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add("tts:shop:" + i);
        }
        keys.add("tts:shop:0"); // repeated: written once (DynamoDB refuses a batch that repeats a key)

        receipts.recordAll(integrationId, keys, Instant.parse("2026-11-29T12:00:00Z"));

        assertThat(receipts.seenAmong(integrationId, keys)).hasSize(60);
        Map<String, AttributeValue> item = stack.dynamoDb().getItem(b -> b.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("INT#" + integrationId + "#WEBHOOK#tts:shop:59"),
                "SK", AttributeValue.fromS("RECEIPT")))).item();
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(Instant.parse("2026-11-29T12:00:00Z")
                .getEpochSecond()));
    }
}
