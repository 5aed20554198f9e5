package dev.ttsconnector.functions.returns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ttsconnector.flow.returns.ReturnsPullResult;
import dev.ttsconnector.functions.inventory.ScheduledIntegrationRun;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Scheduled returns and refunds pull (product doc "Returns" TikTok → app and the pull half of "Refunds"): for every
 * connected integration, reads TikTok return orders updated since the flow's cursor and writes the app's return and
 * refund records ({@link dev.ttsconnector.flow.returns.ReturnsPullService}). One integration's failure does not stop
 * the others (its cursor and page token stay where they were; the next schedule resumes). Metrics go out under flow
 * {@code returns} (the console's flow health). Answers the number of integrations that failed.
 */
public final class ReturnsPullFunction implements RequestHandler<ScheduledEvent, Integer> {

    static final String FLOW = "returns";
    private static final StructuredLogger LOG = StructuredLogger.forClass(ReturnsPullFunction.class);

    private final ShopAccess shops;
    private final MetricsLogger metrics;
    private final Consumer<String> job;

    public ReturnsPullFunction() {
        this(ReturnsWiring.fromEnvironment());
    }

    ReturnsPullFunction(ReturnsWiring wiring) {
        this(wiring.shops, wiring.metrics, integrationId -> {
            ReturnsPullResult result = wiring.pull.pull(integrationId);
            LOG.info("returns pulled", "integrationId", integrationId, "pages", result.pages(), "seen", result.seen(),
                    "returnsWritten", result.returnsWritten(), "refundsWritten", result.refundsWritten(),
                    "excluded", result.excluded(), "malformed", result.malformed(),
                    "windowComplete", result.windowComplete());
            if (result.malformed() > 0) {
                LOG.warn("TikTok return orders without id, order id, status or update time were skipped",
                        "integrationId", integrationId, "count", result.malformed());
            }
        });
    }

    ReturnsPullFunction(ShopAccess shops, MetricsLogger metrics, Consumer<String> job) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.job = Objects.requireNonNull(job, "job");
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return ScheduledIntegrationRun.forEachConnected(shops, FLOW, metrics, LOG, job);
    }
}
