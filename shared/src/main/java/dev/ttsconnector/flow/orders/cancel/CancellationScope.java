package dev.ttsconnector.flow.orders.cancel;

/** Whether a cancellation asked TikTok to cancel the whole order or the listed line items only. */
public enum CancellationScope {
    FULL_ORDER,
    LINES
}
