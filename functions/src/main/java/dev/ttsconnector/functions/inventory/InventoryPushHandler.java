package dev.ttsconnector.functions.inventory;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.flow.inventory.InventoryPushMessage;
import dev.ttsconnector.flow.inventory.InventoryPushService;
import dev.ttsconnector.functions.support.SqsBatchConsumer;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.PermanentException;

import java.util.Objects;

/**
 * Consumer of the InventoryPushQueue (FIFO, group {@code <integrationId>#<tiktokProductId>}): each message re-plans
 * one TikTok product from current stock ({@link InventoryPushService}). TikTok's own retryable failures (after the
 * client's retries) are redelivered; per-SKU refusals are parked by the service and the message succeeds.
 */
public final class InventoryPushHandler extends SqsBatchConsumer {

    private final InventoryPushService push;

    public InventoryPushHandler() {
        this(InventoryWiring.fromEnvironment());
    }

    InventoryPushHandler(InventoryWiring wiring) {
        this(wiring.push, wiring.pushQueueUrl, wiring.parked, wiring.metrics);
    }

    InventoryPushHandler(InventoryPushService push, String queueUrl, ParkedItemStore parked, MetricsLogger metrics) {
        super(InventoryPushService.FLOW, queueUrl, parked, metrics);
        this.push = Objects.requireNonNull(push, "push");
    }

    @Override
    protected void process(MessageEnvelope envelope, Context context) {
        if (!InventoryPushMessage.TYPE.equals(envelope.type())) {
            throw new PermanentException("UNKNOWN_MESSAGE_TYPE", "type: expected " + InventoryPushMessage.TYPE
                    + ", was " + envelope.type());
        }
        push.push(envelope.integrationId(), envelope.payloadAs(InventoryPushMessage.class));
    }


    @Override
    protected String entityType(MessageEnvelope envelope) {
        return "product";
    }

    @Override
    protected String entityId(MessageEnvelope envelope) {
        return envelope.payload().path("tiktokProductId").asText(envelope.id());
    }
}
