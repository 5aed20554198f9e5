package dev.ttsconnector.functions.catalog;

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
 * Scheduled products pull: matches the shop catalog to the app catalog by seller SKU and queues pushes for new
 * matches.
 * Runs for every connected integration; one integration's failure does not stop the others. Answers the number of
 * integrations that failed.
 */
public final class CatalogSyncFunction implements RequestHandler<ScheduledEvent, Integer> {

    private static final StructuredLogger LOG = StructuredLogger.forClass(CatalogSyncFunction.class);

    private final ShopAccess shops;
    private final MetricsLogger metrics;
    private final Consumer<String> job;

    public CatalogSyncFunction() {
        this(InventoryWiring.fromEnvironment());
    }

    CatalogSyncFunction(InventoryWiring wiring) {
        this(wiring.shops, wiring.metrics, integrationId -> wiring.catalogSync.sync(integrationId));
    }

    CatalogSyncFunction(ShopAccess shops, MetricsLogger metrics, Consumer<String> job) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.job = Objects.requireNonNull(job, "job");
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return ScheduledIntegrationRun.forEachConnected(shops, "products", metrics, LOG, job);
    }
}
