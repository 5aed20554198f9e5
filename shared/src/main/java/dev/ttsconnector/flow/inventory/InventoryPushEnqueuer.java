package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.queue.DedupeIdStrategy;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.QueuePublisher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Puts {@link InventoryPushMessage}s on the InventoryPushQueue (FIFO). The message group is
 * {@code <integrationId>#<tiktokProductId>}: pushes of one product run one at a time and in order, so an older value
 * never reaches TikTok after a newer one, while products run in parallel. Every producer (stock change, resync,
 * drift repair, window flush, catalog sync) goes through here, so all pushes share that serialisation.
 */
public final class InventoryPushEnqueuer {

    private final QueuePublisher publisher;
    private final String queueUrl;
    private final Clock clock;

    public InventoryPushEnqueuer(QueuePublisher publisher, String queueUrl, Clock clock) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static String groupId(String integrationId, String tiktokProductId) {
        return DedupeIdStrategy.sqsSafe(integrationId + "#" + tiktokProductId);
    }

    /**
     * One message for an accepted stock change; the dedupe id is the change itself
     * ({@code <integration>:<sku>@<location>:<version>}), so re-sending the same change is dropped by the queue.
     */
    public MessageEnvelope stockChanged(String integrationId, String tiktokProductId, String sku, String locationId,
                                        long version) {
        return MessageEnvelope.create(InventoryPushMessage.TYPE, integrationId, clock.now(),
                DedupeIdStrategy.sqsSafe(integrationId + ":" + sku + "@" + locationId + ":" + version),
                groupId(integrationId, tiktokProductId),
                new InventoryPushMessage(tiktokProductId, List.of(sku), false));
    }

    /**
     * Messages for whole products: one per product of {@code skusByProduct}. {@code runId} names the run (a resync
     * request, a reconciliation, a flush) so that its messages are distinct from another run's.
     */
    public List<MessageEnvelope> products(String integrationId, Map<String, ? extends Collection<String>> skusByProduct,
                                          boolean force, String runId) {
        List<MessageEnvelope> out = new ArrayList<>();
        new TreeMap<>(skusByProduct).forEach((product, skus) -> out.add(MessageEnvelope.create(
                InventoryPushMessage.TYPE, integrationId, clock.now(),
                DedupeIdStrategy.sqsSafe(integrationId + ":" + product + ":" + runId),
                groupId(integrationId, product),
                new InventoryPushMessage(product, List.copyOf(new TreeSet<>(skus)), force))));
        return out;
    }

    public void send(List<MessageEnvelope> envelopes) {
        publisher.sendAll(queueUrl, envelopes);
    }

    public String queueUrl() {
        return queueUrl;
    }
}
