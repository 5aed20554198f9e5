package dev.ttsconnector.app.exceptions;

/**
 * A page request for {@link ParkedItemStore#list}: optional flow and status filters, a page size of
 * 1–{@value #MAX_LIMIT}, and the cursor of the previous page ({@code null} for the first).
 */
public record ParkedItemQuery(String flow, ParkedItemStatus status, int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public ParkedItemQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (flow != null && flow.isBlank()) {
            flow = null;
        }
    }

    /** First page of everything, newest first. */
    public static ParkedItemQuery all() {
        return new ParkedItemQuery(null, null, DEFAULT_LIMIT, null);
    }

    public ParkedItemQuery withFlow(String newFlow) {
        return new ParkedItemQuery(newFlow, status, limit, cursor);
    }

    public ParkedItemQuery withStatus(ParkedItemStatus newStatus) {
        return new ParkedItemQuery(flow, newStatus, limit, cursor);
    }

    public ParkedItemQuery withLimit(int newLimit) {
        return new ParkedItemQuery(flow, status, newLimit, cursor);
    }

    public ParkedItemQuery withCursor(String newCursor) {
        return new ParkedItemQuery(flow, status, limit, newCursor);
    }

    boolean matches(ParkedItem item) {
        return (flow == null || flow.equals(item.flow())) && (status == null || status == item.status());
    }
}
