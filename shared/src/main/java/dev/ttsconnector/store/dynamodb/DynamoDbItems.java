package dev.ttsconnector.store.dynamodb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Small helpers to build and read DynamoDB attribute maps. Reading a missing or mistyped attribute throws
 * an {@link IllegalStateException} naming the attribute and the item's keys (stored data we cannot read is
 * a bug or corruption, never the caller's input).
 */
public final class DynamoDbItems {

    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    public static final String GSI2 = "GSI2";
    public static final String GSI2PK = "GSI2PK";
    public static final String GSI2SK = "GSI2SK";

    // Always nine fraction digits, UTC: Instant.toString() drops zero fractions, so "...:00Z" would sort after
    // "...:00.500Z" as a string. Index sort keys and range conditions must use this form.
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private DynamoDbItems() {
    }

    /**
     * {@code instant} as fixed-width UTC text whose string order is time order (for GSI sort keys and the
     * {@code >=}/{@code <} conditions on them); correct for the years 0000-9999.
     */
    public static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** The key map {@code {PK, SK}}. */
    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("stored item " + describe(item) + " has no string attribute '" + name + "'");
        }
        return value.s();
    }

    public static String optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("stored item " + describe(item) + " has no number attribute '" + name + "'");
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("attribute '" + name + "' of stored item " + describe(item)
                    + " is not an integer: " + value.n(), e);
        }
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = string(item, name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("attribute '" + name + "' of stored item " + describe(item)
                    + " is not an ISO-8601 instant: " + text, e);
        }
    }

    private static String describe(Map<String, AttributeValue> item) {
        return "(PK=" + optionalString(item, PK) + ", SK=" + optionalString(item, SK) + ")";
    }
}
