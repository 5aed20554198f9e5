package dev.ttsconnector.flow.orders;

import static dev.ttsconnector.flow.orders.TikTokOrderBuilder.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.orders.OrderQuery;
import dev.ttsconnector.app.orders.OrderStore;
import dev.ttsconnector.common.EfficiencyMode;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.orders.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetch path's call economy and the benchmark baselines of {@link EfficiencyMode} it and the ingest consult. */
class OrderFetchServiceTest {

    static final Instant CUTOFF = OrderFilterTest.CUTOFF;
    static final Instant NOW = CUTOFF.plus(Duration.ofHours(1));
    private OrdersHarness h;

    @BeforeEach
    void setUp() {
        h = new OrdersHarness(NOW, OrderPullConfig.DEFAULT);
        h.connect("i1", OrderFilterTest.settings(OrderFilterTest.defaults().pullStatuses(), true, true, List.of()));
        h.catalogHas("SKU-A");
        for (int i = 1; i <= 3; i++) {
            h.tiktok.put("i1", order("10" + i).status("AWAITING_SHIPMENT").created(CUTOFF.plusSeconds(1))
                    .updated(CUTOFF.plusSeconds(10)).line("s1", "SKU-A", "1.00", 1).build());
        }
    }

    @Test
    void fetch_severalIds_costsOneDetailCall() {
        List<Order> fetched = h.fetch.fetch("i1", List.of("101", "102", "103", "101"));

        assertThat(fetched).hasSize(3);
        assertThat(h.tiktok.detailCalls()).isEqualTo(1);
    }

    @Test
    void fetch_naiveBaseline_costsOneDetailCallPerId() {
        OrderFetchService naive = new OrderFetchService(access(), h.tiktok, new OrderSettingsSource(h.settings),
                h.ingest, EfficiencyMode.NAIVE);

        List<Order> fetched = naive.fetch("i1", List.of("101", "102", "103"));

        assertThat(fetched).extracting(Order::id).containsExactly("101", "102", "103");
        assertThat(h.tiktok.detailCalls()).isEqualTo(3);
    }

    @Test
    void ingest_naiveBaseline_storesTheRawTikTokJsonOnceForEachWrite() {
        RawRecordingStore store = new RawRecordingStore();
        OrderIngestService naiveIngest = new OrderIngestService(store, new OrderApplier(store, h.events, h.clock),
                h.catalog, h.parked, OrdersHarness.FETCH_QUEUE, h.clock, List.of(), EfficiencyMode.NAIVE);
        OrderIngestService leanIngest = new OrderIngestService(store, new OrderApplier(store, h.events, h.clock),
                h.catalog, h.parked, OrdersHarness.FETCH_QUEUE, h.clock, List.of(), EfficiencyMode.LEAN);
        List<Order> orders = h.fetch.fetch("i1", List.of("101"));
        var settings = new OrderSettingsSource(h.settings).orders(h.integrations.get("i1"));

        leanIngest.ingest("i1", settings, orders, ChangeSource.WEBHOOK, false);
        assertThat(store.raw).as("lean stores the compact record only").isEmpty();
        h.tiktok.put("i1", order("101").status("IN_TRANSIT").created(CUTOFF.plusSeconds(1))
                .updated(CUTOFF.plusSeconds(20)).line("s1", "SKU-A", "1.00", 1).build());
        naiveIngest.ingest("i1", settings, h.fetch.fetch("i1", List.of("101")), ChangeSource.WEBHOOK, false);
        naiveIngest.ingest("i1", settings, h.fetch.fetch("i1", List.of("101")), ChangeSource.WEBHOOK, false);

        assertThat(store.raw).as("one raw write for the one new version; the duplicate writes nothing").hasSize(1);
        assertThat(store.raw.get(0)).startsWith("i1/101:").contains("\"IN_TRANSIT\"");
    }

    private ShopAccess access() {
        return new ShopAccess() {
            @Override
            public ConnectedShop connected(String integrationId) {
                return new ConnectedShop(h.integrations.get(integrationId), new ShopContext(integrationId, "c"), null);
            }

            @Override
            public List<String> connectedIntegrationIds() {
                return List.copyOf(h.integrations.keySet());
            }
        };
    }

    /** The in-memory store, recording {@link OrderStore#storeRawJson} calls. */
    private static final class RawRecordingStore implements OrderStore {
        final InMemoryOrderStore delegate = new InMemoryOrderStore();
        final List<String> raw = new ArrayList<>();

        @Override
        public Optional<AppOrder> get(String integrationId, String tiktokOrderId) {
            return delegate.get(integrationId, tiktokOrderId);
        }

        @Override
        public Optional<AppOrder> insert(AppOrder order) {
            return delegate.insert(order);
        }

        @Override
        public AppOrder replace(AppOrder next) {
            return delegate.replace(next);
        }

        @Override
        public Page<AppOrder> list(OrderQuery query) {
            return delegate.list(query);
        }

        @Override
        public void storeRawJson(String integrationId, String tiktokOrderId, String rawJson) {
            raw.add(integrationId + "/" + tiktokOrderId + ":" + rawJson);
        }
    }
}
