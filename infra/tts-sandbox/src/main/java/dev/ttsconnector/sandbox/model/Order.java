package dev.ttsconnector.sandbox.model;

import java.util.ArrayList;
import java.util.List;

/** An order with its line items (spec §4). */
public final class Order {
    public final String id;
    public final String shopId;
    public String status;
    public final long createTime;
    public long updateTime;
    public Long paidTime;
    public Long rtsTime;
    public Long collectionTime;
    public Long deliveryTime;
    public Long cancelTime;
    public Long requestCancelTime;
    /** Sandbox time at which an ON_HOLD order is released to AWAITING_SHIPMENT. */
    public Long onHoldReleaseAt;
    public final boolean onHoldOrder;
    public final String userId;
    public final String buyerEmail;
    public final String buyerMessage;
    public final String recipientName;
    public final String recipientPhone;
    public final String addressLine1;
    public final String city;
    public final String stateOrCounty;
    public final String postalCode;
    public final String regionCode;
    public final String shippingType;
    public final String fulfillmentType;
    public final String warehouseId;
    public final String deliveryOptionId;
    public final String deliveryOptionName;
    public final String shippingFee;
    public boolean buyerRequestCancel;
    public String cancelReason;
    public String cancellationInitiator;
    public final List<LineItem> lineItems = new ArrayList<>();
    public final List<String> packageIds = new ArrayList<>();
    public boolean stockReserved;

    public Order(String id, String shopId, String status, long createTime, boolean onHoldOrder, String userId,
                 String buyerEmail, String buyerMessage, String recipientName, String recipientPhone,
                 String addressLine1, String city, String stateOrCounty, String postalCode, String regionCode,
                 String shippingType, String fulfillmentType, String warehouseId, String deliveryOptionId,
                 String deliveryOptionName, String shippingFee) {
        this.id = id;
        this.shopId = shopId;
        this.status = status;
        this.createTime = createTime;
        this.updateTime = createTime;
        this.onHoldOrder = onHoldOrder;
        this.userId = userId;
        this.buyerEmail = buyerEmail;
        this.buyerMessage = buyerMessage;
        this.recipientName = recipientName;
        this.recipientPhone = recipientPhone;
        this.addressLine1 = addressLine1;
        this.city = city;
        this.stateOrCounty = stateOrCounty;
        this.postalCode = postalCode;
        this.regionCode = regionCode;
        this.shippingType = shippingType;
        this.fulfillmentType = fulfillmentType;
        this.warehouseId = warehouseId;
        this.deliveryOptionId = deliveryOptionId;
        this.deliveryOptionName = deliveryOptionName;
        this.shippingFee = shippingFee;
    }

    public boolean fbt() {
        return "FULFILLMENT_BY_TIKTOK".equals(fulfillmentType);
    }

    public LineItem line(String lineId) {
        return lineItems.stream().filter(l -> l.id.equals(lineId)).findFirst().orElse(null);
    }
}
