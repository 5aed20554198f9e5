package dev.ttsconnector.settings;

/**
 * TikTok return types ({@code return_type}, spec §6); the constant name is the TikTok code. The product doc's
 * "Pull refunds TikTok types" default is the label "Return and Refund", which is {@code RETURN_AND_REFUND}.
 */
public enum TikTokReturnType implements CodedOption {
    REFUND("Refund only"),
    RETURN_AND_REFUND("Return and Refund"),
    REPLACEMENT("Replacement");

    private final String label;

    TikTokReturnType(String label) {
        this.label = label;
    }

    /** The value TikTok uses in {@code return_type} and the {@code return_types[]} search filter. */
    public String tiktokCode() {
        return name();
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
