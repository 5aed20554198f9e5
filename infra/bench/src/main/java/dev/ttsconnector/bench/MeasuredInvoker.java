package dev.ttsconnector.bench;

import dev.ttsconnector.local.FunctionInvoker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times every invocation of the wrapped invoker per function (handler latency histograms, Lambda duration for the
 * cost), counts function errors, and keeps the first few events of each function after {@link #reset()} (replayed in
 * fresh JVMs to measure each handler's heap).
 */
final class MeasuredInvoker implements FunctionInvoker {

    static final int SAMPLE_EVENTS = 20;

    private final FunctionInvoker delegate;
    private final LatencyRecorder latency;
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, List<String>> samples = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    MeasuredInvoker(FunctionInvoker delegate, LatencyRecorder latency) {
        this.delegate = delegate;
        this.latency = latency;
    }

    @Override
    public String invoke(String functionId, String eventJson) throws FunctionErrorException {
        List<String> sample = samples.computeIfAbsent(functionId, k -> new ArrayList<>());
        synchronized (sample) {
            if (sample.size() < SAMPLE_EVENTS) {
                sample.add(eventJson);
            }
        }
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        try {
            return delegate.invoke(functionId, eventJson);
        } catch (FunctionErrorException | RuntimeException e) {
            errors.computeIfAbsent(functionId, k -> new AtomicLong()).incrementAndGet();
            throw e;
        } finally {
            inFlight.decrementAndGet();
            Activity.GLOBAL.bump();
            latency.record(functionId, System.nanoTime() - start);
        }
    }

    /** Invocations running now (any function): the event source mappings' "could a producer still add messages?". */
    int inFlight() {
        return inFlight.get();
    }

    Map<String, Long> errors() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        errors.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    Map<String, List<String>> samples() {
        Map<String, List<String>> copy = new java.util.TreeMap<>();
        samples.forEach((k, v) -> {
            synchronized (v) {
                copy.put(k, List.copyOf(v));
            }
        });
        return copy;
    }

    void reset() {
        errors.clear();
        samples.clear();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
