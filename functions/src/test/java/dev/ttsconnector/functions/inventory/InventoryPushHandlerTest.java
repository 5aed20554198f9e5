package dev.ttsconnector.functions.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.inventory.InventoryPushMessage;
import dev.ttsconnector.functions.support.TestContext;
import dev.ttsconnector.functions.webhooks.SqsEvents;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.TransientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The messages of one batch for the same product are re-planned once, with the SKUs of all of them; forced and
 * ordinary messages stay apart; a failed re-plan is tried again by the next message of the product.
 */
class InventoryPushHandlerTest {

    private static final String QUEUE = "https://sqs.local/000000000000/InventoryPushQueue.fifo";
    private static final String STANDARD_ARN = "arn:aws:sqs:us-east-1:0:InventoryPushQueue";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final List<String> replans = new ArrayList<>();

    private MessageEnvelope message(String product, boolean force, String... skus) {
        return MessageEnvelope.create(InventoryPushMessage.TYPE, "int_a", clock.now(), product + String.join("", skus),
                "int_a#" + product, new InventoryPushMessage(product, List.of(skus), force));
    }

    private InventoryPushHandler handler(int failFirst) {
        int[] failures = {failFirst};
        return new InventoryPushHandler((integrationId, m) -> {
            replans.add(integrationId + ":" + m.tiktokProductId() + ":" + m.skus() + (m.force() ? ":force" : ""));
            if (failures[0]-- > 0) {
                throw new TransientException("TikTok busy");
            }
        }, QUEUE, new InMemoryParkedItemStore(clock), MetricsLogger.stdout());
    }

    @Test
    void messagesOfOneProductInABatch_replanItOnce_withTheSkusOfAllOfThem() {
        SQSBatchResponse response = handler(0).handleRequest(SqsEvents.of(STANDARD_ARN, List.of(
                message("A", false, "a1"), message("B", false, "b1"), message("A", false, "a2"),
                message("A", false, "a1")), 1), new TestContext("r1"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(replans).containsExactly("int_a:A:[a1, a2]", "int_a:B:[b1]");
    }

    @Test
    void forcedAndOrdinaryMessagesOfAProduct_areReplannedApart() {
        handler(0).handleRequest(SqsEvents.of(STANDARD_ARN, List.of(message("A", false, "a1"),
                message("A", true, "a2"), message("A", true, "a3")), 1), new TestContext("r1"));

        assertThat(replans).containsExactly("int_a:A:[a1]", "int_a:A:[a2, a3]:force");
    }

    @Test
    void failedReplan_isTriedAgainByTheNextMessageOfTheProduct_andOnlyTheFailedMessageIsRetried() {
        MessageEnvelope first = message("A", false, "a1");
        SQSBatchResponse response = handler(1).handleRequest(SqsEvents.of(STANDARD_ARN, List.of(first,
                message("A", false, "a2")), 1), new TestContext("r1"));

        assertThat(replans).containsExactly("int_a:A:[a1, a2]", "int_a:A:[a1, a2]");
        assertThat(response.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo("m-" + first.id()));
    }

    @Test
    void nextBatch_replansAgain() {
        InventoryPushHandler handler = handler(0);
        handler.handleRequest(SqsEvents.of(STANDARD_ARN, List.of(message("A", false, "a1")), 1), new TestContext("r1"));
        handler.handleRequest(SqsEvents.of(STANDARD_ARN, List.of(message("A", false, "a1")), 1), new TestContext("r2"));

        assertThat(replans).hasSize(2);
    }
}
