package dev.ttsconnector.flow.statements;

import dev.ttsconnector.app.statements.AppStatement;
import dev.ttsconnector.app.statements.AppStatementTransaction;
import dev.ttsconnector.tiktok.finance.Statement;
import dev.ttsconnector.tiktok.finance.StatementTransaction;
import java.time.Instant;

/** TikTok finance records → the app's statement records (no transformation of amounts: they are TikTok's). */
public final class StatementMapper {

    private StatementMapper() {
    }

    /** A statement header as first seen at {@code now}: transactions not read yet. */
    public static AppStatement statement(String integrationId, Statement s, Instant now) {
        return new AppStatement(integrationId, s.id(), s.statementTime(), s.currency(), s.revenueAmount(),
                s.netSalesAmount(), s.feeAmount(), s.shippingCostAmount(), s.adjustmentAmount(), s.settlementAmount(),
                s.paymentId(), s.paymentStatus(), s.paymentTime(), null, null, null, false, null, now, now, 0);
    }

    public static AppStatementTransaction transaction(String integrationId, String statementId,
                                                      StatementTransaction t) {
        return new AppStatementTransaction(integrationId, statementId, t.id(), t.type(), t.orderId(),
                t.orderCreateTime(), t.adjustmentId(), t.adjustmentOrderId(), t.reserveId(), t.reserveStatus(),
                t.associatedOrderId(), t.estimatedReleaseTime(), t.revenueAmount(), t.shippingCostAmount(),
                t.feeTaxAmount(), t.adjustmentAmount(), t.reserveAmount(), t.settlementAmount(), t.revenueBreakdown(),
                t.shippingCostBreakdown(), t.feeTaxBreakdown());
    }
}
