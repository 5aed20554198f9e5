package dev.ttsconnector.app.fulfillments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Where a fulfillment stands with TikTok: {@code pending} (queued, or deferred while the order is on hold),
 * {@code posted} (TikTok holds the tracking; package ids known), {@code failed} (TikTok's or our code and message;
 * correct it and it is pushed again), {@code skipped} (nothing to push, e.g. the order is shipped by the platform).
 */
public enum FulfillmentState {
    PENDING("pending"),
    POSTED("posted"),
    FAILED("failed"),
    SKIPPED("skipped");

    private final String value;

    FulfillmentState(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static FulfillmentState fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("state must be one of "
                        + Arrays.stream(values()).map(FulfillmentState::value).toList() + ", got '" + value + "'"));
    }

    /** Whether the fulfillment holds its order line items (pending or posted ones cannot be shipped again). */
    public boolean claimsLines() {
        return this == PENDING || this == POSTED;
    }
}
