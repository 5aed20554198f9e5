package dev.ttsconnector.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ttsconnector.common.EfficiencyMode;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's result: every metric of the performance guide for the lean and the naive mode and lean ÷ naive,
 * the Done-when checks on the lean mode, the machine, the workloads, the prices; printed as a table and written as
 * JSON (and the same table as Markdown beside it, for the README).
 */
public final class BenchReport {

    /** The guide's metric names; the per-handler ones are suffixed {@code .<FunctionLogicalId>}. */
    public static final List<String> GUIDE_METRICS = List.of("orders_ingested_per_s", "inventory_sku_updates_per_s",
            "tiktok_calls_per_order", "tiktok_calls_per_sku_update", "throttled_calls_ratio", "ddb_wru_per_order",
            "ddb_rru_per_order", "ddb_wru_per_sku_update", "sqs_requests_per_order", "events_published_per_order",
            "handler_latency_p50_ms", "handler_latency_p99_ms", "webhook_to_persisted_p50_ms", "webhook_to_persisted_p99_ms",
            "jvm_init_ms", "shaded_jar_bytes", "peak_heap_mb", "cost_usd_per_1M_orders", "cost_usd_per_1M_sku_updates");

    private final Map<String, Object> document;
    private final Map<String, Double> lean;
    private final Map<String, Double> naive;
    private final Map<String, Boolean> checks;
    private final List<String> notes;

    private BenchReport(Map<String, Object> document, Map<String, Double> lean, Map<String, Double> naive,
                        Map<String, Boolean> checks, List<String> notes) {
        this.document = document;
        this.lean = lean;
        this.naive = naive;
        this.checks = checks;
        this.notes = notes;
    }

    public Map<String, Double> lean() {
        return lean;
    }

    public Map<String, Double> naive() {
        return naive;
    }

    public Map<String, Boolean> checks() {
        return checks;
    }

    static BenchReport build(Benchmark.Options options, Workload leanWorkload, Workload naiveWorkload,
                             Map<EfficiencyMode, Benchmark.ModeOutcome> outcomes, long jarBytes, double seconds) {
        Map<String, Double> lean = metrics(outcomes.get(EfficiencyMode.LEAN), jarBytes);
        Map<String, Double> naive = metrics(outcomes.get(EfficiencyMode.NAIVE), jarBytes);
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("lean tiktok_calls_per_order.ingest <= 0.05", lean.getOrDefault("tiktok_calls_per_order.ingest", Double.NaN) <= 0.05);
        checks.put("lean tiktok_calls_per_order.fulfillment <= 1 (per package)",
                lean.getOrDefault("tiktok_calls_per_order.fulfillment", Double.NaN) <= 1.0);
        checks.put("lean tiktok_inventory_calls_per_changed_product_window <= 1",
                lean.getOrDefault("tiktok_inventory_calls_per_changed_product_window", Double.NaN) <= 1.0);
        checks.put("lean ddb_wru_per_duplicate_webhook == 0", lean.getOrDefault("ddb_wru_per_duplicate_webhook", Double.NaN) == 0.0);
        checks.put("lean throttled_calls_ratio < 0.01", lean.getOrDefault("throttled_calls_ratio", Double.NaN) < 0.01);
        List<String> notes = new ArrayList<>();
        notes.add("An 'order' in the per-order metrics is one order version (created or changed on TikTok, persisted); each"
                + " order of the workload goes through 4 versions (awaiting shipment, shipped, delivered, completed).");
        notes.add("tiktok_calls_per_order.fulfillment is ship calls (POST /fulfillment/.../packages) per order the connector"
                + " fulfilled, i.e. per package (one package per order), as the guide counts search, detail and ship;"
                + " tiktok_reference_reads_per_package is the carrier lookups beside them (GET /logistics/...: the shipping"
                + " providers of a delivery option, cached per container for FULFILLMENT_PROVIDER_CACHE_TTL,"
                + " default 6 h), which fall with volume.");
        if (leanWorkload.name().startsWith("full-scale")) {
            notes.add("Scaled workload (" + leanWorkload.name() + "): the guide's shape at " + leanWorkload.orders() + " orders, "
                    + leanWorkload.products() + " products x " + leanWorkload.skusPerProduct() + " SKUs, "
                    + leanWorkload.stockChanges() + " stock changes instead of " + Workload.full().orders() + ", "
                    + Workload.full().products() + " and " + Workload.full().stockChanges() + ".");
        }
        if (naiveWorkload != leanWorkload) {
            notes.add("The naive mode ran a seeded sample of the workload (" + naiveWorkload.orders() + " orders, "
                    + naiveWorkload.stockChanges() + " stock changes; same seed, shops and catalog): both modes cannot finish"
                    + " the full workload within 10 minutes on this machine. Per-order, per-SKU and latency metrics are"
                    + " ratios of like units; throughput compares rates.");
        }
        notes.add("jvm_init_ms is measured in the lean mode (median of fresh JVMs) and shown for both: the jar and the handlers'"
                + " constructors are the same in both modes. peak_heap_mb replays each mode's own recorded events.");
        notes.add("Handlers log at WARN during the run (LOG_LEVEL), so console output does not dominate handler time.");
        notes.add("Lambda duration for the cost = handler time measured in-process here x the function's MemorySize; the"
                + " JVM probes run fresh JVMs with " + JvmProbes.LAMBDA_LIKE_FLAGS + " -Xmx<MemorySize>m.");
        notes.add("DynamoDB units: table units from the emulator's ConsumedCapacity (AWS item-size rules), index writes and"
                + " failed conditional writes computed from the written items (see AwsRequestCounter).");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        doc.put("command", System.getProperty("bench.command", "infra/bench/run " + (leanWorkload.name().startsWith("full")
                ? "--full" : "--quick")));
        doc.put("machine", machine());
        doc.put("seconds", seconds);
        doc.put("workload", Map.of("lean", leanWorkload, "naive", naiveWorkload));
        doc.put("notes", notes);
        doc.put("prices", Prices.describe());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (String name : names(lean, naive)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lean", finiteOrNull(lean.get(name)));
            row.put("naive", finiteOrNull(naive.get(name)));
            row.put("lean_over_naive", finiteOrNull(ratio(lean.get(name), naive.get(name))));
            metrics.put(name, row);
        }
        doc.put("metrics", metrics);
        doc.put("checks", checks);
        Map<String, Object> counts = new LinkedHashMap<>();
        outcomes.forEach((mode, o) -> {
            Map<String, Object> c = new LinkedHashMap<>(o.result().counts());
            c.put("mode_seconds", o.seconds());
            c.put("phase_ms", o.phaseMillis());
            Map<String, Object> probes = new LinkedHashMap<>();
            o.probes().forEach((fn, p) -> probes.put(fn, Map.of("jvm_init_ms_runs", p.initMillisRuns(), "peak_heap_mb", p.peakHeapMb())));
            c.put("jvm_probes", probes);
            counts.put(mode.label(), c);
        });
        doc.put("counts", counts);
        return new BenchReport(doc, lean, naive, checks, notes);
    }

