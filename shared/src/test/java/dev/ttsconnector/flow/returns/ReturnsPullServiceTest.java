package dev.ttsconnector.flow.returns;

import static dev.ttsconnector.flow.returns.ReturnsHarness.INT;
import static dev.ttsconnector.flow.returns.ReturnsHarness.tiktokReturn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.returns.AppRefund;
import dev.ttsconnector.app.returns.AppReturn;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.TikTokReturnStatus;
import dev.ttsconnector.settings.TikTokReturnType;
import dev.ttsconnector.tiktok.SortOrder;
import dev.ttsconnector.tiktok.returns.AftersaleSearchRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnsPullServiceTest {

    private static final String COMPLETE = "RETURN_OR_REFUND_REQUEST_COMPLETE";
    private final ReturnsHarness h = new ReturnsHarness();

    private Instant ago(long minutes) {
        return h.clock.now().minus(Duration.ofMinutes(minutes));
    }

    private ConnectorSettings.Refunds refunds(List<TikTokReturnType> types, List<TikTokReturnStatus> statuses) {
        ConnectorSettings.Refunds d = h.settings.require(INT).settings().refunds();
        return new ConnectorSettings.Refunds(d.deliveredRefundReason(), d.inTransitRefundReason(),
                d.awaitingShipmentCancelReason(), types, statuses, d.rejectBuyerRequestsOnSellerCancel());
    }

    @Test
    void pull_defaultSettings_writesCompletedReturnsAndReturnAndRefundRefundsOnly() {
        h.tiktok.put(tiktokReturn("r1", "o1", "RETURN_AND_REFUND", COMPLETE, ago(60)));
        h.tiktok.put(tiktokReturn("r2", "o2", "REFUND", COMPLETE, ago(50)));
        h.tiktok.put(tiktokReturn("r3", "o3", "RETURN_AND_REFUND", "RETURN_OR_REFUND_REQUEST_PENDING", ago(40)));
        h.tiktok.put(tiktokReturn("r4", "o4", "REPLACEMENT", COMPLETE, ago(30)));

        ReturnsPullResult result = h.pull.pull(INT);

        assertThat(result.seen()).isEqualTo(4);
        assertThat(result.returnsWritten()).isEqualTo(2);
        assertThat(result.refundsWritten()).isEqualTo(1);
        assertThat(result.excluded()).isEqualTo(2);
        assertThat(h.store.getReturn(INT, "r1")).isPresent();
        assertThat(h.store.getReturn(INT, "r4")).isPresent();
        // A refund-only request has no goods coming back: never a return record.
        assertThat(h.store.getReturn(INT, "r2")).isEmpty();
        assertThat(h.store.getReturn(INT, "r3")).isEmpty();
        assertThat(h.store.getRefund(INT, "r2")).isEmpty();
        AppRefund refund = h.store.getRefund(INT, "r1").orElseThrow();
        assertThat(refund.id()).isEqualTo("rfd_" + INT + "_r1");
        assertThat(refund.origin()).isEqualTo(AppRefund.ORIGIN_TIKTOK);
        assertThat(refund.total()).isEqualTo(Money.of("12.50", "USD"));
        assertThat(refund.shippingFee()).isEqualTo(Money.of("2.00", "USD"));
        assertThat(refund.tax()).isEqualTo(Money.of("0.50", "USD"));
        assertThat(refund.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("TEE-S");
            assertThat(l.orderLineItemId()).isEqualTo("Lo1");
            assertThat(l.refundTotal()).isEqualTo(Money.of("10.00", "USD"));
        });
        AppReturn ret = h.store.getReturn(INT, "r1").orElseThrow();
        assertThat(ret.tiktokStatus()).isEqualTo(COMPLETE);
        assertThat(ret.trackingNumber()).isEqualTo("TRK-r1");
        assertThat(ret.tiktokUpdateTime()).isEqualTo(ago(60));
    }

    @Test
    void pull_searchesByUpdateTimeAscending50PerPage_fromIntegrationCreationMinusOverlap_thenMovesTheCursor() {
        h.pull.pull(INT);

        AftersaleSearchRequest first = h.tiktok.requests.get(0);
        assertThat(first.sortField()).isEqualTo("update_time");
        assertThat(first.sortOrder()).isEqualTo(SortOrder.ASC);
        assertThat(first.pageSize()).isEqualTo(50);
        assertThat(first.statuses()).isEmpty();
        assertThat(first.types()).isEmpty();
        assertThat(first.updateTimeGe()).isEqualTo(h.created.minus(ReturnsPullConfig.DEFAULT.overlap()));
        assertThat(first.updateTimeLt()).isEqualTo(h.clock.now().minus(ReturnsPullConfig.DEFAULT.settle()));
        assertThat(h.flowStates.get(INT, FlowName.RETURNS).orElseThrow().cursor())
                .isEqualTo(h.clock.now().minus(ReturnsPullConfig.DEFAULT.settle()));
    }

    @Test
    void pull_sameReturnSeenAgainInTheOverlap_writesNothingTheSecondTime() {
        h.tiktok.put(tiktokReturn("r1", "o1", "RETURN_AND_REFUND", COMPLETE, ago(2)));
        h.pull.pull(INT);
        int writes = h.store.writes();
        assertThat(writes).isEqualTo(2);

        h.clock.advance(Duration.ofMinutes(5));
        ReturnsPullResult again = h.pull.pull(INT);

        assertThat(again.seen()).isEqualTo(1);
        assertThat(again.returnsWritten() + again.refundsWritten()).isZero();
        assertThat(h.store.writes()).isEqualTo(writes);
        assertThat(h.store.getReturn(INT, "r1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void pull_laterUpdate_updatesTheRecord_evenWhenItsNewStatusIsNotAPulledOne() {
        h.settings(new ConnectorSettings.Returns(false, List.of(TikTokReturnStatus.AWAITING_BUYER_SHIP)),
                h.settings.require(INT).settings().refunds());
        h.tiktok.put(tiktokReturn("r1", "o1", "RETURN_AND_REFUND", "AWAITING_BUYER_SHIP", ago(60)));
        h.pull.pull(INT);
        AppReturn first = h.store.getReturn(INT, "r1").orElseThrow();
        assertThat(h.store.getRefund(INT, "r1")).isEmpty();

        h.clock.advance(Duration.ofMinutes(15));
        h.tiktok.put(tiktokReturn("r1", "o1", "RETURN_AND_REFUND", COMPLETE, ago(5)));
        h.pull.pull(INT);

        AppReturn updated = h.store.getReturn(INT, "r1").orElseThrow();
        assertThat(updated.tiktokStatus()).isEqualTo(COMPLETE);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.ingestedAt()).isEqualTo(first.ingestedAt());
        // Completed is a pulled refund status: the refund record appears now.
        assertThat(h.store.getRefund(INT, "r1").orElseThrow().tiktokStatus()).isEqualTo(COMPLETE);
    }

    @Test
    void fetch_sameUpdateTime_laterLifecycleStatusWins_andAReorderedEarlierOneWritesNothing() {
        Instant t = ago(60);
        h.tiktok.put(tiktokReturn("r1", "o1", "RETURN_AND_REFUND", "BUYER_SHIPPED_ITEM", t));
        h.settings(new ConnectorSettings.Returns(false, List.of(TikTokReturnStatus.BUYER_SHIPPED_ITEM)),
                h.settings.require(INT).settings().refunds());
        h.pull.fetch(INT, List.of("r1"));
        assertThat(h.store.getReturn(INT, "r1").orElseThrow().tiktokStatus()).isEqualTo("BUYER_SHIPPED_ITEM");

        h.tiktok.put(tiktokReturn("r1", "o1", "RETURN_AND_REFUND", COMPLETE, t));
        h.pull.fetch(INT, List.of("r1"));
        assertThat(h.store.getReturn(INT, "r1").orElseThrow().tiktokStatus()).isEqualTo(COMPLETE);
        int writes = h.store.writes();

        h.tiktok.put(tiktokReturn("r1", "o1", "RETURN_AND_REFUND", "BUYER_SHIPPED_ITEM", t));
        ReturnsPullResult reordered = h.pull.fetch(INT, List.of("r1"));
        assertThat(reordered.returnsWritten()).isZero();
        assertThat(h.store.getReturn(INT, "r1").orElseThrow().tiktokStatus()).isEqualTo(COMPLETE);
        assertThat(h.store.writes()).isEqualTo(writes);
    }

    @Test
    void fetch_olderUpdateTime_writesNothing_andLeavesTheCursorAlone() {
        h.tiktok.put(tiktokReturn("r1", "o1", "RETURN_AND_REFUND", COMPLETE, ago(10)));
        h.pull.fetch(INT, List.of("r1"));
        h.tiktok.put(tiktokReturn("r1", "o1", "RETURN_AND_REFUND", "BUYER_SHIPPED_ITEM", ago(20)));

        ReturnsPullResult result = h.pull.fetch(INT, List.of("r1", "r1"));

        assertThat(result.returnsWritten() + result.refundsWritten()).isZero();
        assertThat(h.tiktok.requests.get(1).ids()).containsExactly("r1");
        assertThat(h.flowStates.get(INT, FlowName.RETURNS)).isEmpty();
    }

    @Test
    void pull_onlyWithMatchingOrder_skipsReturnsWhoseOrderIsNotInTheApp() {
        h.settings(new ConnectorSettings.Returns(true, List.of(TikTokReturnStatus.RETURN_OR_REFUND_REQUEST_COMPLETE)),
                h.settings.require(INT).settings().refunds());
        h.appOrder("o1");
        h.tiktok.put(tiktokReturn("r1", "o1", "RETURN_AND_REFUND", COMPLETE, ago(60)));
        h.tiktok.put(tiktokReturn("r2", "o2", "RETURN_AND_REFUND", COMPLETE, ago(50)));

        h.pull.pull(INT);

        assertThat(h.store.getReturn(INT, "r1")).isPresent();
        assertThat(h.store.getReturn(INT, "r2")).isEmpty();
        // The matching-order rule is a Returns setting; refunds follow their own settings.
        assertThat(h.store.getRefund(INT, "r2")).isPresent();
    }

    @Test
    void pull_refundTypeSelected_refundOnlyRequestsBecomeRefundRecordsWithTheirStatuses() {
        h.settings(h.settings.require(INT).settings().returns(), refunds(List.of(TikTokReturnType.REFUND),
                List.of(TikTokReturnStatus.RETURN_OR_REFUND_REQUEST_SUCCESS)));
        h.tiktok.put(tiktokReturn("r1", "o1", "REFUND", "RETURN_OR_REFUND_REQUEST_SUCCESS", ago(60)));
        h.tiktok.put(tiktokReturn("r2", "o2", "RETURN_AND_REFUND", "RETURN_OR_REFUND_REQUEST_SUCCESS", ago(50)));
        h.tiktok.put(tiktokReturn("r3", "o3", "REFUND", "RETURN_OR_REFUND_REQUEST_PENDING", ago(40)));

        h.pull.pull(INT);

        assertThat(h.store.getRefund(INT, "r1").orElseThrow().refundType()).isEqualTo("REFUND");
        assertThat(h.store.getRefund(INT, "r2")).isEmpty();
        assertThat(h.store.getRefund(INT, "r3")).isEmpty();
        assertThat(h.store.getReturn(INT, "r1")).isEmpty();
    }

    @Test
    void pull_malformedReturnOrder_isCountedAndSkipped_othersApplied() {
        h.tiktok.put(new dev.ttsconnector.tiktok.returns.ReturnOrder("r0", null, "RETURN_AND_REFUND", COMPLETE, null,
                null, null, null, ago(70), null, null, null, null, List.of()));
        h.tiktok.put(tiktokReturn("r1", "o1", "RETURN_AND_REFUND", COMPLETE, ago(60)));

        ReturnsPullResult result = h.pull.pull(INT);

        assertThat(result.malformed()).isEqualTo(1);
        assertThat(h.store.getReturn(INT, "r1")).isPresent();
        assertThat(h.store.getReturn(INT, "r0")).isEmpty();
        assertThat(result.windowComplete()).isTrue();
    }
}
