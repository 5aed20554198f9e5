package dev.ttsconnector.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

class SqsQueuePublisherTest {

    private static final String STANDARD = "http://127.0.0.1:9324/000000000000/orders";
    private static final String FIFO = "http://127.0.0.1:9324/000000000000/orders.fifo";

    /** Answers each batch call; entry ids listed in the next failure plan fail once. */
    static final class FakeSqs implements SqsClient {
        final List<SendMessageBatchRequest> requests = new ArrayList<>();
        final Deque<Set<String>> failPlan = new ArrayDeque<>();
        boolean senderFault;

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            requests.add(request);
            Set<String> failing = failPlan.isEmpty() ? Set.of() : failPlan.poll();
            List<SendMessageBatchResultEntry> ok = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (SendMessageBatchRequestEntry entry : request.entries()) {
                if (failing.contains(entry.id())) {
                    failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError")
                            .message("try again").senderFault(senderFault).build());
                } else {
                    ok.add(SendMessageBatchResultEntry.builder().id(entry.id()).messageId("sqs-" + entry.id()).build());
                }
            }
            return SendMessageBatchResponse.builder().successful(ok).failed(failed).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    private final FakeSqs sqs = new FakeSqs();
    private final List<Duration> sleeps = new ArrayList<>();
    private final SqsQueuePublisher publisher = new SqsQueuePublisher(sqs, new EnvelopeCodec(),
            new PublishRetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(150), sleeps::add));

    static MessageEnvelope envelope(int n, String groupId) {
        return MessageEnvelope.create("order.upsert", "int-1", Instant.parse("2026-11-27T10:00:00Z"),
                "int-1:o-" + n + ":1", groupId, Json.app().createObjectNode().put("n", n));
    }

    @Test
    void sendAll_25Envelopes_sendsBatchesOf10_10_5() {
        List<MessageEnvelope> envelopes = IntStream.range(0, 25).mapToObj(n -> envelope(n, null)).toList();

        publisher.sendAll(STANDARD, envelopes);

        assertThat(sqs.requests).extracting(r -> r.entries().size()).containsExactly(10, 10, 5);
        assertThat(sqs.requests).allMatch(r -> r.queueUrl().equals(STANDARD));
        EnvelopeCodec codec = new EnvelopeCodec();
        assertThat(sqs.requests.stream().flatMap(r -> r.entries().stream())
                .map(e -> codec.decode(e.messageBody())).toList()).isEqualTo(envelopes);
    }

    @Test
    void send_toFifoQueue_setsGroupAndDedupeIdFromEnvelope() {
        publisher.send(FIFO, envelope(1, "int-1:o-1"));

        SendMessageBatchRequestEntry entry = sqs.requests.getFirst().entries().getFirst();
        assertThat(entry.messageGroupId()).isEqualTo("int-1:o-1");
        assertThat(entry.messageDeduplicationId()).isEqualTo("int-1:o-1:1");
        assertThat(entry.messageAttributes().get("integrationId").stringValue()).isEqualTo("int-1");
        assertThat(entry.messageAttributes().get("type").stringValue()).isEqualTo("order.upsert");
    }

    @Test
    void send_toFifoQueueWithoutGroup_usesIntegrationAsGroup() {
        publisher.send(FIFO, envelope(1, null));

        assertThat(sqs.requests.getFirst().entries().getFirst().messageGroupId()).isEqualTo("int-1");
    }

    @Test
    void send_toStandardQueue_setsNoGroupOrDedupeId() {
        publisher.send(STANDARD, envelope(1, "int-1"));

        SendMessageBatchRequestEntry entry = sqs.requests.getFirst().entries().getFirst();
        assertThat(entry.messageGroupId()).isNull();
        assertThat(entry.messageDeduplicationId()).isNull();
    }

    @Test
    void sendAll_whenSomeEntriesFailOnce_retriesOnlyThoseThenSucceeds() {
        sqs.failPlan.add(Set.of("1", "3"));

        publisher.sendAll(STANDARD, IntStream.range(0, 5).mapToObj(n -> envelope(n, null)).toList());

        assertThat(sqs.requests).hasSize(2);
        assertThat(sqs.requests.get(1).entries()).extracting(SendMessageBatchRequestEntry::id).containsExactly("1", "3");
        assertThat(sleeps).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void sendAll_whenAnEntryKeepsFailing_throwsListingItAfterMaxAttempts() {
        sqs.failPlan.add(Set.of("2"));
        sqs.failPlan.add(Set.of("2"));
        sqs.failPlan.add(Set.of("2"));
        List<MessageEnvelope> envelopes = IntStream.range(0, 4).mapToObj(n -> envelope(n, null)).toList();

        assertThatThrownBy(() -> publisher.sendAll(STANDARD, envelopes))
                .isInstanceOfSatisfying(QueuePublishException.class, e -> {
                    assertThat(e.failures()).extracting(FailedEntry::messageId).containsExactly(envelopes.get(2).id());
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(sqs.requests).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(150));
    }

    @Test
    void sendAll_whenEntryFailsBySenderFault_throwsWithoutRetryAndNotRetryable() {
        sqs.senderFault = true;
        sqs.failPlan.add(Set.of("0"));

        assertThatThrownBy(() -> publisher.sendAll(STANDARD, List.of(envelope(0, null))))
                .isInstanceOfSatisfying(QueuePublishException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(sqs.requests).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void sendAll_emptyList_callsNothing() {
        publisher.sendAll(STANDARD, List.of());

        assertThat(sqs.requests).isEmpty();
    }
}
