package dev.ttsconnector.queue;

import java.util.List;

/**
 * Sends envelopes to a queue. On a FIFO queue (URL ends in {@code .fifo}) the envelope's {@code groupId} and
 * {@code dedupeId} become the message group and deduplication id, so a repeat of the same business change
 * within the queue's window is dropped by the queue.
 *
 * <p>Contract: when a call returns, every envelope was accepted by the queue. Entries the queue refuses are
 * retried; what still fails is thrown as a {@link QueuePublishException} listing exactly those entries
 * (callers must then not advance cursors past them). Sending the same envelope again is safe: dedupe ids
 * and idempotent consumers make the repeat harmless.
 */
public interface QueuePublisher {

    void send(String queueUrl, MessageEnvelope envelope);

    /** Sends in batches of at most 10 (the SQS limit); an empty list is a no-op. */
    void sendAll(String queueUrl, List<MessageEnvelope> envelopes);

    /** Whether {@code queueUrl} names a FIFO queue. */
    static boolean isFifo(String queueUrl) {
        return queueUrl != null && queueUrl.endsWith(".fifo");
    }
}
