package dev.ttsconnector.sandbox.model;

import java.util.ArrayList;
import java.util.List;

/** A return / refund request (spec §6). */
public final class ReturnRequest {
    public final String id;
    public final String orderId;
    public final String shopId;
    /** REFUND | RETURN_AND_REFUND | REPLACEMENT. */
    public final String type;
    public String status;
    public final String reason;
    public final long createTime;
    public long updateTime;
    public final List<String> lineItemIds = new ArrayList<>();
    public String rejectReason;
    public String rejectComment;
    /** BUYER for buyer requests, SELLER for seller-initiated returns/refunds (spec §6 {@code role}). */
    public String role = "BUYER";
    /** The seller-initiated {@code refund_total} (null = the lines' sale prices). */
    public java.math.BigDecimal refundTotal;
    public String shipmentType;
    public String handoverMethod;

    public ReturnRequest(String id, String orderId, String shopId, String type, String status, String reason,
                         long createTime) {
        this.id = id;
        this.orderId = orderId;
        this.shopId = shopId;
        this.type = type;
        this.status = status;
        this.reason = reason;
        this.createTime = createTime;
        this.updateTime = createTime;
    }
}
