package dev.ttsconnector.functions.inventory;

import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.metrics.MetricsLogger;
import java.util.function.Consumer;

/**
 * Scheduled stock reconciliation (R12): reads TikTok stock back, reports drift (metric {@code inventory_drift} and parked
 * exceptions) and queues forced repairs through the push queue, for every connected integration.
 */
public final class InventoryReconcileFunction extends InventoryScheduledJob {

    public InventoryReconcileFunction() {
        this(InventoryWiring.fromEnvironment());
    }

    InventoryReconcileFunction(InventoryWiring wiring) {
        this(wiring.shops, wiring.metrics, integrationId -> wiring.reconcile.reconcile(integrationId));
    }

    InventoryReconcileFunction(ShopAccess shops, MetricsLogger metrics, Consumer<String> job) {
        super(shops, metrics, job);
    }
}
