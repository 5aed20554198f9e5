package dev.ttsconnector.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Sliding one-second window per (shop, endpoint) in real time: a QPS quota is about wall-clock throughput, not
 * the virtual business clock. Over the limit the gateway answers 429 / 36009002 (spec §13).
 */
public final class RateLimiter {
    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private volatile int limit;

    public RateLimiter(int limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    public void limit(int qps) {
        if (qps < 1) {
            throw new IllegalArgumentException("qps limit must be >= 1, was " + qps);
        }
        this.limit = qps;
    }

    public int limit() {
        return limit;
    }

    /** Records the call and returns true if it is within the limit; refused calls do not use quota. */
    public boolean tryAcquire(String key) {
        Deque<Long> w = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        long now = nanoTime.getAsLong();
        synchronized (w) {
            while (!w.isEmpty() && now - w.peekFirst() >= 1_000_000_000L) {
                w.pollFirst();
            }
            if (w.size() >= limit) {
                return false;
            }
            w.addLast(now);
            return true;
        }
    }
}
