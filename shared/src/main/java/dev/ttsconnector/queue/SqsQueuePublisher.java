package dev.ttsconnector.queue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@link QueuePublisher} on Amazon SQS with {@code SendMessageBatch}. Batches hold at most 10 entries and
 * 256 KiB of bodies (SQS limits). Entries SQS reports as failed are retried per {@link PublishRetryPolicy}
 * unless SQS marks them as the sender's fault; whole-call errors are the SDK client's to retry and propagate
 * as SDK exceptions. Each message carries the attributes {@code type} and {@code integrationId} so a body that
 * cannot be decoded can still be attributed to its tenant.
 */
public final class SqsQueuePublisher implements QueuePublisher {

    static final int MAX_BATCH_ENTRIES = 10;
    static final int MAX_BATCH_BYTES = 256 * 1024;

    private final SqsClient sqs;
    private final EnvelopeCodec codec;
    private final PublishRetryPolicy retry;

    public SqsQueuePublisher(SqsClient sqs, EnvelopeCodec codec, PublishRetryPolicy retry) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    public SqsQueuePublisher(SqsClient sqs) {
        this(sqs, new EnvelopeCodec(), PublishRetryPolicy.defaults());
    }

    @Override
    public void send(String queueUrl, MessageEnvelope envelope) {
        sendAll(queueUrl, List.of(envelope));
    }

    @Override
    public void sendAll(String queueUrl, List<MessageEnvelope> envelopes) {
        Objects.requireNonNull(queueUrl, "queueUrl");
        boolean fifo = QueuePublisher.isFifo(queueUrl);
        List<Pending> pending = new ArrayList<>(envelopes.size());
        for (MessageEnvelope envelope : envelopes) {
            pending.add(new Pending(envelope, codec.encode(envelope)));
        }
        List<FailedEntry> failures = new ArrayList<>();
        for (List<Pending> batch : Batches.split(pending, MAX_BATCH_ENTRIES, MAX_BATCH_BYTES, Pending::bytes)) {
            failures.addAll(sendBatch(queueUrl, fifo, batch));
        }
        if (!failures.isEmpty()) {
            throw new QueuePublishException(queueUrl, failures);
        }
    }

    private List<FailedEntry> sendBatch(String queueUrl, boolean fifo, List<Pending> batch) {
        // Entry ids only need to be unique within one request; the index keeps them short and valid.
        Map<String, Pending> open = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            open.put(Integer.toString(i), batch.get(i));
        }
        List<FailedEntry> finalFailures = new ArrayList<>();
        for (int attempt = 1; !open.isEmpty(); attempt++) {
            if (attempt > 1) {
                retry.pause(attempt);
            }
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            open.forEach((entryId, p) -> entries.add(entry(entryId, p, fifo)));
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            response.successful().forEach(ok -> open.remove(ok.id()));
            for (BatchResultErrorEntry error : response.failed()) {
                Pending p = open.get(error.id());
                if (p == null) {
                    continue;
                }
                boolean senderFault = Boolean.TRUE.equals(error.senderFault());
                if (senderFault || attempt >= retry.maxAttempts()) {
                    open.remove(error.id());
                    finalFailures.add(new FailedEntry(p.envelope().id(), error.code(), error.message(), senderFault));
                }
            }
        }
        return finalFailures;
    }

    private static SendMessageBatchRequestEntry entry(String entryId, Pending p, boolean fifo) {
        MessageEnvelope envelope = p.envelope();
        SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
                .id(entryId)
                .messageBody(p.body())
                .messageAttributes(Map.of(
                        "type", stringAttribute(envelope.type()),
                        "integrationId", stringAttribute(envelope.integrationId())));
        if (fifo) {
            // A FIFO queue needs a group; without an explicit one the integration is the unit of order.
            String group = envelope.groupId() != null ? envelope.groupId() : envelope.integrationId();
            entry.messageGroupId(DedupeIdStrategy.sqsSafe(group))
                    .messageDeduplicationId(DedupeIdStrategy.sqsSafe(envelope.dedupeId()));
        }
        return entry.build();
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private record Pending(MessageEnvelope envelope, String body) {
        int bytes() {
            return body.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
