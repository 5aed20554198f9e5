package dev.ttsconnector.flow.returns;

import dev.ttsconnector.app.returns.AppRefund;
import dev.ttsconnector.flow.orders.cancel.CancellationResult;

/**
 * What {@link RefundPushService#create} did: either a refund in TikTok ({@code refund} set) or, for an order awaiting
 * shipment, a seller cancellation ({@code cancellation} set).
 *
 * @param created true when this request created the refund or sent the cancellation; false when an earlier request
 *                (same request id or body) already did and its record is answered
 */
public record RefundPushResult(Kind kind, boolean created, AppRefund refund, CancellationResult cancellation) {

    /** Refund in TikTok, or cancellation of an order not shipped yet. */
    public enum Kind { REFUND, CANCELLATION }
}
