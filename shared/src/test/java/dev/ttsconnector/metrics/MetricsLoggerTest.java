package dev.ttsconnector.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetricsLoggerTest {

    private final List<String> lines = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final MetricsLogger metrics = new MetricsLogger("TtsConnector", clock, lines::add);

    private static JsonNode json(String text) throws Exception {
        return Json.app().readTree(text);
    }

    @Test
    void flush_writesExactEmfDocumentPerIntegrationAndFlow() throws Exception {
        metrics.increment("int-1", "orders", "processed");
        metrics.increment("int-1", "orders", "processed");
        metrics.increment("int-1", "orders", "parked");

        metrics.flush();

        assertThat(lines).hasSize(1);
        assertThat(json(lines.getFirst())).isEqualTo(json("""
                {"_aws":{"Timestamp":1795773600000,"CloudWatchMetrics":[{"Namespace":"TtsConnector",
                  "Dimensions":[["Integration","Flow"],["Flow"]],
                  "Metrics":[{"Name":"processed","Unit":"Count"},{"Name":"parked","Unit":"Count"}]}]},
                 "Integration":"int-1","Flow":"orders","processed":2,"parked":1}"""));
    }

    @Test
    void flush_separatesIntegrations_andMetricWithoutIntegrationHasFlowDimensionOnly() throws Exception {
        metrics.increment("int-1", "orders", "processed");
        metrics.increment("int-2", "orders", "processed");
        metrics.increment(null, "orders", "parked");

        metrics.flush();

        assertThat(lines).hasSize(3);
        assertThat(json(lines.get(0)).get("Integration").asText()).isEqualTo("int-1");
        assertThat(json(lines.get(1)).get("Integration").asText()).isEqualTo("int-2");
        JsonNode global = json(lines.get(2));
        assertThat(global.has("Integration")).isFalse();
        assertThat(global.at("/_aws/CloudWatchMetrics/0/Dimensions")).isEqualTo(json("[[\"Flow\"]]"));
        assertThat(global.get("parked").asLong()).isEqualTo(1);
    }

    @Test
    void nonCountUnits_keepEveryValueAsEmfArray() throws Exception {
        metrics.record("int-1", "inventory", "pushLatency", 120, MetricUnit.MILLISECONDS);
        metrics.record("int-1", "inventory", "pushLatency", 80.5, MetricUnit.MILLISECONDS);

        metrics.flush();

        JsonNode line = json(lines.getFirst());
        assertThat(line.get("pushLatency")).isEqualTo(json("[120, 80.5]"));
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Milliseconds");
    }

    @Test
    void moreThan100Values_areSplitOverSeveralLines() throws Exception {
        IntStream.range(0, 150).forEach(i -> metrics.record("int-1", "inventory", "lag", i, MetricUnit.SECONDS));

        metrics.flush();

        assertThat(lines).hasSize(2);
        assertThat(json(lines.get(0)).get("lag").size()).isEqualTo(100);
        assertThat(json(lines.get(1)).get("lag").size()).isEqualTo(50);
    }

    @Test
    void flush_clearsCollectedMetrics_andWritesNothingWhenEmpty() {
        metrics.increment("int-1", "orders", "processed");
        metrics.flush();
        lines.clear();

        metrics.flush();

        assertThat(lines).isEmpty();
    }

    @Test
    void sameMetricWithAnotherUnit_isRejectedNamingBoth() {
        metrics.increment("int-1", "orders", "processed");

        assertThatThrownBy(() -> metrics.record("int-1", "orders", "processed", 1, MetricUnit.SECONDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Count").hasMessageContaining("Seconds");
    }

    @Test
    void metricNamedLikeADimension_isRejected() {
        assertThatThrownBy(() -> metrics.increment("int-1", "orders", "Flow"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
