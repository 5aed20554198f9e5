package dev.ttsconnector.sandbox.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A shop of a seller in one region, with its warehouses and webhook subscriptions. */
public final class Shop {
    public final String id;
    public final String cipher;
    public final String code;
    public final String name;
    public final String region;
    public final String sellerType;
    public final String sellerId;
    public final String currency;
    public final List<Warehouse> warehouses = new ArrayList<>();
    public final List<FbtWarehouse> fbtWarehouses = new ArrayList<>();
    /** event_type → subscription (spec §12: one URL per topic per shop). */
    public final Map<String, WebhookSubscription> webhooks = new LinkedHashMap<>();
    public boolean authorized = true;

    public Shop(String id, String cipher, String code, String name, String region, String sellerType,
                String sellerId, String currency) {
        this.id = id;
        this.cipher = cipher;
        this.code = code;
        this.name = name;
        this.region = region;
        this.sellerType = sellerType;
        this.sellerId = sellerId;
        this.currency = currency;
    }

    public Warehouse defaultSalesWarehouse() {
        return warehouses.stream().filter(w -> w.sales && w.isDefault).findFirst()
                .orElseGet(() -> warehouses.stream().filter(w -> w.sales).findFirst().orElseThrow());
    }
}
