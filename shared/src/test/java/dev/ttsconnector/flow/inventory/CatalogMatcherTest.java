package dev.ttsconnector.flow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.products.SkuMapping;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogMatcherTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final CatalogMatcher matcher = new CatalogMatcher();

    private static TikTokCatalogProduct.Sku sku(String id, String sellerSku, String... warehouses) {
        return new TikTokCatalogProduct.Sku(id, sellerSku, List.of(warehouses));
    }

    @Test
    void match_bySellerSkuExactly_mapsWithEveryWarehouse() {
        CatalogMatch match = matcher.match("int-1", List.of("RED-M", "BLUE-M"), List.of(
                new TikTokCatalogProduct("P1", List.of(sku("S1", "RED-M", "W1", "W2"), sku("S2", "blue-m", "W1")))),
                NOW);

        assertThat(match.mappings()).containsExactly(
                new SkuMapping("int-1", "RED-M", "P1", "S1", List.of("W1", "W2"), NOW));
        // case differs: not a match, both sides reported
        assertThat(match.unmatchedAppSkus()).containsExactly("BLUE-M");
        assertThat(match.unmatchedTikTokSkus()).containsExactly(new CatalogMatch.TikTokSkuRef("P1", "S2", "blue-m"));
    }

    @Test
    void match_sellerSkuOnTwoTikTokSkus_isReportedAndNotMapped() {
        CatalogMatch match = matcher.match("int-1", List.of("DUP", "OK"), List.of(
                new TikTokCatalogProduct("P1", List.of(sku("S1", "DUP", "W1"), sku("S3", "OK", "W1"))),
                new TikTokCatalogProduct("P2", List.of(sku("S2", "DUP", "W1")))), NOW);

        assertThat(match.mappings()).extracting(SkuMapping::sku).containsExactly("OK");
        assertThat(match.duplicateSellerSkus()).containsOnlyKeys("DUP");
        assertThat(match.duplicateSellerSkus().get("DUP")).containsExactly(
                new CatalogMatch.TikTokSkuRef("P1", "S1", "DUP"), new CatalogMatch.TikTokSkuRef("P2", "S2", "DUP"));
        assertThat(match.unmatchedAppSkus()).isEmpty();
    }

    @Test
    void match_appSkuGivenTwice_isReportedAndNotMapped() {
        CatalogMatch match = matcher.match("int-1", List.of("A", "A"), List.of(
                new TikTokCatalogProduct("P1", List.of(sku("S1", "A", "W1")))), NOW);

        assertThat(match.mappings()).isEmpty();
        assertThat(match.duplicateAppSkus()).containsExactly("A");
    }

    @Test
    void match_tiktokSkuWithoutSellerSku_isUnmatched() {
        CatalogMatch match = matcher.match("int-1", List.of("A"), List.of(
                new TikTokCatalogProduct("P1", List.of(sku("S1", null, "W1"), sku("S2", " ", "W1")))), NOW);

        assertThat(match.mappings()).isEmpty();
        assertThat(match.unmatchedAppSkus()).containsExactly("A");
        assertThat(match.unmatchedTikTokSkus()).extracting(CatalogMatch.TikTokSkuRef::skuId).containsExactly("S1", "S2");
    }
}
