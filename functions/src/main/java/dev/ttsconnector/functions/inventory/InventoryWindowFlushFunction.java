package dev.ttsconnector.functions.inventory;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ttsconnector.functions.inventory.InventoryWiring;
import dev.ttsconnector.functions.inventory.ScheduledIntegrationRun;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Scheduled inside the increase window (00:00–02:00 America/Los_Angeles): for integrations with "Apply TikTok
 * inventory increase only between 12:00AM PST - 2:00AM PST" on, re-plans every mapped product from current stock so
 * the held increases go out; outside the window it does nothing.
 * Runs for every connected integration; one integration's failure does not stop the others. Answers the number of
 * integrations that failed.
 */
public final class InventoryWindowFlushFunction implements RequestHandler<ScheduledEvent, Integer> {

    private static final StructuredLogger LOG = StructuredLogger.forClass(InventoryWindowFlushFunction.class);

    private final ShopAccess shops;
    private final MetricsLogger metrics;
    private final Consumer<String> job;

    public InventoryWindowFlushFunction() {
        this(InventoryWiring.fromEnvironment());
    }

    InventoryWindowFlushFunction(InventoryWiring wiring) {
        this(wiring.shops, wiring.metrics, integrationId -> wiring.resync.flushWindow(integrationId));
    }

    InventoryWindowFlushFunction(ShopAccess shops, MetricsLogger metrics, Consumer<String> job) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.job = Objects.requireNonNull(job, "job");
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return ScheduledIntegrationRun.forEachConnected(shops, "inventory", metrics, LOG, job);
    }
}
