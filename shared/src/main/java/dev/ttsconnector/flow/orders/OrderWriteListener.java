package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.orders.AppOrder;

/**
 * Told after an ingested TikTok order version was written to the app (created or updated), e.g. to send the buyer
 * message of a new order or to re-queue fulfillments an on-hold order was holding back. Called once per write, after
 * the write; a listener must not throw for business reasons (it parks its own failures). Other failures are parked by
 * {@link OrderIngestService} and replayed with {@link OrderFollowUpRequest}, so a listener must be idempotent.
 */
@FunctionalInterface
public interface OrderWriteListener {

    /** @param before the record before this write, or null when the order was created */
    void onWritten(AppOrder before, AppOrder after);

    /** How operators see this follow-up in an exception (e.g. "buyer message"). */
    default String name() {
        return getClass().getSimpleName();
    }

    /** {@code listener} under an operator-facing name. */
    static OrderWriteListener named(String name, OrderWriteListener listener) {
        return new OrderWriteListener() {
            @Override
            public void onWritten(AppOrder before, AppOrder after) {
                listener.onWritten(before, after);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
