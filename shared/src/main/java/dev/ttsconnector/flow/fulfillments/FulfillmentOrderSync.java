package dev.ttsconnector.flow.fulfillments;

import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.app.fulfillments.FulfillmentState;
import dev.ttsconnector.app.fulfillments.FulfillmentStore;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.VersionConflictException;
import java.util.Objects;

/**
 * Brings an order's fulfillments up to date after the app order changed (the ingest applied a newer TikTok
 * version, e.g. after a PACKAGE_UPDATE or ORDER_STATUS_CHANGE webhook or the pull). Call it after every order
 * write; it is idempotent and cheap (one query of the order's partition).
 * <ul>
 *   <li>Fulfillments deferred because the order was on hold are queued again once the order is no longer
 *       {@code onHold} (TikTok releases on-hold orders after about an hour, product doc "Pull Orders in On Hold
 *       status").</li>
 *   <li>Posted fulfillments record the order's delivery progress as TikTok reports it:
 *       {@code fulfilled} → {@code inTransit} → {@code delivered} ({@code completed} counts as delivered).</li>
 * </ul>
 */
public final class FulfillmentOrderSync {

    /** What a sync did. */
    public record Result(int requeued, int trackingUpdated) {
    }

    private final FulfillmentStore fulfillments;
    private final FulfillmentQueue queue;
    private final Clock clock;

    public FulfillmentOrderSync(FulfillmentStore fulfillments, FulfillmentQueue queue, Clock clock) {
        this.fulfillments = Objects.requireNonNull(fulfillments, "fulfillments");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Result onOrderChanged(AppOrder order) {
        int requeued = 0;
        int updated = 0;
        String tracking = trackingStatus(order.status());
        for (Fulfillment f : fulfillments.listForOrder(order.integrationId(), order.tiktokOrderId())) {
            if (f.state() == FulfillmentState.PENDING && Fulfillment.DEFERRED_ON_HOLD.equals(f.errorCode())
                    && order.status() != AppOrderStatus.ON_HOLD) {
                queue.enqueue(f);
                requeued++;
            } else if (f.state() == FulfillmentState.POSTED && tracking != null
                    && !tracking.equals(f.trackingStatus())) {
                try {
                    fulfillments.replace(f.withTrackingStatus(tracking, clock.now()));
                    updated++;
                } catch (VersionConflictException raced) {
                    // Changed meanwhile (a correction was queued); the next order change brings it up to date.
                }
            }
        }
        return new Result(requeued, updated);
    }

    /** App order status → the delivery progress shown on posted fulfillments; null for statuses before shipping. */
    static String trackingStatus(AppOrderStatus status) {
        return switch (status) {
            case FULFILLED -> AppOrderStatus.FULFILLED.value();
            case IN_TRANSIT -> AppOrderStatus.IN_TRANSIT.value();
            case DELIVERED, COMPLETED -> AppOrderStatus.DELIVERED.value();
            default -> null;
        };
    }
}
