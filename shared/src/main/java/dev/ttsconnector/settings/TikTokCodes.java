package dev.ttsconnector.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one place where product-doc reason labels meet TikTok reason codes, and the allowed lists of the
 * reason dropdowns.
 *
 * <p>TikTok's full reason lists are UNCONFIRMED (spec §6 "Seller cancel reason codes": only codes seen in
 * public integrations). So the reason settings are plain strings validated against these lists, and a
 * deployment can extend a list ({@link #withCancelReasons} and friends) without a code change to the records.
 * <ul>
 *   <li>Cancel reasons are TikTok codes. The doc itself ties "Out of stock" to
 *       {@code seller_cancel_reason_out_of_stock} (Orders, "Default cancel reason…"); the other codes are the
 *       paid-order codes of spec §6.</li>
 *   <li>Refund reasons: the doc gives only the labels ("Package or product is damaged", "Missed estimated
 *       delivery date"); their TikTok codes are UNCONFIRMED, so the stored value is the doc's reason name and
 *       the refund flow resolves it against TikTok's reason list at run time.</li>
 * </ul>
 */
public record TikTokCodes(List<ReasonOption> cancelReasons,
                          List<ReasonOption> deliveredRefundReasons,
                          List<ReasonOption> inTransitRefundReasons) {

    /** Doc default for both order cancel reasons and the awaiting-shipment cancellation reason. */
    public static final String CANCEL_REASON_OUT_OF_STOCK = "seller_cancel_reason_out_of_stock";
    /** Doc default refund reason for delivered orders (TikTok code UNCONFIRMED; the doc gives only the label). */
    public static final String REFUND_REASON_DAMAGED = "Package or product is damaged";
    /** Doc default refund reason for in-transit / awaiting-collection orders (code UNCONFIRMED, label only). */
    public static final String REFUND_REASON_MISSED_DELIVERY_DATE = "Missed estimated delivery date";

    private static final TikTokCodes STANDARD = new TikTokCodes(
            List.of(
                    new ReasonOption(CANCEL_REASON_OUT_OF_STOCK, "Out of stock"),
                    new ReasonOption("seller_cancel_reason_out_of_stock_uk", "Out of stock (UK)"),
                    new ReasonOption("seller_cancel_reason_wrong_price", "Wrong price"),
                    new ReasonOption("seller_cancel_paid_reason_address_not_deliver", "Address not deliverable"),
                    new ReasonOption("seller_cancel_paid_reason_buyer_requested_cancellation",
                            "Buyer requested cancellation")),
            List.of(new ReasonOption(REFUND_REASON_DAMAGED, REFUND_REASON_DAMAGED)),
            List.of(new ReasonOption(REFUND_REASON_MISSED_DELIVERY_DATE, REFUND_REASON_MISSED_DELIVERY_DATE)));

    public TikTokCodes {
        cancelReasons = List.copyOf(cancelReasons);
        deliveredRefundReasons = List.copyOf(deliveredRefundReasons);
        inTransitRefundReasons = List.copyOf(inTransitRefundReasons);
        requireDefault(cancelReasons, CANCEL_REASON_OUT_OF_STOCK, "cancelReasons");
        requireDefault(deliveredRefundReasons, REFUND_REASON_DAMAGED, "deliveredRefundReasons");
        requireDefault(inTransitRefundReasons, REFUND_REASON_MISSED_DELIVERY_DATE, "inTransitRefundReasons");
    }

    /** The lists known from the product doc and spec §6. */
    public static TikTokCodes standard() {
        return STANDARD;
    }

    public TikTokCodes withCancelReasons(List<ReasonOption> extra) {
        return new TikTokCodes(concat(cancelReasons, extra), deliveredRefundReasons, inTransitRefundReasons);
    }

    public TikTokCodes withDeliveredRefundReasons(List<ReasonOption> extra) {
        return new TikTokCodes(cancelReasons, concat(deliveredRefundReasons, extra), inTransitRefundReasons);
    }

    public TikTokCodes withInTransitRefundReasons(List<ReasonOption> extra) {
        return new TikTokCodes(cancelReasons, deliveredRefundReasons, concat(inTransitRefundReasons, extra));
    }

    /** The display label of a stored reason code, or the code itself when it is not in any list. */
    public String reasonLabel(String code) {
        for (List<ReasonOption> list : List.of(cancelReasons, deliveredRefundReasons, inTransitRefundReasons)) {
            for (ReasonOption option : list) {
                if (option.code().equals(code)) {
                    return option.label();
                }
            }
        }
        return code;
    }

    private static List<ReasonOption> concat(List<ReasonOption> base, List<ReasonOption> extra) {
        List<ReasonOption> all = new ArrayList<>(base);
        for (ReasonOption option : extra) {
            if (all.stream().noneMatch(o -> o.code().equals(option.code()))) {
                all.add(option);
            }
        }
        return all;
    }

    private static void requireDefault(List<ReasonOption> list, String code, String name) {
        Objects.requireNonNull(list, name);
        if (list.stream().noneMatch(o -> o.code().equals(code))) {
            // The doc default must always stay selectable, or defaults() would not validate.
            throw new IllegalArgumentException(name + " must contain the product doc default " + code);
        }
    }
}
