package dev.ttsconnector.tiktok.finance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Money;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads finance amounts (spec §9: "All money fields are decimal strings", the currency is a sibling field of the
 * statement). Absent, null or empty amounts read as null (many fields exist only in some regions, e.g.
 * {@code revenue_amount} is "not UK/US"); anything else must be a plain decimal, or {@link FinanceDataException}
 * names the field path and the value.
 */
final class FinanceAmounts {

    /** Plain decimal: optional sign, digits, optional fraction. No exponent, no grouping separators. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private FinanceAmounts() {
    }

    static Money money(JsonNode parent, String field, String currency, String path) {
        BigDecimal amount = decimal(parent, field, path);
        if (amount == null) {
            return null;
        }
        if (currency == null || currency.isBlank()) {
            throw new FinanceDataException(path + "." + field, "amount '" + amount.toPlainString()
                    + "' arrived without a currency (the statement's currency field is missing)");
        }
        return new Money(amount, currency);
    }

    static BigDecimal decimal(JsonNode parent, String field, String path) {
        JsonNode v = parent == null ? null : parent.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String text;
        if (v.isTextual()) {
            text = v.asText().trim();
        } else if (v.isIntegralNumber() || v.isBigDecimal()) {
            text = v.decimalValue().toPlainString();
        } else if (v.isNumber()) {
            // A JSON float: its text form is what TikTok wrote (Jackson keeps the shortest exact representation).
            text = v.asText();
        } else {
            throw new FinanceDataException(path + "." + field, "expected a decimal string, got " + v.getNodeType());
        }
        if (text.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new FinanceDataException(path + "." + field, "'" + text + "' is not a decimal amount");
        }
        return new BigDecimal(text);
    }

    /**
     * Every amount field ({@code *_amount}, and TikTok's few amount fields without the suffix such as
     * {@code logistics_service_fee}) of a breakdown object, by field name; nested objects are read with a
     * {@code parent.child} name. Non-amount text fields are skipped.
     */
    static SortedMap<String, Money> breakdown(JsonNode node, String currency, String path) {
        SortedMap<String, Money> out = new TreeMap<>();
        collect(node, "", currency, path, out);
        return out;
    }

    private static void collect(JsonNode node, String prefix, String currency, String path,
                                SortedMap<String, Money> out) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                collect(v, prefix + name + ".", currency, path + "." + name, out);
            } else if (v.isNumber() || (v.isTextual() && (name.endsWith("_amount") || name.endsWith("_fee")
                    || name.endsWith("_tax") || name.endsWith("_duty")))) {
                Money m = money(node, name, currency, path);
                if (m != null) {
                    out.put(prefix + name, m);
                }
            }
        }
    }
}
