package dev.ttsconnector.flow.orders;

import static dev.ttsconnector.flow.orders.TikTokOrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.TikTokOrderStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderFilterTest {

    static final Instant CUTOFF = Instant.parse("2026-10-01T00:00:00Z");

    static ConnectorSettings.Orders settings(List<TikTokOrderStatus> statuses, boolean platform, boolean onHold,
                                             List<String> ids) {
        ConnectorSettings.Orders d = ConnectorSettings.defaults(CUTOFF).orders();
        return new ConnectorSettings.Orders(CUTOFF, statuses, platform, onHold, ids, d.cancelInTikTokWhenCanceled(),
                d.lineItemCancelReason(), d.fullOrderCancelReason(), d.supportVirtualBundles(), d.sendBuyerMessage(),
                d.messageTemplate(), d.sendOrderCard(), d.messageBuyerIds());
    }

    static ConnectorSettings.Orders defaults() {
        return ConnectorSettings.defaults(CUTOFF).orders();
    }

    @Test
    void statusList_selectedStatusAdmitted_otherStatusExcludedWithReason() {
        OrderFilter filter = new OrderFilter(defaults());

        assertThat(filter.exclusion(order("1").status("AWAITING_SHIPMENT").build(), false)).isEmpty();
        assertThat(filter.exclusion(order("1").status("DELIVERED").build(), false)).isEmpty();
        assertThat(filter.exclusion(order("1").status("IN_TRANSIT").build(), false))
                .contains(ExclusionReason.STATUS_NOT_SELECTED);
    }

    @Test
    void cutoff_orderCreatedBeforeIt_isExcluded_atOrAfterIsAdmitted() {
        OrderFilter filter = new OrderFilter(defaults());

        assertThat(filter.exclusion(order("1").created(CUTOFF.minusSeconds(1)).build(), false))
                .contains(ExclusionReason.CREATED_BEFORE_CUTOFF);
        assertThat(filter.exclusion(order("1").created(CUTOFF).build(), false)).isEmpty();
    }

    @Test
    void onHold_switchOff_excludesOnHold_switchOnAdmitsIt() {
        assertThat(new OrderFilter(defaults()).exclusion(order("1").status("ON_HOLD").build(), false))
                .contains(ExclusionReason.ON_HOLD_NOT_ENABLED);
        OrderFilter on = new OrderFilter(settings(defaults().pullStatuses(), false, true, List.of()));
        assertThat(on.exclusion(order("1").status("ON_HOLD").build(), false)).isEmpty();
    }

    @Test
    void platformShipped_switchOff_excludesFbt_switchOnAdmitsIt() {
        assertThat(new OrderFilter(defaults()).exclusion(order("1").fbt().build(), false))
                .contains(ExclusionReason.PLATFORM_SHIPPED_NOT_ENABLED);
        OrderFilter on = new OrderFilter(settings(defaults().pullStatuses(), true, false, List.of()));
        assertThat(on.exclusion(order("1").fbt().build(), false)).isEmpty();
    }

    @Test
    void orderIdList_whenSet_onlyListedIdsAdmitted() {
        OrderFilter filter = new OrderFilter(settings(defaults().pullStatuses(), false, false, List.of("7", "8")));

        assertThat(filter.exclusion(order("7").build(), false)).isEmpty();
        assertThat(filter.exclusion(order("9").build(), false)).contains(ExclusionReason.NOT_IN_ORDER_ID_LIST);
    }

    @Test
    void orderAlreadyInApp_receivesStatusChangesEvenWhenTheNewStatusIsNotSelected() {
        OrderFilter filter = new OrderFilter(settings(List.of(TikTokOrderStatus.AWAITING_SHIPMENT), false, false,
                List.of()));

        assertThat(filter.exclusion(order("1").status("CANCELLED").build(), false))
                .contains(ExclusionReason.STATUS_NOT_SELECTED);
        assertThat(filter.admits(order("1").status("CANCELLED").build(), true)).isTrue();
    }

    @Test
    void reasons_followTheTroubleshootingOrder_idListBeforeCutoffBeforeStatus() {
        OrderFilter filter = new OrderFilter(settings(List.of(TikTokOrderStatus.AWAITING_SHIPMENT), false, false,
                List.of("1")));

        assertThat(filter.exclusion(order("2").created(CUTOFF.minusSeconds(5)).status("IN_TRANSIT").build(), false))
                .contains(ExclusionReason.NOT_IN_ORDER_ID_LIST);
        assertThat(filter.exclusion(order("1").created(CUTOFF.minusSeconds(5)).status("IN_TRANSIT").build(), false))
                .contains(ExclusionReason.CREATED_BEFORE_CUTOFF);
    }
}
