package dev.ttsconnector.functions.statements;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ttsconnector.flow.statements.StatementPullResult;
import dev.ttsconnector.flow.statements.StatementPullService;
import dev.ttsconnector.functions.inventory.ScheduledIntegrationRun;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import java.util.Objects;

/**
 * Scheduled statements pull ({@code StatementPullSchedule}, default hourly; TikTok generates statements daily at
 * 00:00 UTC): for every connected integration, {@link StatementPullService#pull} reads new and changed statements
 * from the flow's cursor and stores their transactions. One integration's failure does not stop the others; an
 * integration with statements it could not read (named in the log, kept pending and retried next run) counts as
 * failed in the flow health. Answers the number of integrations that failed.
 */
public final class StatementsPullFunction implements RequestHandler<ScheduledEvent, Integer> {

    static final String FLOW = "statements";
    private static final StructuredLogger LOG = StructuredLogger.forClass(StatementsPullFunction.class);

    private final ShopAccess shops;
    private final MetricsLogger metrics;
    private final StatementPullService pull;

    public StatementsPullFunction() {
        this(StatementsWiring.fromEnvironment());
    }

    StatementsPullFunction(StatementsWiring wiring) {
        this(wiring.shops, wiring.metrics, wiring.pull);
    }

    StatementsPullFunction(ShopAccess shops, MetricsLogger metrics, StatementPullService pull) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.pull = Objects.requireNonNull(pull, "pull");
    }

    @Override
    public Integer handleRequest(ScheduledEvent event, Context context) {
        return ScheduledIntegrationRun.forEachConnected(shops, FLOW, metrics, LOG, integrationId -> {
            StatementPullResult r = pull.pull(integrationId);
            LOG.info("statements pulled", "integrationId", integrationId, "statementsSeen", r.statementsSeen(),
                    "excluded", r.excluded(), "statementsWritten", r.statementsWritten(), "transactionsWritten",
                    r.transactionsWritten(), "transactionPages", r.transactionPages(), "windowComplete",
                    r.windowComplete(), "cursor", r.cursor(), "pendingStatements", r.pendingStatements());
            if (!r.failures().isEmpty()) {
                throw new IllegalStateException(r.failures().size() + " statement(s) could not be stored and stay "
                        + "pending: " + String.join("; ", r.failures()));
            }
        });
    }
}
