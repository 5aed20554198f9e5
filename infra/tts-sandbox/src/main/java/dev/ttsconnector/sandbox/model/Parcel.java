package dev.ttsconnector.sandbox.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A TikTok package (named Parcel to avoid clashing with {@code java.lang.Package}). Status values follow spec
 * §5: TO_FULFILL, PROCESSING, FULFILLING, COMPLETED, CANCELLED.
 */
public final class Parcel {
    public final String id;
    public final String orderId;
    public final String shopId;
    public final List<String> lineItemIds = new ArrayList<>();
    public String status = "TO_FULFILL";
    public String trackingNumber;
    public String shippingProviderId;
    public String shippingProviderName;
    public final String deliveryOptionId;
    public final String shippingType;
    public String handoverMethod;
    public final long createTime;
    public long updateTime;
    public Long shippedTime;

    public Parcel(String id, String orderId, String shopId, String deliveryOptionId, String shippingType, long createTime) {
        this.id = id;
        this.orderId = orderId;
        this.shopId = shopId;
        this.deliveryOptionId = deliveryOptionId;
        this.shippingType = shippingType;
        this.createTime = createTime;
        this.updateTime = createTime;
    }
}
