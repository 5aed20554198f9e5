package dev.ttsconnector.settings;

/**
 * TikTok order statuses (spec §4 "Order status enum"); the constant name is the TikTok code.
 * Labels are the product doc's wording ("Awaiting shipment, Cancelled, Delivered").
 */
public enum TikTokOrderStatus implements CodedOption {
    UNPAID("Unpaid"),
    ON_HOLD("On hold"),
    AWAITING_SHIPMENT("Awaiting shipment"),
    PARTIALLY_SHIPPING("Partially shipping"),
    AWAITING_COLLECTION("Awaiting collection"),
    IN_TRANSIT("In transit"),
    DELIVERED("Delivered"),
    COMPLETED("Completed"),
    CANCELLED("Cancelled");

    private final String label;

    TikTokOrderStatus(String label) {
        this.label = label;
    }

    /** The value TikTok uses in {@code status} and the {@code order_status} search filter. */
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
