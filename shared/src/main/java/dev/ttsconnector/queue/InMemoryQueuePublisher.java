package dev.ttsconnector.queue;

import dev.ttsconnector.common.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link QueuePublisher} that keeps messages in memory, for unit tests of flows. Like SQS FIFO, a queue whose
 * URL ends in {@code .fifo} silently drops an envelope whose dedupe id it accepted within the last 5 minutes
 * (by the injected clock). Every envelope goes through {@link EnvelopeCodec}, so what tests see is what a
 * consumer would decode. Thread-safe.
 */
public final class InMemoryQueuePublisher implements QueuePublisher {

    static final Duration FIFO_DEDUPE_WINDOW = Duration.ofMinutes(5);

    private final Clock clock;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Map<String, List<MessageEnvelope>> queues = new LinkedHashMap<>();
    private final Map<String, Map<String, Instant>> dedupe = new HashMap<>();
    private int failuresToInject;
    private int duplicatesDropped;

    public InMemoryQueuePublisher(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public InMemoryQueuePublisher() {
        this(Clock.system());
    }

    @Override
    public void send(String queueUrl, MessageEnvelope envelope) {
        sendAll(queueUrl, List.of(envelope));
    }

    @Override
    public synchronized void sendAll(String queueUrl, List<MessageEnvelope> envelopes) {
        Objects.requireNonNull(queueUrl, "queueUrl");
        List<FailedEntry> failures = new ArrayList<>();
        for (MessageEnvelope envelope : envelopes) {
            if (failuresToInject > 0) {
                failuresToInject--;
                failures.add(new FailedEntry(envelope.id(), "InjectedFailure", "failure injected by test", false));
                continue;
            }
            accept(queueUrl, codec.decode(codec.encode(envelope)));
        }
        if (!failures.isEmpty()) {
            throw new QueuePublishException(queueUrl, failures);
        }
    }

    private void accept(String queueUrl, MessageEnvelope envelope) {
        if (QueuePublisher.isFifo(queueUrl)) {
            Instant now = clock.now();
            Map<String, Instant> seen = dedupe.computeIfAbsent(queueUrl, q -> new HashMap<>());
            seen.values().removeIf(at -> !at.plus(FIFO_DEDUPE_WINDOW).isAfter(now));
            if (seen.containsKey(envelope.dedupeId())) {
                duplicatesDropped++;
                return;
            }
            seen.put(envelope.dedupeId(), now);
        }
        queues.computeIfAbsent(queueUrl, q -> new ArrayList<>()).add(envelope);
    }

    /** The next {@code count} envelopes sent fail with a retryable {@link QueuePublishException}. */
    public synchronized void failNext(int count) {
        this.failuresToInject = count;
    }

    /** Envelopes accepted by {@code queueUrl}, oldest first (a copy). */
    public synchronized List<MessageEnvelope> sent(String queueUrl) {
        return List.copyOf(queues.getOrDefault(queueUrl, List.of()));
    }

    /** Removes and returns the envelopes of {@code queueUrl}, oldest first. */
    public synchronized List<MessageEnvelope> drain(String queueUrl) {
        List<MessageEnvelope> drained = queues.remove(queueUrl);
        return drained == null ? List.of() : List.copyOf(drained);
    }

    /** How many envelopes FIFO deduplication dropped. */
    public synchronized int duplicatesDropped() {
        return duplicatesDropped;
    }
}
