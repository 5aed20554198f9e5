package dev.ttsconnector.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * What flowed since the last report: orders in the app (through the API, once it serves them), TikTok calls that move business data (order searches and reads, shipments posted,
 * stock updates pushed; counted by the sandbox, so only with {@code --tiktok=sandbox}), queue messages
 * processed and left for retry, function errors, and messages waiting in dead-letter queues (the
 * exceptions an operator must look at). {@link #line()} renders one line and starts the next interval.
 */
final class FlowReport {

    /** Sandbox endpoints (spec §4, §5, §8) summed per reported figure. */
    static final Map<String, List<String>> TIKTOK_FIGURES = Map.of(
            "order reads", List.of("POST /order/202309/orders/search", "GET /order/202309/orders", "GET /order/202507/orders"),
            "shipments posted", List.of("POST /fulfillment/202309/packages/{package_id}/ship", "POST /fulfillment/202309/packages/ship",
                    "POST /fulfillment/202309/orders/{order_id}/packages",
                    "POST /fulfillment/202309/orders/{order_id}/shipping_info/update",
                    "POST /fulfillment/202309/packages/{package_id}/shipping_info/update"),
            "stock updates pushed", List.of("POST /product/202309/products/{product_id}/inventory/update"));

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Supplier<Map<String, Long>> tiktokSuccessCalls;
    private final Supplier<Long> deadLetterDepth;
    private volatile Supplier<Optional<Long>> ordersInApp = Optional::empty;
    private Map<String, Long> previous = new LinkedHashMap<>();

    FlowReport(Supplier<Map<String, Long>> tiktokSuccessCalls, Supplier<Long> deadLetterDepth) {
        this.tiktokSuccessCalls = tiktokSuccessCalls;
        this.deadLetterDepth = deadLetterDepth;
    }

    /** Counts the orders the app holds (once the integrations to count are known). */
    void ordersInApp(Supplier<Optional<Long>> counter) {
        this.ordersInApp = counter;
    }

    void batch(SqsEventSource.BatchOutcome outcome) {
        add("messages processed", outcome.deleted());
        add("messages left for retry", outcome.received() - outcome.deleted());
        if (outcome.functionError()) {
            add("function errors", 1);
        }
    }

    void invocation(String functionId, boolean ok) {
        if (!ok) {
            add("function errors", 1);
        }
    }

    private void add(String name, long n) {
        counters.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }

    /** The current totals (not reset by {@link #line()}). */
    synchronized Map<String, Long> totals() {
        Map<String, Long> out = new LinkedHashMap<>();
        ordersInApp.get().ifPresent(n -> out.put("orders in", n));
        Map<String, Long> calls = tiktokSuccessCalls.get();
        if (calls != null) {
            for (String figure : List.of("order reads", "shipments posted", "stock updates pushed")) {
                out.put(figure, TIKTOK_FIGURES.get(figure).stream().mapToLong(e -> calls.getOrDefault(e, 0L)).sum());
            }
        }
        for (String name : List.of("messages processed", "messages left for retry", "function errors")) {
            LongAdder a = counters.get(name);
            out.put(name, a == null ? 0 : a.sum());
        }
        return out;
    }

    /** {@code orders in +3 (12) · order reads +2 (9) · shipments posted +1 (2) · ... · in dead-letter queues 0}. */
    synchronized String line() {
        Map<String, Long> now = totals();
        StringBuilder s = new StringBuilder();
        now.forEach((name, total) -> {
            long delta = total - previous.getOrDefault(name, 0L);
            s.append(s.isEmpty() ? "" : " · ").append(name).append(" +").append(delta).append(" (").append(total).append(')');
        });
        s.append(" · in dead-letter queues ").append(deadLetterDepth.get());
        previous = now;
        return s.toString();
    }
}
