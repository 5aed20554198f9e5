package dev.ttsconnector.functions.inventory;

import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricsLogger;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduledIntegrationRunTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T12:00:00Z"));
    final List<String> metricLines = new ArrayList<>();
    final MetricsLogger metrics = new MetricsLogger(MetricsLogger.DEFAULT_NAMESPACE, clock, metricLines::add);
    final StructuredLogger log = StructuredLogger.forClass(ScheduledIntegrationRunTest.class);

    @Test
    void forEachConnected_oneIntegrationFailing_doesNotStopTheOthersAndIsCounted() {
        ShopAccess shops = new ShopAccess() {
            @Override
            public ConnectedShop connected(String integrationId) {
                throw new AssertionError("not used");
            }

            @Override
            public List<String> connectedIntegrationIds() {
                return List.of("int-a", "int-b", "int-gone", "int-c");
            }
        };
        List<String> ran = new ArrayList<>();

        int failed = ScheduledIntegrationRun.forEachConnected(shops, "inventory", metrics, log, id -> {
            ran.add(id);
            if (id.equals("int-b")) {
                throw new IllegalStateException("boom");
            }
            if (id.equals("int-gone")) {
                throw new IntegrationNotConnectedException(id, "DISCONNECTED");
            }
        });

        assertThat(ran).containsExactly("int-a", "int-b", "int-gone", "int-c");
        assertThat(failed).isEqualTo(1);
        assertThat(String.join("\n", metricLines)).contains("\"scheduled_failed\":1").contains("int-b")
                .doesNotContain("int-gone");
        assertThat(metricLines).as("each successful run is counted as processed (flow health)")
                .filteredOn(line -> line.contains("\"processed\":1"))
                .hasSize(2).anySatisfy(line -> assertThat(line).contains("\"int-a\""))
                .anySatisfy(line -> assertThat(line).contains("\"int-c\""));
    }
}
