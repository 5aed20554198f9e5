package dev.ttsconnector.functions.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.inventory.InMemoryPushedInventoryStore;
import dev.ttsconnector.app.inventory.InMemoryStockStore;
import dev.ttsconnector.app.locations.InMemoryLocationStore;
import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.locations.LocationType;
import dev.ttsconnector.app.products.AppProduct;
import dev.ttsconnector.app.products.InMemoryCatalogStore;
import dev.ttsconnector.app.products.InMemorySkuMappingStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.inventory.CatalogSyncService;
import dev.ttsconnector.flow.inventory.InventoryPushEnqueuer;
import dev.ttsconnector.flow.inventory.InventoryPushMessage;
import dev.ttsconnector.flow.inventory.InventoryPushPlanner;
import dev.ttsconnector.flow.inventory.InventoryPushService;
import dev.ttsconnector.flow.inventory.ObservedInventory;
import dev.ttsconnector.flow.inventory.ProductInventoryUpdate;
import dev.ttsconnector.flow.inventory.ShopInventoryApi;
import dev.ttsconnector.flow.inventory.SkuInventoryUpdate;
import dev.ttsconnector.flow.inventory.StockService;
import dev.ttsconnector.flow.inventory.StockUpdate;
import dev.ttsconnector.flow.inventory.TikTokCatalogProduct;
import dev.ttsconnector.flow.inventory.TikTokShopInventoryApi;
import dev.ttsconnector.flow.inventory.WarehouseQuantity;
import dev.ttsconnector.flow.inventory.WarehouseTopology;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.sandbox.FaultPlan;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TikTokSandbox;
import dev.ttsconnector.sandbox.control.SandboxControl;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.tiktok.RateLimitPolicy;
import dev.ttsconnector.tiktok.RetryPolicy;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokApiException;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R4 against the TikTok sandbox: {@code r4.skus} SKUs in products of 3 (CI default 300; full size
 * {@code -Dr4.skus=2000 -Dr4.changes=20000}), {@code r4.changes} absolute stock changes over two locations (CI default
 * 3 000), pushed in windows of 500 changes. The sandbox injects the R1 faults on every call (5 % 503, 2 % 429 with
 * Retry-After, 1 % connection reset) plus 1 % timeout-after-commit; each window's queue deliveries are shuffled and
 * 30 % duplicated (FIFO order and dedupe are not relied on). Passes when the sandbox's quantity equals the app's for
 * 100 % of SKUs, no value computed from older stock ever reaches TikTok after a newer one, and the committed
 * inventory-update calls are at most the (product, window) pairs with a real change plus the answers lost after commit.
 */
class InventorySandboxScenarioTest {

    static final int SKUS = Integer.getInteger("r4.skus", 300);
    static final int CHANGES = Integer.getInteger("r4.changes", 3_000);
    static final int WINDOW = 500;
    static final String INT = "int-r4-sandbox";
    static final String UPDATE = "POST /product/202309/products/{product_id}/inventory/update";

