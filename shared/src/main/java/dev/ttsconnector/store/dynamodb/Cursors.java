package dev.ttsconnector.store.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque page cursors for API clients: DynamoDB's LastEvaluatedKey (string key attributes only, which is all this
 * table has) as base64url text. A cursor that does not decode is a client error, reported as such.
 */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(lastEvaluatedKey).forEach((k, v) -> sb.append(k).append('\u0000').append(v.s()).append('\u0000'));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when {@code cursor} is not one this class produced */
    public static Map<String, AttributeValue> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not a valid page cursor");
        }
        String[] parts = text.split("\u0000", -1);
        if (parts.length < 3 || parts.length % 2 != 1 || !parts[parts.length - 1].isEmpty()) {
            throw new IllegalArgumentException("cursor is not a valid page cursor");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            key.put(parts[i], AttributeValue.fromS(parts[i + 1]));
        }
        return key;
    }

    /**
     * Decodes a cursor of one listing: it must hold exactly the attributes {@code keyNames} (table key plus index
     * key) and its {@code partitionAttribute} must equal {@code partitionValue}. A cursor of another listing
     * (another index, status or integration) or a forged one is thereby a client error, not a DynamoDB
     * {@code ValidationException} ("The provided starting key is invalid") surfacing as a server error.
     *
     * @return the exclusive start key, or null for a null or empty cursor
     * @throws IllegalArgumentException when {@code cursor} does not belong to this listing
     */
    public static Map<String, AttributeValue> decodeFor(String cursor, Set<String> keyNames, String partitionAttribute,
                                                        String partitionValue) {
        Map<String, AttributeValue> key = decode(cursor);
        if (key == null) {
            return null;
        }
        AttributeValue partition = key.get(partitionAttribute);
        if (!key.keySet().equals(keyNames) || partition == null || !partitionValue.equals(partition.s())) {
            throw new IllegalArgumentException("cursor does not belong to this listing; "
                    + "pass the nextCursor of the previous page of the same query");
        }
        return key;
    }
}
