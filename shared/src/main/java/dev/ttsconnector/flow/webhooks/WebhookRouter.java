package dev.ttsconnector.flow.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.flow.orders.OrderFetchRequest;
import dev.ttsconnector.integration.AuthorizationEvents;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStore;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.PermanentException;
import dev.ttsconnector.queue.QueuePublisher;
import dev.ttsconnector.tiktok.orders.OrdersClient;
import dev.ttsconnector.tiktok.webhook.WebhookEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Handles one verified webhook delivery from WebhookQueue: resolves the integration by {@code shop_id}, drops a
 * delivery already handled ({@link WebhookReceipts}), and routes by type (spec §12):
 * <ul>
 *   <li>1 ORDER_STATUS_CHANGE, 3 RECIPIENT_ADDRESS_UPDATE, 11 CANCELLATION_STATUS_CHANGE: the order id goes to
 *       OrderFetchQueue (the payload's status is not trusted: deliveries may be reordered, so the order is fetched);</li>
 *   <li>4 PACKAGE_UPDATE: the orders of every package in {@code package_list} go to OrderFetchQueue;</li>
 *   <li>6 SELLER_DEAUTHORIZATION, 7 UPCOMING_AUTHORIZATION_EXPIRATION: {@link AuthorizationEvents};</li>
 *   <li>12 RETURN_STATUS_CHANGE: the {@code return_id} is fetched now through the {@link ReturnFetcher} (the returns
 *       flow re-reads it from TikTok instead of trusting the payload) when one is wired, else ignored (the returns
 *       schedule picks it up);</li>
 *   <li>anything else: acknowledged and logged by the caller.</li>
 * </ul>
 * A body that is not a webhook envelope throws {@link PermanentException} {@value #REASON_MALFORMED} (parked).
 * <p>A consumer handles a whole SQS batch in one {@link #openBatch batch scope} on its thread: the receipts of the
 * batch's deliveries are read at once (one batched read per integration instead of one read per delivery), the order
 * fetches of the batch are sent together when the scope closes (SendMessageBatch, 10 per request, instead of one
 * request per delivery), and only then are their receipts written, so a delivery is never marked handled before its
 * fetch is queued. If that send or those receipts fail, {@link BatchScope#close()} throws: the consumer then fails
 * the invocation and SQS redelivers the whole batch (handled again; every action is idempotent). A delivery repeated
 * within the batch is a duplicate. A receipt written by another consumer after the read-ahead is missed, as one
 * written between {@code seen} and {@code record} always was: the delivery is handled again.
 */
public final class WebhookRouter {

    public static final String REASON_MALFORMED = "MALFORMED_WEBHOOK";
    public static final int ORDER_STATUS_CHANGE = 1;
    public static final int RECIPIENT_ADDRESS_UPDATE = 3;
    public static final int PACKAGE_UPDATE = 4;
    public static final int SELLER_DEAUTHORIZATION = 6;
    public static final int UPCOMING_AUTHORIZATION_EXPIRATION = 7;
    public static final int CANCELLATION_STATUS_CHANGE = 11;
    public static final int RETURN_STATUS_CHANGE = 12;
    /** Longer than TikTok's last retry (12 h after the first delivery, spec §12). */
    static final Duration RECEIPT_TTL = Duration.ofDays(2);

    /** What handling a delivery did. */
    public enum Outcome { ORDERS_ENQUEUED, AUTHORIZATION_UPDATED, RETURNS_FETCHED, IGNORED_TYPE, UNKNOWN_SHOP, DUPLICATE }

    /**
     * Fetches TikTok return orders by id into the app now (the returns flow's targeted fetch). A failure throws and
     * the delivery is retried by SQS (no receipt is recorded).
     */
    @FunctionalInterface
    public interface ReturnFetcher {
        void fetch(String integrationId, List<String> returnIds);
    }

    /** The outcome, the resolved integration (null for an unknown shop) and the webhook type. */
    public record Result(Outcome outcome, String integrationId, int type, List<String> orderIds) {
    }

    private final IntegrationStore integrations;
    private final WebhookReceipts receipts;
    private final QueuePublisher queue;
    private final String fetchQueueUrl;
    private final AuthorizationEvents authorization;
    private final Clock clock;
    private final ReturnFetcher returns;
    /** Per thread while a batch scope is open. */
    private final ThreadLocal<Batch> batch = new ThreadLocal<>();

    /** One open batch: what is known about receipts, the fetches to send and the receipts to write after them. */
    private static final class Batch {
        /** "integrationId\nkey" → already handled. */
        final Map<String, Boolean> known = new HashMap<>();
        final List<MessageEnvelope> fetches = new ArrayList<>();
        final List<String[]> receiptsAfterSend = new ArrayList<>();
    }

    public WebhookRouter(IntegrationStore integrations, WebhookReceipts receipts, QueuePublisher queue,
                         String fetchQueueUrl, AuthorizationEvents authorization, Clock clock) {
        this(integrations, receipts, queue, fetchQueueUrl, authorization, clock, null);
    }

    /** @param returns the returns flow's targeted fetch; null = return webhooks are acknowledged and ignored */
    public WebhookRouter(IntegrationStore integrations, WebhookReceipts receipts, QueuePublisher queue,
                         String fetchQueueUrl, AuthorizationEvents authorization, Clock clock, ReturnFetcher returns) {
        this.returns = returns;
        this.integrations = Objects.requireNonNull(integrations, "integrations");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.fetchQueueUrl = Objects.requireNonNull(fetchQueueUrl, "fetchQueueUrl");
        this.authorization = Objects.requireNonNull(authorization, "authorization");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Result route(MessageEnvelope envelope) {
        WebhookDelivery delivery = envelope.payloadAs(WebhookDelivery.class);
        byte[] raw = delivery.body().getBytes(StandardCharsets.UTF_8);
        WebhookEvent event = parse(raw);
        Optional<Integration> integration = integrations.findByShopId(event.shopId());
        if (integration.isEmpty()) {
            return new Result(Outcome.UNKNOWN_SHOP, null, event.type(), List.of());
        }
        String integrationId = integration.get().id();
        String key = WebhookIntake.deliveryKey(event, raw);
        if (seen(integrationId, key)) {
            return new Result(Outcome.DUPLICATE, integrationId, event.type(), List.of());
        }
        Result result = switch (event.type()) {
            case ORDER_STATUS_CHANGE, RECIPIENT_ADDRESS_UPDATE, CANCELLATION_STATUS_CHANGE ->
                    enqueueOrders(integrationId, event, List.of(requireText(event.data(), "order_id")), key);
            case PACKAGE_UPDATE -> enqueueOrders(integrationId, event, packageOrders(event.data()), key);
            case SELLER_DEAUTHORIZATION -> {
                authorization.deauthorized(integrationId, text(event.data(), "message"), event.timestamp());
                yield new Result(Outcome.AUTHORIZATION_UPDATED, integrationId, event.type(), List.of());
            }
            case UPCOMING_AUTHORIZATION_EXPIRATION -> {
                JsonNode expiration = event.data().get("expiration_time");
                if (expiration == null || !expiration.canConvertToLong()) {
                    throw malformed("data.expiration_time: missing or not Unix seconds");
                }
                authorization.authorizationExpiring(integrationId, Instant.ofEpochSecond(expiration.asLong()),
                        event.timestamp());
                yield new Result(Outcome.AUTHORIZATION_UPDATED, integrationId, event.type(), List.of());
            }
            case RETURN_STATUS_CHANGE -> {
                if (returns == null) {
                    yield new Result(Outcome.IGNORED_TYPE, integrationId, event.type(), List.of());
                }
                returns.fetch(integrationId, List.of(requireText(event.data(), "return_id")));
                yield new Result(Outcome.RETURNS_FETCHED, integrationId, event.type(), List.of());
            }
            default -> new Result(Outcome.IGNORED_TYPE, integrationId, event.type(), List.of());
        };
        Batch open = batch.get();
        if (open != null) {
            open.known.put(integrationId + "\n" + key, true);
            if (result.outcome() == Outcome.ORDERS_ENQUEUED) {
                open.receiptsAfterSend.add(new String[]{integrationId, key});
                return result;
            }
        }
        receipts.record(integrationId, key, clock.now().plus(RECEIPT_TTL));
        return result;
    }

    /** An open batch scope; {@link #close()} sends the batch's fetches, writes their receipts and ends it. */
    public interface BatchScope extends AutoCloseable {
        /**
         * @throws RuntimeException when the fetches could not be queued or their receipts not written: the caller
         *                          must fail the invocation so that SQS redelivers the batch
         */
        @Override
        void close();
    }

    /**
     * Opens the batch scope of this thread for {@code envelopes} (see the class comment): reads their receipts at
     * once, per integration; deliveries that cannot be read or resolved are skipped here (routing reports them); if
     * the batched read fails, routing reads receipts one by one.
     */
    public BatchScope openBatch(List<MessageEnvelope> envelopes) {
        Batch open = new Batch();
        batch.set(open);
        Map<String, Boolean> known = open.known;
        Map<String, List<String>> keysByIntegration = new LinkedHashMap<>();
        for (MessageEnvelope envelope : envelopes) {
            try {
                byte[] raw = envelope.payloadAs(WebhookDelivery.class).body().getBytes(StandardCharsets.UTF_8);
                WebhookEvent event = parse(raw);
                integrations.findByShopId(event.shopId()).ifPresent(i -> keysByIntegration
                        .computeIfAbsent(i.id(), k -> new ArrayList<>()).add(WebhookIntake.deliveryKey(event, raw)));
            } catch (RuntimeException unreadable) {
                // Routing parks or reports it.
            }
        }
        keysByIntegration.forEach((integrationId, keys) -> {
            try {
                Set<String> seen = receipts.seenAmong(integrationId, keys);
                keys.forEach(k -> known.put(integrationId + "\n" + k, seen.contains(k)));
            } catch (RuntimeException e) {
                // Left unknown: routing asks the store per delivery.
            }
        });
        return () -> {
            if (batch.get() != open) {
                return;
            }
            batch.remove();
            if (!open.fetches.isEmpty()) {
                queue.sendAll(fetchQueueUrl, open.fetches);
            }
            Instant expiresAt = clock.now().plus(RECEIPT_TTL);
            Map<String, List<String>> handled = new LinkedHashMap<>();
            for (String[] receipt : open.receiptsAfterSend) {
                handled.computeIfAbsent(receipt[0], k -> new ArrayList<>()).add(receipt[1]);
            }
            handled.forEach((integrationId, keys) -> receipts.recordAll(integrationId, keys, expiresAt));
        };
    }

    private boolean seen(String integrationId, String key) {
        Batch open = batch.get();
        Boolean answer = open == null ? null : open.known.get(integrationId + "\n" + key);
        return answer != null ? answer : receipts.seen(integrationId, key);
    }

    private Result enqueueOrders(String integrationId, WebhookEvent event, List<String> orderIds, String key) {
        Instant now = clock.now();
        List<MessageEnvelope> messages = new ArrayList<>();
        for (int i = 0; i < orderIds.size(); i += OrdersClient.MAX_DETAIL_IDS) {
            List<String> chunk = orderIds.subList(i, Math.min(orderIds.size(), i + OrdersClient.MAX_DETAIL_IDS));
            messages.add(new OrderFetchRequest(chunk, ChangeSource.WEBHOOK).envelope(integrationId, key, now));
        }
        Batch open = batch.get();
        if (open != null) {
            open.fetches.addAll(messages);
        } else {
            queue.sendAll(fetchQueueUrl, messages);
        }
        return new Result(Outcome.ORDERS_ENQUEUED, integrationId, event.type(), List.copyOf(orderIds));
    }

    private static List<String> packageOrders(JsonNode data) {
        JsonNode packages = data.get("package_list");
        if (packages == null || !packages.isArray()) {
            throw malformed("data.package_list: missing or not an array");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode p : packages) {
            JsonNode orders = p.get("order_id_list");
            if (orders != null && orders.isArray()) {
                orders.forEach(o -> ids.add(o.asText()));
            }
        }
        return List.copyOf(ids);
    }

    private static WebhookEvent parse(byte[] raw) {
        JsonNode root;
        try {
            root = Json.tiktok().readTree(raw);
        } catch (IOException e) {
            throw malformed("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("body is not a JSON object");
        }
        JsonNode type = root.get("type");
        if (type == null || !type.canConvertToInt()) {
            throw malformed("type: missing or not an integer");
        }
        JsonNode ts = root.get("timestamp");
        if (ts == null || !ts.canConvertToLong()) {
            throw malformed("timestamp: missing or not Unix seconds");
        }
        JsonNode data = root.get("data");
        return new WebhookEvent(type.asInt(), text(root, "tts_notification_id"), requireText(root, "shop_id"),
                Instant.ofEpochSecond(ts.asLong()), data == null || !data.isObject() ? Json.tiktok().createObjectNode()
                        : data);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String requireText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw malformed(field + ": missing");
        }
        return value;
    }

    private static PermanentException malformed(String what) {
        return new PermanentException(REASON_MALFORMED, "webhook body is not a TikTok webhook envelope: " + what);
    }
}
