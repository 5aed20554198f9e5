package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.InMemoryCatalogStore;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.InMemoryFlowStateStore;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.queue.InMemoryEventPublisher;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.tiktok.ShopContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The orders flow wired in memory with a fake TikTok, for unit and scenario tests. */
final class OrdersHarness {

    static final String FETCH_QUEUE = "https://sqs.local/000000000000/OrderFetchQueue";

    final MutableClock clock;
    final InMemoryOrderStore orders = new InMemoryOrderStore();
    final InMemoryEventPublisher events = new InMemoryEventPublisher();
    final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    final InMemoryParkedItemStore parked;
    final InMemoryFlowStateStore flowStates = new InMemoryFlowStateStore();
    final SettingsService settings;
    final FakeOrderSource tiktok = new FakeOrderSource();
    final Map<String, Integration> integrations = new LinkedHashMap<>();
    final OrderIngestService ingest;
    final OrderPullService pull;
    final OrderFetchService fetch;

    OrdersHarness(Instant start, OrderPullConfig config) {
        clock = new MutableClock(start);
        parked = new InMemoryParkedItemStore(clock);
        settings = new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(), clock);
        ingest = new OrderIngestService(orders, new OrderApplier(orders, events, clock), catalog, parked, FETCH_QUEUE,
                clock);
        OrderSettingsSource source = new OrderSettingsSource(settings);
        ShopAccess access = new ShopAccess() {
            @Override
            public ConnectedShop connected(String integrationId) {
                Integration integration = integrations.get(integrationId);
                if (integration == null || integration.status() != IntegrationStatus.CONNECTED) {
                    throw new IntegrationNotConnectedException(integrationId,
                            integration == null ? "unknown" : integration.status().name());
                }
                return new ConnectedShop(integration, new ShopContext(integrationId, "cipher-" + integrationId),
                        null);
            }

            @Override
            public List<String> connectedIntegrationIds() {
                return new ArrayList<>(integrations.keySet());
            }
        };
        pull = new OrderPullService(access, tiktok, source, flowStates, ingest, config, clock);
        fetch = new OrderFetchService(access, tiktok, source, ingest);
    }

    /** A connected integration whose settings are {@code orders} (cut-off and switches). */
    void connect(String integrationId, ConnectorSettings.Orders ordersSettings) {
        Instant created = ordersSettings.excludeOrdersCreatedBefore();
        integrations.put(integrationId, new Integration(integrationId, "name-" + integrationId,
                IntegrationStatus.CONNECTED, null, null, null, created, created, 1));
        settings.initialize(integrationId, created, "test");
        ConnectorSettings current = settings.require(integrationId).settings();
        ConnectorSettings next = new ConnectorSettings(current.locations(), ordersSettings, current.fulfillments(),
                current.products(), current.inventory(), current.returns(), current.refunds(), current.statements());
        settings.replace(integrationId, 1, ConnectorConfig.of(next), "test", "test");
    }

    void catalogHas(String... skus) {
        List<AppProduct> products = new ArrayList<>();
        for (String sku : skus) {
            products.add(new AppProduct(sku, "title " + sku, null, null, Map.of(), clock.now()));
        }
        catalog.putAll(products);
    }
}
