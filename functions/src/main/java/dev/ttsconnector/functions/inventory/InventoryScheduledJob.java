package dev.ttsconnector.functions.inventory;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A scheduled inventory function: runs its job for every connected integration ({@link ScheduledIntegrationRun}); one
 * integration's failure does not stop the others. Answers the number of integrations that failed.
 */
abstract class InventoryScheduledJob implements RequestHandler<ScheduledEvent, Integer> {

    private final ShopAccess shops;
    private final MetricsLogger metrics;
    private final Consumer<String> job;
    private final StructuredLogger log = StructuredLogger.forClass(getClass());

    InventoryScheduledJob(ShopAccess shops, MetricsLogger metrics, Consumer<String> job) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.job = Objects.requireNonNull(job, "job");
    }

    @Override
    public final Integer handleRequest(ScheduledEvent event, Context context) {
        return ScheduledIntegrationRun.forEachConnected(shops, "inventory", metrics, log, job);
    }
}
