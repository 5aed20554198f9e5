package dev.ttsconnector.flow.orders.messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Message Template" of the Orders settings. Placeholders are {@code {orderId}} (the TikTok order id the buyer
 * sees), {@code {buyerName}} (the recipient name of the order, {@value #BUYER_NAME_FALLBACK} when TikTok masked or
 * omitted it) and {@code {shopName}} (the TikTok shop's name). Anything else in braces is left as written:
 * {@link #unknownPlaceholders} lets settings validation report such names, and the sender renders them literally.
 */
public final class BuyerMessageTemplate {

    public static final String ORDER_ID = "orderId";
    public static final String BUYER_NAME = "buyerName";
    public static final String SHOP_NAME = "shopName";
    public static final Set<String> PLACEHOLDERS = Set.of(ORDER_ID, BUYER_NAME, SHOP_NAME);
    public static final String BUYER_NAME_FALLBACK = "Customer";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private BuyerMessageTemplate() {
    }

    /** Names in braces that are not placeholders, in order of first appearance (empty when all are known). */
    public static List<String> unknownPlaceholders(String template) {
        List<String> unknown = new ArrayList<>();
        if (template == null) {
            return unknown;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1)) && !unknown.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** The template with every known placeholder replaced by its value ({@code null} values render empty). */
    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            String replacement = !PLACEHOLDERS.contains(name) ? m.group() : value == null ? "" : value;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
