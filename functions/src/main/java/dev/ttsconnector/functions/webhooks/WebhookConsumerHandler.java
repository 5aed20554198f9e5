package dev.ttsconnector.functions.webhooks;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.flow.webhooks.WebhookIntake;
import dev.ttsconnector.flow.webhooks.WebhookRouter;
import dev.ttsconnector.functions.auth.IntegrationWiring;
import dev.ttsconnector.functions.support.FlowMetrics;
import dev.ttsconnector.functions.support.SqsBatchConsumer;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.PermanentException;
import java.util.Objects;

/**
 * Consumes WebhookQueue: each verified delivery is resolved to its integration and routed by
 * {@link WebhookRouter} (order ids to OrderFetchQueue, authorization events to the integration service). Unknown shops
 * and unhandled types are acknowledged and logged; a body that is no webhook envelope is parked.
 */
public final class WebhookConsumerHandler extends SqsBatchConsumer {

    private static final StructuredLogger LOG = StructuredLogger.forClass(WebhookConsumerHandler.class);

    private final WebhookRouter router;

    /** Lambda entry point: builds the dependencies once per container (see {@link WebhookWiring}). */
    public WebhookConsumerHandler() {
        this(WebhookWiring.fromEnvironment(), IntegrationWiring.fromEnvironment());
    }

    private WebhookConsumerHandler(WebhookWiring wiring, IntegrationWiring integrations) {
        this(wiring.router(integrations), wiring.webhookQueueUrl(), wiring.parkedItems(integrations),
                FlowMetrics.stdout(integrations.dynamo(), integrations.tableName()));
    }

    WebhookConsumerHandler(WebhookRouter router, String webhookQueueUrl, ParkedItemStore parkedItems,
                           MetricsLogger metrics) {
        super("WEBHOOKS", webhookQueueUrl, parkedItems, metrics);
        this.router = Objects.requireNonNull(router, "router");
    }

    @Override
    protected void process(MessageEnvelope envelope, Context context) {
        if (!WebhookIntake.TYPE.equals(envelope.type())) {
            throw new PermanentException("UNKNOWN_MESSAGE_TYPE", "WebhookQueue carries " + WebhookIntake.TYPE
                    + " messages, got '" + envelope.type() + "'");
        }
        WebhookRouter.Result result = router.route(envelope);
        // The intake cannot resolve the shop (no read on the acknowledgement path); count it for its integration.
        // A duplicate delivery is counted for no integration, so it costs no flow-activity write (performance
        // guide: a duplicate webhook costs 0 writes).
        attributeTo(result.outcome() == WebhookRouter.Outcome.DUPLICATE ? null : result.integrationId());
        LOG.info("webhook handled", "outcome", result.outcome().name(), "type", result.type(),
                "integrationId", result.integrationId(), "orders", result.orderIds().size());
    }

    @Override
    protected String entityType(MessageEnvelope envelope) {
        return "webhook";
    }

    @Override
    protected String entityId(MessageEnvelope envelope) {
        return envelope.dedupeId();
    }
}
