package dev.ttsconnector.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.common.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsValidatorTest {

    private static final Instant CREATED = Instant.parse("2026-01-15T10:00:00Z");
    private final SettingsValidator validator = SettingsValidator.standard();

    private static ObjectNode defaultsTree() {
        return Json.app().valueToTree(ConnectorSettings.defaults(CREATED));
    }

    private static ObjectNode section(ObjectNode tree, String name) {
        return (ObjectNode) tree.get(name);
    }

    private List<String> fields(JsonNode tree) {
        return validator.validateSettingsTree(tree, "").stream().map(FieldError::field).toList();
    }

    @Test
    void unknownStatus_namesFieldAndAllowedValues() {
        ObjectNode tree = defaultsTree();
        section(tree, "orders").set("pullStatuses", Json.app().createArrayNode().add("AWAITING_SHIPMENT").add("SHIPPED"));
        List<FieldError> errors = validator.validateSettingsTree(tree, "");
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().field()).isEqualTo("orders.pullStatuses");
        assertThat(errors.getFirst().message()).contains("'SHIPPED'");
        assertThat(errors.getFirst().allowedValues()).contains("AWAITING_SHIPMENT", "DELIVERED", "CANCELLED")
                .doesNotContain("ON_HOLD");
    }

    @Test
    void templateLongerThan2000Characters_isRejected_and2000IsAccepted() {
        ObjectNode tree = defaultsTree();
        section(tree, "orders").put("messageTemplate", "é".repeat(2_000));
        assertThat(fields(tree)).isEmpty();
        section(tree, "orders").put("messageTemplate", "é".repeat(2_001));
        List<FieldError> errors = validator.validateSettingsTree(tree, "");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("orders.messageTemplate");
            assertThat(e.message()).contains("2001").contains("2000");
        });
    }

    @Test
    void fallbackOnWithoutCarrier_isRejected_andWithCarrierAccepted() {
        ObjectNode tree = defaultsTree();
        section(tree, "fulfillments").put("useFallbackCarrier", true);
        assertThat(fields(tree)).containsExactly("fulfillments.fallbackCarrier");
        section(tree, "fulfillments").put("fallbackCarrier", "  ");
        assertThat(fields(tree)).contains("fulfillments.fallbackCarrier");
        section(tree, "fulfillments").put("fallbackCarrier", "USPS");
        assertThat(fields(tree)).isEmpty();
    }

    @Test
    void buyerMessageOnWithoutTemplate_isRejected() {
        ObjectNode tree = defaultsTree();
        section(tree, "orders").put("sendBuyerMessage", true);
        assertThat(fields(tree)).containsExactly("orders.messageTemplate");
    }

    @Test
    void everyErrorIsCollected_notJustTheFirst() {
        ObjectNode tree = defaultsTree();
        section(tree, "locations").put("createFbtLocations", "yes");
        section(tree, "orders").put("excludeOrdersCreatedBefore", "yesterday");
        section(tree, "orders").put("lineItemCancelReason", "because");
        section(tree, "orders").putArray("onlyOrderIds").add("1").add("1").add(" ");
        section(tree, "products").put("missingAttributes", "ASK_A_HUMAN");
        section(tree, "products").put("attributesMapping", "color");
        section(tree, "products").remove("safeUpdate");
        section(tree, "inventory").put("colour", true);
        section(tree, "refunds").putArray("pullTypes").add(5);
        section(tree, "statements").putNull("excludeStatementsCreatedBefore");
        tree.put("shop", "x");
        assertThat(fields(tree)).containsExactlyInAnyOrder(
                "shop", "locations.createFbtLocations", "orders.excludeOrdersCreatedBefore",
                "orders.lineItemCancelReason", "orders.onlyOrderIds", "orders.onlyOrderIds",
                "products.missingAttributes", "products.safeUpdate", "products.attributesMapping",
                "inventory.colour", "refunds.pullTypes", "statements.excludeStatementsCreatedBefore");
    }

    @Test
    void unknownField_listsTheSectionsFields() {
        ObjectNode tree = defaultsTree();
        section(tree, "locations").put("createFbt", true);
        assertThat(validator.validateSettingsTree(tree, "")).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("locations.createFbt");
            assertThat(e.allowedValues()).containsExactly("createFbtLocations", "consolidateFbtInventory");
        });
    }

    @Test
    void resyncAction_isRefusedAsAStoredSetting() {
        ObjectNode tree = defaultsTree();
        section(tree, "inventory").put("forceResync", true);
        assertThat(validator.validateSettingsTree(tree, "")).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("inventory.forceResync");
            assertThat(e.message()).contains("action").contains("/resync");
        });
    }

    @Test
    void aiAllowAndBlockLists_mustNotOverlap() {
        ObjectNode tree = defaultsTree();
        section(tree, "products").putArray("aiSkus").add("A").add("B");
        section(tree, "products").putArray("aiBlockedSkus").add("B");
        assertThat(validator.validateSettingsTree(tree, "")).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("products.aiBlockedSkus");
            assertThat(e.message()).contains("[B]");
        });
    }

    @Test
    void emptyOrderStatuses_areRejected_butEmptyReturnStatusesAllowed() {
        ObjectNode tree = defaultsTree();
        section(tree, "orders").putArray("pullStatuses");
        section(tree, "returns").putArray("pullStatuses");
        assertThat(fields(tree)).containsExactly("orders.pullStatuses");
    }

    @Test
    void futureCutoffs_areAllowed() {
        ObjectNode tree = defaultsTree();
        section(tree, "orders").put("excludeOrdersCreatedBefore", "2099-01-01T00:00:00Z");
        section(tree, "statements").put("excludeStatementsCreatedBefore", "2099-01-01T00:00:00Z");
        assertThat(fields(tree)).isEmpty();
    }

    @Test
    void aiListsWithAiOptionOff_areAllowedAndFlaggedAsInert() {
        ObjectNode tree = defaultsTree();
        section(tree, "products").putArray("aiSkus").add("SKU-1");
        ConnectorSettings s = validator.parse(tree);
        assertThat(s.products().aiSkus()).containsExactly("SKU-1");
        assertThat(validator.notices(s)).extracting(FieldError::field).containsExactly("products.aiSkus");
    }

    @Test
    void parse_ofInvalidTree_throwsWithEveryError() {
        ObjectNode tree = defaultsTree();
        section(tree, "orders").put("pullOnHold", 1);
        section(tree, "returns").put("pullStatuses", "COMPLETED");
        assertThatThrownBy(() -> validator.parse(tree)).isInstanceOfSatisfying(SettingsValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("orders.pullOnHold", "returns.pullStatuses"));
    }

    @Test
    void reasons_mustBeInTheConfiguredList_whichCanBeExtended() {
        ObjectNode tree = defaultsTree();
        section(tree, "refunds").put("deliveredRefundReason", "Wrong item");
        assertThat(validator.validateSettingsTree(tree, "")).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("refunds.deliveredRefundReason");
            assertThat(e.allowedValues()).containsExactly("Package or product is damaged");
        });
        SettingsValidator extended = new SettingsValidator(new SettingsCatalog(TikTokCodes.standard()
                .withDeliveredRefundReasons(List.of(new ReasonOption("Wrong item", "Wrong item")))));
        assertThat(extended.validateSettingsTree(tree, "")).isEmpty();
    }

    @Test
    void mappings_errorsNameTheItemAndField() {
        ArrayNode carriers = Json.app().createArrayNode();
        carriers.addObject().put("appCarrier", "UPS").putNull("shippingProviderId").putNull("shippingProviderName");
        carriers.addObject().put("appCarrier", "ups").put("shippingProviderId", "1").putNull("shippingProviderName");
        carriers.addObject().put("appCarrier", "DHL").put("shippingProviderId", "2").put("shippingProviderName", "D")
                .put("extra", 1);
        assertThat(validator.validateCarriers(carriers, "mappings.carriers")).extracting(FieldError::field)
                .containsExactly("mappings.carriers[0].shippingProviderId", "mappings.carriers[1].appCarrier",
                        "mappings.carriers[2].extra");
        ArrayNode locations = Json.app().createArrayNode();
        locations.addObject().put("appLocationId", "L1").put("tiktokWarehouseId", "W1");
        locations.addObject().put("appLocationId", "L2").put("tiktokWarehouseId", "W1");
        locations.addObject().put("appLocationId", "").put("tiktokWarehouseId", "W3");
        assertThat(validator.validateLocations(locations, "mappings.locations")).extracting(FieldError::field)
                .containsExactly("mappings.locations[1].tiktokWarehouseId", "mappings.locations[2].appLocationId");
    }

    @Test
    void validateConfig_usesDocumentPaths() {
        ConnectorSettings bad = new ConnectorSettings(ConnectorSettings.defaults(CREATED).locations(),
                ConnectorSettings.defaults(CREATED).orders(), new ConnectorSettings.Fulfillments(true, null),
                ConnectorSettings.defaults(CREATED).products(), ConnectorSettings.defaults(CREATED).inventory(),
                ConnectorSettings.defaults(CREATED).returns(), ConnectorSettings.defaults(CREATED).refunds(),
                ConnectorSettings.defaults(CREATED).statements());
        ConnectorConfig config = new ConnectorConfig(bad, List.of(new CarrierMapping("UPS", null, null)), List.of());
        assertThat(validator.validate(config)).extracting(FieldError::field)
                .containsExactly("settings.fulfillments.fallbackCarrier", "mappings.carriers[0].shippingProviderId");
    }
}
