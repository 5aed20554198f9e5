package dev.ttsconnector.app.statements;

import dev.ttsconnector.common.Money;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One transaction of a statement as the app keeps it (spec §9 v202501): type as TikTok sent it, the order or
 * adjustment it settles, amounts in the statement's currency ({@code settlement} = revenue − shipping cost −
 * fee/tax − adjustment) and the breakdowns by TikTok field name. Immutable; equal values mean "unchanged", so a
 * re-pull of the same transaction writes nothing.
 */
public record AppStatementTransaction(String integrationId, String statementId, String transactionId, String type,
                                      String orderId, Instant orderCreateTime, String adjustmentId,
                                      String adjustmentOrderId, String reserveId, String reserveStatus,
                                      String associatedOrderId, Instant estimatedReleaseTime, Money revenue,
                                      Money shippingCost, Money feeTax, Money adjustment, Money reserve,
                                      Money settlement, SortedMap<String, Money> revenueBreakdown,
                                      SortedMap<String, Money> shippingCostBreakdown,
                                      SortedMap<String, Money> feeTaxBreakdown) {

    public AppStatementTransaction {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(statementId, "statementId");
        Objects.requireNonNull(transactionId, "transactionId");
        revenueBreakdown = sorted(revenueBreakdown);
        shippingCostBreakdown = sorted(shippingCostBreakdown);
        feeTaxBreakdown = sorted(feeTaxBreakdown);
    }

    private static SortedMap<String, Money> sorted(Map<String, Money> m) {
        return Collections.unmodifiableSortedMap(m == null ? new TreeMap<>() : new TreeMap<>(m));
    }
}
