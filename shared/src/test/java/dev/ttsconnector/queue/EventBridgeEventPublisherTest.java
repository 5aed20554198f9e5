package dev.ttsconnector.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.Json;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

class EventBridgeEventPublisherTest {

    /** Fails the entries at the planned positions with the planned code, once per plan element. */
    static final class FakeEventBridge implements EventBridgeClient {
        final List<PutEventsRequest> requests = new ArrayList<>();
        final Deque<Map<Integer, String>> failPlan = new ArrayDeque<>();

        @Override
        public PutEventsResponse putEvents(PutEventsRequest request) {
            requests.add(request);
            Map<Integer, String> failing = failPlan.isEmpty() ? Map.of() : failPlan.poll();
            List<PutEventsResultEntry> results = new ArrayList<>();
            for (int i = 0; i < request.entries().size(); i++) {
                results.add(failing.containsKey(i)
                        ? PutEventsResultEntry.builder().errorCode(failing.get(i)).errorMessage("nope").build()
                        : PutEventsResultEntry.builder().eventId("e-" + i).build());
            }
            return PutEventsResponse.builder().entries(results)
                    .failedEntryCount(failing.size()).build();
        }

        @Override
        public String serviceName() {
            return "events";
        }

        @Override
        public void close() {
        }
    }

    record OrderImported(String orderId, int lines) {
    }

    private final FakeEventBridge bus = new FakeEventBridge();
    private final List<Duration> sleeps = new ArrayList<>();
    private final EventBridgeEventPublisher publisher = new EventBridgeEventPublisher(bus, "app-bus",
            new PublishRetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1), sleeps::add));

    @Test
    void publish_sendsSourceDetailTypeBusAndDetailWithIntegrationId() throws Exception {
        publisher.publish("int-1", "Order Imported", new OrderImported("576461413038785752", 2));

        PutEventsRequestEntry entry = bus.requests.getFirst().entries().getFirst();
        assertThat(entry.source()).isEqualTo("tts-connector");
        assertThat(entry.detailType()).isEqualTo("Order Imported");
        assertThat(entry.eventBusName()).isEqualTo("app-bus");
        assertThat(Json.app().readTree(entry.detail())).isEqualTo(Json.app().readTree(
                "{\"integrationId\":\"int-1\",\"orderId\":\"576461413038785752\",\"lines\":2}"));
    }

    @Test
    void publishAll_23Events_putsBatchesOf10_10_3() {
        publisher.publishAll(IntStream.range(0, 23)
                .mapToObj(i -> new AppEvent("int-1", "Order Imported", new OrderImported("o-" + i, 1))).toList());

        assertThat(bus.requests).extracting(r -> r.entries().size()).containsExactly(10, 10, 3);
    }

    @Test
    void publishAll_whenAnEntryIsThrottled_retriesOnlyThatEntry() {
        bus.failPlan.add(Map.of(1, "ThrottlingException"));

        publisher.publishAll(List.of(new AppEvent("int-1", "A", Map.of("k", 1)), new AppEvent("int-1", "B", Map.of("k", 2))));

        assertThat(bus.requests).hasSize(2);
        assertThat(bus.requests.get(1).entries()).extracting(PutEventsRequestEntry::detailType).containsExactly("B");
        assertThat(sleeps).containsExactly(Duration.ofMillis(50));
    }

    @Test
    void publishAll_whenAnEntryKeepsFailing_throwsAfterMaxAttempts() {
        bus.failPlan.add(Map.of(0, "InternalFailure"));
        bus.failPlan.add(Map.of(0, "InternalFailure"));
        bus.failPlan.add(Map.of(0, "InternalFailure"));

        assertThatThrownBy(() -> publisher.publish("int-1", "A", Map.of("k", 1)))
                .isInstanceOfSatisfying(EventPublishException.class, e -> {
                    assertThat(e.failures()).extracting(FailedEntry::code).containsExactly("InternalFailure");
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(bus.requests).hasSize(3);
    }

    @Test
    void publishAll_whenEntryIsMalformed_throwsWithoutRetry() {
        bus.failPlan.add(Map.of(0, "MalformedDetail"));

        assertThatThrownBy(() -> publisher.publish("int-1", "A", Map.of("k", 1)))
                .isInstanceOfSatisfying(EventPublishException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(bus.requests).hasSize(1);
    }

    @Test
    void publish_detailThatIsNotAnObject_isRejected() {
        assertThatThrownBy(() -> publisher.publish("int-1", "A", List.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must serialise to a JSON object");
        assertThat(bus.requests).isEmpty();
    }

    @Test
    void publish_detailNamingAnotherIntegration_isRejected() {
        assertThatThrownBy(() -> publisher.publish("int-1", "A", Map.of("integrationId", "int-2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differs from the event's integration");
    }

    @Test
    void inMemoryPublisher_recordsTheSameDetailAsTheBusWouldGet() {
        InMemoryEventPublisher memory = new InMemoryEventPublisher();

        memory.publish("int-1", "Order Imported", new OrderImported("o-1", 3));

        assertThat(memory.published("Order Imported")).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("tts-connector");
            assertThat(e.integrationId()).isEqualTo("int-1");
            assertThat(e.detail().get("integrationId").asText()).isEqualTo("int-1");
            assertThat(e.detail().get("lines").asInt()).isEqualTo(3);
        });
    }
}
