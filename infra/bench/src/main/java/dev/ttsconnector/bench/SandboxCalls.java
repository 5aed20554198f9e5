package dev.ttsconnector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * TikTok calls the sandbox answered between two snapshots of its per-endpoint counters ({@code SandboxControl.counters()}):
 * per endpoint ({@code "POST /order/202309/orders/search"}) and per answer code ({@code 36009002} = rate limited, spec
 * §13).
 */
record SandboxCalls(Map<String, Long> byEndpoint, long total, long throttled) {

    static final long RATE_LIMITED = 36009002L;

    static SandboxCalls between(JsonNode before, JsonNode after) {
        Map<String, Long> byEndpoint = new TreeMap<>();
        long total = 0;
        long throttled = 0;
        var it = after.fields();
        while (it.hasNext()) {
            var e = it.next();
            long n = e.getValue().path("total").asLong() - before.path(e.getKey()).path("total").asLong();
            long limited = e.getValue().path("codes").path(Long.toString(RATE_LIMITED)).asLong()
                    - before.path(e.getKey()).path("codes").path(Long.toString(RATE_LIMITED)).asLong();
            if (n != 0) {
                byEndpoint.put(e.getKey(), n);
            }
            total += n;
            throttled += limited;
        }
        return new SandboxCalls(byEndpoint, total, throttled);
    }

    /** Calls to endpoints whose path starts with one of {@code prefixes} (e.g. {@code "/order/"}). */
    long calls(String... prefixes) {
        long n = 0;
        for (Map.Entry<String, Long> e : byEndpoint.entrySet()) {
            String path = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            for (String p : prefixes) {
                if (path.startsWith(p)) {
                    n += e.getValue();
                    break;
                }
            }
        }
        return n;
    }
}
