package dev.ttsconnector.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ttsconnector.common.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * {@link EventPublisher} on Amazon EventBridge {@code PutEvents}: batches of at most 10 entries and 256 KiB.
 * Entries the bus reports as failed are retried per {@link PublishRetryPolicy} (codes that cannot pass on a
 * retry, such as {@code MalformedDetail}, are not); what still fails is thrown as {@link EventPublishException}.
 *
 * <p>The event {@code source} is {@value EventPublisher#SOURCE} unless the publisher is built with another one:
 * rules match on it, e.g. template.yaml's {@code ResyncRequestedRule} routes only {@code source
 * tts-connector.api}, so the API's publisher must be built with that source.
 */
public final class EventBridgeEventPublisher implements EventPublisher {

    static final int MAX_BATCH_ENTRIES = 10;
    static final int MAX_BATCH_BYTES = 256 * 1024;

    private final EventBridgeClient events;
    private final String eventBusName;
    private final String source;
    private final PublishRetryPolicy retry;

    /**
     * @param source the {@code source} of every event this publisher puts (what bus rules match on)
     */
    public EventBridgeEventPublisher(EventBridgeClient events, String eventBusName, String source,
                                     PublishRetryPolicy retry) {
        this.events = Objects.requireNonNull(events, "events");
        if (eventBusName == null || eventBusName.isBlank()) {
            throw new IllegalArgumentException("eventBusName is required");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source is required");
        }
        this.eventBusName = eventBusName;
        this.source = source;
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    public EventBridgeEventPublisher(EventBridgeClient events, String eventBusName, PublishRetryPolicy retry) {
        this(events, eventBusName, SOURCE, retry);
    }

    public EventBridgeEventPublisher(EventBridgeClient events, String eventBusName) {
        this(events, eventBusName, PublishRetryPolicy.defaults());
    }

    @Override
    public void publishAll(List<AppEvent> appEvents) {
        List<Pending> pending = new ArrayList<>(appEvents.size());
        for (AppEvent event : appEvents) {
            pending.add(new Pending(event, detailJson(event)));
        }
        List<FailedEntry> failures = new ArrayList<>();
        for (List<Pending> batch : Batches.split(pending, MAX_BATCH_ENTRIES, MAX_BATCH_BYTES, p -> p.bytes(source))) {
            failures.addAll(putBatch(batch));
        }
        if (!failures.isEmpty()) {
            throw new EventPublishException(eventBusName, failures);
        }
    }

    private List<FailedEntry> putBatch(List<Pending> batch) {
        List<Pending> open = new ArrayList<>(batch);
        List<FailedEntry> finalFailures = new ArrayList<>();
        for (int attempt = 1; !open.isEmpty(); attempt++) {
            if (attempt > 1) {
                retry.pause(attempt);
            }
            List<PutEventsRequestEntry> entries = open.stream().map(this::entry).toList();
            PutEventsResponse response = events.putEvents(b -> b.entries(entries));
            List<PutEventsResultEntry> results = response.entries();
            List<Pending> again = new ArrayList<>();
            // PutEvents answers one result per request entry, in request order.
            for (int i = 0; i < open.size(); i++) {
                PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
                if (result != null && result.errorCode() == null) {
                    continue;
                }
                String code = result == null ? "MissingResult" : result.errorCode();
                String message = result == null ? "no result entry returned" : result.errorMessage();
                boolean retryable = EventPublishException.isRetryableCode(code);
                if (retryable && attempt < retry.maxAttempts()) {
                    again.add(open.get(i));
                } else {
                    finalFailures.add(new FailedEntry(open.get(i).event().detailType() + "@"
                            + open.get(i).event().integrationId(), code, message, !retryable));
                }
            }
            open = again;
        }
        return finalFailures;
    }

    private PutEventsRequestEntry entry(Pending p) {
        return PutEventsRequestEntry.builder()
                .eventBusName(eventBusName)
                .source(source)
                .detailType(p.event().detailType())
                .detail(p.detail())
                .build();
    }

    private static String detailJson(AppEvent event) {
        try {
            return Json.app().writeValueAsString(EventPublisher.detailOf(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("detail of event '" + event.detailType() + "' is not serialisable", e);
        }
    }

    private record Pending(AppEvent event, String detail) {
        int bytes(String source) {
            // PutEvents counts source, detail type and detail toward the entry size.
            return (source + event.detailType() + detail).getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
