package dev.ttsconnector.functions.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemPage;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.exceptions.ParkedItemStatus;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.log.LogContext;
import dev.ttsconnector.log.LogLevel;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.PermanentException;
import dev.ttsconnector.queue.TransientException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class SqsBatchConsumerTest {

    private static final String QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryParkedItemStore parked = new InMemoryParkedItemStore(clock);
    private final List<String> logLines = new ArrayList<>();
    private final List<String> metricLines = new ArrayList<>();
    private final MetricsLogger metrics = new MetricsLogger("TtsConnector", clock, metricLines::add);
    private final StructuredLogger log = StructuredLogger.create("consumer", LogLevel.DEBUG, logLines::add, clock);
    private final Context context = new TestContext("lambda-req-1");

    /** Processes orders; the failure planned for an order id is thrown when that order is processed. */
    class OrderConsumer extends SqsBatchConsumer {
        final Map<String, Exception> failures = new HashMap<>();
        final List<String> processed = new ArrayList<>();
        final List<Map<String, String>> contexts = new ArrayList<>();

        OrderConsumer(ParkedItemStore store) {
            super("orders", QUEUE_URL, store, metrics, log);
        }

        @Override
        protected void process(MessageEnvelope envelope, Context ctx) throws Exception {
            String orderId = envelope.payload().get("orderId").asText();
            contexts.add(LogContext.current());
            Exception failure = failures.get(orderId);
            if (failure != null) {
                throw failure;
            }
            processed.add(orderId);
        }

        @Override
        protected String entityType(MessageEnvelope envelope) {
            return "order";
        }

        @Override
        protected String entityId(MessageEnvelope envelope) {
            return envelope.payload().get("orderId").asText();
        }
    }

    private final OrderConsumer consumer = new OrderConsumer(parked);

    private static SQSEvent load(String name) {
        return EventLoader.loadSQSEvent("fixtures/events/" + name);
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private List<JsonNode> metricDocuments() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : metricLines) {
            docs.add(Json.app().readTree(line));
        }
        return docs;
    }

    private List<ParkedItem> parkedItems(String integrationId) {
        ParkedItemPage page = parked.list(integrationId, ParkedItemQuery.all());
        return page.items();
    }

    @ParameterizedTest
    @Event(value = "fixtures/events/sqs-standard-three-envelopes.json", type = SQSEvent.class)
    void handle_whenProcessAttributesTheMessage_countsItForThatIntegration_orForNoneWhenNull(SQSEvent event)
            throws Exception {
        SqsBatchConsumer resolving = new SqsBatchConsumer("WEBHOOKS", QUEUE_URL, parked, metrics, log) {
            @Override
            protected void process(MessageEnvelope envelope, Context ctx) {
                String orderId = envelope.payload().get("orderId").asText();
                attributeTo(orderId.equals("o-3") ? null : "int-resolved");
            }
        };

        resolving.handleRequest(event, context);

        assertThat(metricDocuments()).hasSize(2).anySatisfy(doc -> {
            assertThat(doc.get("Integration").asText()).isEqualTo("int-resolved");
            assertThat(doc.get("processed").asLong()).isEqualTo(2);
        }).anySatisfy(doc -> {
            assertThat(doc.has("Integration")).as("counted per flow only").isFalse();
            assertThat(doc.get("processed").asLong()).isEqualTo(1);
        });
    }

    @ParameterizedTest
    @Event(value = "fixtures/events/sqs-standard-three-envelopes.json", type = SQSEvent.class)
    void handle_allRecordsSucceed_reportsNoFailures_andCountsProcessed(SQSEvent event) throws Exception {
        SQSBatchResponse response = consumer.handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(consumer.processed).containsExactly("o-1", "o-2", "o-3");
        assertThat(metricDocuments()).singleElement().satisfies(doc -> {
            assertThat(doc.get("processed").asLong()).isEqualTo(3);
            assertThat(doc.get("Integration").asText()).isEqualTo("int-1");
            assertThat(doc.get("Flow").asText()).isEqualTo("orders");
        });
    }

    @Test
    void handle_setsLogContextPerRecord_andClearsItAfterwards() throws Exception {
        consumer.handleRequest(load("sqs-standard-two-integrations.json"), context);

        assertThat(consumer.contexts).hasSize(2);
        assertThat(consumer.contexts.get(0)).containsEntry("integrationId", "int-1").containsEntry("flow", "orders")
                .containsEntry("requestId", "msg-1").containsEntry("lambdaRequestId", "lambda-req-1");
        assertThat(consumer.contexts.get(1)).containsEntry("integrationId", "int-2").containsEntry("requestId", "msg-2");
        assertThat(LogContext.current()).isEmpty();
        JsonNode firstLine = Json.app().readTree(logLines.getFirst());
        assertThat(firstLine.get("requestId").asText()).isEqualTo("msg-1");
        assertThat(firstLine.get("integrationId").asText()).isEqualTo("int-1");
        assertThat(metricLines).hasSize(2);
    }

    @Test
    void handle_tiktokErrors_areRedeliveredWhenTikTokCallsThemRetryable_andParkedWhenItRefuses() throws Exception {
        consumer.failures.put("o-1", new IllegalStateException("push failed", new dev.ttsconnector.tiktok
                .TikTokTransientException("products.update", 503, 36009003, "Internal error", "req-1", null)));
        consumer.failures.put("o-3", new dev.ttsconnector.tiktok.TikTokPermanentException("products.update", 200,
                12019022, "SKU must contain a valid warehouse", "req-3"));

        SQSBatchResponse response = consumer.handleRequest(load("sqs-standard-three-envelopes.json"), context);

        assertThat(failedIds(response)).containsExactly("msg-1");
        assertThat(parkedItems("int-1")).singleElement()
                .satisfies(item -> assertThat(item.entityId()).isEqualTo("o-3"));
    }

    @Test
    void handle_standardQueue_transientFailure_failsOnlyThatRecord() throws Exception {
        consumer.failures.put("o-2", new TransientException("TikTok answered 503"));

        SQSBatchResponse response = consumer.handleRequest(load("sqs-standard-three-envelopes.json"), context);

        assertThat(failedIds(response)).containsExactly("msg-2");
        assertThat(consumer.processed).containsExactly("o-1", "o-3");
        assertThat(parkedItems("int-1")).isEmpty();
        JsonNode doc = metricDocuments().getFirst();
        assertThat(doc.get("processed").asLong()).isEqualTo(2);
        assertThat(doc.get("failed").asLong()).isEqualTo(1);
    }

    @Test
    void handle_fifoQueue_firstFailure_failsThatAndEveryLaterRecordWithoutProcessingThem() throws Exception {
        consumer.failures.put("o-2", new TransientException("throttled"));

        SQSBatchResponse response = consumer.handleRequest(load("sqs-fifo-four-envelopes.json"), context);

        assertThat(failedIds(response)).containsExactly("msg-2", "msg-3", "msg-4");
        assertThat(consumer.processed).containsExactly("o-1");
        assertThat(consumer.contexts).hasSize(2);
        JsonNode doc = metricDocuments().getFirst();
        assertThat(doc.get("failed").asLong()).isEqualTo(1);
        assertThat(doc.get("deferred").asLong()).isEqualTo(2);
    }

    @Test
    void handle_fifoQueue_permanentFailure_parksAndContinuesWithTheRest() {
        consumer.failures.put("o-2", new PermanentException("SKU_NOT_MAPPED", "seller SKU A-1 has no mapping"));

        SQSBatchResponse response = consumer.handleRequest(load("sqs-fifo-four-envelopes.json"), context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(consumer.processed).containsExactly("o-1", "o-3", "o-4");
        assertThat(parkedItems("int-1")).singleElement().satisfies(item -> {
            assertThat(item.flow()).isEqualTo("orders");
            assertThat(item.entityType()).isEqualTo("order");
            assertThat(item.entityId()).isEqualTo("o-2");
            assertThat(item.reasonCode()).isEqualTo("SKU_NOT_MAPPED");
            assertThat(item.reasonMessage()).isEqualTo("seller SKU A-1 has no mapping");
            assertThat(item.sourceQueue()).isEqualTo(QUEUE_URL);
            assertThat(item.envelopeJson()).contains("\"id\":\"env-o-2\"");
            assertThat(item.status()).isEqualTo(ParkedItemStatus.OPEN);
        });
    }

    @Test
    void handle_sameFailureRedelivered_bumpsOneParkedItemInsteadOfAddingAnother() {
        consumer.failures.put("o-2", new PermanentException("SKU_NOT_MAPPED", "no mapping"));

        consumer.handleRequest(load("sqs-standard-three-envelopes.json"), context);
        consumer.handleRequest(load("sqs-standard-three-envelopes.json"), context);

        assertThat(parkedItems("int-1")).singleElement()
                .satisfies(item -> assertThat(item.occurrences()).isEqualTo(2));
    }

    @Test
    void handle_unexpectedException_isParkedAsProcessingError() {
        consumer.failures.put("o-1", new IllegalStateException("order has no line items"));

        SQSBatchResponse response = consumer.handleRequest(load("sqs-standard-three-envelopes.json"), context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(parkedItems("int-1")).singleElement().satisfies(item -> {
            assertThat(item.reasonCode()).isEqualTo(SqsBatchConsumer.REASON_PROCESSING_ERROR);
            assertThat(item.reasonMessage()).isEqualTo("IllegalStateException: order has no line items");
        });
    }

    @Test
    void handle_undecodableBody_isParkedUnderTheIntegrationFromItsAttributes_andTheRestProceeds() throws Exception {
        SQSBatchResponse response = consumer.handleRequest(load("sqs-standard-second-body-not-json.json"), context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(consumer.processed).containsExactly("o-1", "o-3");
        assertThat(parkedItems("int-1")).singleElement().satisfies(item -> {
            assertThat(item.reasonCode()).isEqualTo(SqsBatchConsumer.REASON_UNDECODABLE);
            assertThat(item.reasonMessage()).contains("message body is not valid JSON");
            assertThat(item.entityType()).isEqualTo("message");
            assertThat(item.entityId()).isEqualTo("msg-2");
            assertThat(item.envelopeJson()).isEqualTo("order o-2 changed");
        });
        assertThat(metricDocuments().getFirst().get("parked").asLong()).isEqualTo(1);
    }

    @Test
    void handle_unknownEnvelopeVersionWithoutAttributes_isParkedUnderUnknownIntegration() {
        SQSBatchResponse response = consumer.handleRequest(
                load("sqs-standard-envelope-version-unknown-no-attributes.json"), context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(parkedItems(SqsBatchConsumer.UNKNOWN_INTEGRATION)).singleElement()
                .satisfies(item -> assertThat(item.reasonMessage()).contains("unsupported envelope version v=3"));
    }

    @Test
    void handle_previousEnvelopeVersion_isProcessed() {
        SQSBatchResponse response = consumer.handleRequest(load("sqs-standard-envelope-previous-version.json"), context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(consumer.processed).containsExactly("o-1");
    }

    @Test
    void handle_whenParkingFails_reportsTheRecordAsFailedSoItIsNotLost() throws Exception {
        ParkedItemStore broken = new ParkedItemStore() {
            @Override
            public ParkedItem park(String integrationId, ParkRequest request) {
                throw new IllegalStateException("table unavailable");
            }

            @Override
            public Optional<ParkedItem> get(String integrationId, String id) {
                return Optional.empty();
            }

            @Override
            public ParkedItemPage list(String integrationId, ParkedItemQuery query) {
                return new ParkedItemPage(List.of(), null);
            }

            @Override
            public ParkedItem markReplayed(String integrationId, String id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ParkedItem resolve(String integrationId, String id) {
                throw new UnsupportedOperationException();
            }
        };
        OrderConsumer withBrokenStore = new OrderConsumer(broken);
        withBrokenStore.failures.put("o-2", new PermanentException("SKU_NOT_MAPPED", "no mapping"));

        SQSBatchResponse response = withBrokenStore.handleRequest(load("sqs-standard-three-envelopes.json"), context);

        assertThat(failedIds(response)).containsExactly("msg-2");
        assertThat(metricDocuments().getFirst().get("failed").asLong()).isEqualTo(1);
    }

    @Test
    void isTransient_classifiesMarkersIoAndAwsErrors() {
        assertThat(consumer.isTransient(new TransientException("x"))).isTrue();
        assertThat(consumer.isTransient(new RuntimeException("wrapped", new TransientException("x")))).isTrue();
        assertThat(consumer.isTransient(new PermanentException("R", "x"))).isFalse();
        assertThat(consumer.isTransient(new UncheckedIOException(new java.io.IOException("reset")))).isTrue();
        assertThat(consumer.isTransient(SdkClientException.create("connect timed out"))).isTrue();
        assertThat(consumer.isTransient(ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
                .message("slow down").build())).isTrue();
        assertThat(consumer.isTransient(SdkServiceException.builder().statusCode(503).message("unavailable").build()))
                .isTrue();
        assertThat(consumer.isTransient(ConditionalCheckFailedException.builder().statusCode(400)
                .message("condition").build())).isFalse();
        assertThat(consumer.isTransient(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void handle_entityIdContainingHash_isStillParked() {
        OrderConsumer hashIds = new OrderConsumer(parked) {
            @Override
            protected String entityId(MessageEnvelope envelope) {
                return "order#" + envelope.payload().get("orderId").asText();
            }
        };
        hashIds.failures.put("o-1", new PermanentException("SKU_NOT_MAPPED", "no mapping"));

        SQSBatchResponse response = hashIds.handleRequest(load("sqs-standard-three-envelopes.json"), context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(parkedItems("int-1")).singleElement()
                .satisfies(item -> assertThat(item.entityId()).isEqualTo("order%23o-1"));
    }

    @Test
    void handle_emptyEvent_returnsNoFailuresAndWritesNoMetrics() {
        SQSBatchResponse response = consumer.handleRequest(new SQSEvent(), context);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(metricLines).isEmpty();
    }
}
