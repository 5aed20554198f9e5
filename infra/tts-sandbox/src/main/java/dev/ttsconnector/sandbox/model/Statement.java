package dev.ttsconnector.sandbox.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A daily statement of one shop (spec §9): generated at 00:00 UTC covering the previous day. Its amounts are the
 * sums of its transactions; {@code settlement = revenue − shipping cost − fee/tax − adjustment}.
 */
public final class Statement {
    public final String id;
    public final String shopId;
    public final long statementTime;
    public final String currency;
    public final List<StatementTransaction> transactions = new ArrayList<>();
    public String paymentStatus = "PROCESSING";
    public String paymentId;
    public Long paymentTime;
    /** When the payment is made (PROCESSING → PAID) unless a control call decides first. */
    public long paymentDueAt;

    public Statement(String id, String shopId, long statementTime, String currency, long paymentDueAt) {
        this.id = id;
        this.shopId = shopId;
        this.statementTime = statementTime;
        this.currency = currency;
        this.paymentDueAt = paymentDueAt;
    }

    public BigDecimal revenue() {
        return transactions.stream().map(t -> t.revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal shippingCost() {
        return transactions.stream().map(t -> t.shippingCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal feeTax() {
        return transactions.stream().map(StatementTransaction::feeTax).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal adjustment() {
        return transactions.stream().map(t -> t.adjustment).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal reserve() {
        return transactions.stream().map(t -> t.reserve).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Spec §9: total_settlement_amount = total_revenue − total_shipping_cost − total_fee_tax − total_adjustment. */
    public BigDecimal settlement() {
        return revenue().subtract(shippingCost()).subtract(feeTax()).subtract(adjustment());
    }
}
