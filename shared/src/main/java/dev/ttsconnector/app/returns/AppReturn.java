package dev.ttsconnector.app.returns;

import dev.ttsconnector.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The app's return record: goods coming back from the buyer, pulled from TikTok (product doc "Returns", TikTok →
 * app). Compact and stable, no raw TikTok JSON. One record per TikTok {@code return_id}; {@code tiktokUpdateTime} is
 * the {@code update_time} it reflects, and an update with an older one (or the same one and no later status) writes
 * nothing. {@code version} counts the record's writes (optimistic locking).
 *
 * @param id              {@code ret_<integrationId>_<returnId>}
 * @param tiktokStatus    TikTok's {@code return_status} as sent (spec §6 enum)
 * @param returnType      {@code RETURN_AND_REFUND} or {@code REPLACEMENT} (a {@code REFUND} has no goods coming back
 *                        and is a refund record only)
 * @param role            who opened it: {@code BUYER}, {@code SELLER}, {@code OPERATOR} or {@code SYSTEM}
 * @param refundTotal     TikTok's {@code refund_amount.refund_total}, or null
 * @param createdAt       TikTok's {@code create_time}
 * @param ingestedAt      when the app first stored it
 */
public record AppReturn(
        String id,
        String integrationId,
        String tiktokReturnId,
        String tiktokOrderId,
        String returnType,
        String tiktokStatus,
        String role,
        String reason,
        String reasonText,
        String arbitrationStatus,
        String trackingNumber,
        String shippingProviderName,
        Money refundTotal,
        List<ReturnLine> lines,
        Instant createdAt,
        Instant tiktokUpdateTime,
        Instant ingestedAt,
        Instant updatedAt,
        long version) {

    private static final String PREFIX = "ret_";

    public AppReturn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(tiktokReturnId, "tiktokReturnId");
        Objects.requireNonNull(tiktokOrderId, "tiktokOrderId");
        Objects.requireNonNull(tiktokStatus, "tiktokStatus");
        Objects.requireNonNull(tiktokUpdateTime, "tiktokUpdateTime");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The app id of TikTok return {@code returnId} of the integration (never two ids for one return). */
    public static String idOf(String integrationId, String returnId) {
        return PREFIX + integrationId + "_" + returnId;
    }

    public AppReturn withVersion(long newVersion) {
        return new AppReturn(id, integrationId, tiktokReturnId, tiktokOrderId, returnType, tiktokStatus, role, reason,
                reasonText, arbitrationStatus, trackingNumber, shippingProviderName, refundTotal, lines, createdAt,
                tiktokUpdateTime, ingestedAt, updatedAt, newVersion);
    }

    /** This record replacing {@code stored}: keeps its first-ingest time and version (for the conditional write). */
    public AppReturn replacing(AppReturn stored) {
        return new AppReturn(id, integrationId, tiktokReturnId, tiktokOrderId, returnType, tiktokStatus, role, reason,
                reasonText, arbitrationStatus, trackingNumber, shippingProviderName, refundTotal, lines, createdAt,
                tiktokUpdateTime, stored.ingestedAt(), updatedAt, stored.version());
    }
}
