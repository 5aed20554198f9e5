package dev.ttsconnector.flow.inventory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogSyncServiceTest {

    static final String INT = "int-cat";

    FakeShopInventoryApi tiktok;
    InventoryFlowHarness h;

    @BeforeEach
    void setUp() {
        tiktok = new FakeShopInventoryApi(new WarehouseTopology(Set.of("W1"), "W1", Set.of()))
                .product("P1", "S-A", "SKU-A", "W1")
                .product("P1", "S-X", "", "W1")
                .product("P2", "S-D1", "SKU-D", "W1")
                .product("P3", "S-D2", "SKU-D", "W1");
        h = new InventoryFlowHarness(INT, Instant.parse("2026-01-15T18:00:00Z"), tiktok)
                .appSkus("SKU-A", "SKU-D", "SKU-Z");
    }

    @Test
    void sync_matchesBySellerSku_listsTheRestAndQueuesAPushPerNewlyMatchedProduct() {
        CatalogSyncService.Result result = h.catalogSync.sync(INT);

        assertThat(result.match().mappings()).extracting(m -> m.sku() + "->" + m.tiktokSkuId())
                .containsExactly("SKU-A->S-A");
        assertThat(result.match().unmatchedAppSkus()).containsExactly("SKU-Z");
        assertThat(result.match().duplicateSellerSkus()).containsOnlyKeys("SKU-D");
        assertThat(result.pushesQueued()).isEqualTo(1);
        assertThat(h.catalogSync.unmatchedAppSkus(INT)).containsExactly("SKU-D", "SKU-Z");
    }

    @Test
    void sync_again_withUnchangedCatalog_writesNothingNewAndQueuesNothing() {
        h.catalogSync.sync(INT);
        h.queue.drain(InventoryFlowHarness.QUEUE);

        CatalogSyncService.Result again = h.catalogSync.sync(INT);

        assertThat(again.pushesQueued()).isZero();
        assertThat(h.queue.sent(InventoryFlowHarness.QUEUE)).isEmpty();
    }

    @Test
    void sync_whenAMatchDisappears_removesTheMapping() {
        h.catalogSync.sync(INT);
        h.catalog.putAll(java.util.List.of());
        FakeShopInventoryApi renamed = new FakeShopInventoryApi(new WarehouseTopology(Set.of("W1"), "W1", Set.of()))
                .product("P1", "S-A", "SKU-A-NEW", "W1");
        CatalogSyncService other = new CatalogSyncService(h.catalog, h.mappings, renamed, h.enqueuer, h.clock);

        CatalogSyncService.Result result = other.sync(INT);

        assertThat(result.removedMappings()).isEqualTo(1);
        assertThat(h.mappings.get(INT, "SKU-A")).isEmpty();
    }
}
