package dev.ttsconnector.flow.returns;

import dev.ttsconnector.app.returns.AppRefund;
import dev.ttsconnector.app.returns.AppReturn;
import dev.ttsconnector.app.returns.ReturnLine;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.returns.AftersaleLineItem;
import dev.ttsconnector.tiktok.returns.RefundAmount;
import dev.ttsconnector.tiktok.returns.ReturnOrder;
import java.time.Instant;
import java.util.List;

/**
 * TikTok return orders ({@code return_orders[]}, spec §6) to the app's compact return and refund records. Pure.
 *
 * <p>Which TikTok return orders are which record: a {@code REFUND} (refund without return) has no goods coming back,
 * so it is a refund only; a {@code RETURN_AND_REFUND} is both a return (the goods) and a refund (the money); a
 * {@code REPLACEMENT} is a return only (goods come back, a new item goes out, no money unless TikTok later refunds it
 * as a {@code REPLACEMENT_REQUEST_REFUND_SUCCESS}, which stays visible on the return record).
 */
public final class ReturnMapper {

    public static final String REFUND = "REFUND";
    public static final String RETURN_AND_REFUND = "RETURN_AND_REFUND";
    public static final String REPLACEMENT = "REPLACEMENT";

    private ReturnMapper() {
    }

    /** Null when the return order lacks what every record needs (ids, status, update time): it cannot be stored. */
    public static String missingField(ReturnOrder r) {
        if (blank(r.returnId())) {
            return "return_id";
        }
        if (blank(r.orderId())) {
            return "order_id";
        }
        if (blank(r.returnStatus())) {
            return "return_status";
        }
        if (r.updateTime() == null) {
            return "update_time";
        }
        return null;
    }

    /** Goods come back: {@code RETURN_AND_REFUND} and {@code REPLACEMENT} (and a type TikTok did not send). */
    public static boolean isReturn(ReturnOrder r) {
        return !REFUND.equals(r.returnType());
    }

    /** Money goes back: {@code REFUND} and {@code RETURN_AND_REFUND}. */
    public static boolean isRefund(ReturnOrder r) {
        return REFUND.equals(r.returnType()) || RETURN_AND_REFUND.equals(r.returnType());
    }

    public static AppReturn toReturn(String integrationId, ReturnOrder r, Instant now) {
        RefundAmount amount = r.refundAmount();
        return new AppReturn(AppReturn.idOf(integrationId, r.returnId()), integrationId, r.returnId(), r.orderId(),
                r.returnType(), r.returnStatus(), r.role(), r.returnReason(), r.returnReasonText(),
                r.arbitrationStatus(), r.returnTrackingNumber(), r.returnProviderName(),
                amount == null ? null : amount.refundTotal(), lines(r.lineItems()), r.createTime(), r.updateTime(),
                now, now, 0);
    }

    public static AppRefund toRefund(String integrationId, ReturnOrder r, Instant now) {
        RefundAmount amount = r.refundAmount();
        return new AppRefund(AppRefund.idOf(integrationId, r.returnId()), integrationId, r.returnId(), r.orderId(),
                r.returnType(), r.returnStatus(), AppRefund.ORIGIN_TIKTOK, null, r.role(), r.returnReason(),
                r.returnReasonText(), amount == null ? null : amount.refundTotal(),
                amount == null ? null : amount.refundSubtotal(), amount == null ? null : amount.refundShippingFee(),
                amount == null ? null : amount.refundTax(), lines(r.lineItems()), r.createTime(), r.updateTime(),
                now, now, 0);
    }

    static List<ReturnLine> lines(List<AftersaleLineItem> items) {
        return items.stream().map(l -> new ReturnLine(l.sellerSku(), l.skuId(), l.productName(), l.orderLineItemId(),
                l.id(), total(l.refundAmount()))).toList();
    }

    private static Money total(RefundAmount amount) {
        return amount == null ? null : amount.refundTotal();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
