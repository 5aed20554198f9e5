package dev.ttsconnector.integration;

import java.time.Instant;
import java.util.Objects;

/**
 * Per-integration, per-flow progress: the cursor a pull resumes from, the page token of an unfinished window (so a
 * crash resumes mid-window), and health numbers for operators. {@code version} is the optimistic-locking token.
 *
 * @param cursor      everything updated before this instant is durably in the app (advanced only after that is true)
 * @param windowStart start of the window being pulled, or null when no window is open
 * @param windowEnd   end (exclusive) of the window being pulled, or null
 * @param pageToken   TikTok's page token of the open window, or null for its first page
 */
public record FlowState(
        String integrationId,
        FlowName flow,
        Instant cursor,
        Instant windowStart,
        Instant windowEnd,
        String pageToken,
        Instant lastRunAt,
        Instant lastSuccessAt,
        String lastError,
        long itemsIn,
        long itemsOut,
        long version) {

    public FlowState {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(flow, "flow");
    }

    /** The state of a flow that never ran: cursor at {@code start}. */
    public static FlowState initial(String integrationId, FlowName flow, Instant start) {
        return new FlowState(integrationId, flow, start, null, null, null, null, null, null, 0, 0, 0);
    }

    public boolean hasOpenWindow() {
        return windowStart != null && windowEnd != null;
    }

    public FlowState openWindow(Instant start, Instant end, Instant now) {
        return new FlowState(integrationId, flow, cursor, start, end, null, now, lastSuccessAt, lastError, itemsIn,
                itemsOut, version);
    }

    public FlowState withPageToken(String token, long addedIn) {
        return new FlowState(integrationId, flow, cursor, windowStart, windowEnd, token, lastRunAt, lastSuccessAt,
                lastError, itemsIn + addedIn, itemsOut, version);
    }

    /** Closes the open window and moves the cursor to its end. */
    public FlowState completeWindow(Instant newCursor, Instant now) {
        return new FlowState(integrationId, flow, newCursor, null, null, null, lastRunAt, now, null, itemsIn, itemsOut,
                version);
    }

    public FlowState withError(String error, Instant now) {
        return new FlowState(integrationId, flow, cursor, windowStart, windowEnd, pageToken, now, lastSuccessAt, error,
                itemsIn, itemsOut, version);
    }

    public FlowState withItemsOut(long added) {
        return new FlowState(integrationId, flow, cursor, windowStart, windowEnd, pageToken, lastRunAt, lastSuccessAt,
                lastError, itemsIn, itemsOut + added, version);
    }
}
