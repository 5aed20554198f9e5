package dev.ttsconnector.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.metrics.MetricUnit;
import dev.ttsconnector.metrics.MetricsLogger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowActivityRecorderTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:15:00Z"));
    private final InMemoryFlowActivityStore store = new InMemoryFlowActivityStore();
    private final List<String> emf = new ArrayList<>();
    private final MetricsLogger metrics = new MetricsLogger("Test", clock, emf::add,
            new FlowActivityRecorder(store, clock));

    private HourlyActivity hour(String integrationId, String flow) {
        List<HourlyActivity> hours = store.hours(integrationId, flow, Instant.parse("2026-11-27T10:00:00Z"),
                Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(hours).hasSize(1);
        return hours.get(0);
    }

    @Test
    void flush_turnsProcessedFailedAndParkedIntoItemsInOutAndErrors_perIntegrationAndFlow() {
        metrics.increment("int-a", "orders", "processed");
        metrics.increment("int-a", "ORDERS", "processed");
        metrics.increment("int-a", "orders", "failed");
        metrics.increment("int-a", "orders", "parked");
        metrics.increment("int-b", "inventory", "scheduled_failed");

        metrics.flush();

        HourlyActivity a = hour("int-a", "ORDERS");
        assertThat(a.itemsIn()).isEqualTo(4);
        assertThat(a.itemsOut()).isEqualTo(2);
        assertThat(a.errors()).isEqualTo(2);
        assertThat(a.lastRunAt()).isEqualTo(clock.now());
        assertThat(a.lastSuccessAt()).as("an invocation with errors is not a success").isNull();
        HourlyActivity b = hour("int-b", "INVENTORY");
        assertThat(b.itemsIn()).isEqualTo(1);
        assertThat(b.errors()).isEqualTo(1);
        assertThat(emf).as("the EMF lines are still written, one per metric dimension").hasSize(3);
    }

    @Test
    void flush_ignoresMetricsWithoutIntegration_deferredRecords_andNonCounts() {
        metrics.increment(null, "orders", "processed");
        metrics.increment("int-a", "orders", "deferred");
        metrics.record("int-a", "orders", "latency", 12.5, MetricUnit.MILLISECONDS);

        metrics.flush();

        assertThat(store.hours("int-a", "ORDERS", Instant.EPOCH, clock.now())).isEmpty();
    }

    @Test
    void flush_aSuccessfulInvocationMarksTheLastSuccess_andCountsAddUpAcrossInvocations() {
        metrics.increment("int-a", "fulfillments", "failed");
        metrics.flush();
        clock.advance(java.time.Duration.ofMinutes(5));
        metrics.increment("int-a", "fulfillments", "processed");
        metrics.flush();
        metrics.flush();

        HourlyActivity hour = hour("int-a", "FULFILLMENTS");
        assertThat(hour.itemsIn()).isEqualTo(2);
        assertThat(hour.itemsOut()).isEqualTo(1);
        assertThat(hour.errors()).isEqualTo(1);
        assertThat(hour.lastSuccessAt()).isEqualTo(clock.now());
    }

    @Test
    void flush_whenTheStoreFails_doesNotThrow_soTheFlowIsNeverFailedByItsHealthNumbers() {
        FlowActivityStore failing = new FlowActivityStore() {
            @Override
            public void add(String integrationId, String flow, Instant at, long in, long out, long errors) {
                throw new IllegalStateException("table unavailable");
            }

            @Override
            public List<HourlyActivity> hours(String integrationId, String flow, Instant from, Instant to) {
                return List.of();
            }
        };
        MetricsLogger logger = new MetricsLogger("Test", clock, emf::add, new FlowActivityRecorder(failing, clock));
        logger.increment("int-a", "orders", "processed");

        logger.flush();

        assertThat(emf).hasSize(1);
    }
}
