package dev.ttsconnector.sandbox.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A SKU with its stock per seller warehouse and per FBT warehouse (keyed by the linked warehouse id). */
public final class Sku {
    public final String id;
    public final String productId;
    public final String sellerSku;
    public BigDecimal price;
    public final String currency;
    /** e.g. [["Colour","Black"],["Size","M"]]. */
    public final List<String[]> salesAttributes = new ArrayList<>();
    /** Seller warehouse id → available quantity. The key set is the SKU's warehouse assignment. */
    public final Map<String, Integer> stock = new LinkedHashMap<>();
    /** Seller warehouse id → units reserved by open orders. */
    public final Map<String, Integer> committed = new LinkedHashMap<>();
    /** FBT linked warehouse id → on-hand quantity (not seller-editable). */
    public final Map<String, Integer> fbtStock = new LinkedHashMap<>();
    /** Non-empty for a virtual bundle SKU (spec §4 combined_listing_skus). */
    public final List<BundleComponent> bundle = new ArrayList<>();

    public Sku(String id, String productId, String sellerSku, BigDecimal price, String currency) {
        this.id = id;
        this.productId = productId;
        this.sellerSku = sellerSku;
        this.price = price;
        this.currency = currency;
    }

    public String name() {
        StringBuilder sb = new StringBuilder();
        for (String[] a : salesAttributes) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(a[1]);
        }
        return sb.toString();
    }

    /** One component of a virtual bundle. */
    public record BundleComponent(String productId, String skuId, String sellerSku, int count) {
    }
}
