package dev.ttsconnector.functions.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.orders.OrderFetchRequest;
import dev.ttsconnector.flow.webhooks.InMemoryWebhookReceipts;
import dev.ttsconnector.flow.webhooks.WebhookDelivery;
import dev.ttsconnector.flow.webhooks.WebhookIntake;
import dev.ttsconnector.flow.webhooks.WebhookRouter;
import dev.ttsconnector.functions.support.TestContext;
import dev.ttsconnector.integration.AuthorizationEvents;
import dev.ttsconnector.integration.InMemoryIntegrationStore;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.tiktok.webhook.WebhookVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reliability scenario R7 at the HTTP edge and through the consumer: only verified deliveries act, once. */
class WebhookHandlerTest {

    static final String WEBHOOK_QUEUE = "https://sqs.local/000000000000/WebhookQueue";
    static final String FETCH_QUEUE = "https://sqs.local/000000000000/OrderFetchQueue";
    static final String SHOP = "7494726673780148744";

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1664095733 + 20));
    private final InMemoryQueuePublisher queue = new InMemoryQueuePublisher(clock);
    private final InMemoryIntegrationStore integrations = new InMemoryIntegrationStore();
    private final InMemoryParkedItemStore parked = new InMemoryParkedItemStore(clock);
    private final List<String> authorizationCalls = new ArrayList<>();
    private WebhookHandler handler;
    private WebhookConsumerHandler consumer;

    @BeforeEach
    void setUp() {
        WebhookIntake intake = new WebhookIntake(new WebhookVerifier("fake_app_key", "fake_app_secret", clock), clock);
        handler = new WebhookHandler(intake, queue, WEBHOOK_QUEUE);
        Integration created = integrations.create(Integration.pending("int_a", "Shop A", clock.now()));
        integrations.claimShop(created.id(), SHOP);
        AuthorizationEvents auth = new AuthorizationEvents() {
            @Override
            public void deauthorized(String integrationId, String message, Instant at) {
                authorizationCalls.add("deauthorized:" + integrationId + ":" + message);
            }

            @Override
            public void authorizationExpiring(String integrationId, Instant expiresAt, Instant at) {
                authorizationCalls.add("expiring:" + integrationId + ":" + expiresAt.getEpochSecond());
            }
        };
        WebhookRouter router = new WebhookRouter(integrations, new InMemoryWebhookReceipts(), queue, FETCH_QUEUE, auth,
                clock);
        consumer = new WebhookConsumerHandler(router, WEBHOOK_QUEUE, parked, MetricsLogger.stdout());
    }

    private static APIGatewayV2HTTPEvent fixture(String name) {
        return EventLoader.loadApiGatewayHttpEvent("fixtures/events/webhooks/" + name + ".json");
    }

    private APIGatewayV2HTTPResponse post(String name) {
        return handler.handleRequest(fixture(name), new TestContext("r"));
    }

    @Test
    void post_validSignature_enqueuesTheRawBodyAndAnswers200WithEmptyBody() {
        APIGatewayV2HTTPEvent event = fixture("order-status-change-valid");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext("r"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEmpty();
        List<MessageEnvelope> sent = queue.sent(WEBHOOK_QUEUE);
        assertThat(sent).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(WebhookIntake.TYPE);
            assertThat(e.payloadAs(WebhookDelivery.class).body()).isEqualTo(event.getBody());
        });
    }

    @ParameterizedTest
    @CsvSource({"order-status-change-valid-base64-body", "order-status-change-uppercase-header-name",
            "cancellation-with-notification-id-valid"})
    void post_validVariants_areAccepted(String fixture) {
        assertThat(post(fixture).getStatusCode()).isEqualTo(200);
        assertThat(queue.sent(WEBHOOK_QUEUE)).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"tampered-body,401", "signed-with-wrong-secret,401", "missing-authorization-header,401",
            "base64-body-signature-of-encoded-text,401", "stale-timestamp,400", "signed-but-not-json,400"})
    void post_refusedDeliveries_answerTheirStatusAndEnqueueNothing(String fixture, int status) {
        APIGatewayV2HTTPResponse response = post(fixture);

        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(queue.sent(WEBHOOK_QUEUE)).isEmpty();
    }

    @Test
    void replayedDelivery_isActedOnAtMostOnce() {
        post("order-status-change-valid");
        post("order-status-change-valid");
        post("order-status-change-valid-base64-body");

        SQSBatchResponse response = consumer.handleRequest(
                SqsEvents.of("arn:aws:sqs:us-east-1:0:WebhookQueue", queue.drain(WEBHOOK_QUEUE), 1),
                new TestContext("c"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<MessageEnvelope> fetches = queue.sent(FETCH_QUEUE);
        assertThat(fetches).singleElement().satisfies(e -> {
            assertThat(e.integrationId()).isEqualTo("int_a");
            assertThat(e.payloadAs(OrderFetchRequest.class).orderIds()).containsExactly("576684019603311365");
        });
    }

    @Test
    void flowActivity_countsAWebhookForItsShopsIntegration_andABatchOfDuplicatesWritesNothing() {
        dev.ttsconnector.health.FlowActivityStore activity = new dev.ttsconnector.health.FlowActivityStore() {
            @Override
            public void add(String integrationId, String flow, Instant at, long in, long out, long errors) {
                writes.add(integrationId + ":" + flow + ":" + in);
            }

            @Override
            public List<dev.ttsconnector.health.HourlyActivity> hours(String integrationId, String flow,
                                                                       Instant from, Instant to) {
                return List.of();
            }
        };
        WebhookRouter router = new WebhookRouter(integrations, new InMemoryWebhookReceipts(), queue, FETCH_QUEUE,
                new AuthorizationEvents() {
                    @Override
                    public void deauthorized(String integrationId, String message, Instant at) {
                    }

                    @Override
                    public void authorizationExpiring(String integrationId, Instant expiresAt, Instant at) {
                    }
                }, clock);
        WebhookConsumerHandler counted = new WebhookConsumerHandler(router, WEBHOOK_QUEUE, parked,
                new MetricsLogger("Test", clock, line -> { },
                        new dev.ttsconnector.health.FlowActivityRecorder(activity, clock)));
        post("order-status-change-valid");
        counted.handleRequest(SqsEvents.of("arn:aws:sqs:us-east-1:0:WebhookQueue", queue.drain(WEBHOOK_QUEUE), 1),
                new TestContext("c1"));
        post("order-status-change-valid");
        post("order-status-change-valid");

        counted.handleRequest(SqsEvents.of("arn:aws:sqs:us-east-1:0:WebhookQueue", queue.drain(WEBHOOK_QUEUE), 2),
                new TestContext("c2"));

        assertThat(writes).containsExactly("int_a:WEBHOOKS:1");
    }

    private final List<String> writes = new ArrayList<>();

    @Test
    void cancellationWebhook_enqueuesItsOrderForFetch() {
        post("cancellation-with-notification-id-valid");

        consumer.handleRequest(SqsEvents.of("arn:aws:sqs:us-east-1:0:WebhookQueue", queue.drain(WEBHOOK_QUEUE), 1),
                new TestContext("c"));

        assertThat(queue.sent(FETCH_QUEUE)).singleElement().extracting(
                e -> e.payloadAs(OrderFetchRequest.class).orderIds()).asList().containsExactly("576684019603311999");
    }

    @Test
    void consumer_unknownShop_isAcknowledgedWithoutAction() {
        integrations.releaseShop("int_a", SHOP);
        post("order-status-change-valid");

        SQSBatchResponse response = consumer.handleRequest(
                SqsEvents.of("arn:aws:sqs:us-east-1:0:WebhookQueue", queue.drain(WEBHOOK_QUEUE), 1),
                new TestContext("c"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(queue.sent(FETCH_QUEUE)).isEmpty();
    }

    @Test
    void consumer_authorizationTypes_goToTheIntegrationService_packageUpdate_fetchesItsOrders() {
        List<MessageEnvelope> envelopes = List.of(
                delivery("{\"type\":6,\"shop_id\":\"" + SHOP + "\",\"timestamp\":1664095733,"
                        + "\"data\":{\"message\":\"seller revoked\"}}"),
                delivery("{\"type\":7,\"shop_id\":\"" + SHOP + "\",\"timestamp\":1664095734,"
                        + "\"data\":{\"message\":\"expires\",\"expiration_time\":1666000000}}"),
                delivery("{\"type\":4,\"shop_id\":\"" + SHOP + "\",\"timestamp\":1664095735,\"data\":{"
                        + "\"package_list\":[{\"package_id\":\"p1\",\"order_id_list\":[\"11\",\"12\"]},"
                        + "{\"package_id\":\"p2\",\"order_id_list\":[\"12\",\"13\"]}]}}"),
                delivery("{\"type\":5,\"shop_id\":\"" + SHOP + "\",\"timestamp\":1664095736,\"data\":{}}"));

        SQSBatchResponse response = consumer.handleRequest(
                SqsEvents.of("arn:aws:sqs:us-east-1:0:WebhookQueue", envelopes, 1), new TestContext("c"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(authorizationCalls).containsExactly("deauthorized:int_a:seller revoked",
                "expiring:int_a:1666000000");
        assertThat(queue.sent(FETCH_QUEUE)).singleElement().extracting(
                e -> e.payloadAs(OrderFetchRequest.class).orderIds()).asList().containsExactly("11", "12", "13");
    }

    @Test
    void consumer_bodyThatIsNoEnvelope_isParkedAndTheRestOfTheBatchSucceeds() {
        List<MessageEnvelope> envelopes = List.of(delivery("[1,2,3]"),
                delivery("{\"type\":1,\"shop_id\":\"" + SHOP + "\",\"timestamp\":1664095733,"
                        + "\"data\":{\"order_id\":\"42\"}}"));

        SQSBatchResponse response = consumer.handleRequest(
                SqsEvents.of("arn:aws:sqs:us-east-1:0:WebhookQueue", envelopes, 1), new TestContext("c"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(queue.sent(FETCH_QUEUE)).hasSize(1);
        assertThat(parked.list(WebhookIntake.UNRESOLVED_INTEGRATION,
                new dev.ttsconnector.app.exceptions.ParkedItemQuery(null, null, 10, null)).items())
                .singleElement().extracting(i -> i.reasonCode()).isEqualTo(WebhookRouter.REASON_MALFORMED);
    }

    private MessageEnvelope delivery(String body) {
        return MessageEnvelope.create(WebhookIntake.TYPE, WebhookIntake.UNRESOLVED_INTEGRATION, clock.now(),
                "k-" + Integer.toHexString(body.hashCode()), null,
                Json.app().valueToTree(new WebhookDelivery(body, clock.now())));
    }
}
