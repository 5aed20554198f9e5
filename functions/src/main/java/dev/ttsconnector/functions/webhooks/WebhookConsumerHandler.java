package dev.ttsconnector.functions.webhooks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.flow.webhooks.WebhookIntake;
import dev.ttsconnector.flow.webhooks.WebhookRouter;
import dev.ttsconnector.functions.auth.IntegrationWiring;
import dev.ttsconnector.functions.support.FlowMetrics;
import dev.ttsconnector.functions.support.SqsBatchConsumer;
import dev.ttsconnector.integration.IntegrationStateMemo;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.PermanentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Consumes WebhookQueue: each verified delivery is resolved to its integration and routed by
 * {@link WebhookRouter} (order ids to OrderFetchQueue, authorization events to the integration service). Unknown shops
 * and unhandled types are acknowledged and logged; a body that is no webhook envelope is parked. Each message is
 * handled by the standard consumer (partial batch failures, parking); the whole invocation runs in one
 * {@link IntegrationStateMemo} scope, so the webhooks of one shop in a batch resolve its shop claim and integration
 * once; the batch's receipts are read in one batched read per integration and its order fetches are sent together
 * before their receipts are written ({@link WebhookRouter#openBatch}; a duplicate still costs no write). If that
 * final send fails, the invocation fails and SQS redelivers the batch.
 */
public final class WebhookConsumerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final StructuredLogger LOG = StructuredLogger.forClass(WebhookConsumerHandler.class);

    private final WebhookRouter router;
    private final IntegrationStateMemo memo;
    private final Consumer consumer;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    /** Lambda entry point: builds the dependencies once per container (see {@link WebhookWiring}). */
    public WebhookConsumerHandler() {
        this(WebhookWiring.fromEnvironment(), IntegrationWiring.fromEnvironment(), new IntegrationStateMemo());
    }

    private WebhookConsumerHandler(WebhookWiring wiring, IntegrationWiring integrations, IntegrationStateMemo memo) {
        this(wiring.router(integrations, memo), wiring.webhookQueueUrl(), wiring.parkedItems(integrations),
                FlowMetrics.stdout(integrations.dynamo(), integrations.tableName()), memo);
    }

    WebhookConsumerHandler(WebhookRouter router, String webhookQueueUrl, ParkedItemStore parkedItems,
                           MetricsLogger metrics) {
        this(router, webhookQueueUrl, parkedItems, metrics, new IntegrationStateMemo());
    }

    /**
     * @param memo the memo the router's integration store is seen through; one scope of it spans each invocation
     */
    WebhookConsumerHandler(WebhookRouter router, String webhookQueueUrl, ParkedItemStore parkedItems,
                           MetricsLogger metrics, IntegrationStateMemo memo) {
        this.router = Objects.requireNonNull(router, "router");
        this.memo = Objects.requireNonNull(memo, "memo");
        this.consumer = new Consumer(webhookQueueUrl, parkedItems, metrics);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (IntegrationStateMemo.Scope reads = memo.open();
             WebhookRouter.BatchScope routing = router.openBatch(envelopes(event))) {
            return consumer.handleRequest(event, context);
        }
    }

    /** The batch's decodable envelopes (the consumer parks the others with their reason). */
    private List<MessageEnvelope> envelopes(SQSEvent event) {
        List<MessageEnvelope> envelopes = new ArrayList<>();
        if (event != null && event.getRecords() != null) {
            for (SQSEvent.SQSMessage record : event.getRecords()) {
                try {
                    envelopes.add(codec.decode(record.getBody()));
                } catch (RuntimeException undecodable) {
                    // Parked by the consumer.
                }
            }
        }
        return envelopes;
    }

    private final class Consumer extends SqsBatchConsumer {

        Consumer(String webhookQueueUrl, ParkedItemStore parkedItems, MetricsLogger metrics) {
            super("WEBHOOKS", webhookQueueUrl, parkedItems, metrics, LOG);
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
}
