package dev.ttsconnector.sandbox.model;

import java.math.BigDecimal;

/**
 * One transaction of a statement (spec §9 v202501 {@code transactions[]}): an ORDER settlement or an adjustment.
 * Fee/tax is the sum of its fee parts; {@code settlement = revenue − shipping cost − fee/tax − adjustment}.
 */
public final class StatementTransaction {
    public final String id;
    public final String type;
    public final String orderId;
    public final long orderCreateTime;
    public final String adjustmentId;
    public final BigDecimal revenue;
    public final BigDecimal shippingCost;
    public final BigDecimal platformCommission;
    public final BigDecimal transactionFee;
    public final BigDecimal adjustment;
    public final BigDecimal reserve;

    public StatementTransaction(String id, String type, String orderId, long orderCreateTime, String adjustmentId,
                                BigDecimal revenue, BigDecimal shippingCost, BigDecimal platformCommission,
                                BigDecimal transactionFee, BigDecimal adjustment, BigDecimal reserve) {
        this.id = id;
        this.type = type;
        this.orderId = orderId;
        this.orderCreateTime = orderCreateTime;
        this.adjustmentId = adjustmentId;
        this.revenue = revenue;
        this.shippingCost = shippingCost;
        this.platformCommission = platformCommission;
        this.transactionFee = transactionFee;
        this.adjustment = adjustment;
        this.reserve = reserve;
    }

    public BigDecimal feeTax() {
        return platformCommission.add(transactionFee);
    }

    public BigDecimal settlement() {
        return revenue.subtract(shippingCost).subtract(feeTax()).subtract(adjustment);
    }
}
