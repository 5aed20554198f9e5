package dev.ttsconnector.functions.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.flow.orders.IngestOutcome;
import dev.ttsconnector.flow.orders.IngestReadAhead;
import dev.ttsconnector.flow.orders.OrderFetchRequest;
import dev.ttsconnector.flow.orders.OrderFollowUpRequest;
import dev.ttsconnector.flow.orders.OrderFetchService;
import dev.ttsconnector.functions.support.SqsBatchConsumer;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.integration.IntegrationStateMemo;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.EnvelopeCodec;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.PermanentException;
import dev.ttsconnector.tiktok.orders.Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Consumes OrderFetchQueue (batch size 10 with a batching window): fetches the orders named by the batch's messages
 * and applies them. The ids of all messages of one integration are fetched together first, in detail calls of up to
 * 50 ids (spec §4), so a burst of webhooks costs about one TikTok call per 50 orders instead of one per webhook
 * (performance guide). Then each message is handled on its own by the standard consumer (partial batch failures,
 * parking): it uses the prefetched orders, or fetches itself when its integration's prefetch failed. Ids TikTok does
 * not return are acknowledged and logged. The whole invocation runs in one {@link IntegrationStateMemo} scope: an
 * integration's record and settings are read once per batch, not once per message, and again by the next batch.
 * After the prefetch, the catalog items and stored records those orders need are read ahead in one batched read each
 * ({@link IngestReadAhead}: a stored record serves one message; a second message of the order reads it again).
 */
