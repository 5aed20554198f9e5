package dev.ttsconnector.flow.orders.cancel;

/**
 * Where a recorded cancellation stands on the app side.
 * <ul>
 *   <li>{@code PENDING}: recorded, TikTok's answer not (yet) stored. A crash or a TikTok timeout leaves it here;
 *       the next request for the order first looks the cancellation up in TikTok before calling it again.</li>
 *   <li>{@code SUBMITTED}: TikTok accepted it ({@code tiktokCancelId} set).</li>
 *   <li>{@code FAILED}: TikTok refused it; its line items do not count as cancelled.</li>
 * </ul>
 */
public enum CancellationState {
    PENDING,
    SUBMITTED,
    FAILED
}
