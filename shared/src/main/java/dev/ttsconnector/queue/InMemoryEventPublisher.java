package dev.ttsconnector.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EventPublisher} that records events in memory, for unit tests. The detail is built exactly as the
 * EventBridge publisher builds it. Thread-safe.
 */
public final class InMemoryEventPublisher implements EventPublisher {

    /** An event as the bus would have received it. */
    public record PublishedEvent(String source, String detailType, String integrationId, ObjectNode detail) {
    }

    private final List<PublishedEvent> published = new ArrayList<>();

    @Override
    public synchronized void publishAll(List<AppEvent> events) {
        List<PublishedEvent> built = new ArrayList<>();
        for (AppEvent event : events) {
            built.add(new PublishedEvent(SOURCE, event.detailType(), event.integrationId(),
                    EventPublisher.detailOf(event)));
        }
        published.addAll(built);
    }

    /** Everything published so far, oldest first (a copy). */
    public synchronized List<PublishedEvent> published() {
        return List.copyOf(published);
    }

    /** Published events of one detail type, oldest first. */
    public synchronized List<PublishedEvent> published(String detailType) {
        return published.stream().filter(e -> e.detailType().equals(detailType)).toList();
    }
}
