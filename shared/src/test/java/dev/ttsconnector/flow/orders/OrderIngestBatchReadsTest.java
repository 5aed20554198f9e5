package dev.ttsconnector.flow.orders;

import static dev.ttsconnector.flow.orders.TikTokOrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.InMemoryCatalogStore;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.queue.InMemoryEventPublisher;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.tiktok.orders.CombinedListingSku;
import dev.ttsconnector.tiktok.orders.Order;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One ingest reads the catalog items of all its lines and the stored records of all its orders in one batched read
 * each, with the outcomes of the single reads it replaced.
 */
class OrderIngestBatchReadsTest {

    private static final Instant CUTOFF = OrderFilterTest.CUTOFF;
    private static final ConnectorSettings.Orders SETTINGS = OrderFilterTest.settings(
            OrderFilterTest.defaults().pullStatuses(), true, true, List.of());

    private final MutableClock clock = new MutableClock(CUTOFF.plusSeconds(3600));
    private final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    private final InMemoryOrderStore orders = new InMemoryOrderStore();
    private final InMemoryParkedItemStore parked = new InMemoryParkedItemStore(clock);
    private final OrderIngestService ingest = new OrderIngestService(orders,
            new OrderApplier(orders, new InMemoryEventPublisher(), clock), catalog, parked,
            OrdersHarness.FETCH_QUEUE, clock);

    private static Order tiktok(String id, long updatedSecondsAfterCutoff, String... sellerSkus) {
        TikTokOrderBuilder b = order(id).status("AWAITING_SHIPMENT").created(CUTOFF.plusSeconds(1))
                .updated(CUTOFF.plusSeconds(updatedSecondsAfterCutoff));
        int n = 0;
        for (String sku : sellerSkus) {
            b.line("sku-id-" + sku + "-" + (n++), sku, "1.00", 1);
        }
        return b.build();
    }

