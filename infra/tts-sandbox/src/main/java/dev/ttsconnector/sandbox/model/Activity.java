package dev.ttsconnector.sandbox.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A promotion activity (spec §11) with its SKU deal prices. */
public final class Activity {
    public final String id;
    public final String shopId;
    public final String title;
    public final String type;
    public final String productLevel;
    public final long beginTime;
    public final long endTime;
    public final long createTime;
    public long updateTime;
    public boolean deactivated;
    /** SKU id → activity price; product id of each SKU in {@link #productOfSku}. */
    public final Map<String, BigDecimal> skuPrices = new LinkedHashMap<>();
    public final Map<String, String> productOfSku = new LinkedHashMap<>();

    public Activity(String id, String shopId, String title, String type, String productLevel, long beginTime,
                    long endTime, long createTime) {
        this.id = id;
        this.shopId = shopId;
        this.title = title;
        this.type = type;
        this.productLevel = productLevel;
        this.beginTime = beginTime;
        this.endTime = endTime;
        this.createTime = createTime;
        this.updateTime = createTime;
    }

    /** Spec §11 status at {@code now}: DEACTIVATED, NOT_START, ONGOING or EXPIRED. */
    public String status(long now) {
        if (deactivated) {
            return "DEACTIVATED";
        }
        if (now < beginTime) {
            return "NOT_START";
        }
        return now < endTime ? "ONGOING" : "EXPIRED";
    }
}
