package dev.ttsconnector.functions.inventory;

import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.log.LogContext;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;

import java.util.function.Consumer;

/**
 * Runs one scheduled job for every connected integration: a success is counted (metric {@code processed}); a failure
 * of one integration is logged and counted (metric {@code scheduled_failed}) and does not stop the others; the next
 * schedule retries it.
 */
public final class ScheduledIntegrationRun {

    private ScheduledIntegrationRun() {
    }

    /** @return the number of integrations that failed */
    public static int forEachConnected(ShopAccess shops, String flow, MetricsLogger metrics, StructuredLogger log,
                                       Consumer<String> job) {
        int failed = 0;
        try {
            for (String integrationId : shops.connectedIntegrationIds()) {
                try (LogContext.Scope ignored = LogContext.open(integrationId, flow, null)) {
                    job.accept(integrationId);
                    metrics.increment(integrationId, flow, "processed");
                } catch (IntegrationNotConnectedException gone) {
                    log.info("integration no longer connected, skipped", "integrationId", integrationId);
                } catch (RuntimeException e) {
                    failed++;
                    metrics.increment(integrationId, flow, "scheduled_failed");
                    log.error("scheduled run failed for the integration", e, "integrationId", integrationId);
                }
            }
        } finally {
            metrics.flush();
        }
        return failed;
    }
}
