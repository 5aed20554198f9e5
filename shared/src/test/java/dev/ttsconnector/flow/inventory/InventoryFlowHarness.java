package dev.ttsconnector.flow.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.inventory.InMemoryPushedInventoryStore;
import dev.ttsconnector.app.inventory.InMemoryStockStore;
import dev.ttsconnector.app.locations.InMemoryLocationStore;
import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.locations.LocationType;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.InMemoryCatalogStore;
import dev.ttsconnector.app.products.InMemorySkuMappingStore;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.LocationMapping;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.settings.SettingsVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The inventory flows wired in memory over a {@link FakeShopInventoryApi}, with a queue driver that behaves like the
 * FIFO consumer (transient failures are redelivered) and can reorder and duplicate deliveries.
 */
final class InventoryFlowHarness {

    static final String QUEUE = "http://sqs.local/000000000000/InventoryPushQueue.fifo";
    static final String PULL_QUEUE = "http://sqs.local/000000000000/OrderPullQueue.fifo";

    final String integrationId;
    final MutableClock clock;
    final InMemoryStockStore stock;
    final InMemoryLocationStore locations = new InMemoryLocationStore();
    final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    final InMemorySkuMappingStore mappings = new InMemorySkuMappingStore();
    final InMemoryPushedInventoryStore pushed = new InMemoryPushedInventoryStore();
    final InMemoryParkedItemStore parked;
    final InMemoryQueuePublisher queue;
    final SettingsService settings;
    final FakeShopInventoryApi tiktok;
    final List<String> metricLines = Collections.synchronizedList(new ArrayList<>());
    final MetricsLogger metrics;
    final InventoryPushEnqueuer enqueuer;
    final InventoryPushService push;
    final StockService stockService;
    final CatalogSyncService catalogSync;
    final InventoryReconcileService reconcile;
    final InventoryResyncService resync;
    int transientFailures;

    InventoryFlowHarness(String integrationId, Instant start, FakeShopInventoryApi tiktok) {
        this.integrationId = integrationId;
        this.clock = new MutableClock(start);
        this.tiktok = tiktok;
        this.stock = new InMemoryStockStore(clock);
        this.parked = new InMemoryParkedItemStore(clock);
        this.queue = new InMemoryQueuePublisher(clock);
        this.settings = new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(), clock);
        settings.initialize(integrationId, start, "test");
        this.metrics = new MetricsLogger(MetricsLogger.DEFAULT_NAMESPACE, clock, metricLines::add);
        this.enqueuer = new InventoryPushEnqueuer(queue, QUEUE, clock);
        InventoryPushPlanner planner = InventoryPushPlanner.standard();
        this.push = new InventoryPushService(settings, locations, stock, mappings, pushed, parked, tiktok, planner,
                enqueuer, clock);
        this.stockService = new StockService(stock, locations, mappings, enqueuer, () -> List.of(integrationId));
        this.catalogSync = new CatalogSyncService(catalog, mappings, tiktok, enqueuer, clock);
        this.reconcile = new InventoryReconcileService(push, mappings, parked, tiktok, planner, enqueuer, metrics,
                clock);
        this.resync = new InventoryResyncService(settings, mappings, enqueuer, IncreaseWindow.tiktokDefault(), clock);
    }

    InventoryFlowHarness location(String id) {
        locations.create(new Location(id, "Location " + id, LocationType.WAREHOUSE, null, null, clock.now()));
        return this;
    }

    InventoryFlowHarness appSkus(String... skus) {
        List<AppProduct> products = new ArrayList<>();
        for (String sku : skus) {
            products.add(new AppProduct(sku, "Product " + sku, null, null, null, clock.now()));
        }
        catalog.putAll(products);
        return this;
    }

    /** Applies a settings patch such as {@code {"inventory":{"sendTotalToDefaultWarehouse":false}}}. */
    InventoryFlowHarness settings(String patchJson) {
        try {
            JsonNode patch = Json.app().readTree(patchJson);
            SettingsVersion current = settings.require(integrationId);
            settings.patch(integrationId, current.version(), patch, "test");
            return this;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    InventoryFlowHarness locationMappings(LocationMapping... mappingList) {
        SettingsVersion current = settings.require(integrationId);
        ConnectorConfig config = current.config();
        settings.replace(integrationId, current.version(),
                new ConnectorConfig(config.settings(), config.carriers(), List.of(mappingList)), "test", "REPLACE");
        return this;
    }

    void set(String sku, String location, int available) {
        stockService.setLevels(List.of(new StockUpdate(sku, location, available)));
    }

    /** Delivers every queued push in order until the queue is empty; transient failures are redelivered. */
    int drain() {
        return drain(null, 0);
    }

    /**
     * Delivers queued pushes until none is left. With {@code random}, each round is shuffled and a share
     * {@code duplicateRate} of the messages is delivered twice (FIFO order and dedupe are NOT relied on).
     *
     * @return number of deliveries
     */
    int drain(Random random, double duplicateRate) {
        int deliveries = 0;
        List<MessageEnvelope> pending = new ArrayList<>(queue.drain(QUEUE));
        while (!pending.isEmpty()) {
            if (random != null) {
                List<MessageEnvelope> withDuplicates = new ArrayList<>(pending);
                for (MessageEnvelope e : pending) {
                    if (random.nextDouble() < duplicateRate) {
                        withDuplicates.add(e);
                    }
                }
                Collections.shuffle(withDuplicates, random);
                pending = withDuplicates;
            }
            List<MessageEnvelope> retry = new ArrayList<>();
            for (MessageEnvelope e : pending) {
                deliveries++;
                try {
                    push.push(e.integrationId(), e.payloadAs(InventoryPushMessage.class));
                } catch (RuntimeException ex) {
                    if (!InventoryPushService.isTransient(ex)) {
                        throw ex;
                    }
                    transientFailures++;
                    retry.add(e);
                }
            }
            retry.addAll(queue.drain(QUEUE));
            pending = retry;
        }
        return deliveries;
    }

    List<ParkedItem> parkedItems() {
        return parked.list(integrationId, ParkedItemQuery.all().withLimit(ParkedItemQuery.MAX_LIMIT)).items();
    }
}
