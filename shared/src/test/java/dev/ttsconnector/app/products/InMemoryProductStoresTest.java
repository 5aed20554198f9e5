package dev.ttsconnector.app.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryProductStoresTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private static AppProduct product(String sku) {
        return new AppProduct(sku, "Title " + sku, Money.of("9.99", "USD"), null, Map.of("color", "red"), T0);
    }

    @Test
    void catalogPutAll_upsertsBySkuAndListsInSkuOrderAcrossPages() {
        InMemoryCatalogStore catalog = new InMemoryCatalogStore();
        catalog.putAll(List.of(product("B"), product("A"), product("C")));
        catalog.putAll(List.of(new AppProduct("A", "Renamed", null, "0123", Map.of(), T0)));

        Page<AppProduct> first = catalog.list(2, null);
        Page<AppProduct> rest = catalog.list(2, first.nextCursor());

        assertThat(first.items()).extracting(AppProduct::sku).containsExactly("A", "B");
        assertThat(rest.items()).extracting(AppProduct::sku).containsExactly("C");
        assertThat(rest.nextCursor()).isNull();
        assertThat(catalog.get("A")).get().extracting(AppProduct::title).isEqualTo("Renamed");
    }

    @Test
    void catalogPutAll_withDuplicateSku_writesNothingAndNamesTheField() {
        InMemoryCatalogStore catalog = new InMemoryCatalogStore();

        assertThatThrownBy(() -> catalog.putAll(List.of(product("A"), product("B"), product("A"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("items.sku");
        assertThat(catalog.list(10, null).items()).isEmpty();
    }

    @Test
    void appProduct_blankSku_isRefusedNamingTheField() {
        assertThatThrownBy(() -> product(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sku");
    }

    @Test
    void skuMappings_listByProductAndGetAreScopedToTheIntegration() {
        InMemorySkuMappingStore store = new InMemorySkuMappingStore();
        store.putAll("int-1", List.of(
                new SkuMapping("int-1", "A", "P1", "S1", List.of("W1"), T0),
                new SkuMapping("int-1", "B", "P1", "S2", List.of("W1", "W2"), T0),
                new SkuMapping("int-1", "C", "P2", "S3", List.of("W1"), T0)));
        store.put(new SkuMapping("int-2", "A", "P9", "S9", List.of("W9"), T0));

        assertThat(store.listByProduct("int-1", "P1")).extracting(SkuMapping::sku).containsExactly("A", "B");
        assertThat(store.get("int-2", "A")).get().extracting(SkuMapping::tiktokProductId).isEqualTo("P9");
        store.delete("int-1", "A");
        assertThat(store.get("int-1", "A")).isEmpty();
        assertThat(store.list("int-1", 10, null).items()).extracting(SkuMapping::sku).containsExactly("B", "C");
    }

    @Test
    void skuMappingsPutAll_ofAnotherIntegration_isRefused() {
        InMemorySkuMappingStore store = new InMemorySkuMappingStore();

        assertThatThrownBy(() -> store.putAll("int-1",
                List.of(new SkuMapping("int-2", "A", "P1", "S1", List.of("W1"), T0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("integrationId");
    }
}
