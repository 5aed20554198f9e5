package dev.ttsconnector.flow.fulfillments;

import dev.ttsconnector.settings.CarrierMapping;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.tiktok.logistics.ShippingProvider;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the app's carrier name into one of the shipping providers TikTok allows for the order's delivery option
 * (spec §5: only a {@code shipping_provider_id} from that list is accepted). In order:
 * <ol>
 *   <li>the integration's carrier mapping ({@code appCarrier} case-insensitively; its provider id first, then
 *       its exact provider name), when the mapped provider is allowed;</li>
 *   <li>the normalised name: case, accents, spaces and punctuation ignored, and common aliases equal
 *       ("UPS" = "United Parcel Service", "USPS" = "United States Postal Service", ...);</li>
 *   <li>with "Use fallback carrier…" on, {@code fulfillments.fallbackCarrier} (id first, then exact name, then
 *       normalised name).</li>
 * </ol>
 * Nothing matched: a {@link Result#failure()} message naming the carrier and the allowed providers. Pure.
 */
public final class CarrierMatcher {

    /** How a provider was chosen. */
    public enum Via { MAPPING, NAME, FALLBACK }

    /** A provider and how it was found, or (provider null) the reason none was. */
    public record Result(ShippingProvider provider, Via via, String failure) {
        public boolean matched() {
            return provider != null;
        }
    }

    /** Alias groups: every name of a group normalises to the group's first entry. */
    private static final List<List<String>> ALIASES = List.of(
            List.of("ups", "unitedparcelservice", "upsground", "upsexpress"),
            List.of("usps", "unitedstatespostalservice", "uspostalservice", "postalservice"),
            List.of("fedex", "federalexpress", "fedexground", "fedexexpress"),
            List.of("dhl", "dhlexpress"),
            List.of("dhlecommerce", "dhlglobalmail", "dhlecommercesolutions"),
            List.of("royalmail", "rm"),
            List.of("evri", "hermes", "hermesuk"),
            List.of("parcelforce", "parcelforceworldwide"),
            List.of("yamato", "yamatotransport", "kuronekoyamato", "takkyubin"),
            List.of("sagawa", "sagawaexpress"),
            List.of("japanpost", "yubin", "nipponyubin"),
            List.of("laposte", "colissimo"),
            List.of("brt", "bartolini"),
            List.of("posteitaliane", "poste"),
            List.of("correos", "correosexpress"),
            List.of("anpost", "irishpost"),
            List.of("ontrac", "lasership", "ontraclasership"));

    private static final Map<String, String> CANONICAL = new HashMap<>();

    static {
        for (List<String> group : ALIASES) {
            for (String name : group) {
                CANONICAL.put(name, group.get(0));
            }
        }
    }

    private CarrierMatcher() {
    }

    public static Result match(String carrier, List<CarrierMapping> mappings, ConnectorSettings.Fulfillments settings,
                               List<ShippingProvider> allowed) {
        Optional<CarrierMapping> mapping = mappings.stream()
                .filter(m -> m.appCarrier().strip().equalsIgnoreCase(carrier.strip())).findFirst();
        if (mapping.isPresent()) {
            Optional<ShippingProvider> mapped = byIdOrName(allowed, mapping.get().shippingProviderId(),
                    mapping.get().shippingProviderName());
            if (mapped.isPresent()) {
                return new Result(mapped.get(), Via.MAPPING, null);
            }
        }
        Optional<ShippingProvider> byName = byNormalisedName(allowed, carrier);
        if (byName.isPresent()) {
            return new Result(byName.get(), Via.NAME, null);
        }
        String mappingNote = mapping.map(m -> " (its carrier mapping points to "
                + describe(m.shippingProviderId(), m.shippingProviderName()) + ", which is not allowed)").orElse("");
        if (settings.useFallbackCarrier()) {
            String fallback = settings.fallbackCarrier();
            Optional<ShippingProvider> chosen = fallback == null || fallback.isBlank() ? Optional.empty()
                    : byIdOrName(allowed, fallback, fallback).or(() -> byNormalisedName(allowed, fallback));
            if (chosen.isPresent()) {
                return new Result(chosen.get(), Via.FALLBACK, null);
            }
            return new Result(null, null, "carrier '" + carrier + "'" + mappingNote
                    + " is not a TikTok shipping provider of the order's delivery option, and the fallback carrier '"
                    + fallback + "' is not one either; allowed providers: " + list(allowed));
        }
        return new Result(null, null, "carrier '" + carrier + "'" + mappingNote
                + " is not a TikTok shipping provider of the order's delivery option and \"Use fallback carrier\" is "
                + "off; allowed providers: " + list(allowed)
                + ". Add a carrier mapping or turn the fallback carrier on");
    }

    /** Lower case, accents and every non-alphanumeric character removed, then the alias group's name. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return CANONICAL.getOrDefault(plain, plain);
    }

    private static Optional<ShippingProvider> byIdOrName(List<ShippingProvider> allowed, String id, String name) {
        if (id != null && !id.isBlank()) {
            Optional<ShippingProvider> hit = allowed.stream().filter(p -> id.strip().equals(p.id())).findFirst();
            if (hit.isPresent()) {
                return hit;
            }
        }
        if (name != null && !name.isBlank()) {
            return allowed.stream().filter(p -> p.name() != null && name.strip().equalsIgnoreCase(p.name().strip()))
                    .findFirst();
        }
        return Optional.empty();
    }

    private static Optional<ShippingProvider> byNormalisedName(List<ShippingProvider> allowed, String carrier) {
        String wanted = normalise(carrier);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return allowed.stream().filter(p -> normalise(p.name()).equals(wanted)).findFirst();
    }

    private static String describe(String id, String name) {
        return id != null && !id.isBlank() ? "provider id " + id : "provider '" + name + "'";
    }

    private static String list(List<ShippingProvider> allowed) {
        if (allowed.isEmpty()) {
            return "(none)";
        }
        return allowed.stream().map(p -> p.name() + " (" + p.id() + ")").collect(Collectors.joining(", "));
    }
}
