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
 * Scheduled stock reconciliation (R12): reads TikTok stock back, reports drift (metric {@code inventory_drift} and parked
 * exceptions) and queues forced repairs through the push queue.
 * Runs for every connected integration; one integration's failure does not stop the others. Answers the number of
 * integrations that failed.
 */
public final class InventoryReconcileFunction implements RequestHandler<ScheduledEvent, Integer> {

    private static final StructuredLogger LOG = StructuredLogger.forClass(InventoryReconcileFunction.class);

    private final ShopAccess shops;
    private final MetricsLogger metrics;
    private final Consumer<String> job;

    public InventoryReconcileFunction() {
        this(InventoryWiring.fromEnvironment());
    }

    InventoryReconcileFunction(InventoryWiring wiring) {
        this(wiring.shops, wiring.metrics, integrationId -> wiring.reconcile.reconcile(integrationId));
    }

    InventoryReconcileFunction(ShopAccess shops, MetricsLogger metrics, Consumer<String> job) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.job = Objects.requireNonNull(job, "job");
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return ScheduledIntegrationRun.forEachConnected(shops, "inventory", metrics, LOG, job);
    }
}
