package dev.ttsconnector.app.orders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The app's order record: compact and stable (no raw TikTok JSON). {@code tiktokUpdateTime} is TikTok's
 * {@code update_time} this record reflects; an update with an equal or older one writes nothing. {@code version}
 * counts the record's writes (optimistic locking for app-side changes such as fulfillments).
 *
 * @param platformShipped shipped by TikTok (FBT / TikTok shipping pulled with "Pull shipped by platform orders"):
 *                        arrives fulfilled and never produces fulfillment pushes
 * @param history         status changes, oldest first, capped at {@link #HISTORY_LIMIT}
 */
public record AppOrder(
        String id,
        String integrationId,
        String tiktokOrderId,
        AppOrderStatus status,
        String tiktokStatus,
        List<OrderLine> lines,
        Address shipTo,
        String buyerUserId,
        String buyerMessage,
        OrderTotals totals,
        String shippingType,
        String fulfillmentType,
        String deliveryOptionId,
        String warehouseId,
        boolean platformShipped,
        Instant shipBy,
        Instant createdAt,
        Instant tiktokUpdateTime,
        Instant ingestedAt,
        Instant updatedAt,
        List<StatusChange> history,
        long version) {

    public static final int HISTORY_LIMIT = 30;

    public AppOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(tiktokOrderId, "tiktokOrderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tiktokUpdateTime, "tiktokUpdateTime");
        lines = lines == null ? List.of() : List.copyOf(lines);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** This record with a status change appended to its history (oldest entries dropped past the cap). */
    public AppOrder withHistoryEntry(StatusChange change) {
        List<StatusChange> next = new ArrayList<>(history);
        next.add(change);
        while (next.size() > HISTORY_LIMIT) {
            next.remove(0);
        }
        return new AppOrder(id, integrationId, tiktokOrderId, status, tiktokStatus, lines, shipTo, buyerUserId,
                buyerMessage, totals, shippingType, fulfillmentType, deliveryOptionId, warehouseId, platformShipped,
                shipBy, createdAt, tiktokUpdateTime, ingestedAt, updatedAt, next, version);
    }

    public AppOrder withStatus(AppOrderStatus newStatus, Instant now) {
        return new AppOrder(id, integrationId, tiktokOrderId, newStatus, tiktokStatus, lines, shipTo, buyerUserId,
                buyerMessage, totals, shippingType, fulfillmentType, deliveryOptionId, warehouseId, platformShipped,
                shipBy, createdAt, tiktokUpdateTime, ingestedAt, now, history, version);
    }

    public AppOrder withVersion(long newVersion) {
        return new AppOrder(id, integrationId, tiktokOrderId, status, tiktokStatus, lines, shipTo, buyerUserId,
                buyerMessage, totals, shippingType, fulfillmentType, deliveryOptionId, warehouseId, platformShipped,
                shipBy, createdAt, tiktokUpdateTime, ingestedAt, updatedAt, history, newVersion);
    }

    /** True when some line's SKU is not in the app's catalog. */
    public boolean hasUnknownSkus() {
        return lines.stream().anyMatch(l -> !l.inCatalog());
    }
}
