package dev.ttsconnector.app.inventory;

/**
 * Outcome of {@link StockStore#set}: the level now stored and whether this call changed it. An unchanged value is not
 * a write (no version bump), so the caller queues a push only when {@code changed}.
 */
public record StockWrite(StockLevel level, boolean changed) {
}
