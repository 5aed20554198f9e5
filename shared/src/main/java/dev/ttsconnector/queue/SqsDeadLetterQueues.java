package dev.ttsconnector.queue;

import dev.ttsconnector.health.DeadLetterQueues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@link DeadLetterQueues} read with SQS {@code GetQueueAttributes}: depth = ApproximateNumberOfMessages +
 * ApproximateNumberOfMessagesNotVisible (a message being redriven still counts). The values are approximate
 * (SQS documents them as eventually consistent). A queue that cannot be read is reported with the reason, not
 * thrown, so one missing permission does not hide the other queues.
 */
public final class SqsDeadLetterQueues implements DeadLetterQueues {

    private final SqsClient sqs;
    private final List<String> queueUrls;

    public SqsDeadLetterQueues(SqsClient sqs, List<String> queueUrls) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrls = List.copyOf(queueUrls);
    }

    /**
     * From a comma-separated list of queue URLs (the {@code DEAD_LETTER_QUEUE_URLS} variable); blank entries are
     * ignored.
     *
     * @throws IllegalArgumentException naming the entry that is not an http(s) queue URL
     */
    public static SqsDeadLetterQueues fromList(SqsClient sqs, String commaSeparatedUrls) {
        List<String> urls = commaSeparatedUrls == null ? List.of() : Arrays.stream(commaSeparatedUrls.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String url : urls) {
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw new IllegalArgumentException("DEAD_LETTER_QUEUE_URLS: '" + url + "' is not a queue URL");
            }
        }
        return new SqsDeadLetterQueues(sqs, urls);
    }

    @Override
    public List<Depth> depths() {
        List<Depth> depths = new ArrayList<>(queueUrls.size());
        for (String url : queueUrls) {
            String name = url.substring(url.lastIndexOf('/') + 1);
            try {
                Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                long messages = parse(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                        + parse(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
                depths.add(new Depth(name, messages, null));
            } catch (SdkException | NumberFormatException e) {
                depths.add(new Depth(name, null, "could not read the queue depth: " + e.getMessage()));
            }
        }
        return depths;
    }

    private static long parse(String value) {
        return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
    }
}
