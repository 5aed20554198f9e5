package dev.ttsconnector.sandbox.model;

import java.util.ArrayList;
import java.util.List;

/** A product with its SKUs (spec §7). */
public final class Product {
    public final String id;
    public final String shopId;
    public String title;
    public final String category;
    /** ACTIVATE, SELLER_DEACTIVATED, DELETED, FREEZE, … (spec §7). */
    public String status = "ACTIVATE";
    public final long createTime;
    public long updateTime;
    public final List<Sku> skus = new ArrayList<>();

    public Product(String id, String shopId, String title, String category, long createTime) {
        this.id = id;
        this.shopId = shopId;
        this.title = title;
        this.category = category;
        this.createTime = createTime;
        this.updateTime = createTime;
    }

    public Sku sku(String skuId) {
        return skus.stream().filter(s -> s.id.equals(skuId)).findFirst().orElse(null);
    }
}
