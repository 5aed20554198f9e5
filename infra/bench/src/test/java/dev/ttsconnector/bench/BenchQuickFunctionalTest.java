package dev.ttsconnector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CI's guard for the harness: the quick workload end to end (both modes, the real handlers, local stack, sandbox,
 * fresh-JVM probes). Checks the report's structure only: every metric of the performance guide present for both
 * modes with a finite value, the ratio column, the JSON file. No thresholds: numbers on a shared CI machine drift.
 */
class BenchQuickFunctionalTest {

    @Test
    void quickRun_reportsEveryGuideMetricForBothModesWithFiniteValues() throws Exception {
        Path json = Path.of("target", "bench-quick-test.json");
        Files.deleteIfExists(json);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BenchReport report;
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            report = Benchmark.run(new Benchmark.Options(Workload.quick(), 1.0, 1, json, BenchMain.QUICK_PROBES), out);
        }

        for (String metric : BenchReport.GUIDE_METRICS) {
            assertFinite(report.lean(), metric, "lean");
            assertFinite(report.naive(), metric, "naive");
        }
        assertThat(report.lean().get("tiktok_calls_per_order.ingest")).isNotNull();
        assertThat(report.lean().get("tiktok_calls_per_order.fulfillment")).isNotNull();
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.path("machine").path("nproc").asInt()).isPositive();
        assertThat(written.path("metrics").path("tiktok_calls_per_order").path("lean_over_naive").isNumber()).isTrue();
        assertThat(written.path("checks").size()).isEqualTo(report.checks().size());
        assertThat(Files.readString(Path.of("target", "bench-quick-test.md"))).contains("| `orders_ingested_per_s` |");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("lean/naive").contains("orders_ingested_per_s");
    }

    private static void assertFinite(Map<String, Double> metrics, String metric, String mode) {
        var matching = metrics.entrySet().stream()
                .filter(e -> e.getKey().equals(metric) || e.getKey().startsWith(metric + ".")).toList();
        assertThat(matching).as(mode + " has " + metric).isNotEmpty();
        matching.forEach(e -> assertThat(e.getValue()).as(mode + " " + e.getKey()).isFinite());
    }
}
