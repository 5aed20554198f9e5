package dev.ttsconnector.flow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.integration.InMemoryIntegrationStore;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The router's batch scope: one batched receipt read per integration serves the routing of the batch, the batch's
 * order fetches go out together at close and only then are their receipts written, a delivery repeated inside the
 * batch is a duplicate, and a failed read-ahead or a closed scope leaves routing reading receipts one by one.
 */
class WebhookRouterBatchTest {

    private static final String SHOP_A = "shop-a";
    private static final String SHOP_B = "shop-b";
    private static final String FETCH_QUEUE = "https://sqs.local/000000000000/OrderFetchQueue";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final InMemoryIntegrationStore integrations = new InMemoryIntegrationStore();
    private final InMemoryQueuePublisher queue = new InMemoryQueuePublisher(clock);
    private final InMemoryWebhookReceipts receipts = new InMemoryWebhookReceipts();

    WebhookRouterBatchTest() {
        integrations.create(Integration.pending("int_a", "Shop A", clock.now()));
        integrations.claimShop("int_a", SHOP_A);
        integrations.create(Integration.pending("int_b", "Shop B", clock.now()));
        integrations.claimShop("int_b", SHOP_B);
    }

    private WebhookRouter router(WebhookReceipts store) {
        return new WebhookRouter(integrations, store, queue, FETCH_QUEUE, new UnexpectedAuthorizationEvents(), clock);
    }

    private MessageEnvelope orderWebhook(String shop, String notificationId, String orderId) {
        String body = "{\"type\":1,\"tts_notification_id\":\"" + notificationId + "\",\"shop_id\":\"" + shop
                + "\",\"timestamp\":" + clock.now().getEpochSecond() + ",\"data\":{\"order_id\":\"" + orderId
                + "\",\"order_status\":\"AWAITING_SHIPMENT\"}}";
        return MessageEnvelope.create(WebhookIntake.TYPE, WebhookIntake.UNRESOLVED_INTEGRATION, clock.now(),
                notificationId, null, new WebhookDelivery(body, clock.now()));
    }

    private static MessageEnvelope notAWebhook() {
        return MessageEnvelope.create(WebhookIntake.TYPE, WebhookIntake.UNRESOLVED_INTEGRATION,
                Instant.parse("2026-11-27T12:00:00Z"), "junk", null, new WebhookDelivery("not json",
                        Instant.parse("2026-11-27T12:00:00Z")));
    }

    @Test
    void batchOfTwoShops_readsReceiptsOncePerIntegration_andRoutesWithoutSingleReads() {
        WebhookRouter router = router(receipts);
        List<MessageEnvelope> batch = List.of(orderWebhook(SHOP_A, "1", "o1"), orderWebhook(SHOP_B, "2", "o2"),
                orderWebhook(SHOP_A, "3", "o3"), notAWebhook());

        try (WebhookRouter.BatchScope ahead = router.openBatch(batch)) {
            for (MessageEnvelope e : batch.subList(0, 3)) {
                assertThat(router.route(e).outcome()).isEqualTo(WebhookRouter.Outcome.ORDERS_ENQUEUED);
            }
            assertThat(queue.sent(FETCH_QUEUE)).as("sent together at close").isEmpty();
            assertThat(receipts.size()).as("no receipt before its fetch is queued").isZero();
        }

        assertThat(receipts.reads().batches()).containsExactly(List.of("tts:shop-a:1", "tts:shop-a:3"),
                List.of("tts:shop-b:2"));
        assertThat(receipts.reads().singleCount()).isZero();
        assertThat(queue.sent(FETCH_QUEUE)).hasSize(3);
    }

    @Test
    void deliveryRepeatedInsideTheBatch_isADuplicate_andAfterCloseTheStoreIsAskedAgain() {
        WebhookRouter router = router(receipts);
        MessageEnvelope once = orderWebhook(SHOP_A, "1", "o1");

        try (WebhookRouter.BatchScope ahead = router.openBatch(List.of(once, once))) {
            assertThat(router.route(once).outcome()).isEqualTo(WebhookRouter.Outcome.ORDERS_ENQUEUED);
            assertThat(router.route(once).outcome()).isEqualTo(WebhookRouter.Outcome.DUPLICATE);
        }
        assertThat(receipts.reads().singleCount()).isZero();

        assertThat(router.route(once).outcome()).isEqualTo(WebhookRouter.Outcome.DUPLICATE);
        assertThat(receipts.reads().singleCount()).as("no read-ahead open: one read").isEqualTo(1);
        assertThat(queue.sent(FETCH_QUEUE)).hasSize(1);
    }

    @Test
    void failedBatchedRead_leavesRoutingToSingleReads() {
        WebhookReceipts failingBatch = new WebhookReceipts() {
            @Override
            public boolean seen(String integrationId, String deliveryKey) {
                return receipts.seen(integrationId, deliveryKey);
            }

            @Override
            public Set<String> seenAmong(String integrationId, Collection<String> deliveryKeys) {
                throw new IllegalStateException("throttled");
            }

            @Override
            public void record(String integrationId, String deliveryKey, Instant expiresAt) {
                receipts.record(integrationId, deliveryKey, expiresAt);
            }
        };
        WebhookRouter router = router(failingBatch);
        MessageEnvelope delivery = orderWebhook(SHOP_A, "1", "o1");
        receipts.record("int_a", "tts:shop-a:1", clock.now().plusSeconds(60));

        try (WebhookRouter.BatchScope ahead = router.openBatch(List.of(delivery))) {
            assertThat(router.route(delivery).outcome()).isEqualTo(WebhookRouter.Outcome.DUPLICATE);
        }
        assertThat(receipts.reads().singleCount()).isEqualTo(1);
    }

    @Test
    void fetchSendFailingAtClose_throws_andWritesNoReceipt_soTheRedeliveredBatchIsHandledAgain() {
        WebhookRouter router = router(receipts);
        MessageEnvelope delivery = orderWebhook(SHOP_A, "1", "o1");
        queue.failNext(1);

        WebhookRouter.BatchScope scope = router.openBatch(List.of(delivery));
        assertThat(router.route(delivery).outcome()).isEqualTo(WebhookRouter.Outcome.ORDERS_ENQUEUED);
        org.assertj.core.api.Assertions.assertThatThrownBy(scope::close)
                .isInstanceOf(dev.ttsconnector.queue.QueuePublishException.class);

        assertThat(receipts.size()).isZero();
        assertThat(router.route(delivery).outcome()).as("redelivered: handled again")
                .isEqualTo(WebhookRouter.Outcome.ORDERS_ENQUEUED);
        assertThat(queue.sent(FETCH_QUEUE)).hasSize(1);
        assertThat(receipts.size()).isEqualTo(1);
    }
}
