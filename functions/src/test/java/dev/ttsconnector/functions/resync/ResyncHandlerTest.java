package dev.ttsconnector.functions.resync;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.products.InMemoryCatalogStore;
import dev.ttsconnector.app.products.InMemorySkuMappingStore;
import dev.ttsconnector.app.products.SkuMapping;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.inventory.CatalogSyncService;
import dev.ttsconnector.flow.inventory.IncreaseWindow;
import dev.ttsconnector.flow.inventory.InventoryPushEnqueuer;
import dev.ttsconnector.flow.inventory.InventoryPushMessage;
import dev.ttsconnector.flow.inventory.InventoryResyncService;
import dev.ttsconnector.flow.inventory.ObservedInventory;
import dev.ttsconnector.flow.inventory.ProductInventoryUpdate;
import dev.ttsconnector.flow.inventory.ResyncService;
import dev.ttsconnector.flow.inventory.ShopInventoryApi;
import dev.ttsconnector.flow.inventory.TikTokCatalogProduct;
import dev.ttsconnector.flow.inventory.WarehouseTopology;
import dev.ttsconnector.functions.support.TestContext;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.queue.InMemoryQueuePublisher;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResyncHandlerTest {

    static final String PUSH = "http://sqs.local/1/InventoryPushQueue.fifo";
    static final String PULL = "http://sqs.local/1/OrderPullQueue.fifo";
    static final String RESYNC = "http://sqs.local/1/ResyncQueue";

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T12:00:00Z"));
    final InMemoryQueuePublisher queue = new InMemoryQueuePublisher(clock);
    final InMemoryParkedItemStore parked = new InMemoryParkedItemStore(clock);
    final InMemorySkuMappingStore mappings = new InMemorySkuMappingStore();
    final ResyncHandler handler;

    ResyncHandlerTest() {
        InventoryPushEnqueuer enqueuer = new InventoryPushEnqueuer(queue, PUSH, clock);
        SettingsService settings = new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(),
                clock);
        ResyncService service = new ResyncService(
                new InventoryResyncService(settings, mappings, enqueuer, IncreaseWindow.tiktokDefault(), clock),
                new CatalogSyncService(new InMemoryCatalogStore(), mappings, new NoTikTok(), enqueuer, clock), queue,
                PULL, clock);
        handler = new ResyncHandler(service, parked, RESYNC,
                new MetricsLogger(MetricsLogger.DEFAULT_NAMESPACE, clock, line -> { }));
    }

    private SQSBatchResponse deliver(String... bodies) {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new java.util.ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m-" + i);
            m.setBody(bodies[i]);
            records.add(m);
        }
        event.setRecords(records);
        return handler.handleRequest(event, new TestContext("req-1"));
    }

    private static String event(String id, String detail) {
        return "{\"version\":\"0\",\"id\":\"" + id + "\",\"detail-type\":\"ResyncRequested\",\"source\":"
                + "\"tts-connector.api\",\"detail\":" + detail + "}";
    }

    @Test
    void inventoryResync_queuesOneForcedPushPerProduct_andARedeliveredEventIsDroppedByDedupe() {
        mappings.put(new SkuMapping("int-1", "A", "P1", "S-A", List.of("W1"), clock.now()));
        mappings.put(new SkuMapping("int-1", "B", "P1", "S-B", List.of("W1"), clock.now()));
        mappings.put(new SkuMapping("int-1", "C", "P2", "S-C", List.of("W1"), clock.now()));
        String body = event("evt-1", "{\"integrationId\":\"int-1\",\"flow\":\"inventory\"}");

        SQSBatchResponse response = deliver(body, body);

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<MessageEnvelope> sent = queue.sent(PUSH);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).payloadAs(InventoryPushMessage.class).force()).isTrue();
        assertThat(queue.duplicatesDropped()).isEqualTo(2);
    }

    @Test
    void ordersResync_queuesOneBackfillJobGroupedByIntegration() {
        deliver(event("evt-2", "{\"integrationId\":\"int-1\",\"flow\":\"orders\"}"));

        MessageEnvelope job = queue.sent(PULL).get(0);
        assertThat(job.type()).isEqualTo(ResyncService.ORDER_BACKFILL_TYPE);
        assertThat(job.groupId()).isEqualTo("int-1");
    }

    @Test
    void malformedEvent_isParkedNamingTheField_andTheBatchSucceeds() {
        SQSBatchResponse response = deliver(event("evt-3", "{\"integrationId\":\"int-1\",\"flow\":\"nope\"}"),
                "not json");

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<ParkedItem> items = parked.list("int-1", ParkedItemQuery.all()).items();
        assertThat(items).singleElement().satisfies(p -> {
            assertThat(p.reasonCode()).isEqualTo(ResyncHandler.REASON_INVALID);
            assertThat(p.reasonMessage()).startsWith("flow:");
        });
        assertThat(parked.list("unknown", ParkedItemQuery.all()).items()).hasSize(1);
    }

    /** Resync of inventory and orders never calls TikTok. */
    static final class NoTikTok implements ShopInventoryApi {
        @Override
        public WarehouseTopology topology(String integrationId) {
            throw new AssertionError("no TikTok call expected");
        }

        @Override
        public List<TikTokCatalogProduct> catalog(String integrationId) {
            throw new AssertionError("no TikTok call expected");
        }

        @Override
        public List<SkuRefusal> update(String integrationId, ProductInventoryUpdate update) {
            throw new AssertionError("no TikTok call expected");
        }

        @Override
        public List<ObservedInventory> observe(String integrationId, List<String> tiktokSkuIds) {
            throw new AssertionError("no TikTok call expected");
        }

        @Override
        public List<FbtWarehouseInfo> fbtWarehouses(String integrationId) {
            throw new AssertionError("no TikTok call expected");
        }

        @Override
        public List<FbtSkuStock> fbtStock(String integrationId, List<String> tiktokSkuIds) {
            throw new AssertionError("no TikTok call expected");
        }
    }
}
