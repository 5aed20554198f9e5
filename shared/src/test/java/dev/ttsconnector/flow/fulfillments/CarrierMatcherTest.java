package dev.ttsconnector.flow.fulfillments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.settings.CarrierMapping;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.tiktok.logistics.ShippingProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarrierMatcherTest {

    private static final List<ShippingProvider> ALLOWED = List.of(new ShippingProvider("7001", "UPS"),
            new ShippingProvider("7002", "USPS"), new ShippingProvider("7003", "DHL eCommerce"),
            new ShippingProvider("7004", "Royal Mail"));
    private static final ConnectorSettings.Fulfillments OFF = new ConnectorSettings.Fulfillments(false, null);

    @Test
    void match_mappingByProviderName_winsOverNameMatch() {
        CarrierMatcher.Result r = CarrierMatcher.match("UPS",
                List.of(new CarrierMapping("ups", null, "USPS")), OFF, ALLOWED);

        assertThat(r.provider().id()).isEqualTo("7002");
        assertThat(r.via()).isEqualTo(CarrierMatcher.Via.MAPPING);
    }

    @Test
    void match_mappingToProviderNotAllowed_fallsBackToNameMatch() {
        CarrierMatcher.Result r = CarrierMatcher.match("UPS",
                List.of(new CarrierMapping("UPS", "9999", null)), OFF, ALLOWED);

        assertThat(r.provider().id()).isEqualTo("7001");
        assertThat(r.via()).isEqualTo(CarrierMatcher.Via.NAME);
    }

    @Test
    void match_normalisedNames_ignoreCasePunctuationAndAliases() {
        assertThat(CarrierMatcher.match("united states postal service", List.of(), OFF, ALLOWED).provider().id())
                .isEqualTo("7002");
        assertThat(CarrierMatcher.match("dhl-ecommerce", List.of(), OFF, ALLOWED).provider().id()).isEqualTo("7003");
        assertThat(CarrierMatcher.match("ROYAL_MAIL", List.of(), OFF, ALLOWED).provider().id()).isEqualTo("7004");
        assertThat(CarrierMatcher.normalise("United Parcel Service")).isEqualTo(CarrierMatcher.normalise("U.P.S."));
    }

    @Test
    void match_noMatchWithFallbackByProviderId_usesFallback() {
        CarrierMatcher.Result r = CarrierMatcher.match("Pony Express", List.of(),
                new ConnectorSettings.Fulfillments(true, "7004"), ALLOWED);

        assertThat(r.provider().name()).isEqualTo("Royal Mail");
        assertThat(r.via()).isEqualTo(CarrierMatcher.Via.FALLBACK);
    }

    @Test
    void match_fallbackNotAllowedEither_failsNamingBoth() {
        CarrierMatcher.Result r = CarrierMatcher.match("Pony Express", List.of(),
                new ConnectorSettings.Fulfillments(true, "Canada Post"), ALLOWED);

        assertThat(r.matched()).isFalse();
        assertThat(r.failure()).contains("'Pony Express'", "'Canada Post'", "UPS (7001)", "Royal Mail (7004)");
    }

    @Test
    void match_noMatchFallbackOff_failsListingAllowedProviders() {
        CarrierMatcher.Result r = CarrierMatcher.match("Pony Express", List.of(), OFF, ALLOWED);

        assertThat(r.matched()).isFalse();
        assertThat(r.failure()).contains("'Pony Express'", "UPS (7001), USPS (7002), DHL eCommerce (7003), "
                + "Royal Mail (7004)", "\"Use fallback carrier\" is off");
    }
}
