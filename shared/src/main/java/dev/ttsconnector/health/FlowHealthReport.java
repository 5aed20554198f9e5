package dev.ttsconnector.health;

import java.time.Instant;
import java.util.List;

/**
 * The flow health of one integration as the console shows it (GET /v1/integrations/{id}/health).
 *
 * @param flows            one entry per flow, in a fixed order
 * @param deadLetterQueues depth of the deployment's dead-letter queues (shared by all integrations)
 */
public record FlowHealthReport(String integrationId, Instant generatedAt, List<Flow> flows,
                               List<DeadLetterQueues.Depth> deadLetterQueues) {

    /**
     * @param lagSeconds     how far the flow is behind: for orders, now − the pull cursor; for the others,
     *                       now − the last run without errors; null when it never succeeded
     * @param lastError      the pull's last error (orders) or the newest open exception's reason
     * @param openExceptions open parked items of the flow (counted up to {@link FlowHealthService#MAX_COUNTED})
     * @param hourly         the last 24 clock hours, oldest first, idle hours included as zeros
     */
    public record Flow(String flow, Instant lastRunAt, Instant lastSuccessAt, Long lagSeconds, String lastError,
                       long openExceptions, Totals last24h, List<Hour> hourly) {
    }

    public record Totals(long itemsIn, long itemsOut, long errors) {
    }

    public record Hour(Instant hour, long itemsIn, long itemsOut, long errors) {
    }
}
