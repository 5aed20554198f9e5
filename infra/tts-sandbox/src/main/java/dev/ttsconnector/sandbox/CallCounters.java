package dev.ttsconnector.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Per-endpoint call counters (key {@code METHOD /path/template}) split by answered code. */
public final class CallCounters {
    private final Map<String, Map<Long, LongAdder>> counts = new ConcurrentHashMap<>();

    public void record(String endpoint, long code) {
        counts.computeIfAbsent(endpoint, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    /** Total calls of one endpoint, all outcomes. */
    public long total(String endpoint) {
        Map<Long, LongAdder> m = counts.get(endpoint);
        return m == null ? 0 : m.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Calls of one endpoint answered with {@code code}. */
    public long count(String endpoint, long code) {
        Map<Long, LongAdder> m = counts.get(endpoint);
        LongAdder a = m == null ? null : m.get(code);
        return a == null ? 0 : a.sum();
    }

    public void reset() {
        counts.clear();
    }

    /** {@code {"POST /order/202309/orders/search": {"total": 3, "codes": {"0": 2, "36009002": 1}}}}. */
    public ObjectNode snapshot() {
        ObjectNode out = SandboxJson.object();
        new TreeMap<>(counts).forEach((endpoint, byCode) -> {
            ObjectNode e = out.putObject(endpoint);
            e.put("total", total(endpoint));
            ObjectNode codes = e.putObject("codes");
            new TreeMap<>(byCode).forEach((code, n) -> codes.put(Long.toString(code), n.sum()));
        });
        return out;
    }
}
