package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.queue.DedupeIdStrategy;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.QueuePublisher;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Handles a {@code ResyncRequested} event (detail {@code {integrationId, flow, skus?}}) from the app bus:
 * <ul>
 *   <li>{@code inventory}: a forced full snapshot (all mapped SKUs, or {@code skus});</li>
 *   <li>{@code products}: the products pull (catalog matching), which queues pushes for new matches;</li>
 *   <li>{@code orders}: one {@value #ORDER_BACKFILL_TYPE} job on the OrderPullQueue (FIFO group = integration id);
 *       its payload is {@code {"reason": "resync"}} and the orders puller decides the back-fill window.</li>
 * </ul>
 * {@code runId} (the event id) makes a redelivered event produce the same dedupe ids, so the FIFO queues drop it.
 */
public final class ResyncService {

    public static final String ORDER_BACKFILL_TYPE = "order.backfill";

    private final InventoryResyncService inventory;
    private final CatalogSyncService catalog;
    private final QueuePublisher publisher;
    private final String orderPullQueueUrl;
    private final Clock clock;

    public ResyncService(InventoryResyncService inventory, CatalogSyncService catalog, QueuePublisher publisher,
                         String orderPullQueueUrl, Clock clock) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.orderPullQueueUrl = Objects.requireNonNull(orderPullQueueUrl, "orderPullQueueUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The event's {@code detail}. */
    public record ResyncRequest(String integrationId, String flow, List<String> skus) {

        public ResyncRequest {
            if (integrationId == null || integrationId.isBlank()) {
                throw new IllegalArgumentException("integrationId: must not be blank");
            }
            if (flow == null || !List.of("inventory", "products", "orders").contains(flow)) {
                throw new IllegalArgumentException("flow: must be inventory, products or orders, was " + flow);
            }
            skus = skus == null ? List.of() : List.copyOf(skus);
        }
    }

    public void handle(ResyncRequest request, String runId) {
        switch (request.flow()) {
            case "inventory" -> inventory.resync(request.integrationId(), request.skus(), runId);
            case "products" -> catalog.sync(request.integrationId());
            case "orders" -> publisher.send(orderPullQueueUrl, MessageEnvelope.create(ORDER_BACKFILL_TYPE,
                    request.integrationId(), clock.now(),
                    DedupeIdStrategy.sqsSafe(request.integrationId() + ":backfill:" + runId),
                    DedupeIdStrategy.sqsSafe(request.integrationId()), Map.of("reason", "resync")));
            default -> throw new IllegalArgumentException("flow: unsupported " + request.flow());
        }
    }
}
