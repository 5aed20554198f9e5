package dev.ttsconnector.functions.products;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.flow.products.ProductPushMessage;
import dev.ttsconnector.flow.products.ProductPushService;
import dev.ttsconnector.functions.auth.IntegrationWiring;
import dev.ttsconnector.functions.support.SqsBatchConsumer;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.PermanentException;
import java.util.Objects;

/**
 * Consumes ProductSyncQueue (standard queue): each {@value ProductPushMessage#TYPE} message pushes one app listing
 * to the integration's TikTok shop through {@link ProductPushService} (or, with "Prepare for Product Push to
 * TikTok" on, computes its issues only). Transient TikTok / AWS failures are redelivered by SQS (DLQ after 5);
 * TikTok refusals and unknown listings are parked under the listing; a message of another type is parked.
 */
public final class ProductPushHandler extends SqsBatchConsumer {

    private final ProductPushService service;
    private final StructuredLogger log = StructuredLogger.forClass(ProductPushHandler.class);

    /** Lambda entry: dependencies from the environment once per container; TikTok through the token vault. */
    public ProductPushHandler() {
        this(IntegrationWiring.fromEnvironment().shopAccess());
    }

    /** Dependencies from the environment with the given {@link ShopAccess}. */
    public ProductPushHandler(ShopAccess shopAccess) {
        this(ProductPushWiring.fromEnvironment(shopAccess));
    }

    private ProductPushHandler(ProductPushWiring wiring) {
        this(wiring.service(), wiring.common().queueUrl(), wiring.common().parkedItems(), wiring.common().metrics());
    }

    ProductPushHandler(ProductPushService service, String queueUrl, ParkedItemStore parkedItems, MetricsLogger metrics) {
        super(ProductPushService.FLOW, queueUrl, parkedItems, metrics);
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    protected void process(MessageEnvelope envelope, Context context) {
        if (!ProductPushMessage.TYPE.equals(envelope.type())) {
            throw new PermanentException("UNKNOWN_MESSAGE_TYPE", "ProductSyncQueue carries only "
                    + ProductPushMessage.TYPE + " messages, got '" + envelope.type() + "'");
        }
        ProductPushMessage message = envelope.payloadAs(ProductPushMessage.class);
        ProductPushService.Result result = service.push(envelope.integrationId(), message.listingId());
        log.info("product pushed", "listingId", message.listingId(), "tiktokProductId", result.tiktokProductId(),
                "outcome", result.outcome().name(), "issues", result.issues().size());
    }


    @Override
    protected String entityType(MessageEnvelope envelope) {
        return "listing";
    }

    @Override
    protected String entityId(MessageEnvelope envelope) {
        try {
            return envelope.payloadAs(ProductPushMessage.class).listingId();
        } catch (RuntimeException unreadable) {
            return envelope.id();
        }
    }
}
