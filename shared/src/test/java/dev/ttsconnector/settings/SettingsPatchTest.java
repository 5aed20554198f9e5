package dev.ttsconnector.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SettingsPatchTest {

    private static final Instant CREATED = Instant.parse("2026-01-15T10:00:00Z");
    private final ConnectorSettings defaults = ConnectorSettings.defaults(CREATED);

    private static JsonNode json(String text) throws Exception {
        return Json.app().readTree(text);
    }

    @Test
    void patch_changesOnlyTheNamedFields() throws Exception {
        ConnectorSettings next = SettingsPatch.apply(defaults, json("""
                {"orders": {"pullOnHold": true, "pullStatuses": ["AWAITING_SHIPMENT"]},
                 "inventory": {"pushFromLocationId": "loc-1"}}"""));
        assertThat(next.orders().pullOnHold()).isTrue();
        assertThat(next.orders().pullStatuses()).containsExactly(TikTokOrderStatus.AWAITING_SHIPMENT);
        assertThat(next.inventory().pushFromLocationId()).isEqualTo("loc-1");
        assertThat(next.orders().supportVirtualBundles()).isTrue();
        assertThat(next.products()).isEqualTo(defaults.products());
        assertThat(defaults.orders().pullOnHold()).as("input untouched").isFalse();
    }

    @Test
    void patch_nullClearsANullableSetting() throws Exception {
        ConnectorSettings withLocation = SettingsPatch.apply(defaults, json("{\"inventory\":{\"pushFromLocationId\":\"L\"}}"));
        ConnectorSettings cleared = SettingsPatch.apply(withLocation, json("{\"inventory\":{\"pushFromLocationId\":null}}"));
        assertThat(cleared).isEqualTo(defaults);
    }

    @Test
    void patch_withOneBadField_appliesNothing_andListsEveryError() throws Exception {
        JsonNode patch = json("""
                {"orders": {"pullOnHold": true, "pullStatuses": ["NOPE"], "messageTemplate": 42},
                 "products": {"safeUpdate": false, "colour": "red"},
                 "statements": {"excludeStatementsCreatedBefore": null}}""");
        assertThatThrownBy(() -> SettingsPatch.apply(defaults, patch))
                .isInstanceOfSatisfying(SettingsValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("orders.pullStatuses",
                                "orders.messageTemplate", "products.colour",
                                "statements.excludeStatementsCreatedBefore"));
        assertThat(defaults).isEqualTo(ConnectorSettings.defaults(CREATED));
    }

    @Test
    void patch_thatIsNotAnObject_isRejected() throws Exception {
        assertThatThrownBy(() -> SettingsPatch.apply(defaults, json("[1]")))
                .isInstanceOf(SettingsValidationException.class).hasMessageContaining("settings");
        assertThatThrownBy(() -> SettingsPatch.apply(defaults, json("{\"orders\": true}")))
                .isInstanceOfSatisfying(SettingsValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("orders"));
    }

    @Test
    void patch_enablingFallbackInTheSamePatchAsTheCarrier_isAccepted() throws Exception {
        ConnectorSettings next = SettingsPatch.apply(defaults,
                json("{\"fulfillments\":{\"useFallbackCarrier\":true,\"fallbackCarrier\":\"USPS\"}}"));
        assertThat(next.fulfillments()).isEqualTo(new ConnectorSettings.Fulfillments(true, "USPS"));
    }

    @Test
    void patch_cannotStoreAnAction() throws Exception {
        assertThatThrownBy(() -> SettingsPatch.apply(defaults, json("{\"products\":{\"forceCatalogResync\":true}}")))
                .isInstanceOfSatisfying(SettingsValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("products.forceCatalogResync"));
    }
}
