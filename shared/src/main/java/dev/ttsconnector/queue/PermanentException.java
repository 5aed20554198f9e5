package dev.ttsconnector.queue;

import java.util.Objects;

/**
 * A failure that no retry can fix (invalid data, a rule refuses the item, the other side rejected it for
 * good). Consumers park the message under {@link #reasonCode()} so an operator can see, fix and replay it.
 */
public class PermanentException extends RuntimeException implements Retryable {

    private final String reasonCode;

    /**
     * @param reasonCode stable, upper-snake code of the reason (e.g. {@code SKU_NOT_MAPPED}); items parked for
     *                   the same entity and reason are one record
     */
    public PermanentException(String reasonCode, String message) {
        super(message);
        this.reasonCode = requireCode(reasonCode);
    }

    public PermanentException(String reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = requireCode(reasonCode);
    }

    public String reasonCode() {
        return reasonCode;
    }

    @Override
    public final boolean retryable() {
        return false;
    }

    private static String requireCode(String code) {
        Objects.requireNonNull(code, "reasonCode");
        if (code.isBlank() || code.contains("#")) {
            throw new IllegalArgumentException("reasonCode must be non-blank and must not contain '#': '" + code + "'");
        }
        return code;
    }
}
