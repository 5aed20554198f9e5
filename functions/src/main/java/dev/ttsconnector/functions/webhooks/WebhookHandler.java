package dev.ttsconnector.functions.webhooks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.ttsconnector.flow.webhooks.WebhookIntake;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.queue.QueuePublisher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /webhooks/tiktok}: verifies TikTok's signature over the raw body bytes (base64-decoded when API Gateway
 * encoded them) and the timestamp window, enqueues the verified body to WebhookQueue and answers 200 with an empty
 * body. 401 for a missing or wrong signature, 400 for a stale or malformed body, 500 when the queue refused the
 * message (TikTok then retries, spec §12). No TikTok or table call happens here.
 */
public final class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final StructuredLogger LOG = StructuredLogger.forClass(WebhookHandler.class);

    private final WebhookIntake intake;
    private final QueuePublisher queue;
    private final String webhookQueueUrl;

    /** Lambda entry point. */
    public WebhookHandler() {
        this(WebhookWiring.fromEnvironment());
    }

    private WebhookHandler(WebhookWiring wiring) {
        this(wiring.intake(), wiring.queuePublisher(), wiring.webhookQueueUrl());
    }

    WebhookHandler(WebhookIntake intake, QueuePublisher queue, String webhookQueueUrl) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.webhookQueueUrl = Objects.requireNonNull(webhookQueueUrl, "webhookQueueUrl");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        byte[] raw;
        try {
            raw = rawBody(event);
        } catch (IllegalArgumentException e) {
            return answer(400, "body flagged base64 but is not");
        }
        WebhookIntake.Decision decision = intake.receive(raw, header(event.getHeaders(), "authorization"));
        if (!decision.accepted()) {
            LOG.warn("webhook refused", "status", decision.httpStatus(), "reason", decision.reason());
            return answer(decision.httpStatus(), decision.reason());
        }
        try {
            queue.send(webhookQueueUrl, decision.envelope());
        } catch (RuntimeException e) {
            LOG.error("webhook could not be enqueued; TikTok will retry", e);
            return answer(500, "try again");
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("").build();
    }

    private static byte[] rawBody(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return null;
        }
        return event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    /** HTTP API (payload 2.0) lower-cases header names; match case-insensitively anyway. */
    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static APIGatewayV2HTTPResponse answer(int status, String reason) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody("{\"error\":\"" + reason.replace("\\", "\\\\").replace("\"", "'") + "\"}").build();
    }
}
