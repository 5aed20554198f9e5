package dev.ttsconnector.functions.fulfillments;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.flow.fulfillments.FulfillmentPushMessage;
import dev.ttsconnector.flow.fulfillments.FulfillmentPushService;
import dev.ttsconnector.functions.auth.IntegrationWiring;
import dev.ttsconnector.functions.support.SqsBatchConsumer;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.PermanentException;
import java.util.Objects;

/**
 * Consumes FulfillmentPushQueue (FIFO, group = integration + order): each {@value FulfillmentPushMessage#TYPE}
 * message pushes one fulfillment through {@link FulfillmentPushService}. TikTok refusals end the fulfillment
 * {@code failed} (visible on the order) and acknowledge the message; transient failures are redelivered by SQS;
 * a message of another type or for a missing fulfillment is parked.
 */
public final class FulfillmentPushHandler extends SqsBatchConsumer {

    public static final String FLOW = "fulfillments";

    private final FulfillmentPushService service;
    private final StructuredLogger log = StructuredLogger.forClass(FulfillmentPushHandler.class);

    /** Lambda entry: dependencies from the environment once per container; TikTok through the token vault. */
    public FulfillmentPushHandler() {
        this(IntegrationWiring.fromEnvironment().shopAccess());
    }

    /** Dependencies from the environment with the given {@link ShopAccess}. */
    public FulfillmentPushHandler(ShopAccess shopAccess) {
        this(FulfillmentPushWiring.fromEnvironment(shopAccess));
    }

    private FulfillmentPushHandler(FulfillmentPushWiring wiring) {
        this(wiring.service(), wiring.common().queueUrl(), wiring.common().parkedItems(), wiring.common().metrics());
    }

    FulfillmentPushHandler(FulfillmentPushService service, String queueUrl, ParkedItemStore parkedItems,
                           MetricsLogger metrics) {
        super(FLOW, queueUrl, parkedItems, metrics);
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    protected void process(MessageEnvelope envelope, Context context) {
        if (!FulfillmentPushMessage.TYPE.equals(envelope.type())) {
            throw new PermanentException("UNKNOWN_MESSAGE_TYPE", "FulfillmentPushQueue carries only "
                    + FulfillmentPushMessage.TYPE + " messages, got '" + envelope.type() + "'");
        }
        FulfillmentPushMessage message = envelope.payloadAs(FulfillmentPushMessage.class);
        FulfillmentPushService.Outcome outcome = service.push(envelope.integrationId(), message);
        log.info("fulfillment pushed", "fulfillmentId", message.fulfillmentId(), "tiktokOrderId",
                message.tiktokOrderId(), "outcome", outcome.name());
    }

    @Override
    protected String entityType(MessageEnvelope envelope) {
        return "fulfillment";
    }

    @Override
    protected String entityId(MessageEnvelope envelope) {
        try {
            return envelope.payloadAs(FulfillmentPushMessage.class).fulfillmentId();
        } catch (RuntimeException unreadable) {
            return envelope.id();
        }
    }
}
