package dev.ttsconnector.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@link EventBridgeEventPublisher} against the EventBridge stand-in: events put on the app bus are matched by the
 * rules of template.yaml and delivered to their SQS targets in ElasticMQ. The stand-in covers pattern matching and
 * SQS delivery only; input transformers, target retries/DLQs, archive/replay, bus policies and IAM are proven only
 * by a deploy smoke test.
 */
@ExtendWith(LocalAwsExtension.class)
class EventBridgeEventPublisherFunctionalTest {

    /** The source template.yaml's ResyncRequestedRule matches (README "Resync"). */
    private static final String API_SOURCE = "tts-connector.api";

    private LocalAwsStack stack;
    private String integrationId;

    @BeforeEach
    void setUp(LocalAwsStack stack) {
        this.stack = stack;
        integrationId = "it-" + UUID.randomUUID();
    }

    private EventBridgeEventPublisher publisher(String source) {
        return new EventBridgeEventPublisher(stack.eventBridge(), stack.eventBusName("AppBus"), source,
                PublishRetryPolicy.defaults());
    }

    /** Reads and deletes the ResyncQueue messages of this test's integration (long polls until none arrive). */
    private List<JsonNode> drainResyncQueue(int expected) throws Exception {
        String queue = stack.queueUrl("ResyncQueue");
        List<JsonNode> mine = new ArrayList<>();
        for (int polls = 0; polls < 20; polls++) {
            List<Message> batch = stack.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            int before = mine.size();
            for (Message m : batch) {
                JsonNode event = Json.app().readTree(m.body());
                if (integrationId.equals(event.path("detail").path("integrationId").asText())) {
                    mine.add(event);
                    stack.sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
                }
            }
            if (mine.size() == before && mine.size() >= expected) {
                break;
            }
        }
        return mine;
    }

    @Test
    void resyncRequested_publishedWithTheApiSource_isRoutedByTheTemplateRuleToResyncQueue() throws Exception {
        publisher(API_SOURCE).publish(integrationId, "ResyncRequested", Map.of("scope", "ORDERS"));

        List<JsonNode> delivered = drainResyncQueue(1);

        assertThat(delivered).hasSize(1);
        JsonNode event = delivered.get(0);
        assertThat(event.get("source").asText()).isEqualTo(API_SOURCE);
        assertThat(event.get("detail-type").asText()).isEqualTo("ResyncRequested");
        assertThat(event.get("detail").get("integrationId").asText()).isEqualTo(integrationId);
        assertThat(event.get("detail").get("scope").asText()).isEqualTo("ORDERS");
        assertThat(event.get("id").asText()).isNotBlank();
    }

    @Test
    void moreEventsThanOnePutEventsBatch_areAllRouted() throws Exception {
        List<AppEvent> events = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            events.add(new AppEvent(integrationId, "ResyncRequested", Map.of("scope", "SKU-" + i)));
        }

        publisher(API_SOURCE).publishAll(events);

        assertThat(drainResyncQueue(13)).extracting(e -> e.get("detail").get("scope").asText())
                .containsExactlyInAnyOrderElementsOf(events.stream().map(e -> ((Map<?, ?>) e.detail()).get("scope")
                        .toString()).toList());
    }

    @Test
    void eventsTheRuleDoesNotMatch_areAcceptedByTheBus_butNotDeliveredToResyncQueue() throws Exception {
        // Default source "tts-connector" (domain events) and another detail type on the API source.
        new EventBridgeEventPublisher(stack.eventBridge(), stack.eventBusName("AppBus"))
                .publish(integrationId, "ResyncRequested", Map.of("scope", "ORDERS"));
        publisher(API_SOURCE).publish(integrationId, "OrderImported", Map.of("orderId", "1"));

        assertThat(drainResyncQueue(0)).isEmpty();
        assertThat(stack.publishedEvents()).filteredOn(json -> json.contains(integrationId)).hasSize(2);
    }
}
