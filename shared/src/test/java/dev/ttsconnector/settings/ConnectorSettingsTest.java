package dev.ttsconnector.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorSettingsTest {

    private static final Instant CREATED = Instant.parse("2026-01-15T10:00:00Z");
    private final ConnectorSettings d = ConnectorSettings.defaults(CREATED);

    @Test
    void defaults_locations_bothOff() {
        assertThat(d.locations().createFbtLocations()).isFalse();
        assertThat(d.locations().consolidateFbtInventory()).isFalse();
    }

    @Test
    void defaults_orders_matchTheProductDoc() {
        ConnectorSettings.Orders o = d.orders();
        assertThat(o.excludeOrdersCreatedBefore()).isEqualTo(CREATED);
        assertThat(o.pullStatuses()).containsExactly(TikTokOrderStatus.AWAITING_SHIPMENT,
                TikTokOrderStatus.CANCELLED, TikTokOrderStatus.DELIVERED);
        assertThat(o.pullShippedByPlatform()).isFalse();
        assertThat(o.pullOnHold()).isFalse();
        assertThat(o.onlyOrderIds()).isEmpty();
        assertThat(o.cancelInTikTokWhenCanceled()).isFalse();
        assertThat(o.lineItemCancelReason()).isEqualTo("seller_cancel_reason_out_of_stock");
        assertThat(o.fullOrderCancelReason()).isEqualTo("seller_cancel_reason_out_of_stock");
        assertThat(o.supportVirtualBundles()).isTrue();
        assertThat(o.sendBuyerMessage()).isFalse();
        assertThat(o.messageTemplate()).isEmpty();
        assertThat(o.sendOrderCard()).isFalse();
        assertThat(o.messageBuyerIds()).isEmpty();
    }

    @Test
    void defaults_fulfillments_fallbackOffWithoutCarrier() {
        assertThat(d.fulfillments().useFallbackCarrier()).isFalse();
        assertThat(d.fulfillments().fallbackCarrier()).isNull();
    }

    @Test
    void defaults_products_matchTheProductDoc() {
        ConnectorSettings.Products p = d.products();
        assertThat(p.onlySkus()).isEmpty();
        assertThat(p.prepareForPush()).isFalse();
        assertThat(p.safeUpdate()).isTrue();
        assertThat(p.updateOnlyProperties()).containsExactly(ProductProperty.PRICE, ProductProperty.DESCRIPTION);
        assertThat(p.attributesMapping()).isEqualTo("color:colour");
        assertThat(p.uploadFirstChildImageAsVariantImage()).isFalse();
        assertThat(p.allowDeactivate()).isFalse();
        assertThat(p.recoverDeleted()).isTrue();
        assertThat(p.blockUpdateIfVariantsInconsistent()).isFalse();
        assertThat(p.missingAttributes()).isEqualTo(MissingAttributesBehavior.RAISE_EXCEPTION);
        assertThat(p.pullOnlyRequiredAttributes()).isTrue();
        assertThat(p.aiSkus()).isEmpty();
        assertThat(p.aiBlockedSkus()).isEmpty();
        assertThat(p.aiAttributes()).isEmpty();
        assertThat(p.aiBlockedAttributes()).isEmpty();
        assertThat(p.usePromotions()).isFalse();
    }

    @Test
    void defaults_inventory_totalToDefaultWarehouseOnly() {
        assertThat(d.inventory().pushFromLocationId()).isNull();
        assertThat(d.inventory().sendTotalToDefaultWarehouse()).isTrue();
        assertThat(d.inventory().onlySkus()).isEmpty();
        assertThat(d.inventory().increasesOnlyInSafeWindow()).isFalse();
    }

    @Test
    void defaults_returnsAndRefunds_pullCompletedOnly_withDocReasons() {
        assertThat(d.returns().onlyWithMatchingOrder()).isFalse();
        assertThat(d.returns().pullStatuses()).containsExactly(TikTokReturnStatus.RETURN_OR_REFUND_REQUEST_COMPLETE);
        ConnectorSettings.Refunds r = d.refunds();
        assertThat(r.deliveredRefundReason()).isEqualTo("Package or product is damaged");
        assertThat(r.inTransitRefundReason()).isEqualTo("Missed estimated delivery date");
        assertThat(r.awaitingShipmentCancelReason()).isEqualTo("seller_cancel_reason_out_of_stock");
        assertThat(TikTokCodes.standard().reasonLabel(r.awaitingShipmentCancelReason())).isEqualTo("Out of stock");
        assertThat(r.pullTypes()).containsExactly(TikTokReturnType.RETURN_AND_REFUND);
        assertThat(r.pullStatuses()).containsExactly(TikTokReturnStatus.RETURN_OR_REFUND_REQUEST_COMPLETE);
        assertThat(r.rejectBuyerRequestsOnSellerCancel()).isFalse();
    }

    @Test
    void defaults_statementsCutoff_isIntegrationCreationTime() {
        assertThat(d.statements().excludeStatementsCreatedBefore()).isEqualTo(CREATED);
    }

    @Test
    void defaults_areValid() {
        assertThat(SettingsValidator.standard().validate(d)).isEmpty();
        assertThat(SettingsValidator.standard().notices(d)).isEmpty();
    }

    @Test
    void tiktokCodes_docLabelsMapToSpecEnums() {
        assertThat(TikTokReturnStatus.RETURN_OR_REFUND_REQUEST_COMPLETE.label()).isEqualTo("Completed");
        assertThat(TikTokReturnStatus.RETURN_OR_REFUND_REQUEST_COMPLETE.tiktokCode())
                .isEqualTo("RETURN_OR_REFUND_REQUEST_COMPLETE");
        assertThat(TikTokReturnType.RETURN_AND_REFUND.label()).isEqualTo("Return and Refund");
        assertThat(TikTokOrderStatus.AWAITING_SHIPMENT.tiktokCode()).isEqualTo("AWAITING_SHIPMENT");
    }

    @Test
    void lists_areImmutableCopies() {
        List<String> skus = new ArrayList<>(List.of("A"));
        ConnectorSettings.Inventory inv = new ConnectorSettings.Inventory(null, true, skus, false);
        skus.add("B");
        assertThat(inv.onlySkus()).containsExactly("A");
        assertThatThrownBy(() -> inv.onlySkus().add("C")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void json_roundTripsThroughTheStrictMapper() throws Exception {
        String json = Json.app().writeValueAsString(d);
        assertThat(Json.app().readValue(json, ConnectorSettings.class)).isEqualTo(d);
    }

    @Test
    void attributesMapping_parsesPairsAndRejectsMalformedEntries() {
        assertThat(AttributeMapping.parse("color:colour, size : Size\nmaterial:Material"))
                .containsExactly(new AttributeMapping("color", "colour"), new AttributeMapping("size", "Size"),
                        new AttributeMapping("material", "Material"));
        assertThat(AttributeMapping.parse("")).isEmpty();
        assertThatThrownBy(() -> AttributeMapping.parse("color,size:, a:b:c, x:y, X:z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("products.attributesMapping")
                .hasMessageContaining("'color'").hasMessageContaining("'size:'")
                .hasMessageContaining("'a:b:c'").hasMessageContaining("'X' is mapped more than once");
        assertThat(AttributeMapping.format(AttributeMapping.parse("a:b,c:d"))).isEqualTo("a:b,c:d");
    }
}
