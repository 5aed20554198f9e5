package dev.ttsconnector.integration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** {@link AppEventBus} recording events in memory; for tests. Thread-safe. */
public final class InMemoryAppEventBus implements AppEventBus {

    /** One published event. */
    public record Published(String source, String detailType, ObjectNode detail) {
    }

    private final List<Published> published = new ArrayList<>();

    @Override
    public synchronized void publish(String detailType, ObjectNode detail) {
        published.add(new Published(SOURCE, detailType, detail.deepCopy()));
    }

    public synchronized List<Published> published() {
        return List.copyOf(published);
    }

    public synchronized List<Published> published(String detailType) {
        return published.stream().filter(p -> p.detailType().equals(detailType)).toList();
    }
}
