package dev.ttsconnector.flow.fulfillments;

import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.queue.DedupeIdStrategy;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.MessageGroupStrategy;
import dev.ttsconnector.queue.QueuePublisher;
import java.util.Objects;

/**
 * Puts fulfillments on FulfillmentPushQueue (FIFO). Group = integration + TikTok order, so the pushes of one order
 * run one at a time and in order while orders run in parallel. Dedupe id = integration + fulfillment + record
 * version: a repeat of one request is dropped, a correction (a new version) is a new message.
 */
public final class FulfillmentQueue {

    private static final DedupeIdStrategy DEDUPE = DedupeIdStrategy.entityVersion();
    private static final MessageGroupStrategy GROUP = MessageGroupStrategy.perEntity();

    private final QueuePublisher publisher;
    private final String queueUrl;
    private final Clock clock;

    public FulfillmentQueue(QueuePublisher publisher, String queueUrl, Clock clock) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Enqueues a push of {@code stored} (as stored, i.e. with its current version). */
    public void enqueue(Fulfillment stored) {
        MessageEnvelope envelope = MessageEnvelope.create(FulfillmentPushMessage.TYPE, stored.integrationId(),
                clock.now(), DEDUPE.dedupeId(stored.integrationId(), stored.id(), "v" + stored.version()),
                GROUP.groupId(stored.integrationId(), stored.tiktokOrderId()),
                new FulfillmentPushMessage(stored.tiktokOrderId(), stored.id()));
        publisher.send(queueUrl, envelope);
    }

    public String queueUrl() {
        return queueUrl;
    }
}
