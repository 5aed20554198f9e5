package dev.ttsconnector.functions.resync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.flow.inventory.ResyncService;
import dev.ttsconnector.functions.inventory.InventoryWiring;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.log.LogContext;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.Retryable;
import dev.ttsconnector.tiktok.TikTokApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Consumer of the ResyncQueue. Its messages are EventBridge events from the app bus rule ({@code source
 * tts-connector.api}, {@code detail-type ResyncRequested}) whose {@code detail} is {@code {integrationId, flow,
 * skus?}}; {@link ResyncService} handles them, keyed by the event id so a redelivered event queues nothing twice.
 * A malformed event is parked (flow {@code resync}, reason {@code INVALID_RESYNC_REQUEST}); a transient failure is
 * reported as a batch item failure and redelivered by SQS.
 */
public final class ResyncHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    public static final String FLOW = "resync";
    public static final String REASON_INVALID = "INVALID_RESYNC_REQUEST";
    private static final StructuredLogger LOG = StructuredLogger.forClass(ResyncHandler.class);

    private final ResyncService resync;
    private final ParkedItemStore parked;
    private final String queueUrl;
    private final MetricsLogger metrics;

    public ResyncHandler() {
        this(InventoryWiring.fromEnvironment(), Env.require("RESYNC_QUEUE_URL"));
    }

    ResyncHandler(InventoryWiring wiring, String queueUrl) {
        this(wiring.resyncRequests, wiring.parked, queueUrl, wiring.metrics);
    }

    ResyncHandler(ResyncService resync, ParkedItemStore parked, String queueUrl, MetricsLogger metrics) {
        this.resync = Objects.requireNonNull(resync, "resync");
        this.parked = Objects.requireNonNull(parked, "parked");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        try {
            for (SQSEvent.SQSMessage record : event == null || event.getRecords() == null
                    ? List.<SQSEvent.SQSMessage>of() : event.getRecords()) {
                if (!handle(record)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                }
            }
        } finally {
            metrics.flush();
        }
        return new SQSBatchResponse(failures);
    }

    /** @return false when the record must be redelivered */
    private boolean handle(SQSEvent.SQSMessage record) {
        ResyncService.ResyncRequest request;
        String eventId;
        try {
            JsonNode body = Json.app().readTree(record.getBody());
            JsonNode detail = body.path("detail");
            eventId = body.path("id").asText(record.getMessageId());
            List<String> skus = new ArrayList<>();
            detail.path("skus").forEach(s -> skus.add(s.asText()));
            request = new ResyncService.ResyncRequest(text(detail, "integrationId"), text(detail, "flow"),
                    detail.has("skus") && !detail.get("skus").isNull() ? skus : null);
        } catch (Exception e) {
            return park(record, e.getMessage());
        }
        try (LogContext.Scope ignored = LogContext.open(request.integrationId(), FLOW, record.getMessageId())) {
            resync.handle(request, eventId);
            metrics.increment(request.integrationId(), FLOW, "processed");
            return true;
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                metrics.increment(request.integrationId(), FLOW, "failed");
                LOG.warn("resync failed, will be retried", e, "flow", request.flow());
                return false;
            }
            return park(record, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private boolean park(SQSEvent.SQSMessage record, String reason) {
        String integrationId = "unknown";
        try {
            JsonNode id = Json.app().readTree(record.getBody()).path("detail").path("integrationId");
            if (id.isTextual() && !id.asText().isBlank() && !id.asText().contains("#")) {
                integrationId = id.asText();
            }
        } catch (Exception ignored) {
            // unreadable body: parked under "unknown"
        }
        try {
            parked.park(integrationId, new ParkRequest(FLOW, "event", record.getMessageId(), REASON_INVALID, reason,
                    record.getBody() == null ? "" : record.getBody(), queueUrl));
            LOG.warn("resync request parked", "reason", reason);
            return true;
        } catch (RuntimeException parkFailure) {
            LOG.error("resync request could not be parked, will be retried", parkFailure);
            return false;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TikTokApiException api) {
                return api.retryable();
            }
            if (t instanceof Retryable r) {
                return r.retryable();
            }
            if (t instanceof software.amazon.awssdk.core.exception.SdkException) {
                return true;
            }
        }
        return false;
    }
}
