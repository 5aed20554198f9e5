package dev.ttsconnector.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsServiceTest {

    private static final Instant CREATED = Instant.parse("2026-01-15T10:00:00Z");
    private static final String INT = "int-1";

    private MutableClock clock;
    private InMemorySettingsStore store;
    private SettingsService service;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-02-01T00:00:00Z"));
        store = new InMemorySettingsStore();
        service = new SettingsService(store, SettingsValidator.standard(), clock);
    }

    private static JsonNode json(String text) throws Exception {
        return Json.app().readTree(text);
    }

    @Test
    void initialize_storesDocDefaultsAsVersionOne_once() {
        SettingsVersion first = service.initialize(INT, CREATED, "system");
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.settings()).isEqualTo(ConnectorSettings.defaults(CREATED));
        assertThat(first.reason()).isEqualTo("INITIALIZE");
        clock.advance(Duration.ofHours(1));
        assertThat(service.initialize(INT, CREATED.plusSeconds(5), "other")).isEqualTo(first);
        assertThat(service.history(INT)).hasSize(1);
    }

    @Test
    void patch_recordsWhoWhenAndFieldLevelDiff() throws Exception {
        service.initialize(INT, CREATED, "system");
        clock.advance(Duration.ofMinutes(5));
        SettingsVersion v2 = service.patch(INT, 1, json("{\"orders\":{\"pullOnHold\":true}}"), "alice@example.com");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.changedBy()).isEqualTo("alice@example.com");
        assertThat(v2.changedAt()).isEqualTo(Instant.parse("2026-02-01T00:05:00Z"));
        assertThat(v2.reason()).isEqualTo("PATCH");
        assertThat(v2.changes()).containsExactly(new FieldChange("orders.pullOnHold",
                Json.app().getNodeFactory().booleanNode(false), Json.app().getNodeFactory().booleanNode(true)));
        assertThat(service.require(INT)).isEqualTo(v2);
    }

    @Test
    void patch_withStaleVersion_isAConflict_andWritesNothing() throws Exception {
        service.initialize(INT, CREATED, "system");
        service.patch(INT, 1, json("{\"orders\":{\"pullOnHold\":true}}"), "alice");
        assertThatThrownBy(() -> service.patch(INT, 1, json("{\"orders\":{\"sendOrderCard\":true}}"), "bob"))
                .isInstanceOfSatisfying(SettingsConflictException.class, e -> {
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });
        assertThat(service.require(INT).version()).isEqualTo(2);
        assertThat(service.require(INT).settings().orders().sendOrderCard()).isFalse();
    }

    @Test
    void invalidPatch_writesNoVersion() throws Exception {
        service.initialize(INT, CREATED, "system");
        assertThatThrownBy(() -> service.patch(INT, 1,
                json("{\"orders\":{\"pullOnHold\":true,\"messageTemplate\":\"" + "x".repeat(2001) + "\"}}"), "a"))
                .isInstanceOf(SettingsValidationException.class);
        assertThat(service.history(INT)).hasSize(1);
        assertThat(service.require(INT).settings().orders().pullOnHold()).isFalse();
    }

    @Test
    void patchThatChangesNothing_writesNoVersion() throws Exception {
        service.initialize(INT, CREATED, "system");
        SettingsVersion same = service.patch(INT, 1, json("{\"orders\":{\"pullOnHold\":false}}"), "a");
        assertThat(same.version()).isEqualTo(1);
        assertThat(service.history(INT)).hasSize(1);
    }

    @Test
    void history_isNewestFirst_andRestoreCreatesANewVersionEqualToTheOldOne() throws Exception {
        service.initialize(INT, CREATED, "system");
        service.patch(INT, 1, json("{\"products\":{\"safeUpdate\":false}}"), "alice");
        service.patch(INT, 2, json("{\"inventory\":{\"onlySkus\":[\"A\",\"B\"]}}"), "bob");
        assertThat(service.history(INT)).extracting(SettingsVersion::version).containsExactly(3L, 2L, 1L);

        clock.advance(Duration.ofDays(1));
        SettingsVersion restored = service.restore(INT, 1, 3, "carol");
        assertThat(restored.version()).isEqualTo(4);
        assertThat(restored.config()).isEqualTo(service.version(INT, 1).orElseThrow().config());
        assertThat(restored.reason()).isEqualTo("RESTORE v1");
        assertThat(restored.changedBy()).isEqualTo("carol");
        assertThat(restored.changes()).extracting(FieldChange::field)
                .containsExactlyInAnyOrder("products.safeUpdate", "inventory.onlySkus");
        assertThat(service.history(INT)).extracting(SettingsVersion::version).containsExactly(4L, 3L, 2L, 1L);
        assertThat(service.version(INT, 3).orElseThrow().settings().inventory().onlySkus()).containsExactly("A", "B");
    }

    @Test
    void restore_ofMissingVersion_isNotFound() {
        service.initialize(INT, CREATED, "system");
        assertThatThrownBy(() -> service.restore(INT, 9, 1, "a")).isInstanceOf(SettingsNotFoundException.class);
        assertThatThrownBy(() -> service.require("nobody")).isInstanceOf(SettingsNotFoundException.class);
    }

    @Test
    void replace_validatesWholeConfig_andVersionsMappings() {
        service.initialize(INT, CREATED, "system");
        ConnectorConfig bad = new ConnectorConfig(ConnectorSettings.defaults(CREATED),
                List.of(new CarrierMapping("", "1", null)), List.of(new LocationMapping("L1", "W1")));
        assertThatThrownBy(() -> service.replace(INT, 1, bad, "a", "REPLACE"))
                .isInstanceOfSatisfying(SettingsValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("mappings.carriers[0].appCarrier"));
        ConnectorConfig good = new ConnectorConfig(ConnectorSettings.defaults(CREATED),
                List.of(new CarrierMapping("UPS", "1", null)), List.of(new LocationMapping("L1", "W1")));
        SettingsVersion v2 = service.replace(INT, 1, good, "a", "REPLACE");
        assertThat(v2.changes()).extracting(FieldChange::field)
                .containsExactly("mappings.carriers", "mappings.locations");
    }

    @Test
    void storesAreIsolatedPerIntegration() throws Exception {
        service.initialize("A", CREATED, "system");
        service.initialize("B", CREATED, "system");
        service.patch("A", 1, json("{\"orders\":{\"pullOnHold\":true}}"), "a");
        assertThat(service.require("A").settings().orders().pullOnHold()).isTrue();
        assertThat(service.require("B").settings().orders().pullOnHold()).isFalse();
        assertThat(store.history("B")).hasSize(1);
    }
}
