package dev.ttsconnector.tiktok.finance;

/**
 * TikTok answered a finance call with code 0 but a value we cannot read (e.g. an amount that is not a decimal
 * string, or amounts without a currency). The message names the field path and the value. Retrying the same call
 * returns the same data, so callers treat it as permanent for that statement.
 */
public final class FinanceDataException extends RuntimeException {

    private final String field;

    public FinanceDataException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    /** Path of the unreadable field, e.g. {@code statements[3].settlement_amount}. */
    public String field() {
        return field;
    }
}
