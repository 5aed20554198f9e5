package dev.ttsconnector.metrics;

/**
 * Sees every value a {@link MetricsLogger} records and each flush, so a second consumer (the console's flow
 * health, {@code dev.ttsconnector.health.FlowActivityRecorder}) counts the same events without another call site.
 * Implementations must not throw: a tap never fails the flow that records a metric.
 */
public interface MetricsTap {

    void recorded(String integrationId, String flow, String name, double value, MetricUnit unit);

    void flushed();
}
