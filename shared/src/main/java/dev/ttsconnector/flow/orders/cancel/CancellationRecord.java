package dev.ttsconnector.flow.orders.cancel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One seller cancellation of one order, as the app recorded it before and after calling TikTok. Records of an order
 * are numbered 1, 2, … ({@code sequence}); a new one is stored only if its number is still free, so two concurrent
 * requests cannot both cancel in TikTok. {@code version} counts writes (conditional replace).
 *
 * @param lineItemIds       TikTok line item ids this cancellation covers (for a full-order cancellation every open
 *                          line of the order when it was requested)
 * @param skuQuantities     for a line cancellation, the units per SKU it added (what the caller asked for minus what
 *                          was already cancelled)
 * @param rejectedBuyerRequests ids of buyer cancellation / return requests rejected first ("Reject Buyer Refund
 *                          Requests for Seller-Initiated Cancellations")
 * @param error             TikTok's refusal (code and message) when {@code state} is {@code FAILED}
 */
public record CancellationRecord(
        String integrationId,
        String tiktokOrderId,
        int sequence,
        CancellationScope scope,
        List<String> lineItemIds,
        Map<String, Integer> skuQuantities,
        String reason,
        CancellationState state,
        String tiktokCancelId,
        String tiktokCancelStatus,
        List<String> rejectedBuyerRequests,
        String error,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public CancellationRecord {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(tiktokOrderId, "tiktokOrderId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1, was " + sequence);
        }
        lineItemIds = lineItemIds == null ? List.of() : List.copyOf(lineItemIds);
        skuQuantities = skuQuantities == null ? Map.of() : Map.copyOf(skuQuantities);
        rejectedBuyerRequests = rejectedBuyerRequests == null ? List.of() : List.copyOf(rejectedBuyerRequests);
    }

    /** True unless TikTok refused it: its line items count as cancelled (or being cancelled). */
    public boolean counts() {
        return state != CancellationState.FAILED;
    }

    public CancellationRecord submitted(String cancelId, String cancelStatus, List<String> rejected, Instant now) {
        return new CancellationRecord(integrationId, tiktokOrderId, sequence, scope, lineItemIds, skuQuantities, reason,
                CancellationState.SUBMITTED, cancelId, cancelStatus, rejected, null, createdAt, now, version);
    }

    public CancellationRecord failed(String message, List<String> rejected, Instant now) {
        return new CancellationRecord(integrationId, tiktokOrderId, sequence, scope, lineItemIds, skuQuantities, reason,
                CancellationState.FAILED, null, null, rejected, message, createdAt, now, version);
    }

    /** The same record taken over by a later attempt (fresh {@code updatedAt}, still PENDING). */
    public CancellationRecord retaken(Instant now) {
        return new CancellationRecord(integrationId, tiktokOrderId, sequence, scope, lineItemIds, skuQuantities, reason,
                CancellationState.PENDING, null, null, rejectedBuyerRequests, null, createdAt, now, version);
    }

    public CancellationRecord withVersion(long newVersion) {
        return new CancellationRecord(integrationId, tiktokOrderId, sequence, scope, lineItemIds, skuQuantities, reason,
                state, tiktokCancelId, tiktokCancelStatus, rejectedBuyerRequests, error, createdAt, updatedAt,
                newVersion);
    }
}
