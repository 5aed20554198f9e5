package dev.ttsconnector.flow.products;

import dev.ttsconnector.app.products.AppListing;
import dev.ttsconnector.tiktok.products.CategoryAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "AI" option of "Choose how … handles missing Product attributes", implemented as deterministic, explainable
 * rules, not a language model: a missing attribute gets the one allowed value (from TikTok's category attribute
 * {@code values[]}) whose name occurs as a whole word in the product's own text. Sources are tried in order —
 * product attributes, variant options, title, description (HTML tags removed) — and the first source that names
 * exactly one allowed value wins; a source naming two different allowed values is ambiguous and derives nothing
 * (the attribute stays missing). The same product always derives the same values.
 */
public final class RuleBasedAttributeDeriver {

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    /** Derives a value for {@code attribute} from {@code listing}, or empty when no source names exactly one. */
    public Optional<DerivedAttribute> derive(AppListing listing, CategoryAttribute attribute) {
        if (attribute.values().isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> source : sources(listing).entrySet()) {
            Map<CategoryAttribute.Value, String> hits = new LinkedHashMap<>();
            for (CategoryAttribute.Value value : attribute.values()) {
                if (value.name() == null || value.name().isBlank()) {
                    continue;
                }
                Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value.name()) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(source.getValue());
                if (m.find()) {
                    hits.put(value, m.group());
                }
            }
            if (hits.size() == 1) {
                Map.Entry<CategoryAttribute.Value, String> hit = hits.entrySet().iterator().next();
                return Optional.of(new DerivedAttribute(attribute.id(), attribute.name(), hit.getKey().id(),
                        hit.getKey().name(), source.getKey(), hit.getValue()));
            }
            if (hits.size() > 1) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Source name → text, in precedence order. */
    private static Map<String, String> sources(AppListing listing) {
        Map<String, String> out = new LinkedHashMap<>();
        listing.attributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put("attribute:" + e.getKey(), e.getValue()));
        Map<String, Set<String>> options = new LinkedHashMap<>();
        for (AppListing.Variant v : listing.variants()) {
            v.options().forEach((k, val) -> options.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new LinkedHashSet<>())
                    .add(val));
        }
        options.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put("option:" + e.getKey(), String.join(" | ", e.getValue())));
        out.put("title", listing.title());
        if (listing.description() != null) {
            out.put("description", TAGS.matcher(listing.description()).replaceAll(" "));
        }
        return out;
    }

    /** Attribute names of {@code attributes} (for messages). */
    static List<String> names(List<CategoryAttribute> attributes) {
        List<String> out = new ArrayList<>();
        attributes.forEach(a -> out.add(a.name() + " (" + a.id() + ")"));
        return out;
    }
}
