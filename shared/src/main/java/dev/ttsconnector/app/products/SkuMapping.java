package dev.ttsconnector.app.products;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The match of an app SKU to a TikTok SKU for one integration (keys {@code INT#<integrationId>#SKUMAP}), made by seller
 * SKU during a products pull.
 *
 * @param sku          the app SKU, equal to TikTok's {@code seller_sku}
 * @param warehouseIds every TikTok warehouse the SKU has (its product {@code skus[].inventory[].warehouse_id}); an
 *                     inventory update must list all of them (spec §8, error 12019028); copied, order kept, no duplicates
 */
public record SkuMapping(String integrationId, String sku, String tiktokProductId, String tiktokSkuId,
                         List<String> warehouseIds, Instant matchedAt) {

    public SkuMapping {
        requireText(integrationId, "integrationId");
        AppProduct.requireSku(sku, "sku");
        requireText(tiktokProductId, "tiktokProductId");
        requireText(tiktokSkuId, "tiktokSkuId");
        Objects.requireNonNull(matchedAt, "matchedAt");
        warehouseIds = List.copyOf(warehouseIds == null ? List.of() : warehouseIds);
        if (warehouseIds.stream().distinct().count() != warehouseIds.size()) {
            throw new IllegalArgumentException("warehouseIds: duplicate warehouse id for sku " + sku);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
    }
}
