package dev.ttsconnector.sandbox.model;

import java.util.ArrayList;
import java.util.List;

/** A cancellation record (spec §6). */
public final class Cancellation {
    public final String id;
    public final String orderId;
    public final String shopId;
    /** CANCEL (seller/system) | BUYER_CANCEL. */
    public final String type;
    public final String role;
    public String status;
    public final String reason;
    public final long createTime;
    public long updateTime;
    public final List<String> lineItemIds = new ArrayList<>();
    public String rejectReason;

    public Cancellation(String id, String orderId, String shopId, String type, String role, String status,
                        String reason, long createTime) {
        this.id = id;
        this.orderId = orderId;
        this.shopId = shopId;
        this.type = type;
        this.role = role;
        this.status = status;
        this.reason = reason;
        this.createTime = createTime;
        this.updateTime = createTime;
    }
}
