package dev.ttsconnector.flow.orders;

import java.time.Instant;

/**
 * What one pull run did.
 *
 * @param pages          search pages read (= TikTok calls)
 * @param written        orders created or updated
 * @param windowComplete true when the window was fully applied and the cursor moved to {@code cursor}
 * @param cursor         the cursor after the run
 */
public record PullResult(String integrationId, int pages, int seen, int written, int excluded, int parked,
                         boolean windowComplete, Instant cursor) {
}
