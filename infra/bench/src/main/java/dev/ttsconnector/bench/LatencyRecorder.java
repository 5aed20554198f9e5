package dev.ttsconnector.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latency histograms by name (microsecond resolution, 3 significant digits, up to 10 minutes). */
final class LatencyRecorder {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);
    private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();

    void record(String name, long nanos) {
        long micros = Math.max(1, Math.min(MAX_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
        histograms.computeIfAbsent(name, k -> new ConcurrentHistogram(MAX_MICROS, 3)).recordValue(micros);
    }

    /** Milliseconds at {@code percentile} (0-100), or NaN when nothing was recorded. */
    double percentileMillis(String name, double percentile) {
        Histogram h = histograms.get(name);
        return h == null || h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    long count(String name) {
        Histogram h = histograms.get(name);
        return h == null ? 0 : h.getTotalCount();
    }

    /** Sum of recorded values in milliseconds (Lambda duration of a function). */
    double totalMillis(String name) {
        Histogram h = histograms.get(name);
        return h == null ? 0 : h.getMean() * h.getTotalCount() / 1000.0;
    }

    java.util.Set<String> names() {
        return new TreeMap<>(histograms).keySet();
    }

    void reset() {
        histograms.clear();
    }
}
