package dev.ttsconnector.functions.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.orders.OrderFetchRequest;
import dev.ttsconnector.flow.webhooks.InMemoryWebhookReceipts;
import dev.ttsconnector.flow.webhooks.WebhookDelivery;
import dev.ttsconnector.flow.webhooks.WebhookIntake;
import dev.ttsconnector.flow.webhooks.WebhookRouter;
import dev.ttsconnector.functions.support.TestContext;
import dev.ttsconnector.integration.AuthorizationEvents;
import dev.ttsconnector.integration.InMemoryIntegrationStore;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStateMemo;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook consumer resolves a shop once per SQS batch (one {@link IntegrationStateMemo} scope per invocation),
 * keeps the per-delivery receipt check, sees the integration service's writes of the batch, and reads again in the
 * next batch.
 */
class WebhookConsumerHandlerTest {

    private static final String WEBHOOK_QUEUE = "https://sqs.local/000000000000/WebhookQueue";
    private static final String FETCH_QUEUE = "https://sqs.local/000000000000/OrderFetchQueue";
    private static final String ARN = "arn:aws:sqs:us-east-1:0:WebhookQueue";
    private static final String SHOP = "7494726673780148744";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final InMemoryQueuePublisher queue = new InMemoryQueuePublisher(clock);
    private final InMemoryIntegrationStore backing = new InMemoryIntegrationStore();
    private final IntegrationStateMemo memo = new IntegrationStateMemo();
    private final InMemoryWebhookReceipts receipts = new InMemoryWebhookReceipts();
    private final List<String> authorizationCalls = new ArrayList<>();
    private WebhookConsumerHandler consumer;

    @BeforeEach
    void setUp() {
        Integration created = backing.create(Integration.pending("int_a", "Shop A", clock.now()));
        backing.claimShop(created.id(), SHOP);
        // The integration service writes through its own store, not the memo's view (as wired in production).
        AuthorizationEvents service = new AuthorizationEvents() {
            @Override
            public void deauthorized(String integrationId, String message, Instant at) {
                authorizationCalls.add("deauthorized:" + integrationId);
                backing.releaseShop(integrationId, SHOP);
            }

            @Override
            public void authorizationExpiring(String integrationId, Instant expiresAt, Instant at) {
                authorizationCalls.add("expiring:" + integrationId);
            }
        };
        WebhookRouter router = new WebhookRouter(memo.integrations(backing), receipts, queue,
                FETCH_QUEUE, WebhookWiring.forgetting(service, memo), clock);
        consumer = new WebhookConsumerHandler(router, WEBHOOK_QUEUE, new InMemoryParkedItemStore(clock),
                MetricsLogger.stdout(), memo);
    }

    private MessageEnvelope delivery(String body) {
        return MessageEnvelope.create(WebhookIntake.TYPE, WebhookIntake.UNRESOLVED_INTEGRATION, clock.now(),
                "k-" + Integer.toHexString(body.hashCode()), null,
                Json.app().valueToTree(new WebhookDelivery(body, clock.now())));
    }

    private MessageEnvelope orderWebhook(String orderId) {
        return delivery("{\"type\":1,\"tts_notification_id\":\"n-" + orderId + "\",\"shop_id\":\"" + SHOP
                + "\",\"timestamp\":" + clock.now().getEpochSecond() + ",\"data\":{\"order_id\":\"" + orderId
                + "\",\"order_status\":\"AWAITING_SHIPMENT\"}}");
    }

    private MessageEnvelope deauthorization() {
        return delivery("{\"type\":6,\"tts_notification_id\":\"n-deauth\",\"shop_id\":\"" + SHOP
                + "\",\"timestamp\":" + clock.now().getEpochSecond() + ",\"data\":{\"message\":\"bye\"}}");
    }

    private List<String> enqueuedOrderIds() {
        return queue.sent(FETCH_QUEUE).stream()
                .flatMap(e -> e.payloadAs(OrderFetchRequest.class).orderIds().stream()).toList();
    }

    @Test
    void webhooksOfOneShop_inOneBatch_resolveTheShopOnce_andADuplicateStillEnqueuesNothing() {
        MessageEnvelope first = orderWebhook("1");
        SQSBatchResponse response = consumer.handleRequest(SqsEvents.of(ARN, List.of(first, orderWebhook("2"),
                orderWebhook("3"), first), 1), new TestContext("b1"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(enqueuedOrderIds()).containsExactly("1", "2", "3");
        assertThat(backing.shopLookupCount()).isEqualTo(1);
        assertThat(memo.isOpen()).isFalse();
        assertThat(receipts.reads().batches()).as("the batch's receipts in one read").hasSize(1);
        assertThat(receipts.reads().singleCount()).isZero();
    }

    @Test
    void deliveryHandledInAnEarlierBatch_isADuplicateFromTheReadAhead_andTheNextBatchReadsAgain() {
        MessageEnvelope first = orderWebhook("1");
        consumer.handleRequest(SqsEvents.of(ARN, List.of(first), 1), new TestContext("b1"));

        SQSBatchResponse response = consumer.handleRequest(SqsEvents.of(ARN, List.of(first, orderWebhook("2")), 2),
                new TestContext("b2"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(enqueuedOrderIds()).containsExactly("1", "2");
        assertThat(receipts.reads().batches()).hasSize(2);
        assertThat(receipts.reads().singleCount()).isZero();
    }

    @Test
    void nextBatch_resolvesTheShopAgain() {
        consumer.handleRequest(SqsEvents.of(ARN, List.of(orderWebhook("1")), 1), new TestContext("b1"));
        backing.releaseShop("int_a", SHOP);

        consumer.handleRequest(SqsEvents.of(ARN, List.of(orderWebhook("2")), 1), new TestContext("b2"));

        assertThat(backing.shopLookupCount()).isEqualTo(2);
        assertThat(enqueuedOrderIds()).as("the shop was released between the batches").containsExactly("1");
    }

    @Test
    void deauthorizationInsideTheBatch_isSeenByTheLaterWebhooksOfThatBatch() {
        SQSBatchResponse response = consumer.handleRequest(SqsEvents.of(ARN, List.of(orderWebhook("1"),
                deauthorization(), orderWebhook("2")), 1), new TestContext("b1"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(authorizationCalls).containsExactly("deauthorized:int_a");
        assertThat(enqueuedOrderIds()).as("after the deauthorization released the shop, webhook 2 finds no shop")
                .containsExactly("1");
        assertThat(backing.shopLookupCount()).isEqualTo(2);
    }

    @Test
    void fetchSendFailingAfterTheBatch_failsTheInvocation_andRecordsNoReceipt() {
        queue.failNext(1);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> consumer.handleRequest(SqsEvents.of(ARN,
                List.of(orderWebhook("1")), 1), new TestContext("b1")))
                .isInstanceOf(dev.ttsconnector.queue.QueuePublishException.class);

        assertThat(receipts.size()).as("SQS redelivers the batch; nothing marked handled").isZero();
        assertThat(memo.isOpen()).isFalse();
    }
}
