package dev.ttsconnector.tiktok.promotions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One product of Add / update activity products (spec §11). At {@code VARIATION} level each SKU carries its own
 * {@code activity_price_amount} (FIXED_PRICE deal price) and the quantity limits must be -1 (unlimited).
 */
public record ActivityProduct(String productId, List<SkuDeal> skus) {

    public ActivityProduct {
        Objects.requireNonNull(productId, "products[].id");
        skus = List.copyOf(skus);
    }

    /** The deal price of one SKU. */
    public record SkuDeal(String skuId, BigDecimal activityPrice) {
        public SkuDeal {
            Objects.requireNonNull(skuId, "skus[].id");
            Objects.requireNonNull(activityPrice, "skus[].activity_price_amount");
        }
    }
}
