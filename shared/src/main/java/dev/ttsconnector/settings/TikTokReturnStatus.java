package dev.ttsconnector.settings;

/**
 * TikTok return/refund statuses ({@code return_status}, spec §6); the constant name is the TikTok code.
 * The product doc names only the label "Completed (The return processed successfully)" for the returns and
 * refunds status filters; it maps to {@code RETURN_OR_REFUND_REQUEST_COMPLETE} here and nowhere else.
 */
public enum TikTokReturnStatus implements CodedOption {
    RETURN_OR_REFUND_REQUEST_PENDING("Request pending"),
    REFUND_OR_RETURN_REQUEST_REJECT("Request rejected"),
    AWAITING_BUYER_SHIP("Awaiting buyer shipment"),
    BUYER_SHIPPED_ITEM("Buyer shipped item"),
    REJECT_RECEIVE_PACKAGE("Package receipt rejected"),
    RETURN_OR_REFUND_REQUEST_SUCCESS("Request approved"),
    RETURN_OR_REFUND_REQUEST_CANCEL("Request cancelled"),
    // Doc label: "Completed (The return processed successfully)".
    RETURN_OR_REFUND_REQUEST_COMPLETE("Completed"),
    REPLACEMENT_REQUEST_PENDING("Replacement pending"),
    REPLACEMENT_REQUEST_REJECT("Replacement rejected"),
    REPLACEMENT_REQUEST_REFUND_SUCCESS("Replacement refunded"),
    REPLACEMENT_REQUEST_CANCEL("Replacement cancelled"),
    REPLACEMENT_REQUEST_COMPLETE("Replacement completed"),
    AWAITING_BUYER_RESPONSE("Awaiting buyer response");

    private final String label;

    TikTokReturnStatus(String label) {
        this.label = label;
    }

    /** The value TikTok uses in {@code return_status} and the {@code return_status[]} search filter. */
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
