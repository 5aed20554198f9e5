package dev.ttsconnector.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount with its ISO 4217 currency. TikTok sends amounts as decimal strings beside a currency field
 * (spec §15); we keep them as {@link BigDecimal} and write them back as strings so no precision is lost.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * JSON form {@code {"amount": "12.30", "currency": "USD"}}: the amount is a decimal string, never a JSON number
     * (binary floating point would round it).
     */
    @JsonCreator
    static Money fromJson(@JsonProperty("amount") String amount, @JsonProperty("currency") String currency) {
        if (amount == null || currency == null) {
            throw new IllegalArgumentException("money needs both amount (a decimal string) and currency");
        }
        try {
            return new Money(new BigDecimal(amount.trim()), currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount must be a decimal string such as \"12.30\", got '" + amount + "'");
        }
    }

    /** Parses TikTok's string amount; an empty or null amount is zero. */
    public static Money of(String amount, String currency) {
        return new Money(amount == null || amount.isBlank() ? BigDecimal.ZERO : new BigDecimal(amount.trim()), currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
        return new Money(amount.add(other.amount), currency);
    }
}
