package dev.ttsconnector.functions.support;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.log.LogContext;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.EnvelopeDecodingException;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.PermanentException;
import dev.ttsconnector.queue.Retryable;
import dev.ttsconnector.tiktok.TikTokApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Base of every SQS consumer: decodes each record's {@link MessageEnvelope}, calls {@link #process} and
 * answers an {@link SQSBatchResponse} with partial batch failures (the event source mapping must have
 * {@code ReportBatchItemFailures}).
 *
 * <p>Outcome per record:
 * <ul>
 *   <li>success: acknowledged (metric {@value #METRIC_PROCESSED});</li>
 *   <li>transient failure ({@link #isTransient}): reported as a batch item failure, so SQS redelivers it
 *       after the visibility timeout and moves it to the DLQ after maxReceiveCount (metric
 *       {@value #METRIC_FAILED});</li>
 *   <li>permanent failure or undecodable body: parked in the {@link ParkedItemStore} with the body and source
 *       queue (visible, replayable) and acknowledged, so it never loops (metric {@value #METRIC_PARKED}); if
 *       parking itself fails, the record is reported as failed instead, so it is never lost.</li>
 * </ul>
 * On a FIFO queue (event source ARN ends in {@code .fifo}) the first failed record fails every later record of
 * the batch without processing them (metric {@value #METRIC_DEFERRED}), so no message overtakes an earlier one
 * of its group (the AWS Powertools rule). Parked records are not failures and do not stop the batch.
 *
 * <p>Every log line written while a record is handled carries its integration id, the flow and
 * {@code requestId} = the SQS message id. Metrics are flushed once per invocation.
 */
public abstract class SqsBatchConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Tenant used to park a body whose integration cannot be told. */
    public static final String UNKNOWN_INTEGRATION = "unknown";
    public static final String REASON_UNDECODABLE = "UNDECODABLE_MESSAGE";
    /** Reason for permanent failures that are not a {@link PermanentException} with its own code. */
    public static final String REASON_PROCESSING_ERROR = "PROCESSING_ERROR";
    public static final String METRIC_PROCESSED = "processed";
    public static final String METRIC_FAILED = "failed";
    public static final String METRIC_PARKED = "parked";
    public static final String METRIC_DEFERRED = "deferred";

    private static final int MAX_CAUSE_DEPTH = 32;

    private final String flow;
    private final String sourceQueueUrl;
    private final ParkedItemStore parkedItems;
    private final MetricsLogger metrics;
    private final StructuredLogger log;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    /** Set by {@link #attributeTo} during {@link #process}; an empty Optional = no single integration. */
    private final ThreadLocal<java.util.Optional<String>> attributed = new ThreadLocal<>();

    private enum Outcome { ACK, RETRY }

    /**
     * @param flow           the flow name used in logs, metrics and parked items, e.g. {@code orders}
     * @param sourceQueueUrl URL of the queue this function consumes; parked items are replayed to it
     * @param log            logger; {@code null} for a stdout logger named after the concrete consumer class
     */
    protected SqsBatchConsumer(String flow, String sourceQueueUrl, ParkedItemStore parkedItems,
                               MetricsLogger metrics, StructuredLogger log) {
        if (flow == null || flow.isBlank() || flow.contains("#")) {
            throw new IllegalArgumentException("flow must be non-blank without '#': '" + flow + "'");
        }
        this.flow = flow;
        this.sourceQueueUrl = Objects.requireNonNull(sourceQueueUrl, "sourceQueueUrl");
        this.parkedItems = Objects.requireNonNull(parkedItems, "parkedItems");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.log = log != null ? log : StructuredLogger.forClass(getClass());
    }

    protected SqsBatchConsumer(String flow, String sourceQueueUrl, ParkedItemStore parkedItems,
                               MetricsLogger metrics) {
        this(flow, sourceQueueUrl, parkedItems, metrics, null);
    }

    /**
     * Applies one message. Must be idempotent: SQS delivers at least once. Throw a
     * {@link dev.ttsconnector.queue.TransientException} (or any {@link Retryable} answering true) to have the
     * message redelivered, a {@link PermanentException} to park it under its reason code.
     */
    protected abstract void process(MessageEnvelope envelope, Context context) throws Exception;

    /**
     * Whether a failure may pass on redelivery. Default: the first {@link Retryable} or TikTok error in the cause
     * chain decides (TikTok's own classification: 5xx, throttling and resets after the client's retries pass on
     * redelivery, refusals do not); otherwise I/O errors, AWS client errors and retryable, throttling or 5xx AWS service errors
     * are transient; everything else is permanent.
     */
    protected boolean isTransient(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof Retryable retryable) {
                return retryable.retryable();
            }
            if (t instanceof TikTokApiException tiktok) {
                return tiktok.retryable();
            }
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
            if (t instanceof SdkServiceException service) {
                return service.retryable() || service.isThrottlingException() || service.statusCode() >= 500;
            }
            if (t instanceof SdkClientException) {
                return true;
            }
            if (t instanceof SdkException sdk && sdk.retryable()) {
                return true;
            }
        }
        return false;
    }

    /** Entity type a permanent failure is parked under; default the envelope type. */
    protected String entityType(MessageEnvelope envelope) {
        return envelope.type();
    }

    /**
     * Entity id a permanent failure is parked under; default the message id. Override with the business id
     * (order id, SKU) so that repeated failures of one entity are one parked item.
     */
    protected String entityId(MessageEnvelope envelope) {
        return envelope.id();
    }

    @Override
    public final SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null
                ? List.of() : event.getRecords();
        String lambdaRequestId = context == null ? null : context.getAwsRequestId();
        try (LogContext.Scope ignored = LogContext.with("lambdaRequestId", lambdaRequestId)) {
            boolean failRest = false;
            for (SQSEvent.SQSMessage record : records) {
                if (failRest) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                    metrics.increment(attributeIntegration(record), flow, METRIC_DEFERRED);
                    continue;
                }
                if (handleRecord(record, context) == Outcome.RETRY) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                    failRest = isFifo(record);
                }
            }
        } finally {
            metrics.flush();
        }
        return new SQSBatchResponse(failures);
    }

    private Outcome handleRecord(SQSEvent.SQSMessage record, Context context) {
        String messageId = record.getMessageId();
        try (LogContext.Scope ignored = LogContext.open(attributeIntegration(record), flow, messageId)) {
            MessageEnvelope envelope;
            try {
                envelope = codec.decode(record.getBody());
            } catch (EnvelopeDecodingException e) {
                String integrationId = attributeIntegration(record);
                return park(integrationId == null ? UNKNOWN_INTEGRATION : integrationId, "message", messageId,
                        REASON_UNDECODABLE, e.getMessage(), record, e);
            }
            try (LogContext.Scope inner = LogContext.open(envelope.integrationId(), flow, messageId)) {
                return apply(envelope, record, context);
            }
        }
    }

    /**
     * Called during {@link #process} when the message's integration is only known after processing (a webhook is
     * resolved by shop id): its metrics and flow health then count for {@code integrationId}, or for no single
     * integration when it is null (e.g. an unknown shop).
     */
    protected final void attributeTo(String integrationId) {
        attributed.set(java.util.Optional.ofNullable(integrationId));
    }

    private String metricsIntegration(MessageEnvelope envelope) {
        java.util.Optional<String> resolved = attributed.get();
        return resolved == null ? envelope.integrationId() : resolved.orElse(null);
    }

    private Outcome apply(MessageEnvelope envelope, SQSEvent.SQSMessage record, Context context) {
        attributed.remove();
        try {
            process(envelope, context);
            metrics.increment(metricsIntegration(envelope), flow, METRIC_PROCESSED);
            log.debug("message processed", "type", envelope.type(), "messageId", envelope.id());
            return Outcome.ACK;
        } catch (Exception e) {
            if (isTransient(e)) {
                metrics.increment(metricsIntegration(envelope), flow, METRIC_FAILED);
                log.warn("message failed, will be retried", e, "type", envelope.type(),
                        "receiveCount", receiveCount(record));
                return Outcome.RETRY;
            }
            PermanentException permanent = findPermanent(e);
            String reasonCode = permanent != null ? permanent.reasonCode() : REASON_PROCESSING_ERROR;
            String reasonMessage = permanent != null ? permanent.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            return park(envelope.integrationId(), entityType(envelope), entityId(envelope), reasonCode,
                    reasonMessage, record, e);
        }
    }

    private Outcome park(String integrationId, String entityType, String entityId, String reasonCode,
                         String reasonMessage, SQSEvent.SQSMessage record, Exception cause) {
        String metricIntegration = UNKNOWN_INTEGRATION.equals(integrationId) ? null : integrationId;
        try {
            ParkedItem item = parkedItems.park(integrationId, new ParkRequest(flow, keyPart(entityType),
                    keyPart(entityId), reasonCode,
                    reasonMessage, record.getBody() == null ? "" : record.getBody(), sourceQueueUrl));
            metrics.increment(metricIntegration, flow, METRIC_PARKED);
            log.warn("message parked", cause, "reasonCode", reasonCode, "parkedItemId", item.id(),
                    "occurrences", item.occurrences());
            return Outcome.ACK;
        } catch (RuntimeException parkFailure) {
            // Never acknowledge what could not be parked: redelivery (and the DLQ) keep it from being lost.
            parkFailure.addSuppressed(cause);
            metrics.increment(metricIntegration, flow, METRIC_FAILED);
            log.error("message could not be parked, will be retried", parkFailure, "reasonCode", reasonCode);
            return Outcome.RETRY;
        }
    }

    /** '#' separates key parts; escaping it keeps an odd entity id from making the record unparkable. */
    private static String keyPart(String value) {
        return value == null ? null : value.replace("#", "%23");
    }

    private static PermanentException findPermanent(Throwable error) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof PermanentException permanent) {
                return permanent;
            }
        }
        return null;
    }

    private static boolean isFifo(SQSEvent.SQSMessage record) {
        return record.getEventSourceArn() != null && record.getEventSourceArn().endsWith(".fifo");
    }

    /** The {@code integrationId} message attribute set by our publishers, or {@code null}. */
    private static String attributeIntegration(SQSEvent.SQSMessage record) {
        Map<String, SQSEvent.MessageAttribute> attributes = record.getMessageAttributes();
        if (attributes == null) {
            return null;
        }
        SQSEvent.MessageAttribute attribute = attributes.get("integrationId");
        String value = attribute == null ? null : attribute.getStringValue();
        return value == null || value.isBlank() || value.contains("#") ? null : value;
    }

    private static String receiveCount(SQSEvent.SQSMessage record) {
        return record.getAttributes() == null ? null : record.getAttributes().get("ApproximateReceiveCount");
    }
}
