package dev.ttsconnector.tiktok.products;

import dev.ttsconnector.common.Money;
import java.util.Objects;

/** One SKU of Update price (spec §7 {@code skus[]{id, price{amount, currency}, list_price}}); listPrice optional. */
public record SkuPrice(String skuId, Money price, Money listPrice) {
    public SkuPrice {
        Objects.requireNonNull(skuId, "skus[].id");
        Objects.requireNonNull(price, "skus[].price");
    }
}
