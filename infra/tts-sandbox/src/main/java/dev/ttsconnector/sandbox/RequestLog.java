package dev.ttsconnector.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What callers sent to the TikTok hosts (open-api and auth; not the control API), so contract tests can check a
 * client's requests against the spec: method, path, decoded query parameters, header names (lower case, values
 * are not kept), body field paths and arrival time. Bounded: the oldest entries are dropped beyond
 * {@link #CAPACITY}. Thread-safe.
 */
public final class RequestLog {
    /** Entries kept; enough for a 5 000-call burst plus retries. */
    public static final int CAPACITY = 50_000;

    /**
     * One received request.
     *
     * @param seq            arrival order, from 1
     * @param host           {@code api} or {@code auth}
     * @param query          decoded query parameters (first value of each key)
     * @param headerNames    lower-case request header names
     * @param bodyFields     JSON field paths of the body: {@code skus}, {@code skus[].id},
     *                       {@code skus[].inventory[].quantity} …; empty without a JSON object body
     * @param body           the raw body as received (UTF-8), empty without one; lets a test recompute the
     *                       signature
     * @param receivedAtNanos {@link System#nanoTime()} at arrival (for per-second rate measurements)
     * @param code           answered envelope code; -1 connection reset, -2 timeout after commit, 0 success
     * @param httpStatus     answered HTTP status, 0 when no answer was sent
     */
    public record Entry(long seq, String host, String method, String path, Map<String, String> query,
                        List<String> headerNames, List<String> bodyFields, String body, long receivedAtNanos,
                        long code, int httpStatus) {

        public ObjectNode toJson() {
            ObjectNode n = SandboxJson.object().put("seq", seq).put("host", host).put("method", method).put("path", path);
            ObjectNode q = n.putObject("query");
            query.forEach(q::put);
            ArrayNode h = n.putArray("header_names");
            headerNames.forEach(h::add);
            ArrayNode b = n.putArray("body_fields");
            bodyFields.forEach(b::add);
            n.put("body", body);
            n.put("received_at_nanos", receivedAtNanos).put("code", code).put("http_status", httpStatus);
            return n;
        }
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final AtomicLong seq = new AtomicLong();

    public void record(String host, String method, String path, Map<String, String> query,
                       Iterable<String> headerNames, byte[] body, long receivedAtNanos, long code, int httpStatus) {
        TreeSet<String> names = new TreeSet<>();
        headerNames.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        Entry e = new Entry(seq.incrementAndGet(), host, method, path, Map.copyOf(new LinkedHashMap<>(query)),
                List.copyOf(names), bodyFields(body),
                body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8), receivedAtNanos, code,
                httpStatus);
        synchronized (entries) {
            if (entries.size() >= CAPACITY) {
                entries.pollFirst();
            }
            entries.addLast(e);
        }
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    public ArrayNode toJson() {
        ArrayNode out = SandboxJson.array();
        entries().forEach(e -> out.add(e.toJson()));
        return out;
    }

    private static List<String> bodyFields(byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        try {
            JsonNode root = SandboxJson.MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                return List.of();
            }
            TreeSet<String> out = new TreeSet<>();
            collect(root, "", out);
            return new ArrayList<>(out);
        } catch (java.io.IOException | RuntimeException notJson) {
            return List.of();
        }
    }

    private static void collect(JsonNode node, String prefix, TreeSet<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String name = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
                out.add(name);
                collect(f.getValue(), name, out);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, prefix + "[]", out);
            }
        }
    }
}
