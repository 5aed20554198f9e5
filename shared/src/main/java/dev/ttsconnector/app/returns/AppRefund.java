package dev.ttsconnector.app.returns;

import dev.ttsconnector.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The app's refund record (product doc "Refunds", bidirectional). TikTok models a refund as a return order of type
 * {@code REFUND} or {@code RETURN_AND_REFUND} (spec §6), so one record per TikTok {@code return_id}, whether the buyer
 * asked for it (pulled) or the app created it ({@code POST /v1/orders/{id}/refunds}, origin {@code APP}). Amounts are
 * TikTok's {@code refund_amount}; {@code tiktokUpdateTime} guards updates as for {@link AppReturn}.
 *
 * @param id           {@code rfd_<integrationId>_<returnId>}
 * @param refundType   {@code REFUND} (no goods come back) or {@code RETURN_AND_REFUND}
 * @param tiktokStatus TikTok's {@code return_status} as sent
 * @param origin       {@code TIKTOK} (pulled) or {@code APP} (created by the app's refund push)
 * @param pushKey      for a refund the app created: the {@code idempotency_key} it was created with (a repeat of
 *                     that request is answered from this record); null for pulled ones
 * @param total        {@code refund_total}; subtotal, shipping and tax are its parts as TikTok sent them (or null)
 * @param tiktokUpdateTime TikTok's {@code update_time}; {@link Instant#EPOCH} for a pushed refund TikTok's search has
 *                     not shown yet (any pulled version replaces it)
 */
public record AppRefund(
        String id,
        String integrationId,
        String tiktokReturnId,
        String tiktokOrderId,
        String refundType,
        String tiktokStatus,
        String origin,
        String pushKey,
        String role,
        String reason,
        String reasonText,
        Money total,
        Money subtotal,
        Money shippingFee,
        Money tax,
        List<ReturnLine> lines,
        Instant createdAt,
        Instant tiktokUpdateTime,
        Instant ingestedAt,
        Instant updatedAt,
        long version) {

    public static final String ORIGIN_TIKTOK = "TIKTOK";
    public static final String ORIGIN_APP = "APP";
    private static final String PREFIX = "rfd_";

    public AppRefund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(tiktokReturnId, "tiktokReturnId");
        Objects.requireNonNull(tiktokOrderId, "tiktokOrderId");
        Objects.requireNonNull(tiktokStatus, "tiktokStatus");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(tiktokUpdateTime, "tiktokUpdateTime");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public static String idOf(String integrationId, String returnId) {
        return PREFIX + integrationId + "_" + returnId;
    }

    public AppRefund withVersion(long newVersion) {
        return new AppRefund(id, integrationId, tiktokReturnId, tiktokOrderId, refundType, tiktokStatus, origin, pushKey,
                role, reason, reasonText, total, subtotal, shippingFee, tax, lines, createdAt, tiktokUpdateTime,
                ingestedAt, updatedAt, newVersion);
    }

    /**
     * This (pulled) record replacing {@code stored}: keeps the first-ingest time, the version (for the conditional
     * write), the origin and the push key, so a refund the app created stays marked as the app's.
     */
    public AppRefund replacing(AppRefund stored) {
        return new AppRefund(id, integrationId, tiktokReturnId, tiktokOrderId, refundType, tiktokStatus,
                stored.origin(), stored.pushKey(), role, reason, reasonText, total, subtotal, shippingFee, tax, lines, createdAt,
                tiktokUpdateTime, stored.ingestedAt(), updatedAt, stored.version());
    }
}
