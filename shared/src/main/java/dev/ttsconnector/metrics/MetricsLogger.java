package dev.ttsconnector.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Collects metrics during one invocation and writes them with {@link #flush()} as CloudWatch Embedded
 * Metric Format lines on stdout; CloudWatch extracts the metrics from the log, no API call is made.
 *
 * <p>One line per (integration, flow):
 * <pre>{@code
 * {"_aws":{"Timestamp":1767225600000,"CloudWatchMetrics":[{"Namespace":"TtsConnector",
 *   "Dimensions":[["Integration","Flow"],["Flow"]],"Metrics":[{"Name":"processed","Unit":"Count"}]}]},
 *  "Integration":"int-1","Flow":"orders","processed":3}
 * }</pre>
 * Each metric is published under both dimension sets: per integration and flow, and rolled up per flow.
 * Counts recorded several times are summed; other units keep every value (EMF value arrays, at most
 * {@value #MAX_VALUES_PER_METRIC} per line, further values go to additional lines). Handlers call
 * {@link #flush()} once at the end of each invocation (also on failure); flushing clears what was collected.
 * Thread-safe.
 */
public final class MetricsLogger {

    public static final String DEFAULT_NAMESPACE = "TtsConnector";
    public static final String INTEGRATION_DIMENSION = "Integration";
    public static final String FLOW_DIMENSION = "Flow";
    static final int MAX_VALUES_PER_METRIC = 100;
    /** EMF allows at most 100 metrics per directive. */
    static final int MAX_METRICS_PER_LINE = 100;

    private final String namespace;
    private final Clock clock;
    private final Consumer<String> sink;
    private final MetricsTap tap;
    private final Map<Dimensions, Map<String, Metric>> pending = new LinkedHashMap<>();

    private record Dimensions(String integrationId, String flow) {
    }

    private static final class Metric {
        final MetricUnit unit;
        final List<Double> values = new ArrayList<>();

        Metric(MetricUnit unit) {
            this.unit = unit;
        }
    }

    public MetricsLogger(String namespace, Clock clock, Consumer<String> sink) {
        this(namespace, clock, sink, null);
    }

    /** @param tap also sees every recorded value and flush ({@code null} for none) */
    public MetricsLogger(String namespace, Clock clock, Consumer<String> sink, MetricsTap tap) {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("namespace is required");
        }
        this.namespace = namespace;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.tap = tap;
    }

    /** Writes to stdout under {@value #DEFAULT_NAMESPACE}. */
    public static MetricsLogger stdout() {
        return new MetricsLogger(DEFAULT_NAMESPACE, Clock.system(), System.out::println);
    }

    /** Writes to stdout under {@value #DEFAULT_NAMESPACE} and feeds {@code tap}. */
    public static MetricsLogger stdout(MetricsTap tap) {
        return new MetricsLogger(DEFAULT_NAMESPACE, Clock.system(), System.out::println, tap);
    }

    /** Adds 1 to a count metric. */
    public void increment(String integrationId, String flow, String name) {
        record(integrationId, flow, name, 1, MetricUnit.COUNT);
    }

    /**
     * Records one value.
     *
     * @param integrationId the tenant, or {@code null} for a metric that belongs to no single integration
     *                      (it is then published per flow only)
     * @throws IllegalArgumentException if a metric name is reused with another unit in the same flush
     */
    public synchronized void record(String integrationId, String flow, String name, double value, MetricUnit unit) {
        if (flow == null || flow.isBlank()) {
            throw new IllegalArgumentException("flow is required for metric '" + name + "'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("metric name is required");
        }
        if (name.equals(INTEGRATION_DIMENSION) || name.equals(FLOW_DIMENSION) || name.equals("_aws")) {
            throw new IllegalArgumentException("metric name '" + name + "' collides with an EMF key");
        }
        Objects.requireNonNull(unit, "unit");
        Metric metric = pending.computeIfAbsent(new Dimensions(integrationId, flow), d -> new LinkedHashMap<>())
                .computeIfAbsent(name, n -> new Metric(unit));
        if (metric.unit != unit) {
            throw new IllegalArgumentException("metric '" + name + "' was recorded as " + metric.unit.emfName()
                    + " and now as " + unit.emfName());
        }
        if (unit == MetricUnit.COUNT && !metric.values.isEmpty()) {
            metric.values.set(0, metric.values.get(0) + value);
        } else {
            metric.values.add(value);
        }
        if (tap != null) {
            tap.recorded(integrationId, flow, name, value, unit);
        }
    }

    /** Writes and clears everything recorded since the last flush; nothing is written when nothing was recorded. */
    public void flush() {
        Map<Dimensions, Map<String, Metric>> snapshot;
        synchronized (this) {
            snapshot = new LinkedHashMap<>(pending);
            pending.clear();
        }
        if (tap != null) {
            tap.flushed();
        }
        long timestamp = clock.now().toEpochMilli();
        snapshot.forEach((dimensions, metrics) -> {
            List<Map.Entry<String, Metric>> entries = new ArrayList<>(metrics.entrySet());
            for (int start = 0; start < entries.size(); start += MAX_METRICS_PER_LINE) {
                List<Map.Entry<String, Metric>> chunk =
                        entries.subList(start, Math.min(entries.size(), start + MAX_METRICS_PER_LINE));
                for (int offset = 0; ; offset += MAX_VALUES_PER_METRIC) {
                    boolean any = false;
                    ObjectNode line = Json.app().createObjectNode();
                    ObjectNode directive = directive(line, timestamp, dimensions);
                    ArrayNode definitions = directive.putArray("Metrics");
                    for (Map.Entry<String, Metric> entry : chunk) {
                        List<Double> values = entry.getValue().values;
                        if (offset >= values.size()) {
                            continue;
                        }
                        any = true;
                        definitions.addObject().put("Name", entry.getKey()).put("Unit", entry.getValue().unit.emfName());
                        List<Double> slice = values.subList(offset, Math.min(values.size(), offset + MAX_VALUES_PER_METRIC));
                        if (slice.size() == 1) {
                            putNumber(line, entry.getKey(), slice.get(0));
                        } else {
                            ArrayNode array = line.putArray(entry.getKey());
                            slice.forEach(v -> addNumber(array, v));
                        }
                    }
                    if (!any) {
                        break;
                    }
                    write(line);
                }
            }
        });
    }

    private ObjectNode directive(ObjectNode line, long timestamp, Dimensions dimensions) {
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", timestamp);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        ArrayNode sets = directive.putArray("Dimensions");
        if (dimensions.integrationId() != null) {
            sets.addArray().add(INTEGRATION_DIMENSION).add(FLOW_DIMENSION);
        }
        sets.addArray().add(FLOW_DIMENSION);
        if (dimensions.integrationId() != null) {
            line.put(INTEGRATION_DIMENSION, dimensions.integrationId());
        }
        line.put(FLOW_DIMENSION, dimensions.flow());
        return directive;
    }

    private static void putNumber(ObjectNode line, String name, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            line.put(name, (long) value);
        } else {
            line.put(name, value);
        }
    }

    private static void addNumber(ArrayNode array, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            array.add((long) value);
        } else {
            array.add(value);
        }
    }

    private void write(ObjectNode line) {
        try {
            sink.accept(Json.app().writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("EMF line is not serialisable", e);
        }
    }
}
