package dev.ttsconnector.flow.returns;

import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.TikTokReturnStatus;
import dev.ttsconnector.settings.TikTokReturnType;
import dev.ttsconnector.tiktok.returns.ReturnOrder;
import java.util.function.Predicate;

/**
 * The product doc's pull filters, applied to one TikTok return order. Pure.
 * <ul>
 *   <li>Returns: "Pull returns only with this statuses" ({@link TikTokReturnStatus#tiktokCode()}; the doc's default
 *       "Completed" is {@code RETURN_OR_REFUND_REQUEST_COMPLETE}) and "Pull returns only when there is a matching order
 *       available" (the app order store is asked).</li>
 *   <li>Refunds: "Pull refunds TikTok types" ({@link TikTokReturnType}) and "Pull refunds only with this statuses".</li>
 * </ul>
 * The filters decide which TikTok requests become app records. A record already in the app follows every later
 * TikTok update whatever its status, so it never shows a stale status (e.g. a refund pulled as
 * {@code RETURN_OR_REFUND_REQUEST_SUCCESS} still turns {@code ..._COMPLETE}).
 */
public final class ReturnFilter {

    /** Why a return order did not become (or update) a record. */
    public enum Exclusion { NOT_THIS_KIND, STATUS_NOT_PULLED, TYPE_NOT_PULLED, NO_MATCHING_ORDER }

    private ReturnFilter() {
    }

    /** Null when {@code r} becomes a new return record, else why not. */
    public static Exclusion newReturn(ReturnOrder r, ConnectorSettings.Returns settings, Predicate<String> orderInApp) {
        if (!ReturnMapper.isReturn(r)) {
            return Exclusion.NOT_THIS_KIND;
        }
        if (settings.pullStatuses().stream().noneMatch(s -> s.tiktokCode().equals(r.returnStatus()))) {
            return Exclusion.STATUS_NOT_PULLED;
        }
        if (settings.onlyWithMatchingOrder() && !orderInApp.test(r.orderId())) {
            return Exclusion.NO_MATCHING_ORDER;
        }
        return null;
    }

    /** Null when {@code r} becomes a new refund record, else why not. */
    public static Exclusion newRefund(ReturnOrder r, ConnectorSettings.Refunds settings) {
        if (!ReturnMapper.isRefund(r)) {
            return Exclusion.NOT_THIS_KIND;
        }
        if (settings.pullTypes().stream().noneMatch(t -> t.tiktokCode().equals(r.returnType()))) {
            return Exclusion.TYPE_NOT_PULLED;
        }
        if (settings.pullStatuses().stream().noneMatch(s -> s.tiktokCode().equals(r.returnStatus()))) {
            return Exclusion.STATUS_NOT_PULLED;
        }
        return null;
    }
}
