package dev.ttsconnector.app.exceptions;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.queue.DedupeIdStrategy;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.EnvelopeDecodingException;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.QueuePublisher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replays parked items: sends the stored envelope again to the queue it came from, then marks the item
 * REPLAYED. Only OPEN items are replayed; anything else is refused with a message saying why.
 *
 * <p>The send happens before the status change, so a crash in between leaves the item OPEN (a second replay
 * sends a duplicate, which idempotent consumers absorb) and never marks an item REPLAYED that was not sent.
 * The replayed message gets a fresh dedupe id ({@code <original>:replay:<epoch millis>}): a FIFO queue would
 * otherwise drop it silently as a repeat if the original was sent less than 5 minutes ago.
 */
public final class ReplayService {

    private final ParkedItemStore store;
    private final QueuePublisher publisher;
    private final EnvelopeCodec codec;
    private final Clock clock;

    /** Outcome of {@link #replayAll}: items replayed, and for each refused id the reason. */
    public record ReplayResult(List<ParkedItem> replayed, Map<String, String> refused) {
        public ReplayResult {
            replayed = List.copyOf(replayed);
            refused = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(refused));
        }
    }

    public ReplayService(ParkedItemStore store, QueuePublisher publisher, EnvelopeCodec codec, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Replays one item and returns it as REPLAYED.
     *
     * @throws ParkedItemNotFoundException if the integration has no such item
     * @throws ParkedItemStateException    if it is not OPEN, has no source queue, or holds no decodable envelope
     *                                     of this integration
     * @throws dev.ttsconnector.queue.QueuePublishException if the queue refused the message (item stays OPEN)
     */
    public ParkedItem replay(String integrationId, String id) {
        ParkedItem item = store.get(integrationId, id)
                .orElseThrow(() -> new ParkedItemNotFoundException(integrationId, id));
        if (item.status() != ParkedItemStatus.OPEN) {
            throw new ParkedItemStateException("parked item '" + id + "' is " + item.status()
                    + "; only OPEN items can be replayed");
        }
        if (item.sourceQueue() == null || item.sourceQueue().isBlank()) {
            throw new ParkedItemStateException("parked item '" + id + "' has no source queue to replay to");
        }
        MessageEnvelope envelope;
        try {
            envelope = codec.decode(item.envelopeJson());
        } catch (EnvelopeDecodingException e) {
            throw new ParkedItemStateException("parked item '" + id + "' holds no decodable envelope ("
                    + e.getMessage() + "); it cannot be replayed: fix the producer and resolve the item");
        }
        if (!envelope.integrationId().equals(integrationId)) {
            throw new ParkedItemStateException("parked item '" + id + "' holds a message of integration '"
                    + envelope.integrationId() + "', not '" + integrationId + "'; it cannot be replayed here");
        }
        String dedupeId = DedupeIdStrategy.sqsSafe(envelope.dedupeId() + ":replay:" + clock.now().toEpochMilli());
        publisher.send(item.sourceQueue(), envelope.withDedupeId(dedupeId));
        return store.markReplayed(integrationId, id);
    }

    /** Replays each id in turn; one refusal or failure does not stop the others. */
    public ReplayResult replayAll(String integrationId, List<String> ids) {
        List<ParkedItem> replayed = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                replayed.add(replay(integrationId, id));
            } catch (RuntimeException e) {
                refused.put(id, e.getMessage());
            }
        }
        return new ReplayResult(replayed, refused);
    }
}
