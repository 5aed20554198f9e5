package dev.ttsconnector.settings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One pair of the "Attributes mapping" setting: an app variant option / custom field name and the TikTok sale
 * attribute it fills. The setting is free text (doc default {@code color:colour}); entries are separated by
 * commas or line breaks, each {@code appName:tiktokName}, surrounding spaces ignored.
 */
public record AttributeMapping(String appName, String tiktokName) {

    private static final Pattern SEPARATORS = Pattern.compile("[,\\r\\n]+");

    public AttributeMapping {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(tiktokName, "tiktokName");
    }

    /** Parses the setting's text; {@code problems} receives one message per malformed entry. */
    static List<AttributeMapping> parse(String text, List<String> problems) {
        List<AttributeMapping> pairs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] entries = SEPARATORS.split(text);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0 || colon != entry.lastIndexOf(':')) {
                problems.add("entry '" + entry + "' must be appName:tiktokName (exactly one ':')");
                continue;
            }
            String app = entry.substring(0, colon).strip();
            String tiktok = entry.substring(colon + 1).strip();
            if (app.isEmpty() || tiktok.isEmpty()) {
                problems.add("entry '" + entry + "' has an empty name on one side of ':'");
                continue;
            }
            if (!seen.add(app.toLowerCase(Locale.ROOT))) {
                problems.add("app attribute '" + app + "' is mapped more than once");
                continue;
            }
            pairs.add(new AttributeMapping(app, tiktok));
        }
        return pairs;
    }

    /**
     * Parses the "Attributes mapping" text into pairs.
     *
     * @throws IllegalArgumentException naming every malformed entry
     */
    public static List<AttributeMapping> parse(String text) {
        List<String> problems = new ArrayList<>();
        List<AttributeMapping> pairs = parse(text, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("products.attributesMapping: " + String.join("; ", problems));
        }
        return pairs;
    }

    /** The canonical text for pairs: {@code a:b,c:d}. */
    public static String format(List<AttributeMapping> pairs) {
        return String.join(",", pairs.stream().map(p -> p.appName() + ":" + p.tiktokName()).toList());
    }
}
