package dev.ttsconnector.sandbox.model;

import java.math.BigDecimal;
import java.util.List;

/** One unit of one SKU in an order: TikTok has no quantity field, n units are n line items (spec §4). */
public final class LineItem {
    public final String id;
    public final String skuId;
    public final String productId;
    public final String sellerSku;
    public final String productName;
    public final String skuName;
    public final BigDecimal originalPrice;
    public final BigDecimal salePrice;
    public final String currency;
    public final List<Sku.BundleComponent> bundle;
    public String displayStatus;
    public String packageId;
    public String cancelReason;
    public String cancelUser;

    public LineItem(String id, Sku sku, String productName, BigDecimal salePrice) {
        this.id = id;
        this.skuId = sku.id;
        this.productId = sku.productId;
        this.sellerSku = sku.sellerSku;
        this.productName = productName;
        this.skuName = sku.name();
        this.originalPrice = sku.price;
        this.salePrice = salePrice;
        this.currency = sku.currency;
        this.bundle = List.copyOf(sku.bundle);
    }
}
