package dev.ttsconnector.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** Lambda's reading of an SQS partial batch response. */
class SqsEventSourceTest {

    private final List<Message> batch = List.of(Message.builder().messageId("a").build(), Message.builder().messageId("b").build());

    @Test
    void batchItemFailures_listedIds_areKept() {
        assertThat(SqsEventSource.batchItemFailures("{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"}]}", batch)).containsExactly("b");
    }

    @Test
    void batchItemFailures_emptyListNullOrNoResponse_keepNothing() {
        assertThat(SqsEventSource.batchItemFailures("{\"batchItemFailures\":[]}", batch)).isEmpty();
        assertThat(SqsEventSource.batchItemFailures("{\"batchItemFailures\":null}", batch)).isEmpty();
        assertThat(SqsEventSource.batchItemFailures(null, batch)).isEmpty();
    }

    @Test
    void batchItemFailures_emptyOrUnknownIdentifierOrUnreadableResponse_failTheWholeBatch() {
        assertThat(SqsEventSource.batchItemFailures("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}", batch)).isEqualTo(Set.of("a", "b"));
        assertThat(SqsEventSource.batchItemFailures("{\"batchItemFailures\":[{\"itemIdentifier\":\"zzz\"}]}", batch)).isEqualTo(Set.of("a", "b"));
        assertThat(SqsEventSource.batchItemFailures("not json", batch)).isEqualTo(Set.of("a", "b"));
        assertThat(SqsEventSource.batchItemFailures("{\"batchItemFailures\":\"b\"}", batch)).isEqualTo(Set.of("a", "b"));
    }
}
