package dev.ttsconnector.store.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ttsconnector.common.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

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

    /**
     * Writes {@code item} only if no item has its key (the first write of a record).
     *
     * @return false, writing nothing, when an item with that key exists
     */
    public static boolean putIfAbsent(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /**
     * Writes {@code item} only if the stored item's {@code version} still equals {@code expectedVersion}
     * (optimistic locking).
     *
     * @return false, writing nothing, when the stored version differs or the item is gone
     */
    public static boolean putIfVersion(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item,
                                       long expectedVersion) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    /** A record stored as one compact JSON attribute ({@code doc}), written with {@link Json#app()}. */
    public static AttributeValue doc(Object record) {
        try {
            return s(Json.app().writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record in the item's {@code doc} attribute; a stored item that does not parse names its key. */
    public static <T> T readDoc(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return Json.app().readValue(string(item, "doc"), type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored " + type.getSimpleName() + " " + describe(item)
                    + " does not parse", e);
        }
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
