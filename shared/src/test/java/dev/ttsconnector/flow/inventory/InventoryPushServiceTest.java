package dev.ttsconnector.flow.inventory;

import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.common.EfficiencyMode;
import dev.ttsconnector.settings.LocationMapping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryPushServiceTest {

    static final String INT = "int-push";
    static final Instant DAY = Instant.parse("2026-01-15T18:00:00Z"); // 10:00 PST: window closed
    static final Instant NIGHT = Instant.parse("2026-01-16T08:30:00Z"); // 00:30 PST: window open

    FakeShopInventoryApi tiktok;
    InventoryFlowHarness h;

    @BeforeEach
    void setUp() {
        tiktok = new FakeShopInventoryApi(new WarehouseTopology(Set.of("W1", "W2"), "W1", Set.of("WF")))
                .product("P1", "S-A", "SKU-A", "W1", "W2")
                .product("P1", "S-B", "SKU-B", "W1", "W2", "WF")
                .product("P2", "S-C", "SKU-C", "W1");
        h = new InventoryFlowHarness(INT, DAY, tiktok).location("L1").location("L2").appSkus("SKU-A", "SKU-B", "SKU-C");
        h.catalogSync.sync(INT);
        h.drain();
    }

    @Test
    void push_naiveBaseline_sendsOneCallPerSkuOfTheProductEvenWhenTikTokHasTheQuantity() {
        EfficiencyMode previous = EfficiencyMode.installProcessWide(EfficiencyMode.NAIVE);
        FakeShopInventoryApi naiveTikTok;
        InventoryFlowHarness naive;
        try {
            naiveTikTok = new FakeShopInventoryApi(new WarehouseTopology(Set.of("W1", "W2"), "W1", Set.of("WF")))
                    .product("P1", "S-A", "SKU-A", "W1", "W2")
                    .product("P1", "S-B", "SKU-B", "W1", "W2", "WF");
            naive = new InventoryFlowHarness(INT, DAY, naiveTikTok).location("L1").appSkus("SKU-A", "SKU-B");
        } finally {
            EfficiencyMode.installProcessWide(previous);
        }
        naive.catalogSync.sync(INT);
        naive.drain();
        naive.set("SKU-A", "L1", 5);
        int naiveBefore = naiveTikTok.updateCalls();
        h.set("SKU-A", "L1", 5);
        int leanBefore = tiktok.updateCalls();

        naive.drain();
        h.drain();

        assertThat(naiveTikTok.updateCalls() - naiveBefore).as("SKU-A and the unchanged SKU-B, one call each")
                .isEqualTo(2);
        assertThat(tiktok.updateCalls() - leanBefore).as("lean: one call, SKU-B suppressed").isEqualTo(1);
        assertThat(naiveTikTok.quantity("S-A", "W1")).isEqualTo(5);
    }

    @Test
    void push_stockChange_sendsOneCallForTheProductListingEverySellerWarehouse() {
        h.set("SKU-C", "L1", 7);
        h.set("SKU-C", "L2", 3);
        int before = tiktok.updateCalls();

        h.drain();

        assertThat(tiktok.updateCalls() - before).isEqualTo(1);
        assertThat(tiktok.quantity("S-C", "W1")).isEqualTo(10);
        assertThat(h.pushed.get(INT, "S-C", "W1").orElseThrow().quantity()).isEqualTo(10);
    }

    @Test
    void push_changesOfSeveralSkusOfOneProduct_coalesceIntoOneCall() {
        h.set("SKU-A", "L1", 5);
        h.set("SKU-B", "L1", 6);
        h.set("SKU-A", "L2", 1);
        int before = tiktok.updateCalls();

        h.drain();

        assertThat(tiktok.updateCalls() - before).isEqualTo(1);
        assertThat(tiktok.quantity("S-A", "W1")).isEqualTo(6);
        assertThat(tiktok.quantity("S-A", "W2")).isZero();
        assertThat(tiktok.quantity("S-B", "W1")).isEqualTo(6);
        assertThat(tiktok.quantity("S-B", "WF")).as("FBT warehouse never written").isNull();
    }

    @Test
    void push_valueTikTokAlreadyHas_makesNoCall() {
        h.set("SKU-C", "L1", 4);
        h.drain();
        int before = tiktok.updateCalls();

        h.set("SKU-C", "L1", 5);
        h.set("SKU-C", "L1", 4);
        h.drain();

        assertThat(tiktok.updateCalls()).isEqualTo(before);
    }

    @Test
    void push_duplicatedAndReorderedMessages_leaveTikTokAtTheNewestValue() {
        for (int i = 1; i <= 20; i++) {
            h.set("SKU-A", "L1", i);
        }
        h.drain(new Random(7), 0.5);

        assertThat(tiktok.quantity("S-A", "W1")).isEqualTo(20);
        assertThat(tiktok.orderingViolations()).isEmpty();
    }

    @Test
    void push_whenTikTokRefusesOneSku_parksItOnThatSkuAndAcceptsTheRest() {
        tiktok.refuse("S-B", 12052921);
        h.set("SKU-A", "L1", 5);
        h.set("SKU-B", "L1", 6);

        h.drain();

        assertThat(tiktok.quantity("S-A", "W1")).isEqualTo(5);
        assertThat(h.pushed.get(INT, "S-B", "W1").orElseThrow().quantity()).as("refused value not recorded")
                .isZero();
        assertThat(tiktok.quantity("S-B", "W1")).isZero();
        List<ParkedItem> parked = h.parkedItems();
        assertThat(parked).singleElement().satisfies(p -> {
            assertThat(p.entityId()).isEqualTo("SKU-B");
            assertThat(p.reasonCode()).isEqualTo("TIKTOK_12052921");
            assertThat(p.sourceQueue()).isEqualTo(InventoryFlowHarness.QUEUE);
        });
    }

    @Test
    void push_whenTikTokFailsTransiently_isRedeliveredAndConverges() {
        tiktok.faults(3, 0.5, 0.3);
        for (int i = 0; i < 10; i++) {
            h.set("SKU-C", "L1", 100 + i);
        }

        h.drain();

        assertThat(h.transientFailures).isPositive();
        assertThat(tiktok.quantity("S-C", "W1")).isEqualTo(109);
        assertThat(h.pushed.get(INT, "S-C", "W1").orElseThrow().quantity()).isEqualTo(109);
    }

    @Test
    void push_specificLocation_overridesSendTotal() {
        h.settings("{\"inventory\":{\"pushFromLocationId\":\"L2\",\"sendTotalToDefaultWarehouse\":true}}");
        h.set("SKU-C", "L1", 7);
        h.set("SKU-C", "L2", 3);

        h.drain();

        assertThat(tiktok.quantity("S-C", "W1")).isEqualTo(3);
    }

    @Test
    void push_sendTotalOff_pushesPerMappedLocation() {
        h.settings("{\"inventory\":{\"sendTotalToDefaultWarehouse\":false}}");
        h.locationMappings(new LocationMapping("L1", "W1"), new LocationMapping("L2", "W2"));
        h.set("SKU-A", "L1", 7);
        h.set("SKU-A", "L2", 3);

        h.drain();

        assertThat(tiktok.quantity("S-A", "W1")).isEqualTo(7);
        assertThat(tiktok.quantity("S-A", "W2")).isEqualTo(3);
    }

    @Test
    void push_onlySpecificSkusSetting_leavesOtherSkusUntouched() {
        h.settings("{\"inventory\":{\"onlySkus\":[\"SKU-C\"]}}");
        h.set("SKU-A", "L1", 7);
        h.set("SKU-C", "L1", 3);

        h.drain();

        assertThat(tiktok.quantity("S-A", "W1")).as("initial push of the first connect").isZero();
        assertThat(tiktok.quantity("S-C", "W1")).isEqualTo(3);
    }

    @Test
    void push_increaseOutsideWindow_isHeldAndFlushedInTheWindowWhileDecreasesGoAtOnce() {
        h.set("SKU-C", "L1", 10);
        h.drain();
        h.settings("{\"inventory\":{\"increasesOnlyInSafeWindow\":true}}");

        h.set("SKU-C", "L1", 15);
        h.set("SKU-A", "L1", 0);
        h.drain();
        assertThat(tiktok.quantity("S-C", "W1")).as("increase held").isEqualTo(10);

        h.set("SKU-C", "L1", 4);
        h.drain();
        assertThat(tiktok.quantity("S-C", "W1")).as("decrease at once").isEqualTo(4);

        h.set("SKU-C", "L1", 12);
        h.drain();
        assertThat(h.resync.flushWindow(INT)).as("window closed: no flush").isZero();
        h.clock.set(NIGHT);
        assertThat(h.resync.flushWindow(INT)).isEqualTo(2);
        h.drain();
        assertThat(tiktok.quantity("S-C", "W1")).isEqualTo(12);
    }

    @Test
    void resync_pushesEverySkuEvenWhenTikTokShouldHaveTheValue() {
        h.set("SKU-C", "L1", 4);
        h.drain();
        tiktok.setQuantity("S-C", "W1", 99);
        int before = tiktok.updateCalls();

        assertThat(h.resync.resync(INT, null, "r1")).isEqualTo(2);
        h.drain();

        assertThat(tiktok.updateCalls() - before).isEqualTo(2);
        assertThat(tiktok.quantity("S-C", "W1")).isEqualTo(4);
    }

    @Test
    void resync_ofListedSkus_pushesOnlyTheirProducts() {
        int before = tiktok.updateCalls();

        assertThat(h.resync.resync(INT, List.of("SKU-C", "NOT-SOLD"), "r2")).isEqualTo(1);
        h.drain();

        assertThat(tiktok.updateCalls() - before).isEqualTo(1);
    }

    @Test
    void stock_invalidItem_isRefusedNamingTheFieldAndNothingIsWritten() {
        assertThatThrownBy(() -> h.stockService.setLevels(List.of(new StockUpdate("SKU-A", "L1", 5),
                new StockUpdate("SKU-B", "NOPE", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("items[1].locationId");
        assertThatThrownBy(() -> h.stockService.setLevels(List.of(new StockUpdate("SKU-A", "L1", -1))))
                .hasMessageStartingWith("items[0].available");
        assertThatThrownBy(() -> h.stockService.setLevels(List.of(new StockUpdate("SKU-A", "L1", 1),
                new StockUpdate("SKU-A", "L1", 2)))).hasMessageStartingWith("items[1]");

        assertThat(h.stock.get("SKU-A", "L1")).isEmpty();
        assertThat(h.queue.sent(InventoryFlowHarness.QUEUE)).isEmpty();
    }

    @Test
    void stock_unchangedLevel_queuesNothing_andUnsoldSkuQueuesNothing() {
        assertThat(h.stockService.setLevels(List.of(new StockUpdate("SKU-A", "L1", 5))).pushesQueued()).isEqualTo(1);
        assertThat(h.stockService.setLevels(List.of(new StockUpdate("SKU-A", "L1", 5))).pushesQueued()).isZero();
        assertThat(h.stockService.setLevels(List.of(new StockUpdate("NOT-SOLD", "L1", 5))).pushesQueued()).isZero();
    }

    @Test
    void stock_messagesAreGroupedPerIntegrationAndProduct() {
        h.set("SKU-A", "L1", 5);
        h.set("SKU-C", "L1", 5);

        assertThat(h.queue.drain(InventoryFlowHarness.QUEUE)).extracting(e -> e.groupId())
                .containsExactly(INT + "#P1", INT + "#P2");
    }
}
