package dev.ttsconnector.flow.returns;

import java.time.Instant;

/**
 * What one pull run (or targeted fetch) did.
 *
 * @param seen            return orders read from TikTok
 * @param returnsWritten  return records inserted or updated
 * @param refundsWritten  refund records inserted or updated
 * @param excluded        return orders the settings' filters kept out
 * @param malformed       return orders without an id, order id, status or update time (logged, not stored)
 * @param windowComplete  true when the window was read to its end (the cursor moved to {@code cursor})
 */
public record ReturnsPullResult(String integrationId, int pages, int seen, int returnsWritten, int refundsWritten,
                                int excluded, int malformed, boolean windowComplete, Instant cursor) {
}
