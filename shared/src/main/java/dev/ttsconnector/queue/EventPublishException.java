package dev.ttsconnector.queue;

import java.util.List;
import java.util.Set;

/**
 * Thrown by {@link EventPublisher} when events could not be put on the bus after the retries. Events not
 * listed were published. Retryable unless every failure has a code that a retry cannot fix.
 */
public class EventPublishException extends RuntimeException implements Retryable {

    private static final Set<String> PERMANENT_CODES = Set.of("MalformedDetail", "InvalidArgument",
            "ValidationException", "AccessDeniedException", "NotAuthorizedForSourceException");

    private final List<FailedEntry> failures;

    public EventPublishException(String eventBusName, List<FailedEntry> failures) {
        super(failures.size() + " event(s) not published to bus " + eventBusName + ": " + failures);
        this.failures = List.copyOf(failures);
    }

    public List<FailedEntry> failures() {
        return failures;
    }

    /** Whether an entry that failed with {@code code} is worth sending again. */
    static boolean isRetryableCode(String code) {
        return !PERMANENT_CODES.contains(code);
    }

    @Override
    public boolean retryable() {
        return failures.stream().anyMatch(f -> !f.senderFault());
    }
}
