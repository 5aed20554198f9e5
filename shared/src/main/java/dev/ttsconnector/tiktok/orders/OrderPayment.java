package dev.ttsconnector.tiktok.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.internal.Nodes;

/** Order {@code payment} (spec §4); every amount in {@code currency}, null when TikTok omits it. */
public record OrderPayment(String currency, Money subTotal, Money shippingFee, Money sellerDiscount,
                           Money platformDiscount, Money totalAmount, Money originalTotalProductPrice,
                           Money originalShippingFee, Money shippingFeeSellerDiscount,
                           Money shippingFeePlatformDiscount, Money tax, Money productTax, Money shippingFeeTax,
                           Money retailDeliveryFee) {

    static OrderPayment from(JsonNode n) {
        if (n.isMissingNode()) {
            return null;
        }
        String c = Nodes.str(n, "currency");
        return new OrderPayment(c, Nodes.money(n, "sub_total", c), Nodes.money(n, "shipping_fee", c),
                Nodes.money(n, "seller_discount", c), Nodes.money(n, "platform_discount", c),
                Nodes.money(n, "total_amount", c), Nodes.money(n, "original_total_product_price", c),
                Nodes.money(n, "original_shipping_fee", c), Nodes.money(n, "shipping_fee_seller_discount", c),
                Nodes.money(n, "shipping_fee_platform_discount", c), Nodes.money(n, "tax", c),
                Nodes.money(n, "product_tax", c), Nodes.money(n, "shipping_fee_tax", c),
                Nodes.money(n, "retail_delivery_fee", c));
    }
}
