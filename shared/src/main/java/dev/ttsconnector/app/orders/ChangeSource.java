package dev.ttsconnector.app.orders;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a status change came from, shown in the order's history. */
public enum ChangeSource {
    POLL,
    WEBHOOK,
    API,
    RECONCILIATION;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
