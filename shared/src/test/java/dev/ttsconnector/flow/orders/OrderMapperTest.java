package dev.ttsconnector.flow.orders;

import static dev.ttsconnector.flow.orders.TikTokOrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.LineItemShipping;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.orders.CombinedListingSku;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-02T00:00:00Z");
    private final OrderMapper mapper = new OrderMapper(true, Set.of("SKU-A", "SKU-B", "COMP-1", "COMP-2")::contains);

    @Test
    void map_multiUnitLines_groupsLineItemsPerSkuWithQuantityAndEveryLineId() {
        AppOrder mapped = mapper.map("int1", order("100").line("s1", "SKU-A", "5.00", 3)
                .line("s2", "SKU-B", "2.50", 1).build(), NOW);

        assertThat(mapped.lines()).hasSize(2);
        OrderLine a = mapped.lines().get(0);
        assertThat(a.sku()).isEqualTo("SKU-A");
        assertThat(a.quantity()).isEqualTo(3);
        assertThat(a.tiktokLineItemIds()).containsExactly("100-L1", "100-L2", "100-L3");
        assertThat(a.unitPrice()).isEqualTo(Money.of("5.00", "USD"));
        assertThat(a.inCatalog()).isTrue();
        assertThat(mapped.lines().get(1).quantity()).isEqualTo(1);
    }

    @Test
    void map_bundleWithVirtualBundlesOn_expandsComponentsTimesBundleUnitsKeepingTheBundleLink() {
        List<CombinedListingSku> parts = List.of(new CombinedListingSku("p1", "COMP-1", "c1", 2),
                new CombinedListingSku("p2", "COMP-2", "c2", 1));
        AppOrder mapped = mapper.map("int1", order("101").bundle("bundle-sku", "BUNDLE", "20.00", parts)
                .bundle("bundle-sku", "BUNDLE", "20.00", parts).build(), NOW);

        assertThat(mapped.lines()).extracting(OrderLine::sku, OrderLine::quantity, OrderLine::bundleSkuId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("COMP-1", 4, "bundle-sku"),
                        org.assertj.core.groups.Tuple.tuple("COMP-2", 2, "bundle-sku"));
        assertThat(mapped.lines().get(0).tiktokLineItemIds()).containsExactly("101-L1", "101-L2");
        assertThat(mapped.hasUnknownSkus()).isFalse();
    }

    @Test
    void map_bundleWithVirtualBundlesOff_keepsTheBundleSkuAsOneLine() {
        OrderMapper off = new OrderMapper(false, Set.of("BUNDLE")::contains);
        AppOrder mapped = off.map("int1", order("102").bundle("bundle-sku", "BUNDLE", "20.00",
                List.of(new CombinedListingSku("p1", "COMP-1", "c1", 2))).build(), NOW);

        assertThat(mapped.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("BUNDLE");
            assertThat(l.quantity()).isEqualTo(1);
            assertThat(l.bundleSkuId()).isNull();
        });
    }

    @Test
    void map_keepsPackageTrackingAndCancellationPerLineItem_onlyForLineItemsThatHaveThem() {
        AppOrder mapped = mapper.map("int1", order("104").line("s1", "SKU-A", "5.00", 1)
                .lastLineShipping("pkg-1", "PROCESSING", "1Z104")
                .line("s1", "SKU-A", "5.00", 1).lastLineShipping("pkg-2", "TO_FULFILL", null)
                .line("s1", "SKU-A", "5.00", 1).lastLineShipping(null, "CANCELLED", null)
                .line("s1", "SKU-A", "5.00", 1)
                .line("s2", "SKU-B", "2.50", 1).build(), NOW);

        assertThat(mapped.lines().get(0).shipping()).containsExactly(
                new LineItemShipping("104-L1", "pkg-1", "1Z104", false),
                new LineItemShipping("104-L2", "pkg-2", null, false),
                new LineItemShipping("104-L3", null, null, true));
        assertThat(mapped.lines().get(1).shipping()).isEmpty();
    }

    @Test
    void map_fbtOrder_isPlatformShippedAndFulfilled() {
        AppOrder mapped = mapper.map("int1", order("103").fbt().line("s1", "SKU-A", "5.00", 1).build(), NOW);

        assertThat(mapped.platformShipped()).isTrue();
        assertThat(mapped.status()).isEqualTo(AppOrderStatus.FULFILLED);
        assertThat(mapped.fulfillmentType()).isEqualTo(OrderMapper.FULFILLMENT_BY_TIKTOK);
    }

    @Test
    void map_unknownSellerSku_marksTheLineNotInCatalog() {
        AppOrder mapped = mapper.map("int1", order("104").line("s9", "NOPE", "1.00", 1).build(), NOW);

        assertThat(mapped.hasUnknownSkus()).isTrue();
        assertThat(mapped.lines().get(0).tiktokSkuId()).isEqualTo("s9");
    }

    @Test
    void map_copiesIdsAddressTotalsAndVersion() {
        AppOrder mapped = mapper.map("int1", order("105").line("s1", "SKU-A", "5.00", 1).build(), NOW);

        assertThat(mapped.id()).isEqualTo("ord_int1_105");
        assertThat(mapped.tiktokStatus()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(mapped.tiktokUpdateTime()).isEqualTo(TikTokOrderBuilder.CREATED.plusSeconds(60));
        assertThat(mapped.shipTo().city()).isEqualTo("New York City");
        assertThat(mapped.shipTo().state()).isEqualTo("New York");
        assertThat(mapped.totals().total()).isEqualTo(Money.of("11.00", "USD"));
        assertThat(mapped.buyerMessage()).isEqualTo("please gift wrap");
        assertThat(mapped.version()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"UNPAID,onHold,onHold", "ON_HOLD,onHold,onHold", "AWAITING_SHIPMENT,new,fulfilled",
            "PARTIALLY_SHIPPING,partiallyFulfilled,fulfilled", "AWAITING_COLLECTION,fulfilled,fulfilled",
            "IN_TRANSIT,inTransit,inTransit", "DELIVERED,delivered,delivered", "COMPLETED,completed,completed",
            "CANCELLED,cancelled,cancelled"})
    void statusMapping_everyTikTokStatus_mapsForSellerAndPlatformShipped(String tiktok, String seller, String fbt) {
        assertThat(OrderStatusMapping.toApp(tiktok, false).value()).isEqualTo(seller);
        assertThat(OrderStatusMapping.toApp(tiktok, true).value()).isEqualTo(fbt);
    }

    @Test
    void map_undocumentedStatus_isRejectedNamingIt() {
        assertThatThrownBy(() -> mapper.map("int1", order("106").status("LOST").build(), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'LOST'");
    }

    @Test
    void map_missingUpdateTime_isRejectedNamingTheField() {
        assertThatThrownBy(() -> mapper.map("int1", order("107").noUpdateTime().build(), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("update_time");
    }
}
