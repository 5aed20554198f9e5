package dev.ttsconnector.metrics;

/** CloudWatch units used by our metrics, with their Embedded Metric Format names. */
public enum MetricUnit {
    COUNT("Count"),
    MILLISECONDS("Milliseconds"),
    SECONDS("Seconds"),
    BYTES("Bytes"),
    PERCENT("Percent"),
    NONE("None");

    private final String emfName;

    MetricUnit(String emfName) {
        this.emfName = emfName;
    }

    /** The unit's name in EMF and the CloudWatch API. */
    public String emfName() {
        return emfName;
    }
}
