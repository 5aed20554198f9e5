package dev.ttsconnector.app.returns;

import java.util.Objects;

/**
 * A listing of one integration's returns or refunds, newest TikTok update first.
 *
 * @param status TikTok {@code return_status} to keep, or null for all
 * @param limit  1–100 items per page
 * @param cursor the previous page's {@code nextCursor}, or null for the first page
 */
public record ReturnQuery(String integrationId, String status, int limit, String cursor) {

    public static final int MAX_LIMIT = 100;

    public ReturnQuery {
        Objects.requireNonNull(integrationId, "integrationId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", was " + limit);
        }
    }
}
