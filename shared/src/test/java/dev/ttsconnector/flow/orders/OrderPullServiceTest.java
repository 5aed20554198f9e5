package dev.ttsconnector.flow.orders;

import static dev.ttsconnector.flow.orders.TikTokOrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.integration.FlowName;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.tiktok.TikTokTransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderPullServiceTest {

    static final Instant CUTOFF = OrderFilterTest.CUTOFF;
    static final Instant NOW = CUTOFF.plus(Duration.ofHours(1));
    private OrdersHarness h;

    @BeforeEach
    void setUp() {
        h = new OrdersHarness(NOW, new OrderPullConfig(Duration.ofMinutes(10), Duration.ofSeconds(30), 50));
        h.connect("i1", OrderFilterTest.settings(OrderFilterTest.defaults().pullStatuses(), true, true, List.of()));
        h.catalogHas("SKU-A");
    }

    private void tiktokHas(String id, String status, Instant updated) {
        h.tiktok.put("i1", order(id).status(status).created(CUTOFF.plusSeconds(1)).updated(updated)
                .line("s1", "SKU-A", "1.00", 1).build());
    }

    @Test
    void pull_firstRun_ingestsEveryOrderUpdatedSinceTheCutoffAndAdvancesTheCursor() {
        for (int i = 0; i < 250; i++) {
            tiktokHas("1" + i, "AWAITING_SHIPMENT", CUTOFF.plusSeconds(10 + i));
        }

        PullResult result = h.pull.pull("i1");

        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.written()).isEqualTo(250);
        assertThat(result.windowComplete()).isTrue();
        assertThat(h.orders.size()).isEqualTo(250);
        FlowState state = h.flowStates.get("i1", FlowName.ORDERS).orElseThrow();
        assertThat(state.cursor()).isEqualTo(NOW.minusSeconds(30));
        assertThat(state.hasOpenWindow()).isFalse();
    }

    @Test
    void pull_nothingChanged_costsOneSearchCallAndNoWrite() {
        tiktokHas("1", "AWAITING_SHIPMENT", CUTOFF.plusSeconds(10));
        h.pull.pull("i1");
        long writes = h.orders.writeCount();
        int calls = h.tiktok.searchCalls();
        h.clock.advance(Duration.ofMinutes(5));

        PullResult second = h.pull.pull("i1");

        assertThat(h.tiktok.searchCalls() - calls).isEqualTo(1);
        assertThat(second.written()).isZero();
        assertThat(h.orders.writeCount()).isEqualTo(writes);
    }

    @Test
    void pull_naiveBaseline_reReadsTheLast24HoursOnEveryTick() {
        tiktokHas("1", "AWAITING_SHIPMENT", CUTOFF.plusSeconds(10));
        OrderPullService naive = new OrderPullService(accessOf(), h.tiktok, new OrderSettingsSource(h.settings),
                h.flowStates, h.ingest, new OrderPullConfig(Duration.ofMinutes(10), Duration.ofSeconds(30), 50), h.clock,
                dev.ttsconnector.common.EfficiencyMode.NAIVE);
        naive.pull("i1");
        long writes = h.orders.writeCount();
        h.clock.advance(Duration.ofMinutes(5));

        PullResult second = naive.pull("i1");
        PullResult lean = h.pull.pull("i1");

        assertThat(second.seen()).as("the unchanged order is read again").isEqualTo(1);
        assertThat(second.written()).isZero();
        assertThat(h.orders.writeCount()).isEqualTo(writes);
        assertThat(lean.seen()).as("lean: the cursor window holds nothing").isZero();
    }

    @Test
    void pull_crashAfterSecondPage_resumesFromTheSavedPageTokenWithoutRereadingAppliedPages() {
        for (int i = 0; i < 300; i++) {
            tiktokHas("1" + i, "AWAITING_SHIPMENT", CUTOFF.plusSeconds(10 + i));
        }
        FailingAfter failing = new FailingAfter(2);
        OrderPullService crashing = new OrderPullService(accessOf(), failing,
                new OrderSettingsSource(h.settings), h.flowStates, h.ingest, OrderPullConfig.DEFAULT, h.clock);

        assertThatThrownBy(() -> crashing.pull("i1")).isInstanceOf(TikTokTransientException.class);
        FlowState open = h.flowStates.get("i1", FlowName.ORDERS).orElseThrow();
        assertThat(open.hasOpenWindow()).isTrue();
        assertThat(open.pageToken()).isEqualTo("200");
        assertThat(h.orders.size()).isEqualTo(200);

        PullResult resumed = h.pull.pull("i1");

        assertThat(resumed.pages()).isEqualTo(1);
        assertThat(h.orders.size()).isEqualTo(300);
        assertThat(h.orders.writeCount()).isEqualTo(300);
    }

    @Test
    void pull_onHoldThenReleased_movesTheSameOrderToNew() {
        tiktokHas("9", "ON_HOLD", CUTOFF.plusSeconds(10));
        h.pull.pull("i1");
        tiktokHas("9", "AWAITING_SHIPMENT", NOW.plusSeconds(60));
        h.clock.advance(Duration.ofMinutes(5));

        h.pull.pull("i1");

        AppOrder stored = h.orders.get("i1", "9").orElseThrow();
        assertThat(stored.status()).isEqualTo(AppOrderStatus.NEW);
        assertThat(stored.history()).extracting(c -> c.status())
                .containsExactly(AppOrderStatus.ON_HOLD, AppOrderStatus.NEW);
        assertThat(h.orders.size()).isEqualTo(1);
    }

    @Test
    void pull_unknownSku_ingestsTheOrderAndParksAnExceptionNamingTheSku_replayAfterMappingResolvesIt() {
        h.tiktok.put("i1", order("77").created(CUTOFF.plusSeconds(1)).updated(CUTOFF.plusSeconds(5))
                .line("tt-sku-9", "NEW-SKU", "3.00", 2).build());

        h.pull.pull("i1");

        assertThat(h.orders.get("i1", "77")).get().extracting(AppOrder::hasUnknownSkus).isEqualTo(true);
        List<ParkedItem> items = h.parked.list("i1", new ParkedItemQuery(null, null, 10, null)).items();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.reasonCode()).isEqualTo("unknown_sku");
            assertThat(item.reasonMessage()).contains("tt-sku-9").contains("NEW-SKU");
            assertThat(item.sourceQueue()).isEqualTo(OrdersHarness.FETCH_QUEUE);
        });

        h.catalogHas("NEW-SKU");
        h.fetch.fetchAndIngest("i1", List.of("77"), dev.ttsconnector.app.orders.ChangeSource.POLL, false);

        assertThat(h.orders.get("i1", "77").orElseThrow().lines()).allMatch(OrderLine::inCatalog);
        assertThat(h.parked.list("i1", new ParkedItemQuery(null, null, 10, null)).items())
                .singleElement().extracting(i -> i.status().name()).isEqualTo("RESOLVED");
    }

    @Test
    void pull_malformedOrderInAPage_isParkedAndTheRestOfThePageIsApplied() {
        tiktokHas("1", "AWAITING_SHIPMENT", CUTOFF.plusSeconds(10));
        h.tiktok.put("i1", order("2").status("BROKEN").created(CUTOFF.plusSeconds(1)).updated(CUTOFF.plusSeconds(11))
                .build());
        tiktokHas("3", "AWAITING_SHIPMENT", CUTOFF.plusSeconds(12));

        PullResult result = h.pull.pull("i1");

        assertThat(result.parked()).isEqualTo(1);
        assertThat(result.windowComplete()).isTrue();
        assertThat(h.orders.size()).isEqualTo(2);
        assertThat(h.parked.list("i1", new ParkedItemQuery(null, null, 10, null)).items())
                .singleElement().extracting(ParkedItem::reasonCode).isEqualTo("malformed_order");
    }

    @Test
    void pull_excludedOrders_areCountedAndNotWritten() {
        h.connect("i2", OrderFilterTest.defaults());
        h.tiktok.put("i2", order("5").status("IN_TRANSIT").created(CUTOFF.plusSeconds(1))
                .updated(CUTOFF.plusSeconds(10)).build());

        PullResult result = h.pull.pull("i2");

        assertThat(result.excluded()).isEqualTo(1);
        assertThat(h.orders.size()).isZero();
    }

    private dev.ttsconnector.integration.ShopAccess accessOf() {
        return new dev.ttsconnector.integration.ShopAccess() {
            @Override
            public dev.ttsconnector.integration.ConnectedShop connected(String integrationId) {
                return new dev.ttsconnector.integration.ConnectedShop(h.integrations.get(integrationId),
                        new dev.ttsconnector.tiktok.ShopContext(integrationId, "c"), null);
            }

            @Override
            public List<String> connectedIntegrationIds() {
                return List.copyOf(h.integrations.keySet());
            }
        };
    }

    /** Delegates to the harness's TikTok but fails every search after {@code okPages} pages. */
    private final class FailingAfter implements OrderSource {
        private int left;

        FailingAfter(int okPages) {
            this.left = okPages;
        }

        @Override
        public dev.ttsconnector.tiktok.Page<dev.ttsconnector.tiktok.orders.Order> search(
                dev.ttsconnector.integration.ConnectedShop shop,
                dev.ttsconnector.tiktok.orders.OrderSearchRequest request, String pageToken) {
            if (left-- <= 0) {
                throw new TikTokTransientException("orders.search", 503, null, "down", null, null);
            }
            return h.tiktok.search(shop, request, pageToken);
        }

        @Override
        public List<dev.ttsconnector.tiktok.orders.Order> get(dev.ttsconnector.integration.ConnectedShop shop,
                                                              List<String> orderIds) {
            return h.tiktok.get(shop, orderIds);
        }
    }
}
