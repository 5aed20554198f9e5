package dev.ttsconnector.health;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.metrics.MetricUnit;
import dev.ttsconnector.metrics.MetricsTap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the outcome counts every function already records ({@code processed}, {@code failed}, {@code parked},
 * {@code scheduled_failed}) into the hourly activity of the console's flow health: each unit of work is one item
 * in; {@code processed} is also one item out; the others are errors. Accumulates during an invocation and, at the
 * metrics flush, writes one atomic update per (integration, flow) — so the cost is one write per invocation, not per
 * message. Flow names are upper-cased ({@code orders} and {@code ORDERS} are one flow). A store failure is logged and
 * dropped: health numbers never fail or retry the flow they describe.
 */
public final class FlowActivityRecorder implements MetricsTap {

    public static final String PROCESSED = "processed";
    public static final String FAILED = "failed";
    public static final String PARKED = "parked";
    public static final String SCHEDULED_FAILED = "scheduled_failed";

    private static final StructuredLogger LOG = StructuredLogger.forClass(FlowActivityRecorder.class);

    private final FlowActivityStore store;
    private final Clock clock;
    private final Map<Key, long[]> pending = new LinkedHashMap<>();

    private record Key(String integrationId, String flow) {
    }

    public FlowActivityRecorder(FlowActivityStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The health name of a flow as metrics, parked items and the report spell it. */
    public static String normalize(String flow) {
        return flow.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public synchronized void recorded(String integrationId, String flow, String name, double value, MetricUnit unit) {
        if (integrationId == null || flow == null || unit != MetricUnit.COUNT) {
            return;
        }
        long count = (long) value;
        int in;
        int out;
        int errors;
        switch (name) {
            case PROCESSED -> {
                in = 1;
                out = 1;
                errors = 0;
            }
            case FAILED, PARKED, SCHEDULED_FAILED -> {
                in = 1;
                out = 0;
                errors = 1;
            }
            default -> {
                return;
            }
        }
        long[] counts = pending.computeIfAbsent(new Key(integrationId, normalize(flow)), k -> new long[3]);
        counts[0] += in * count;
        counts[1] += out * count;
        counts[2] += errors * count;
    }

    @Override
    public void flushed() {
        Map<Key, long[]> snapshot;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            snapshot = new LinkedHashMap<>(pending);
            pending.clear();
        }
        var now = clock.now();
        snapshot.forEach((key, counts) -> {
            try {
                store.add(key.integrationId(), key.flow(), now, counts[0], counts[1], counts[2]);
            } catch (RuntimeException e) {
                LOG.warn("flow activity not recorded", e, "integrationId", key.integrationId(), "flow", key.flow());
            }
        });
    }
}
