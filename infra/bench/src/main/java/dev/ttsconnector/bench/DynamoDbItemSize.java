package dev.ttsconnector.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The size of a DynamoDB item by AWS's rules ("Item sizes and formats",
 * docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html): the UTF-8 length of each
 * attribute name plus its value: a string its UTF-8 length, a number about one byte per two significant digits plus
 * one, binary its length, a boolean or null 1 byte, a list or map 3 bytes plus its elements plus 1 byte per element,
 * a set the sum of its members.
 */
final class DynamoDbItemSize {

    private DynamoDbItemSize() {
    }

    static long bytes(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + value(e.getValue());
        }
        return size;
    }

    /** Write units of the item: one per started KB, at least one. */
    static long writeUnits(Map<String, AttributeValue> item) {
        return Math.max(1, (bytes(item) + 1023) / 1024);
    }

    static long value(AttributeValue v) {
        if (v.s() != null) {
            return v.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (v.n() != null) {
            return number(v.n());
        }
        if (v.b() != null) {
            return v.b().asByteArray().length;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasL()) {
            long size = 3;
            for (AttributeValue e : v.l()) {
                size += 1 + value(e);
            }
            return size;
        }
        if (v.hasM()) {
            long size = 3;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += 1 + e.getKey().getBytes(StandardCharsets.UTF_8).length + value(e.getValue());
            }
            return size;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToLong(DynamoDbItemSize::number).sum();
        }
        if (v.hasBs()) {
            return v.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
        }
        return 1;
    }

    private static long number(String n) {
        String digits = new BigDecimal(n).unscaledValue().abs().toString().replaceAll("0+$", "");
        return (Math.max(1, digits.length()) + 1) / 2 + 1;
    }
}