public final class OrderFetchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final StructuredLogger LOG = StructuredLogger.forClass(OrderFetchHandler.class);

    private final OrderFetchService fetch;
    private final Consumer consumer;
    private final IntegrationStateMemo memo;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    /**
     * The invocation's state, per thread: the local runner and the benchmark may call one instance from several
     * threads at once, so nothing of one batch may be seen by another.
     */
    private final ThreadLocal<Batch> batch = new ThreadLocal<>();

    /**
     * Per invocation: integration → fetched orders by id (absent when that integration's prefetch failed), integration
     * → the catalog and stored-order reads made ahead for those orders (absent when that failed), and envelope id →
     * the record was delivered before.
     */
    private record Batch(Map<String, Map<String, Order>> prefetched, Map<String, IngestReadAhead> readAhead,
                         Map<String, Boolean> redelivered) {
    }

    /** Lambda entry point: builds the dependencies once per container (see {@link OrdersWiring}). */
    public OrderFetchHandler() {
        this(OrdersWiring.fromEnvironment());
    }

    private OrderFetchHandler(OrdersWiring wiring) {
        this(wiring.fetchService(), wiring.fetchQueueUrl(), wiring.parkedItems(), wiring.metrics(), wiring.memo());
    }

    OrderFetchHandler(OrderFetchService fetch, String fetchQueueUrl, ParkedItemStore parkedItems,
                      MetricsLogger metrics) {
        this(fetch, fetchQueueUrl, parkedItems, metrics, new IntegrationStateMemo());
    }

    /**
     * @param memo the memo the service's integration and settings stores are seen through; one scope of it spans each
     *             invocation, so the batch reads an integration and its settings once
     */
    OrderFetchHandler(OrderFetchService fetch, String fetchQueueUrl, ParkedItemStore parkedItems,
                      MetricsLogger metrics, IntegrationStateMemo memo) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.memo = Objects.requireNonNull(memo, "memo");
        this.consumer = new Consumer(fetchQueueUrl, parkedItems, metrics);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        try (IntegrationStateMemo.Scope reads = memo.open()) {
            batch.set(new Batch(new HashMap<>(), new HashMap<>(), new HashMap<>()));
            prefetch(event);
            return consumer.handleRequest(event, context);
        } finally {
            batch.remove();
        }
    }

    private void prefetch(SQSEvent event) {
        Map<String, Map<String, Order>> prefetched = batch.get().prefetched();
        Map<String, Boolean> redelivered = batch.get().redelivered();
        Map<String, Set<String>> idsByIntegration = new LinkedHashMap<>();
        for (SQSEvent.SQSMessage record : event == null || event.getRecords() == null
                ? List.<SQSEvent.SQSMessage>of() : event.getRecords()) {
            try {
                MessageEnvelope envelope = codec.decode(record.getBody());
                String count = record.getAttributes() == null ? null
                        : record.getAttributes().get("ApproximateReceiveCount");
                redelivered.put(envelope.id(), count != null && !"1".equals(count));
                if (OrderFetchRequest.TYPE.equals(envelope.type())) {
                    idsByIntegration.computeIfAbsent(envelope.integrationId(), k -> new LinkedHashSet<>())
                            .addAll(envelope.payloadAs(OrderFetchRequest.class).orderIds());
                }
            } catch (RuntimeException undecodable) {
                // The consumer parks it with the reason; nothing to prefetch.
            }
        }
        idsByIntegration.forEach((integrationId, ids) -> {
            try {
                Map<String, Order> byId = new HashMap<>();
                fetch.fetch(integrationId, new ArrayList<>(ids)).forEach(o -> byId.put(o.id(), o));
                prefetched.put(integrationId, byId);
            } catch (RuntimeException e) {
                LOG.warn("order prefetch failed; each message fetches on its own", e, "integrationId",
                        integrationId, "orders", ids.size());
                return;
            }
            try {
                batch.get().readAhead().put(integrationId,
                        fetch.readAhead(integrationId, prefetched.get(integrationId).values()));
            } catch (RuntimeException e) {
                LOG.warn("order read-ahead failed; each message reads on its own", e, "integrationId",
                        integrationId);
            }
        });
    }

    private final class Consumer extends SqsBatchConsumer {

        Consumer(String fetchQueueUrl, ParkedItemStore parkedItems, MetricsLogger metrics) {
            super("ORDERS", fetchQueueUrl, parkedItems, metrics, StructuredLogger.forClass(OrderFetchHandler.class));
        }

        @Override
        protected void process(MessageEnvelope envelope, Context context) {
            if (OrderFollowUpRequest.TYPE.equals(envelope.type())) {
                OrderFollowUpRequest followUp = envelope.payloadAs(OrderFollowUpRequest.class);
                if (!fetch.rerunFollowUps(envelope.integrationId(), followUp)) {
                    throw new PermanentException("ORDER_NOT_IN_APP", "order " + followUp.tiktokOrderId()
                            + " is not in the app; its follow-ups cannot run");
                }
                return;
            }
            if (!OrderFetchRequest.TYPE.equals(envelope.type())) {
                throw new PermanentException("UNKNOWN_MESSAGE_TYPE", "OrderFetchQueue carries "
                        + OrderFetchRequest.TYPE + " and " + OrderFollowUpRequest.TYPE + " messages, got '"
                        + envelope.type() + "'");
            }
            OrderFetchRequest request = envelope.payloadAs(OrderFetchRequest.class);
            String integrationId = envelope.integrationId();
            try {
                Map<String, Order> known = batch.get().prefetched().get(integrationId);
                List<Order> orders;
                if (known != null) {
                    orders = request.orderIds().stream().distinct().map(known::get).filter(Objects::nonNull)
                            .toList();
                } else {
                    orders = fetch.fetch(integrationId, request.orderIds());
                }
                List<IngestOutcome> outcomes = fetch.ingest(integrationId, orders, request.source(),
                        batch.get().redelivered().getOrDefault(envelope.id(), false),
                        known != null ? batch.get().readAhead().get(integrationId) : null);
                if (orders.size() < request.orderIds().stream().distinct().count()) {
                    LOG.warn("TikTok did not return some orders", "requested", request.orderIds().size(),
                            "returned", orders.size());
                }
                LOG.debug("orders fetched", "applied", outcomes.stream().filter(o -> o.kind().wrote()).count());
            } catch (IntegrationNotConnectedException e) {
                LOG.info("order fetch skipped: integration not connected", "reason", e.getMessage());
            }
        }

        @Override
        protected boolean isTransient(Throwable error) {
            return OrdersFailures.isTransient(error) || super.isTransient(error);
        }

        @Override
        protected String entityType(MessageEnvelope envelope) {
            return "order";
        }

        @Override
        protected String entityId(MessageEnvelope envelope) {
            try {
                List<String> ids = envelope.payloadAs(OrderFetchRequest.class).orderIds();
                return ids.size() == 1 ? ids.get(0) : envelope.id();
            } catch (RuntimeException e) {
                return envelope.id();
            }
        }
    }
}