    private static Map<String, Double> metrics(Benchmark.ModeOutcome outcome, long jarBytes) {
        Map<String, Double> m = new LinkedHashMap<>(outcome.result().metrics());
        Object dup = outcome.result().details().get("ddb_wru_per_duplicate_webhook");
        m.put("ddb_wru_per_duplicate_webhook", dup instanceof Number n ? n.doubleValue() : Double.NaN);
        outcome.probes().forEach((fn, p) -> {
            m.put("jvm_init_ms." + fn, p.initMillisMedian());
            m.put("peak_heap_mb." + fn, p.peakHeapMb());
        });
        m.put("shaded_jar_bytes", (double) jarBytes);
        return m;
    }

    private static Set<String> names(Map<String, Double> a, Map<String, Double> b) {
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    static Double ratio(Double lean, Double naive) {
        if (lean == null || naive == null || naive == 0.0) {
            return lean != null && naive != null && lean == 0.0 ? 1.0 : Double.NaN;
        }
        return lean / naive;
    }

    private static Double finiteOrNull(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("jvm_flags", ManagementFactory.getRuntimeMXBean().getInputArguments());
        m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        return m;
    }

    void print(PrintStream out) {
        out.println();
        out.println("TikTok Shop connector benchmark  " + document.get("date") + "  (" + String.format(Locale.ROOT, "%.0f", (Double) document.get("seconds")) + " s)");
        out.println("machine: " + document.get("machine"));
        out.println(String.format(Locale.ROOT, "%-58s %14s %14s %12s", "metric", "lean", "naive", "lean/naive"));
        for (String name : names(lean, naive)) {
            out.println(String.format(Locale.ROOT, "%-58s %14s %14s %12s", name, fmt(lean.get(name)), fmt(naive.get(name)),
                    fmt(ratio(lean.get(name), naive.get(name)))));
        }
        out.println("wall time per phase (ms; x_* are parts of the phases above them):");
        Map<?, ?> counts = (Map<?, ?>) document.get("counts");
        counts.forEach((mode, c) -> out.println("  " + mode + ": " + ((Map<?, ?>) c).get("phase_ms")));
        out.println("checks (lean mode):");
        checks.forEach((k, v) -> out.println("  " + (v ? "PASS " : "FAIL ") + k));
        out.println("notes:");
        notes.forEach(n -> out.println("  - " + n));
        out.println("prices: " + document.get("prices"));
        out.flush();
    }

    /** The table as Markdown (README "Performance"). */
    String markdown() {
        StringBuilder b = new StringBuilder("| metric | lean | naive | lean ÷ naive |\n|---|---:|---:|---:|\n");
        for (String name : names(lean, naive)) {
            b.append("| `").append(name).append("` | ").append(fmt(lean.get(name))).append(" | ").append(fmt(naive.get(name)))
                    .append(" | ").append(fmt(ratio(lean.get(name), naive.get(name)))).append(" |\n");
        }
        return b.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
        Files.writeString(Path.of(file.toString().replaceAll("\\.json$", "") + ".md"), markdown());
    }

    static String fmt(Double v) {
        if (v == null || v.isNaN()) {
            return "n/a";
        }
        if (v.isInfinite()) {
            return "inf";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
