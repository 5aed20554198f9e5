package dev.ttsconnector.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.health.DeadLetterQueues;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link SqsDeadLetterQueues} against ElasticMQ: visible and in-flight messages both count; bad queues are named. */
@ExtendWith(LocalAwsExtension.class)
class SqsDeadLetterQueuesFunctionalTest {

    @Test
    void depths_countVisibleAndInFlightMessages_andReportAnUnreadableQueueWithoutFailingTheOthers(
            LocalAwsStack stack) {
        String name = "dlq-" + UUID.randomUUID();
        String url = stack.sqs().createQueue(b -> b.queueName(name)).queueUrl();
        for (int i = 0; i < 3; i++) {
            int n = i;
            stack.sqs().sendMessage(b -> b.queueUrl(url).messageBody("poison " + n));
        }
        stack.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1).visibilityTimeout(60));
        String missing = url.substring(0, url.lastIndexOf('/') + 1) + "no-such-queue-" + UUID.randomUUID();

        List<DeadLetterQueues.Depth> depths = SqsDeadLetterQueues.fromList(stack.sqs(), url + ", " + missing)
                .depths();

        assertThat(depths).hasSize(2);
        assertThat(depths.get(0)).isEqualTo(new DeadLetterQueues.Depth(name, 3L, null));
        assertThat(depths.get(1).messages()).isNull();
        assertThat(depths.get(1).error()).startsWith("could not read the queue depth");
    }

    @Test
    void fromList_refusesAnEntryThatIsNotAQueueUrl_namingTheVariable(LocalAwsStack stack) {
        assertThatThrownBy(() -> SqsDeadLetterQueues.fromList(stack.sqs(), "OrderFetchDLQ"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DEAD_LETTER_QUEUE_URLS").hasMessageContaining("OrderFetchDLQ");
        assertThat(SqsDeadLetterQueues.fromList(stack.sqs(), " , ").depths()).isEmpty();
    }
}
