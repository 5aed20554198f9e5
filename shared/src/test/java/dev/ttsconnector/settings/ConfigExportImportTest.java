package dev.ttsconnector.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfigExportImportTest {

    private static final Instant CREATED_A = Instant.parse("2026-01-15T10:00:00Z");
    private static final Instant CREATED_B = Instant.parse("2026-03-20T08:00:00Z");
    private static final Set<String> B_WAREHOUSES = Set.of("7000000000000000001", "7000000000000000002");

    private InMemorySettingsStore store;
    private SettingsService service;
    private ConfigImporter importer;
    private ConfigExporter exporter;

    @BeforeEach
    void setUp() {
        store = new InMemorySettingsStore();
        service = new SettingsService(store, SettingsValidator.standard(),
                new MutableClock(Instant.parse("2026-04-01T00:00:00Z")));
        importer = new ConfigImporter(service);
        exporter = new ConfigExporter(service);
        service.initialize("A", CREATED_A, "system");
        service.initialize("B", CREATED_B, "system");
    }

    static JsonNode fixture(String name) throws Exception {
        try (InputStream in = ConfigExportImportTest.class.getResourceAsStream("/fixtures/settings/" + name)) {
            assertThat(in).as(name).isNotNull();
            return Json.app().readTree(in);
        }
    }

    private void configureA() throws Exception {
        service.patch("A", 1, Json.app().readTree("""
                {"orders": {"pullOnHold": true, "sendBuyerMessage": true, "messageTemplate": "Thanks!",
                            "messageBuyerIds": ["b1", "b2"]},
                 "products": {"missingAttributes": "USE_AI", "aiSkus": ["S1"], "attributesMapping": "color:colour,size:Size"},
                 "fulfillments": {"useFallbackCarrier": true, "fallbackCarrier": "USPS"}}"""), "alice");
        ConnectorConfig withMappings = new ConnectorConfig(service.require("A").settings(),
                List.of(new CarrierMapping("UPS", "7117858858072016686", "UPS")),
                List.of(new LocationMapping("loc-main", "7000000000000000001")));
        service.replace("A", 2, withMappings, "alice", "REPLACE");
    }

    @Test
    void exportFromA_importIntoB_givesEqualSettingsAndMappings() throws Exception {
        configureA();
        String exported = Json.app().writeValueAsString(ConfigExporter.toJson(exporter.export("A")));
        ImportResult result = importer.importDocument("B", -1, Json.app().readTree(exported), B_WAREHOUSES, false,
                "bob");
        assertThat(result.dryRun()).isFalse();
        assertThat(result.version()).isEqualTo(2);
        assertThat(result.skippedLocationMappings()).isEmpty();
        assertThat(service.require("B").config()).isEqualTo(service.require("A").config());
        assertThat(service.require("B").reason()).isEqualTo("IMPORT");
        assertThat(service.require("B").changedBy()).isEqualTo("bob");
    }

    @Test
    void export_hasNoShopIdentityTokensOrCursors() throws Exception {
        configureA();
        ObjectNode doc = ConfigExporter.toJson(exporter.export("A"));
        List<String> rootFields = List.copyOf(iterable(doc.fieldNames()));
        assertThat(rootFields).containsExactly("schemaVersion", "settings", "mappings", "rules");
        String text = doc.toString().toLowerCase();
        assertThat(text).doesNotContain("token").doesNotContain("cursor").doesNotContain("shopid")
                .doesNotContain("cipher").doesNotContain("\"a\"");
        assertThat(doc.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(doc.at("/mappings/attributes/1/tiktokName").asText()).isEqualTo("Size");
        assertThat(doc.at("/rules/aiSkus/0").asText()).isEqualTo("S1");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    @Test
    void validFixture_imports() throws Exception {
        ImportResult result = importer.importDocument("B", 1, fixture("config-valid.json"), B_WAREHOUSES, false, "bob");
        assertThat(result.version()).isEqualTo(2);
        assertThat(service.require("B").config().carriers()).hasSize(2);
        assertThat(service.require("B").settings().orders().excludeOrdersCreatedBefore())
                .isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
    }

    @Test
    void importWithFiveMistakes_isRefusedListingAllFive_andNothingChanges() throws Exception {
        SettingsVersion before = service.require("B");
        assertThatThrownBy(() -> importer.importDocument("B", 1, fixture("config-five-mistakes.json"), B_WAREHOUSES,
                false, "bob")).isInstanceOfSatisfying(SettingsValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                        "settings.orders.pullStatuses",
                        "settings.orders.messageTemplate",
                        "settings.fulfillments.fallbackCarrier",
                        "settings.products.safeUpdate",
                        "settings.inventory.pushInventoryFromLocation"));
        assertThat(service.require("B")).isEqualTo(before);
        assertThat(store.history("B")).hasSize(1);
    }

    @Test
    void dryRun_returnsTheDiff_andWritesNothing() throws Exception {
        configureA();
        SettingsVersion before = service.require("B");
        ImportResult result = importer.importDocument("B", 1, ConfigExporter.toJson(exporter.export("A")),
                B_WAREHOUSES, true, "bob");
        assertThat(result.dryRun()).isTrue();
        assertThat(result.version()).isEqualTo(1);
        assertThat(result.changes()).extracting(FieldChange::field).contains("orders.excludeOrdersCreatedBefore",
                "orders.pullOnHold", "products.aiSkus", "fulfillments.fallbackCarrier", "mappings.carriers",
                "mappings.locations");
        assertThat(service.require("B")).isEqualTo(before);
    }

    @Test
    void locationMappingsToAnotherShopsWarehouses_areReportedNotCopied() throws Exception {
        configureA();
        ImportResult result = importer.importDocument("B", 1, ConfigExporter.toJson(exporter.export("A")),
                Set.of("7999999999999999999"), false, "bob");
        assertThat(result.skippedLocationMappings())
                .containsExactly(new LocationMapping("loc-main", "7000000000000000001"));
        assertThat(service.require("B").config().locations()).isEmpty();
        assertThat(service.require("B").config().carriers()).isEqualTo(service.require("A").config().carriers());
    }

    @Test
    void unknownTopLevelField_wrongSchemaVersion_andInconsistentViews_areAllReported() throws Exception {
        ObjectNode doc = (ObjectNode) fixture("config-valid.json");
        doc.put("schemaVersion", 2);
        doc.put("shopId", "123");
        ((ObjectNode) doc.get("rules")).putArray("productSkus").add("X");
        ((ObjectNode) doc.at("/mappings/attributes/0")).put("tiktokName", "Color");
        ((ObjectNode) doc.at("/mappings/carriers/0")).put("carrier", "x");
        assertThatThrownBy(() -> importer.importDocument("B", 1, doc, B_WAREHOUSES, false, "bob"))
                .isInstanceOfSatisfying(SettingsValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactlyInAnyOrder("shopId", "schemaVersion",
                                "rules.productSkus", "mappings.attributes", "mappings.carriers[0].carrier"));
        assertThat(store.history("B")).hasSize(1);
    }

    @Test
    void import_withStaleExpectedVersion_isAConflict() throws Exception {
        assertThatThrownBy(() -> importer.importDocument("B", 7, fixture("config-valid.json"), B_WAREHOUSES, false,
                "bob")).isInstanceOf(SettingsConflictException.class);
        assertThat(store.history("B")).hasSize(1);
    }
}
