package dev.ttsconnector.sandbox.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
    /** Listing content of products created through the API (spec §7 create body); null/empty for seeded ones. */
    public String categoryId;
    public String description;
    public final List<String> mainImages = new ArrayList<>();
    /** {@code product_attributes[]} as last accepted. */
    public ArrayNode productAttributes;
    /** Why the last audit failed (status FAILED), else null. */
    public String auditFailedReason;

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
