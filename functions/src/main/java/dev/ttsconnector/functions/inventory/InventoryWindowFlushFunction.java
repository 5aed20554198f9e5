package dev.ttsconnector.functions.inventory;

import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.metrics.MetricsLogger;
import java.util.function.Consumer;

/**
 * Scheduled inside the increase window (00:00–02:00 America/Los_Angeles): for integrations with "Apply TikTok
 * inventory increase only between 12:00AM PST - 2:00AM PST" on, re-plans every mapped product from current stock so
 * the held increases go out; outside the window it does nothing. Runs for every connected integration.
 */
public final class InventoryWindowFlushFunction extends InventoryScheduledJob {

    public InventoryWindowFlushFunction() {
        this(InventoryWiring.fromEnvironment());
    }

    InventoryWindowFlushFunction(InventoryWiring wiring) {
        this(wiring.shops, wiring.metrics, integrationId -> wiring.resync.flushWindow(integrationId));
    }

    InventoryWindowFlushFunction(ShopAccess shops, MetricsLogger metrics, Consumer<String> job) {
        super(shops, metrics, job);
    }
}
