package dev.ttsconnector.queue;

import java.util.List;

/**
 * Thrown by {@link QueuePublisher} when entries could not be sent after the retries. Entries not listed were
 * sent. Retryable unless every failure was the sender's fault (e.g. a message over the size limit).
 */
public class QueuePublishException extends RuntimeException implements Retryable {

    private final List<FailedEntry> failures;

    public QueuePublishException(String queueUrl, List<FailedEntry> failures) {
        super(failures.size() + " message(s) not sent to " + queueUrl + ": " + failures);
        this.failures = List.copyOf(failures);
    }

    public List<FailedEntry> failures() {
        return failures;
    }

    @Override
    public boolean retryable() {
        return failures.stream().anyMatch(f -> !f.senderFault());
    }
}
