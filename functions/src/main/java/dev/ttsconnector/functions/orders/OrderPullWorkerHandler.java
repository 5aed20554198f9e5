package dev.ttsconnector.functions.orders;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.flow.inventory.ResyncService;
import dev.ttsconnector.flow.orders.OrderPullJob;
import dev.ttsconnector.flow.orders.OrderPullService;
import dev.ttsconnector.flow.orders.PullResult;
import dev.ttsconnector.functions.support.SqsBatchConsumer;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.PermanentException;
import java.util.Objects;

/**
 * Consumes OrderPullQueue (FIFO, one group per integration): runs {@link OrderPullService#pull} for the job's
 * integration. A TikTok or store failure fails the message (SQS redelivers it; the pull resumes from its saved page
 * token); an integration that is no longer connected is acknowledged (its cursor stays where it is).
 */
public final class OrderPullWorkerHandler extends SqsBatchConsumer {

    private static final StructuredLogger LOG = StructuredLogger.forClass(OrderPullWorkerHandler.class);

    private final OrderPullService pull;

    /** Lambda entry point: builds the dependencies once per container (see {@link OrdersWiring}). */
    public OrderPullWorkerHandler() {
        this(OrdersWiring.fromEnvironment());
    }

    private OrderPullWorkerHandler(OrdersWiring wiring) {
        this(wiring.pullService(), wiring.pullQueueUrl(), wiring.parkedItems(), wiring.metrics());
    }

    OrderPullWorkerHandler(OrderPullService pull, String pullQueueUrl, ParkedItemStore parkedItems,
                           MetricsLogger metrics) {
        super("ORDERS", pullQueueUrl, parkedItems, metrics);
        this.pull = Objects.requireNonNull(pull, "pull");
    }

    @Override
    protected void process(MessageEnvelope envelope, Context context) {
        // An orders resync (ResyncService) asks for a pull now: the pull resumes from the integration's cursor, so
        // it back-fills everything since the last good window without re-applying older orders.
        if (!OrderPullJob.TYPE.equals(envelope.type()) && !ResyncService.ORDER_BACKFILL_TYPE.equals(envelope.type())) {
            throw new PermanentException("UNKNOWN_MESSAGE_TYPE", "OrderPullQueue carries " + OrderPullJob.TYPE
                    + " and " + ResyncService.ORDER_BACKFILL_TYPE + " messages, got '" + envelope.type() + "'");
        }
        try {
            PullResult result = pull.pull(envelope.integrationId());
            LOG.info("order pull done", "pages", result.pages(), "seen", result.seen(), "written", result.written(),
                    "excluded", result.excluded(), "parked", result.parked(), "windowComplete",
                    result.windowComplete(), "cursor", result.cursor() == null ? null : result.cursor().toString());
        } catch (IntegrationNotConnectedException e) {
            LOG.info("order pull skipped: integration not connected", "reason", e.getMessage());
        }
    }

    @Override
    protected boolean isTransient(Throwable error) {
        return OrdersFailures.isTransient(error) || super.isTransient(error);
    }

    @Override
    protected String entityType(MessageEnvelope envelope) {
        return "pull";
    }

    @Override
    protected String entityId(MessageEnvelope envelope) {
        return envelope.integrationId();
    }
}
