package dev.ttsconnector.app.orders;

import java.time.Instant;

/**
 * A listing of one integration's orders, newest update first.
 *
 * @param status       only orders in this status, or null for all
 * @param updatedSince only orders whose record changed at or after this instant, or null
 * @param cursor       opaque cursor of the previous page, or null
 */
public record OrderQuery(String integrationId, AppOrderStatus status, Instant updatedSince, int limit, String cursor) {

    public OrderQuery {
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit must be between 1 and 200, got " + limit);
        }
    }
}
