package dev.ttsconnector.flow.orders.messages;

import dev.ttsconnector.app.orders.AppOrder;

/**
 * Told when an order is stored in the app for the first time ({@code OrderApplier} outcome {@code CREATED}, right
 * after {@code order.created} is published). Implementations must not throw and must not block ingestion for long:
 * they record their own failures.
 */
@FunctionalInterface
public interface OrderCreatedListener {

    void onCreated(AppOrder order);

    /** A listener that does nothing. */
    OrderCreatedListener NONE = order -> { };
}