    @Test
    void r4_againstTheSandboxWithFaults_convergesExactlyNeverRegressesAndBoundsCalls() {
        FaultPlan faults = new FaultPlan(0.05, 0.02, 1, 0, 0, 0.01, 0.01, 0, 0, 0);
        try (TikTokSandbox sandbox = TikTokSandbox.start(SandboxConfig.builder().seed(4).qpsLimit(100_000)
                .faults(faults).build())) {
            SandboxControl control = sandbox.control();
            String sellerId = control.createSeller("R4 seller", "US").get("id").asText();
            ObjectNode shop = control.createShop(sellerId, "R4 shop", "US", "LOCAL", false);
            String defaultWarehouse = null;
            for (JsonNode w : shop.get("warehouses")) {
                if (w.path("is_default").asBoolean() && "SALES_WAREHOUSE".equals(w.path("type").asText())) {
                    defaultWarehouse = w.get("id").asText();
                }
            }
            String[] skus = new String[SKUS];
            String[] skuIds = new String[SKUS];
            Map<String, String> productOfSku = new HashMap<>();
            List<AppProduct> appProducts = new ArrayList<>();
            for (int p = 0; p * 3 < SKUS; p++) {
                List<SandboxState.SkuSpec> specs = new ArrayList<>();
                for (int i = p * 3; i < Math.min(SKUS, p * 3 + 3); i++) {
                    skus[i] = "R4-" + i;
                    specs.add(new SandboxState.SkuSpec(skus[i], new BigDecimal("5.00"), null,
                            Map.of(defaultWarehouse, 1), null, null));
                    appProducts.add(new AppProduct(skus[i], "R4 " + i, null, null, null, Instant.now()));
                }
                ObjectNode product = control.createProduct(shop.get("id").asText(), "R4 product " + p, "Home", specs);
                for (JsonNode sku : product.get("skus")) {
                    int index = Integer.parseInt(sku.get("seller_sku").asText().substring(3));
                    skuIds[index] = sku.get("id").asText();
                    productOfSku.put(skus[index], product.get("id").asText());
                }
            }
            String token = control.issueToken(sellerId).get("access_token").asText();
            TikTokShopClient client = TikTokShopClient.builder(new TikTokClientConfig(
                            URI.create(sandbox.apiBaseUrl()), URI.create(sandbox.authBaseUrl()),
                            URI.create(sandbox.authBaseUrl() + "/open/authorize"), sandbox.config().appKey(),
                            sandbox.config().appSecret(), "svc", Duration.ofSeconds(5), Duration.ofSeconds(5),
                            new RetryPolicy(6, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(2)),
                            new RateLimitPolicy(100_000, 100_000, Map.of())),
                            new InventoryFunctionalTest.StaticTokens(token))
                    .sleeper(d -> { }) // Retry-After is honoured by the client; the test does not wait it out
                    .build();
            OrderCheckingApi tiktok = new OrderCheckingApi(new TikTokShopInventoryApi(
                    new InventoryFunctionalTest.SandboxShopAccess(INT, new ShopContext(INT,
                            shop.get("cipher").asText()), client)));

            Clock clock = Clock.system();
            InMemoryStockStore stock = new InMemoryStockStore(clock);
            InMemoryLocationStore locations = new InMemoryLocationStore();
            InMemorySkuMappingStore mappings = new InMemorySkuMappingStore();
            InMemoryCatalogStore catalog = new InMemoryCatalogStore();
            InMemoryParkedItemStore parked = new InMemoryParkedItemStore(clock);
            InMemoryQueuePublisher queue = new InMemoryQueuePublisher(clock);
            String queueUrl = "http://sqs.local/1/InventoryPushQueue.fifo";
            SettingsService settings = new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(),
                    clock);
            settings.initialize(INT, Instant.now(), "test");
            InventoryPushEnqueuer enqueuer = new InventoryPushEnqueuer(queue, queueUrl, clock);
            InventoryPushService push = new InventoryPushService(settings, locations, stock, mappings,
                    new InMemoryPushedInventoryStore(), parked, tiktok, InventoryPushPlanner.standard(), enqueuer,
                    clock);
            StockService stockService = new StockService(stock, locations, mappings, enqueuer, () -> List.of(INT));
            locations.create(new Location("L1", "L1", LocationType.WAREHOUSE, null, null, Instant.now()));
            locations.create(new Location("L2", "L2", LocationType.WAREHOUSE, null, null, Instant.now()));
            catalog.putAll(appProducts);
            CatalogSyncService.Result sync = new CatalogSyncService(catalog, mappings, tiktok, enqueuer, clock)
                    .sync(INT);
            assertThat(sync.match().mappings()).hasSize(SKUS);

            Random random = new Random(4);
            int[][] levels = new int[SKUS][2];
            deliver(push, queue, queueUrl, random);
            control.resetCounters();
            int realChangePairs = 0;
            for (int done = 0; done < CHANGES; done += WINDOW) {
                for (int c = 0; c < Math.min(WINDOW, CHANGES - done); c++) {
                    int sku = (int) Math.min(SKUS - 1, Math.floor(Math.pow(random.nextDouble(), 3) * SKUS));
                    int location = random.nextInt(2);
                    levels[sku][location] = random.nextInt(300);
                    stockService.setLevels(List.of(new StockUpdate(skus[sku], "L" + (location + 1),
                            levels[sku][location])));
                }
                Set<String> changedProducts = new HashSet<>();
                for (int i = 0; i < SKUS; i++) {
                    Integer pushed = tiktok.lastSent.get(skuIds[i]);
                    if (pushed == null || pushed != levels[i][0] + levels[i][1]) {
                        changedProducts.add(productOfSku.get(skus[i]));
                    }
                }
                realChangePairs += changedProducts.size();
                deliver(push, queue, queueUrl, random);
            }

            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < SKUS; i++) {
                int onTikTok = -1;
                for (JsonNode w : control.inventory(skuIds[i]).get("warehouse_inventory")) {
                    if (w.get("warehouse_id").asText().equals(defaultWarehouse)) {
                        onTikTok = w.get("available_quantity").asInt();
                    }
                }
                if (onTikTok != levels[i][0] + levels[i][1]) {
                    wrong.add(skus[i] + " expected " + (levels[i][0] + levels[i][1]) + " got " + onTikTok);
                }
            }
            assertThat(wrong).as("SKUs whose TikTok quantity differs from the app").isEmpty();
            assertThat(tiktok.violations).as("older value after a newer one").isEmpty();
            assertThat(parked.list(INT, ParkedItemQuery.all()).items()).as("nothing parked").isEmpty();
            long committed = control.calls(UPDATE, 0) + control.calls(UPDATE, -2);
            assertThat(control.calls(UPDATE) - committed).as("faults were injected").isPositive();
            assertThat(committed).as("committed update calls vs (product, window) pairs with a real change")
                    .isLessThanOrEqualTo(realChangePairs + control.calls(UPDATE, -2));
        }
    }

    /**
     * Delivers the queued pushes like the FIFO consumer would after redeliveries, but shuffled and 30 % duplicated;
     * transient failures go back to the queue. Returns how many deliveries failed transiently.
     */
    private static int deliver(InventoryPushService push, InMemoryQueuePublisher queue, String queueUrl,
                               Random random) {
        int failures = 0;
        List<MessageEnvelope> pending = new ArrayList<>(queue.drain(queueUrl));
        for (int round = 0; !pending.isEmpty(); round++) {
            assertThat(round).as("deliveries converge").isLessThan(50);
            List<MessageEnvelope> batch = new ArrayList<>(pending);
            for (MessageEnvelope e : pending) {
                if (random.nextDouble() < 0.3) {
                    batch.add(e);
                }
            }
            Collections.shuffle(batch, random);
            List<MessageEnvelope> retry = new ArrayList<>();
            for (MessageEnvelope e : batch) {
                try {
                    push.push(e.integrationId(), e.payloadAs(InventoryPushMessage.class));
                } catch (TikTokApiException ex) {
                    if (!ex.retryable()) {
                        throw ex;
                    }
                    failures++;
                    retry.add(e);
                }
            }
            retry.addAll(queue.drain(queueUrl));
            pending = retry;
        }
        return failures;
    }

    /**
     * Passes calls through and records, per (TikTok SKU, warehouse, app location), the newest stock version sent: a
     * lower version sent later is a violation of "never an older value after a newer one".
     */
    static final class OrderCheckingApi implements ShopInventoryApi {
        final ShopInventoryApi delegate;
        final Map<String, Long> newestVersion = new ConcurrentHashMap<>();
        final Map<String, Integer> lastSent = new ConcurrentHashMap<>();
        final List<String> violations = Collections.synchronizedList(new ArrayList<>());

        OrderCheckingApi(ShopInventoryApi delegate) {
            this.delegate = delegate;
        }

        @Override
        public WarehouseTopology topology(String integrationId) {
            return delegate.topology(integrationId);
        }

        @Override
        public List<TikTokCatalogProduct> catalog(String integrationId) {
            return delegate.catalog(integrationId);
        }

        @Override
        public List<SkuRefusal> update(String integrationId, ProductInventoryUpdate update) {
            for (SkuInventoryUpdate sku : update.skus()) {
                for (WarehouseQuantity w : sku.inventory()) {
                    w.stockVersions().forEach((location, version) -> {
                        String key = sku.tiktokSkuId() + "|" + w.warehouseId() + "|" + location;
                        Long newest = newestVersion.merge(key, version, Math::max);
                        if (newest > version) {
                            violations.add(key + ": version " + version + " sent after " + newest);
                        }
                    });
                }
            }
            List<SkuRefusal> refusals = delegate.update(integrationId, update);
            for (SkuInventoryUpdate sku : update.skus()) {
                sku.inventory().forEach(w -> lastSent.put(sku.tiktokSkuId(), w.quantity()));
            }
            return refusals;
        }

        @Override
        public List<ObservedInventory> observe(String integrationId, List<String> tiktokSkuIds) {
            return delegate.observe(integrationId, tiktokSkuIds);
        }

        @Override
        public List<FbtWarehouseInfo> fbtWarehouses(String integrationId) {
            return delegate.fbtWarehouses(integrationId);
        }

        @Override
        public List<FbtSkuStock> fbtStock(String integrationId, List<String> tiktokSkuIds) {
            return delegate.fbtStock(integrationId, tiktokSkuIds);
        }
    }
}
