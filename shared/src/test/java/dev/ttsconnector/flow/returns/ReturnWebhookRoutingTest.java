package dev.ttsconnector.flow.returns;

import static dev.ttsconnector.flow.returns.ReturnsHarness.INT;
import static dev.ttsconnector.flow.returns.ReturnsHarness.tiktokReturn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.flow.webhooks.InMemoryWebhookReceipts;
import dev.ttsconnector.flow.webhooks.UnexpectedAuthorizationEvents;
import dev.ttsconnector.flow.webhooks.WebhookDelivery;
import dev.ttsconnector.flow.webhooks.WebhookIntake;
import dev.ttsconnector.flow.webhooks.WebhookRouter;
import dev.ttsconnector.integration.AuthorizationEvents;
import dev.ttsconnector.integration.InMemoryIntegrationStore;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import org.junit.jupiter.api.Test;

/**
 * Spec §12 type 12 RETURN_STATUS_CHANGE: the router fetches the named return from TikTok now (targeted return search
 * by {@code return_ids}) instead of waiting for the schedule; the payload's status is not trusted, and a duplicate
 * delivery fetches nothing.
 */
class ReturnWebhookRoutingTest {

    private static final String SHOP = "7494726673780148744";
    private static final String FETCH_QUEUE = "https://sqs.local/000000000000/OrderFetchQueue";

    private final ReturnsHarness h = new ReturnsHarness();
    private final InMemoryIntegrationStore integrations = new InMemoryIntegrationStore();
    private final InMemoryQueuePublisher queue = new InMemoryQueuePublisher(h.clock);
    private final WebhookRouter router;

    ReturnWebhookRoutingTest() {
        integrations.create(Integration.pending(INT, "Returns shop", h.clock.now()));
        integrations.claimShop(INT, SHOP);
        AuthorizationEvents none = new UnexpectedAuthorizationEvents();
        router = new WebhookRouter(integrations, new InMemoryWebhookReceipts(), queue, FETCH_QUEUE, none, h.clock,
                (integrationId, returnIds) -> h.pull.fetch(integrationId, returnIds));
    }

    private MessageEnvelope delivery(String notificationId, String returnId, String payloadStatus) {
        String body = "{\"type\":12,\"tts_notification_id\":\"" + notificationId + "\",\"shop_id\":\"" + SHOP
                + "\",\"timestamp\":" + h.clock.now().getEpochSecond() + ",\"data\":{\"order_id\":\"o1\","
                + "\"return_role\":\"BUYER\",\"return_type\":\"RETURN_AND_REFUND\",\"return_status\":\"" + payloadStatus
                + "\",\"return_id\":\"" + returnId + "\",\"create_time\":1,\"update_time\":2}}";
        return MessageEnvelope.create(WebhookIntake.TYPE, WebhookIntake.UNRESOLVED_INTEGRATION, h.clock.now(),
                notificationId, null, new WebhookDelivery(body, h.clock.now()));
    }

    @Test
    void returnStatusChange_fetchesThatReturnFromTikTokAndAppliesIt_notThePayloadStatus() {
        h.tiktok.put(tiktokReturn("r1", "o1", "RETURN_AND_REFUND", "RETURN_OR_REFUND_REQUEST_COMPLETE",
                h.clock.now().minusSeconds(30)));
        h.tiktok.put(tiktokReturn("r2", "o2", "RETURN_AND_REFUND", "RETURN_OR_REFUND_REQUEST_COMPLETE",
                h.clock.now().minusSeconds(20)));

        WebhookRouter.Result result = router.route(delivery("n-1", "r1", "BUYER_SHIPPED_ITEM"));

        assertThat(result.outcome()).isEqualTo(WebhookRouter.Outcome.RETURNS_FETCHED);
        assertThat(h.tiktok.requests).singleElement().satisfies(r -> assertThat(r.ids()).containsExactly("r1"));
        assertThat(h.store.getReturn(INT, "r1").orElseThrow().tiktokStatus())
                .isEqualTo("RETURN_OR_REFUND_REQUEST_COMPLETE");
        assertThat(h.store.getReturn(INT, "r2")).isEmpty();
        assertThat(queue.sent(FETCH_QUEUE)).isEmpty();

        WebhookRouter.Result again = router.route(delivery("n-1", "r1", "BUYER_SHIPPED_ITEM"));
        assertThat(again.outcome()).isEqualTo(WebhookRouter.Outcome.DUPLICATE);
        assertThat(h.tiktok.requests).hasSize(1);
    }
}
