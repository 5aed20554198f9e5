package dev.ttsconnector.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryQueuePublisherTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryQueuePublisher publisher = new InMemoryQueuePublisher(clock);

    @Test
    void fifoQueue_dropsSameDedupeIdWithinFiveMinutes_acceptsItAfter() {
        MessageEnvelope first = SqsQueuePublisherTest.envelope(1, null);
        MessageEnvelope repeat = SqsQueuePublisherTest.envelope(1, null);

        publisher.send("q.fifo", first);
        clock.advance(Duration.ofMinutes(4));
        publisher.send("q.fifo", repeat);
        assertThat(publisher.sent("q.fifo")).containsExactly(first);
        assertThat(publisher.duplicatesDropped()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        publisher.send("q.fifo", repeat);
        assertThat(publisher.sent("q.fifo")).containsExactly(first, repeat);
    }

    @Test
    void standardQueue_keepsDuplicates() {
        MessageEnvelope envelope = SqsQueuePublisherTest.envelope(1, null);

        publisher.sendAll("q", List.of(envelope, envelope));

        assertThat(publisher.sent("q")).hasSize(2);
    }

    @Test
    void failNext_failsThatManyEnvelopes_thenDeliversAgain() {
        publisher.failNext(1);
        MessageEnvelope a = SqsQueuePublisherTest.envelope(1, null);
        MessageEnvelope b = SqsQueuePublisherTest.envelope(2, null);

        assertThatThrownBy(() -> publisher.sendAll("q", List.of(a, b)))
                .isInstanceOfSatisfying(QueuePublishException.class,
                        e -> assertThat(e.failures()).extracting(FailedEntry::messageId).containsExactly(a.id()));
        assertThat(publisher.drain("q")).containsExactly(b);
        assertThat(publisher.sent("q")).isEmpty();
    }
}
