package dev.ttsconnector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** Lambda's reading of a partial batch response, as the benchmark's event source mappings apply it. */
class QueueDriverTest {

    private final List<Message> batch = List.of(Message.builder().messageId("m1").build(),
            Message.builder().messageId("m2").build());

    @Test
    void batchItemFailures_listedIds_areTheOnlyFailures() {
        assertThat(QueueDriver.batchItemFailures("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}", batch))
                .containsExactly("m2");
    }

    @Test
    void batchItemFailures_emptyOrNullResponse_meansAllSucceeded() {
        assertThat(QueueDriver.batchItemFailures(null, batch)).isEmpty();
        assertThat(QueueDriver.batchItemFailures("{\"batchItemFailures\":[]}", batch)).isEmpty();
    }

    @Test
    void batchItemFailures_unknownIdOrUnreadableResponse_failsTheWholeBatch() {
        assertThat(QueueDriver.batchItemFailures("{\"batchItemFailures\":[{\"itemIdentifier\":\"zz\"}]}", batch))
                .containsExactlyInAnyOrder("m1", "m2");
        assertThat(QueueDriver.batchItemFailures("not json", batch)).containsExactlyInAnyOrder("m1", "m2");
    }
}
