package dev.ttsconnector.app.orders;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The app's order status, as the API shows it. */
public enum AppOrderStatus {
    ON_HOLD("onHold"),
    NEW("new"),
    PARTIALLY_FULFILLED("partiallyFulfilled"),
    FULFILLED("fulfilled"),
    IN_TRANSIT("inTransit"),
    DELIVERED("delivered"),
    COMPLETED("completed"),
    CANCELLED("cancelled");

    private final String value;

    AppOrderStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static AppOrderStatus fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status must be one of "
                        + Arrays.stream(values()).map(AppOrderStatus::value).toList() + ", got '" + value + "'"));
    }

    /** No TikTok update moves an order out of a terminal status. */
    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
