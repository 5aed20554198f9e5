package dev.ttsconnector.settings;

/** "Choose how Pipe17 handles missing Product attributes" (product doc, Products). */
public enum MissingAttributesBehavior implements CodedOption {
    /** An exception is created and the product is created as DRAFT in TikTok. */
    RAISE_EXCEPTION("Raise an exception about missing attribute"),
    /** Missing values are derived from product properties with AI. */
    USE_AI("Use AI to derive missing attribute values");

    private final String label;

    MissingAttributesBehavior(String label) {
        this.label = label;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String label() {
        return label;
    }
}