    @Test
    void ingest_severalOrders_readsTheCatalogAndTheStoredOrdersOnceEach_withTheSingleReadsAnswers() {
        catalog.putAll(List.of(product("SKU-A"), product("SKU-B")));
        ingest.ingest("i1", SETTINGS, List.of(tiktok("100", 5, "SKU-A")), ChangeSource.WEBHOOK, false);
        catalog.reads().reset();
        orders.reads().reset();

        List<IngestOutcome> outcomes = ingest.ingest("i1", SETTINGS, List.of(
                tiktok("100", 10, "SKU-A", "SKU-B"),
                tiktok("101", 10, "SKU-B", "SKU-MISSING"),
                tiktok("102", 10, "SKU-A")), ChangeSource.WEBHOOK, false);

        assertThat(outcomes).extracting(IngestOutcome::kind).containsExactly(IngestOutcome.Kind.UPDATED,
                IngestOutcome.Kind.CREATED, IngestOutcome.Kind.CREATED);
        assertThat(catalog.reads().batches()).containsExactly(List.of("SKU-A", "SKU-B", "SKU-MISSING"));
        assertThat(catalog.reads().singleCount()).isZero();
        assertThat(orders.reads().batches()).containsExactly(List.of("100", "101", "102"));
        assertThat(orders.reads().singleCount()).isZero();
        AppOrder withUnknown = orders.get("i1", "101").orElseThrow();
        assertThat(withUnknown.lines()).extracting(OrderLine::sku, OrderLine::inCatalog).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SKU-B", true),
                org.assertj.core.groups.Tuple.tuple("SKU-MISSING", false));
        assertThat(parked.list("i1", ParkedItemQuery.all()).items()).singleElement()
                .satisfies(p -> assertThat(p.reasonCode()).isEqualTo(OrderIngestService.REASON_UNKNOWN_SKU));
    }

    @Test
    void ingest_sameOrderTwiceInOneList_theSecondSeesTheFirstsWrite() {
        catalog.putAll(List.of(product("SKU-A")));

        List<IngestOutcome> outcomes = ingest.ingest("i1", SETTINGS, List.of(tiktok("200", 10, "SKU-A"),
                tiktok("200", 20, "SKU-A"), tiktok("200", 20, "SKU-A")), ChangeSource.POLL, false);

        assertThat(outcomes).extracting(IngestOutcome::kind).containsExactly(IngestOutcome.Kind.CREATED,
                IngestOutcome.Kind.UPDATED, IngestOutcome.Kind.DUPLICATE);
        assertThat(orders.get("i1", "200")).map(AppOrder::version).contains(2L);
        assertThat(orders.reads().batches()).containsExactly(List.of("200"));
    }

    @Test
    void ingest_malformedOrderAmongOthers_isParkedAsBefore_andTheOthersUseTheBatchedReads() {
        catalog.putAll(List.of(product("SKU-A")));

        List<IngestOutcome> outcomes = ingest.ingest("i1", SETTINGS, List.of(
                order("300").created(CUTOFF.plusSeconds(1)).noUpdateTime().line("s", "SKU-X", "1.00", 1).build(),
                tiktok("301", 10, "SKU-A")), ChangeSource.WEBHOOK, false);

        assertThat(outcomes).extracting(IngestOutcome::kind).containsExactly(IngestOutcome.Kind.MALFORMED,
                IngestOutcome.Kind.CREATED);
        assertThat(catalog.reads().batches()).as("the malformed order's SKU is never looked up")
                .containsExactly(List.of("SKU-A"));
        assertThat(orders.reads().batches()).containsExactly(List.of("301"));
    }

    @Test
    void ingest_virtualBundlesOn_looksUpTheComponentSkus() {
        catalog.putAll(List.of(product("COMP-1")));
        ConnectorSettings.Orders d = SETTINGS;
        ConnectorSettings.Orders bundles = new ConnectorSettings.Orders(d.excludeOrdersCreatedBefore(),
                d.pullStatuses(), d.pullShippedByPlatform(), d.pullOnHold(), d.onlyOrderIds(),
                d.cancelInTikTokWhenCanceled(), d.lineItemCancelReason(), d.fullOrderCancelReason(), true,
                d.sendBuyerMessage(), d.messageTemplate(), d.sendOrderCard(), d.messageBuyerIds());
        Order bundle = order("400").status("AWAITING_SHIPMENT").created(CUTOFF.plusSeconds(1))
                .updated(CUTOFF.plusSeconds(10)).bundle("bundle-sku", "BUNDLE", "20.00", List.of(
                        new CombinedListingSku("p1", "COMP-1", "c1", 2),
                        new CombinedListingSku("p2", "COMP-2", "c2", 1))).build();

        ingest.ingest("i1", bundles, List.of(bundle), ChangeSource.WEBHOOK, false);

        assertThat(catalog.reads().batches()).containsExactly(List.of("COMP-1", "COMP-2"));
        assertThat(catalog.reads().singleCount()).isZero();
        assertThat(orders.get("i1", "400").orElseThrow().lines()).extracting(OrderLine::inCatalog)
                .containsExactly(true, false);
    }

    @Test
    void readAheadSharedByTwoIngests_oneReadEach_andTheSecondIngestOfAnOrderSeesTheFirstsWrite() {
        catalog.putAll(List.of(product("SKU-A")));
        Order v1 = tiktok("500", 10, "SKU-A");
        Order v2 = tiktok("500", 20, "SKU-A");
        Order other = tiktok("501", 10, "SKU-B");

        IngestReadAhead ahead = ingest.readAhead("i1", SETTINGS, List.of(v1, other));
        List<IngestOutcome> first = ingest.ingest("i1", SETTINGS, List.of(v1), ChangeSource.WEBHOOK, false, ahead);
        List<IngestOutcome> second = ingest.ingest("i1", SETTINGS, List.of(other, v2), ChangeSource.WEBHOOK, false,
                ahead);

        assertThat(first).extracting(IngestOutcome::kind).containsExactly(IngestOutcome.Kind.CREATED);
        assertThat(second).extracting(IngestOutcome::kind).containsExactly(IngestOutcome.Kind.CREATED,
                IngestOutcome.Kind.UPDATED);
        assertThat(catalog.reads().batches()).containsExactly(List.of("SKU-A", "SKU-B"));
        assertThat(catalog.reads().singleCount()).isZero();
        assertThat(orders.reads().batches()).containsExactly(List.of("500", "501"));
        assertThat(orders.reads().singleCount()).as("only 500 again: its read-ahead record was used by the first ingest")
                .isEqualTo(1);
    }

    @Test
    void ingest_withAReadAheadOfAnotherIntegration_isRefused() {
        IngestReadAhead ahead = ingest.readAhead("i2", SETTINGS, List.of(tiktok("600", 10, "SKU-A")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ingest.ingest("i1", SETTINGS,
                        List.of(tiktok("600", 10, "SKU-A")), ChangeSource.WEBHOOK, false, ahead))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ahead");
    }

    private AppProduct product(String sku) {
        return new AppProduct(sku, "title " + sku, null, null, Map.of(), clock.now());
    }
}
