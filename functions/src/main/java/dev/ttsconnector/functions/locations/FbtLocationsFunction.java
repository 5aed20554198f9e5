package dev.ttsconnector.functions.locations;

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
 * Scheduled FBT locations sync (Locations settings): creates one app location per FBT warehouse (and the
 * consolidated one) and copies TikTok's FBT available stock into them; never pushes anything.
 * Runs for every connected integration; one integration's failure does not stop the others. Answers the number of
 * integrations that failed.
 */
public final class FbtLocationsFunction implements RequestHandler<ScheduledEvent, Integer> {

    private static final StructuredLogger LOG = StructuredLogger.forClass(FbtLocationsFunction.class);

    private final ShopAccess shops;
    private final MetricsLogger metrics;
    private final Consumer<String> job;

    public FbtLocationsFunction() {
        this(InventoryWiring.fromEnvironment());
    }

    FbtLocationsFunction(InventoryWiring wiring) {
        this(wiring.shops, wiring.metrics, integrationId -> wiring.fbtLocations.sync(integrationId));
    }

    FbtLocationsFunction(ShopAccess shops, MetricsLogger metrics, Consumer<String> job) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.job = Objects.requireNonNull(job, "job");
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return ScheduledIntegrationRun.forEachConnected(shops, "locations", metrics, LOG, job);
    }
}
