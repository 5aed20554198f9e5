package dev.ttsconnector.functions.inventory;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.flow.inventory.InventoryPushMessage;
import dev.ttsconnector.flow.inventory.InventoryPushService;
import dev.ttsconnector.functions.support.SqsBatchConsumer;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.PermanentException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Consumer of the InventoryPushQueue (FIFO, group {@code <integrationId>#<tiktokProductId>}): each message re-plans
 * one TikTok product from current stock ({@link InventoryPushService}). TikTok's own retryable failures (after the
 * client's retries) are redelivered; per-SKU refusals are parked by the service and the message succeeds.
 * <p>The messages of one batch for the same product (and the same {@code force}) are planned once: the first of them
 * that is processed re-plans the product for all of their SKUs, from stock read after every one of them was sent, so
 * the later ones are already covered and are acknowledged without reading stock again (Zipf-skewed stock changes put
 * several messages of a popular product in one batch). If that re-plan fails, the next message of the product in the
 * batch tries it again (on the FIFO queue the later records are failed with it anyway).
 */
public final class InventoryPushHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Re-plans one product: {@link InventoryPushService#push} (a test passes a recorder). */
    private final BiConsumer<String, InventoryPushMessage> push;
    private final Consumer consumer;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    /** Per thread during an invocation: the batch's messages merged per integration, product and force. */
    private final ThreadLocal<Map<String, Merged>> batch = new ThreadLocal<>();

    public InventoryPushHandler() {
        this(InventoryWiring.fromEnvironment());
    }

    InventoryPushHandler(InventoryWiring wiring) {
        this(wiring.push, wiring.pushQueueUrl, wiring.parked, wiring.metrics);
    }

    InventoryPushHandler(InventoryPushService push, String queueUrl, ParkedItemStore parked, MetricsLogger metrics) {
        this((BiConsumer<String, InventoryPushMessage>) Objects.requireNonNull(push, "push")::push, queueUrl, parked,
                metrics);
    }

    InventoryPushHandler(BiConsumer<String, InventoryPushMessage> push, String queueUrl, ParkedItemStore parked,
                         MetricsLogger metrics) {
        this.push = Objects.requireNonNull(push, "push");
        this.consumer = new Consumer(queueUrl, parked, metrics);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        batch.set(merge(event));
        try {
            return consumer.handleRequest(event, context);
        } finally {
            batch.remove();
        }
    }

    /** One product's messages of the batch: their SKUs together, and whether a re-plan already covered them. */
    private static final class Merged {
        final String integrationId;
        final String tiktokProductId;
        final boolean force;
        final Set<String> skus = new LinkedHashSet<>();
        boolean planned;

        Merged(String integrationId, String tiktokProductId, boolean force) {
            this.integrationId = integrationId;
            this.tiktokProductId = tiktokProductId;
            this.force = force;
        }

        InventoryPushMessage message() {
            return new InventoryPushMessage(tiktokProductId, java.util.List.copyOf(skus), force);
        }
    }

    private static String key(String integrationId, InventoryPushMessage message) {
        return integrationId + "\n" + message.tiktokProductId() + "\n" + message.force();
    }

    private Map<String, Merged> merge(SQSEvent event) {
        Map<String, Merged> merged = new HashMap<>();
        if (event == null || event.getRecords() == null) {
            return merged;
        }
        for (SQSEvent.SQSMessage record : event.getRecords()) {
            try {
                MessageEnvelope envelope = codec.decode(record.getBody());
                if (InventoryPushMessage.TYPE.equals(envelope.type())) {
                    InventoryPushMessage message = envelope.payloadAs(InventoryPushMessage.class);
                    merged.computeIfAbsent(key(envelope.integrationId(), message),
                            k -> new Merged(envelope.integrationId(), message.tiktokProductId(), message.force()))
                            .skus.addAll(message.skus());
                }
            } catch (RuntimeException unreadable) {
                // The consumer parks it with its reason.
            }
        }
        return merged;
    }

    private final class Consumer extends SqsBatchConsumer {

        Consumer(String queueUrl, ParkedItemStore parked, MetricsLogger metrics) {
            super(InventoryPushService.FLOW, queueUrl, parked, metrics);
        }

        @Override
        protected void process(MessageEnvelope envelope, Context context) {
            if (!InventoryPushMessage.TYPE.equals(envelope.type())) {
                throw new PermanentException("UNKNOWN_MESSAGE_TYPE", "type: expected " + InventoryPushMessage.TYPE
                        + ", was " + envelope.type());
            }
            InventoryPushMessage message = envelope.payloadAs(InventoryPushMessage.class);
            Map<String, Merged> merged = batch.get();
            Merged product = merged == null ? null : merged.get(key(envelope.integrationId(), message));
            if (product == null) {
                push.accept(envelope.integrationId(), message);
                return;
            }
            if (product.planned) {
                return;
            }
            push.accept(product.integrationId, product.message());
            product.planned = true;
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
}
