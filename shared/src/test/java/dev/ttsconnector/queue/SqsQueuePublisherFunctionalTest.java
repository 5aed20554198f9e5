package dev.ttsconnector.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@link SqsQueuePublisher} against ElasticMQ with the queues of template.yaml: redrive to the dead-letter queue
 * named by each queue's RedrivePolicy after maxReceiveCount receives, and FIFO group ids, order across batches
 * and deduplication of a repeated business change.
 */
@ExtendWith(LocalAwsExtension.class)
class SqsQueuePublisherFunctionalTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private SqsClient sqs;
    private SqsQueuePublisher publisher;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private String integrationId;

    @BeforeEach
    void setUp(LocalAwsStack stack) {
        sqs = stack.sqs();
        publisher = new SqsQueuePublisher(sqs);
        integrationId = "it-" + UUID.randomUUID();
    }

    private MessageEnvelope envelope(String entityId, String version, String groupId) {
        return MessageEnvelope.create("order.fetch", integrationId, T0,
                DedupeIdStrategy.entityVersion().dedupeId(integrationId, entityId, version), groupId,
                Map.of("orderId", entityId, "updateTime", version));
    }

    @Test
    void standardQueue_messageReceivedMaxReceiveCountTimes_movesToTheDeadLetterQueueOfItsRedrivePolicy(
            LocalAwsStack stack) throws Exception {
        assertMovedToDeadLetterQueue(stack, stack.queueUrl("ProductSyncQueue"), envelope("p-1", "1", null));
    }

    @Test
    void fifoQueue_messageReceivedMaxReceiveCountTimes_movesToTheDeadLetterQueueOfItsRedrivePolicy(
            LocalAwsStack stack) throws Exception {
        assertMovedToDeadLetterQueue(stack, stack.queueUrl("InventoryPushQueue"), envelope("sku-1", "1", null));
    }

    private void assertMovedToDeadLetterQueue(LocalAwsStack stack, String queueUrl, MessageEnvelope sent)
            throws Exception {
        JsonNode redrive = Json.app().readTree(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY));
        int maxReceiveCount = redrive.get("maxReceiveCount").asInt();
        String dlqArn = redrive.get("deadLetterTargetArn").asText();
        String dlqUrl = sqs.getQueueUrl(b -> b.queueName(dlqArn.substring(dlqArn.lastIndexOf(':') + 1))).queueUrl();
        assertThat(maxReceiveCount).as("template maxReceiveCount").isGreaterThanOrEqualTo(5);

        publisher.send(queueUrl, sent);

        for (int receive = 1; receive <= maxReceiveCount; receive++) {
            // Visibility 0: a failed consumer that never deletes, each receive counts toward maxReceiveCount.
            List<Message> mine = receiveMine(queueUrl, 0);
            assertThat(mine).as("receive %d of %d", receive, maxReceiveCount).hasSize(1);
            assertThat(codec.decode(mine.get(0).body())).isEqualTo(sent);
        }
        assertThat(receiveMine(queueUrl, 0)).as("source queue after maxReceiveCount").isEmpty();

        List<Message> dead = receiveMine(dlqUrl, 30);
        assertThat(dead).hasSize(1);
        assertThat(codec.decode(dead.get(0).body())).isEqualTo(sent);
        assertThat(dead.get(0).messageAttributes().get("type").stringValue()).isEqualTo("order.fetch");
        dead.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(dlqUrl).receiptHandle(m.receiptHandle())));
    }

    /** This test's messages from one receive (long poll up to 2 s); others' messages are left alone. */
    private List<Message> receiveMine(String queueUrl, int visibilitySeconds) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2)
                        .visibilityTimeout(visibilitySeconds).messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID,
                                MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .messages().stream()
                .filter(m -> m.messageAttributes().containsKey("integrationId")
                        && integrationId.equals(m.messageAttributes().get("integrationId").stringValue()))
                .toList();
    }

    /** Receives and deletes this test's messages until {@code expected} arrived and one more poll finds nothing. */
    private List<Message> drain(String queueUrl, int expected) {
        List<Message> all = new ArrayList<>();
        for (int polls = 0; polls < 20; polls++) {
            List<Message> batch = receiveMine(queueUrl, 30);
            batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            all.addAll(batch);
            if (batch.isEmpty() && all.size() >= expected) {
                break;
            }
        }
        return all;
    }

    @Test
    void fifo_groupIdIsTheEnvelopesGroup_orTheIntegrationWhenItHasNone(LocalAwsStack stack) {
        String queue = stack.queueUrl("OrderPullQueue");
        MessageEnvelope grouped = envelope("o-1", "1", "group-" + integrationId);
        MessageEnvelope ungrouped = envelope("o-2", "1", null);

        publisher.sendAll(queue, List.of(grouped, ungrouped));

        List<Message> received = drain(queue, 2);
        assertThat(received).extracting(m -> codec.decode(m.body()).id(), m -> m.attributes()
                        .get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(grouped.id(), "group-" + integrationId),
                        org.assertj.core.groups.Tuple.tuple(ungrouped.id(), integrationId));
        assertThat(received).extracting(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .containsExactlyInAnyOrder(grouped.dedupeId(), ungrouped.dedupeId());
    }

    @Test
    void fifo_sameBusinessChangeSentTwiceWithinTheWindow_isDeliveredOnce_aNewVersionIsNot(LocalAwsStack stack) {
        String queue = stack.queueUrl("OrderPullQueue");
        MessageEnvelope first = envelope("o-9", "1700000000", null);
        // A re-created envelope (new message id) for the same change: a duplicated webhook or overlapping pull.
        MessageEnvelope repeat = envelope("o-9", "1700000000", null);
        MessageEnvelope newer = envelope("o-9", "1700000060", null);

        publisher.send(queue, first);
        publisher.send(queue, repeat);
        publisher.sendAll(queue, List.of(first, newer));

        assertThat(drain(queue, 2)).extracting(m -> codec.decode(m.body()))
                .containsExactly(first, newer);
    }

    @Test
    void fifo_dedupeIdsLongerThanSqsAllows_areHashed_andStayDistinct(LocalAwsStack stack) {
        String queue = stack.queueUrl("OrderPullQueue");
        String longEntity = "x".repeat(200);
        MessageEnvelope a = envelope(longEntity + "-a", "1", null);
        MessageEnvelope b = envelope(longEntity + "-b", "1", null);

        publisher.sendAll(queue, List.of(a, b, a));

        List<Message> received = drain(queue, 2);
        assertThat(received).extracting(m -> codec.decode(m.body()).id()).containsExactly(a.id(), b.id());
        assertThat(received).allSatisfy(m -> assertThat(
                m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)).hasSizeLessThanOrEqualTo(128));
    }

    @Test
    void fifo_moreMessagesThanOneBatch_arriveInSendOrderWithinTheirGroup(LocalAwsStack stack) {
        String queue = stack.queueUrl("InventoryPushQueue");
        List<MessageEnvelope> sent = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            sent.add(envelope("sku-7", Integer.toString(i), null));
        }

        publisher.sendAll(queue, sent);

        assertThat(drain(queue, sent.size())).extracting(m -> codec.decode(m.body())).containsExactlyElementsOf(sent);
    }

    @Test
    void standardQueue_carriesTypeAndIntegrationAttributes_andNoFifoIds(LocalAwsStack stack) {
        String queue = stack.queueUrl("WebhookQueue");
        MessageEnvelope sent = envelope("o-5", "1", null);

        publisher.send(queue, sent);

        List<Message> received = drain(queue, 1);
        assertThat(received).hasSize(1);
        assertThat(codec.decode(received.get(0).body())).isEqualTo(sent);
        assertThat(received.get(0).messageAttributes().get("type").stringValue()).isEqualTo("order.fetch");
        assertThat(received.get(0).attributes()).doesNotContainKey(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    }
}
