package dev.ttsconnector.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.integration.InMemoryFlowStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FlowHealthServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:20:00Z"));
    private final InMemoryFlowActivityStore activity = new InMemoryFlowActivityStore();
    private final InMemoryFlowStateStore states = new InMemoryFlowStateStore();
    private final InMemoryParkedItemStore parked = new InMemoryParkedItemStore(clock);
    private final FlowHealthService service = new FlowHealthService(activity, states, parked,
            () -> List.of(new DeadLetterQueues.Depth("tts-OrderFetchDLQ", 3L, null)), clock);

    private static Map<String, FlowHealthReport.Flow> byFlow(FlowHealthReport report) {
        return report.flows().stream().collect(Collectors.toMap(FlowHealthReport.Flow::flow, Function.identity()));
    }

    @Test
    void report_listsEveryFlowWithTwentyFourHours_oldestFirst_idleHoursAsZeros() {
        activity.add("int-a", "INVENTORY", Instant.parse("2026-11-27T10:05:00Z"), 5, 4, 1);
        activity.add("int-a", "INVENTORY", Instant.parse("2026-11-26T11:59:00Z"), 2, 2, 0);
        activity.add("int-a", "INVENTORY", Instant.parse("2026-11-26T10:59:00Z"), 100, 100, 0);

        FlowHealthReport report = service.report("int-a");

        assertThat(report.flows()).extracting(FlowHealthReport.Flow::flow).containsExactlyElementsOf(
                FlowHealthService.FLOWS);
        FlowHealthReport.Flow inventory = byFlow(report).get("INVENTORY");
        assertThat(inventory.hourly()).hasSize(24);
        assertThat(inventory.hourly().get(0).hour()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
        assertThat(inventory.hourly().get(0).itemsIn()).isEqualTo(2);
        assertThat(inventory.hourly().get(23).hour()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(inventory.hourly().get(23).errors()).isEqualTo(1);
        assertThat(inventory.hourly().get(5).itemsIn()).isZero();
        assertThat(inventory.last24h()).as("the hour 25 hours ago is outside the window")
                .isEqualTo(new FlowHealthReport.Totals(7, 6, 1));
        assertThat(inventory.lastRunAt()).isEqualTo(Instant.parse("2026-11-27T10:05:00Z"));
        assertThat(inventory.lastSuccessAt()).isEqualTo(Instant.parse("2026-11-26T11:59:00Z"));
        assertThat(inventory.lagSeconds()).isEqualTo(Duration.between(Instant.parse("2026-11-26T11:59:00Z"),
                clock.now()).toSeconds());
        assertThat(report.deadLetterQueues()).containsExactly(new DeadLetterQueues.Depth("tts-OrderFetchDLQ", 3L,
                null));
    }

    @Test
    void report_ordersLagIsMeasuredFromThePullCursor_andItsLastErrorComesFromThePull() {
        FlowState state = FlowState.initial("int-a", FlowName.ORDERS, clock.now().minusSeconds(90))
                .withError("TikTok 36009003: rate limited", clock.now().minusSeconds(30));
        states.save(state);

        FlowHealthReport.Flow orders = byFlow(service.report("int-a")).get("ORDERS");

        assertThat(orders.lagSeconds()).isEqualTo(90);
        assertThat(orders.lastError()).isEqualTo("TikTok 36009003: rate limited");
        assertThat(orders.lastRunAt()).isEqualTo(clock.now().minusSeconds(30));
    }

    @Test
    void report_countsOpenExceptionsPerFlowWhateverTheirCase_andShowsTheNewestReason() {
        parked.park("int-a", new ParkRequest("inventory", "sku", "SKU-1", "SKU_NOT_MAPPED", "old", "{}", null));
        clock.advance(Duration.ofMinutes(1));
        parked.park("int-a", new ParkRequest("INVENTORY", "sku", "SKU-2", "SKU_NOT_MAPPED", "SKU-2 has no listing",
                "{}", null));
        parked.park("int-a", new ParkRequest("resync", "message", "m-1", "UNDECODABLE_MESSAGE", "bad", "{}", null));
        parked.park("int-b", new ParkRequest("INVENTORY", "sku", "SKU-9", "SKU_NOT_MAPPED", "other tenant", "{}",
                null));
        String resolved = parked.park("int-a", new ParkRequest("ORDERS", "order", "1", "X", "fixed", "{}", null)).id();
        parked.resolve("int-a", resolved);

        Map<String, FlowHealthReport.Flow> flows = byFlow(service.report("int-a"));

        assertThat(flows.get("INVENTORY").openExceptions()).isEqualTo(2);
        assertThat(flows.get("INVENTORY").lastError()).isEqualTo("SKU_NOT_MAPPED: SKU-2 has no listing");
        assertThat(flows.get("ORDERS").openExceptions()).as("resolved items are not open").isZero();
        assertThat(flows.get("RESYNC").openExceptions()).as("a flow outside the list appears when it has exceptions")
                .isEqualTo(1);
    }

    @Test
    void report_ofAFlowThatNeverRan_hasNoRunNoLagAndZeros() {
        FlowHealthReport.Flow locations = byFlow(service.report("int-a")).get("LOCATIONS");

        assertThat(locations.lastRunAt()).isNull();
        assertThat(locations.lagSeconds()).isNull();
        assertThat(locations.last24h()).isEqualTo(new FlowHealthReport.Totals(0, 0, 0));
    }
}
