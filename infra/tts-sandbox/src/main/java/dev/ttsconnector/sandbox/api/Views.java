package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.model.Cancellation;
import dev.ttsconnector.sandbox.model.DeliveryOption;
import dev.ttsconnector.sandbox.model.LineItem;
import dev.ttsconnector.sandbox.model.Order;
import dev.ttsconnector.sandbox.model.Parcel;
import dev.ttsconnector.sandbox.model.Product;
import dev.ttsconnector.sandbox.model.ReturnRequest;
import dev.ttsconnector.sandbox.model.Shop;
import dev.ttsconnector.sandbox.model.Sku;
import dev.ttsconnector.sandbox.model.Warehouse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON renderings of the model with the spec's field names (§4–§8). Amounts are strings, times Unix seconds. */
public final class Views {
    private Views() {
    }

    private static String money(BigDecimal v) {
        return v.stripTrailingZeros().scale() <= 0 ? v.setScale(0).toPlainString() : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static void putOpt(ObjectNode n, String field, Long v) {
        if (v != null) {
            n.put(field, v);
        }
    }

    /**
     * Spec §4 order object. Search and detail share it: the fields only detail has (payment auth/card codes,
     * national registry id) have no meaning in the sandbox and are omitted in both.
     */
    public static ObjectNode order(SandboxState st, Order o) {
        Shop shop = st.shops.get(o.shopId);
        ObjectNode n = SandboxJson.object();
        n.put("id", o.id);
        n.put("status", o.status);
        n.put("order_type", "NORMAL");
        n.put("create_time", o.createTime);
        n.put("update_time", o.updateTime);
        putOpt(n, "paid_time", o.paidTime);
        putOpt(n, "rts_time", o.rtsTime);
        putOpt(n, "collection_time", o.collectionTime);
        putOpt(n, "delivery_time", o.deliveryTime);
        putOpt(n, "cancel_time", o.cancelTime);
        putOpt(n, "request_cancel_time", o.requestCancelTime);
        if (o.paidTime != null) {
            n.put("rts_sla_time", o.paidTime + 3 * 86400);
            n.put("tts_sla_time", o.paidTime + 5 * 86400);
        }
        if (o.cancelReason != null) {
            n.put("cancel_reason", o.cancelReason);
        }
        if (o.cancellationInitiator != null) {
            n.put("cancellation_initiator", o.cancellationInitiator);
        }
        n.put("is_buyer_request_cancel", o.buyerRequestCancel);
        n.put("buyer_message", o.buyerMessage);
        n.put("buyer_email", o.buyerEmail);
        n.put("user_id", o.userId);
        n.put("seller_note", "");
        n.put("shipping_type", o.shippingType);
        n.put("fulfillment_type", o.fulfillmentType);
        n.put("is_on_hold_order", o.onHoldOrder);
        n.put("warehouse_id", o.warehouseId);
        n.put("delivery_option_id", o.deliveryOptionId);
        n.put("delivery_option_name", o.deliveryOptionName);
        n.put("delivery_type", "HOME_DELIVERY");
        n.put("is_cod", false);
        n.put("is_sample_order", false);
        n.put("is_replacement_order", false);
        n.put("commerce_platform", "TIKTOK_SHOP");
        n.put("payment_method_name", "CARD");
        n.put("has_updated_recipient_address", false);
        Parcel shipped = o.packageIds.stream().map(st.parcels::get).filter(p -> p.trackingNumber != null).findFirst().orElse(null);
        if (shipped != null) {
            n.put("tracking_number", shipped.trackingNumber);
            n.put("shipping_provider", shipped.shippingProviderName);
            n.put("shipping_provider_id", shipped.shippingProviderId);
        }
        ArrayNode pk = n.putArray("packages");
        o.packageIds.stream().map(st.parcels::get).filter(p -> !"CANCELLED".equals(p.status) || p.trackingNumber != null)
                .forEach(p -> pk.addObject().put("id", p.id));
        if (o.packageIds.size() > 1) {
            n.put("split_or_combine_tag", "SPLIT");
        }
        // payment: sub_total = original − discounts; total = sub_total + shipping (+ tax, zero here) — spec §4.
        BigDecimal original = BigDecimal.ZERO;
        BigDecimal sale = BigDecimal.ZERO;
        for (LineItem l : o.lineItems) {
            original = original.add(l.originalPrice);
            sale = sale.add(l.salePrice);
        }
        BigDecimal shipping = new BigDecimal(o.shippingFee);
        ObjectNode pay = n.putObject("payment");
        pay.put("currency", shop.currency);
        pay.put("original_total_product_price", money(original));
        pay.put("seller_discount", money(original.subtract(sale)));
        pay.put("platform_discount", "0");
        pay.put("sub_total", money(sale));
        pay.put("original_shipping_fee", money(shipping));
        pay.put("shipping_fee_seller_discount", "0");
        pay.put("shipping_fee_platform_discount", "0");
        pay.put("shipping_fee_cofunded_discount", "0");
        pay.put("shipping_fee", money(shipping));
        pay.put("tax", "0");
        pay.put("product_tax", "0");
        pay.put("shipping_fee_tax", "0");
        pay.put("total_amount", money(sale.add(shipping)));
        ObjectNode addr = n.putObject("recipient_address");
        // Spec §4: name/phone are desensitized when the order uses platform logistics.
        boolean masked = "TIKTOK".equals(o.shippingType);
        String name = masked ? o.recipientName.charAt(0) + "***" : o.recipientName;
        addr.put("name", name);
        addr.put("first_name", masked ? name : o.recipientName.split(" ")[0]);
        addr.put("last_name", masked ? "" : o.recipientName.substring(o.recipientName.indexOf(' ') + 1));
        addr.put("phone_number", masked ? "(+" + o.recipientPhone.substring(2, 4) + ")*******" + o.recipientPhone.substring(o.recipientPhone.length() - 2) : o.recipientPhone);
        addr.put("address_line1", o.addressLine1);
        addr.put("address_line2", "");
        addr.put("address_detail", o.addressLine1);
        addr.put("postal_code", o.postalCode);
        addr.put("region_code", o.regionCode);
        addr.put("full_address", o.addressLine1 + ", " + o.city + ", " + o.stateOrCounty + ", " + o.postalCode);
        // Spec §4: district_info is unavailable in UNPAID / ON_HOLD.
        ArrayNode district = addr.putArray("district_info");
        if (!"UNPAID".equals(o.status) && !"ON_HOLD".equals(o.status)) {
            district.addObject().put("address_level", "L0").put("address_level_name", "Country").put("address_name", o.regionCode).put("iso_code", o.regionCode);
            district.addObject().put("address_level", "L1").put("address_level_name", "State").put("address_name", o.stateOrCounty);
            district.addObject().put("address_level", "L3").put("address_level_name", "City").put("address_name", o.city);
            if ("GB".equals(o.regionCode)) {
                addr.put("post_town", o.city);
            }
        }
        ArrayNode lines = n.putArray("line_items");
        // Spec §4: for US/UK local sellers package_id/package_status are not returned before shipment.
        boolean hidePending = ("US".equals(shop.region) || "GB".equals(shop.region)) && "LOCAL".equals(shop.sellerType);
        for (LineItem l : o.lineItems) {
            lines.add(lineItem(st, l, hidePending));
        }
        return n;
    }

    private static ObjectNode lineItem(SandboxState st, LineItem l, boolean hidePending) {
        ObjectNode n = SandboxJson.object();
        n.put("id", l.id);
        n.put("sku_id", l.skuId);
        n.put("seller_sku", l.sellerSku);
        n.put("product_id", l.productId);
        n.put("product_name", l.productName);
        n.put("sku_name", l.skuName);
        n.put("sku_image", "https://p16-oec-sbx.tiktokcdn.com/img/" + l.skuId + "~tplv-o3syd03w52-origin-jpeg.jpeg");
        n.put("sku_type", "NORMAL");
        n.put("original_price", money(l.originalPrice));
        n.put("sale_price", money(l.salePrice));
        n.put("seller_discount", money(l.originalPrice.subtract(l.salePrice)));
        n.put("platform_discount", "0");
        n.put("currency", l.currency);
        n.put("display_status", l.displayStatus);
        n.put("is_gift", false);
        n.put("is_dangerous_good", false);
        Parcel p = l.packageId == null ? null : st.parcels.get(l.packageId);
        boolean shipped = p != null && p.trackingNumber != null;
        if (p != null && (shipped || !hidePending)) {
            n.put("package_id", p.id);
            n.put("package_status", p.status);
        }
        if (shipped) {
            n.put("tracking_number", p.trackingNumber);
            n.put("shipping_provider_id", p.shippingProviderId);
            n.put("shipping_provider_name", p.shippingProviderName);
            n.put("rts_time", p.shippedTime);
        }
        if (l.cancelReason != null) {
            n.put("cancel_reason", l.cancelReason);
            n.put("cancel_user", l.cancelUser);
        }
        if (!l.bundle.isEmpty()) {
            ArrayNode c = n.putArray("combined_listing_skus");
            for (Sku.BundleComponent b : l.bundle) {
                c.addObject().put("product_id", b.productId()).put("seller_sku", b.sellerSku())
                        .put("sku_id", b.skuId()).put("sku_count", b.count());
            }
        }
        return n;
    }

    /** Spec §5 Get Package Detail. */
    public static ObjectNode parcel(SandboxState st, Parcel p) {
        Order o = st.orders.get(p.orderId);
        DeliveryOption opt = st.deliveryOption(p.deliveryOptionId);
        ObjectNode n = SandboxJson.object();
        n.put("package_id", p.id);
        // The doc spells TO FULFILL with a space [sic]; line items use TO_FULFILL, which is emitted here too.
        n.put("package_status", p.status);
        n.put("package_sub_status", switch (p.status) {
            case "TO_FULFILL" -> "CREATED";
            case "PROCESSING" -> "RTS_success";
            default -> "";
        });
        n.put("shipping_type", p.shippingType);
        if (p.handoverMethod != null) {
            n.put("handover_method", p.handoverMethod);
        }
        if (p.trackingNumber != null) {
            n.put("tracking_number", p.trackingNumber);
            n.put("shipping_provider_id", p.shippingProviderId);
            n.put("shipping_provider_name", p.shippingProviderName);
        }
        n.put("delivery_option_id", p.deliveryOptionId);
        n.put("delivery_option_name", opt == null ? "" : opt.name);
        n.set("order_line_item_ids", SandboxJson.strings(p.lineItemIds));
        ObjectNode ord = n.putArray("orders").addObject();
        ord.put("id", p.orderId);
        ArrayNode skus = ord.putArray("skus");
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, LineItem> first = new LinkedHashMap<>();
        for (String lid : p.lineItemIds) {
            LineItem l = o.line(lid);
            counts.merge(l.skuId, 1, Integer::sum);
            first.putIfAbsent(l.skuId, l);
        }
        counts.forEach((sku, c) -> skus.addObject().put("id", sku).put("name", first.get(sku).skuName)
                .put("image_url", "").put("quantity", c));
        n.put("has_multi_skus", counts.size() > 1);
        n.put("split_and_combine_tag", o.packageIds.size() > 1 ? "SPLIT" : "DEFAULT");
        ObjectNode addr = n.putObject("recipient_address");
        addr.put("full_address", o.addressLine1 + ", " + o.city + ", " + o.postalCode);
        addr.put("postal_code", o.postalCode);
        addr.put("region_code", o.regionCode);
        n.put("create_time", p.createTime);
        n.put("update_time", p.updateTime);
        return n;
    }

    /** Spec §7 product (get). */
    public static ObjectNode product(Product p) {
        ObjectNode n = SandboxJson.object();
        n.put("id", p.id);
        n.put("title", p.title);
        n.put("status", p.status);
        n.put("product_status", p.status);
        n.put("create_time", p.createTime);
        n.put("update_time", p.updateTime);
        n.put("is_not_for_sale", false);
        // Spec §7 audit.status: PENDING = AUDITING, FAILED = FAILED, else APPROVED.
        n.putObject("audit").put("status", "PENDING".equals(p.status) ? "AUDITING" : "FAILED".equals(p.status) ? "FAILED" : "APPROVED");
        if (p.auditFailedReason != null) {
            n.putArray("audit_failed_reasons").addObject().put("position", "product").putArray("reasons").add(p.auditFailedReason);
        }
        n.putArray("category_chains").addObject().put("id", p.categoryId != null ? p.categoryId
                        : Integer.toString(Math.abs(p.category.hashCode()) % 900000 + 600000))
                .put("local_name", p.category).put("is_leaf", true).put("parent_id", "0");
        if (p.description != null) {
            n.put("description", p.description);
        }
        ArrayNode images = n.putArray("main_images");
        p.mainImages.forEach(uri -> images.addObject().put("uri", uri));
        if (p.productAttributes != null) {
            n.set("product_attributes", p.productAttributes.deepCopy());
        }
        ArrayNode skus = n.putArray("skus");
        for (Sku s : p.skus) {
            skus.add(sku(s));
        }
        return n;
    }

    public static ObjectNode sku(Sku s) {
        ObjectNode n = SandboxJson.object();
        n.put("id", s.id);
        n.put("seller_sku", s.sellerSku);
        n.putObject("price").put("amount", money(s.price)).put("currency", s.currency).put("sale_price", money(s.price));
        ArrayNode inv = n.putArray("inventory");
        s.stock.forEach((w, q) -> inv.addObject().put("warehouse_id", w).put("quantity", q));
        s.fbtStock.forEach((w, q) -> inv.addObject().put("warehouse_id", w).put("quantity", q));
        ArrayNode attrs = n.putArray("sales_attributes");
        for (String[] a : s.salesAttributes) {
            attrs.addObject().put("id", Integer.toString(Math.abs(a[0].hashCode()) % 100000 + 100000)).put("name", a[0])
                    .put("value_id", Integer.toString(Math.abs(a[1].hashCode()) % 1000000 + 1000000)).put("value_name", a[1]);
        }
        n.putObject("status_info").put("status", "NORMAL");
        if (!s.bundle.isEmpty()) {
            ArrayNode c = n.putArray("combined_skus");
            s.bundle.forEach(b -> c.addObject().put("product_id", b.productId()).put("sku_id", b.skuId()).put("sku_count", b.count()));
        }
        return n;
    }

    /** Spec §8 warehouse. */
    public static ObjectNode warehouse(Shop shop, Warehouse w) {
        ObjectNode n = SandboxJson.object();
        n.put("id", w.id);
        n.put("name", w.name);
        n.put("type", w.sales ? "SALES_WAREHOUSE" : "RETURN_WAREHOUSE");
        n.put("sub_type", "DOMESTIC_WAREHOUSE");
        n.put("is_default", w.isDefault);
        n.put("effect_status", "ENABLED");
        ObjectNode a = n.putObject("address");
        a.put("region", shop.region);
        a.put("region_code", shop.region);
        a.put("state", w.state);
        a.put("city", w.city);
        a.put("distict", "");
        a.put("postal_code", w.postalCode);
        a.put("address_line1", w.addressLine1);
        a.put("full_address", w.addressLine1 + ", " + w.city + ", " + w.postalCode);
        a.put("contact_person", shop.name);
        a.put("phone_number", "+1 2135550100");
        return n;
    }

    /** Spec §6 cancellation. */
    public static ObjectNode cancellation(SandboxState st, Cancellation c) {
        Order o = st.orders.get(c.orderId);
        ObjectNode n = SandboxJson.object();
        n.put("cancel_id", c.id);
        n.put("order_id", c.orderId);
        n.put("cancel_type", c.type);
        n.put("cancel_status", c.status);
        n.put("role", c.role);
        n.put("cancel_reason", c.reason);
        n.put("cancel_reason_text", c.reason.replace('_', ' '));
        n.put("create_time", c.createTime);
        n.put("update_time", c.updateTime);
        n.put("should_replenish_stock", true);
        if ("CANCELLATION_REQUEST_PENDING".equals(c.status) && "BUYER_CANCEL".equals(c.type)) {
            n.putArray("seller_next_action_response").addObject().put("action", "SELLER_RESPOND_CANCEL")
                    .put("deadline", c.createTime + 2 * 86400);
        }
        BigDecimal total = BigDecimal.ZERO;
        ArrayNode items = n.putArray("cancel_line_items");
        for (String lid : c.lineItemIds) {
            LineItem l = o.line(lid);
            total = total.add(l.salePrice);
            ObjectNode li = items.addObject();
            li.put("cancel_line_item_id", "C" + lid);
            li.put("order_line_item_id", lid);
            li.put("sku_id", l.skuId);
            li.put("seller_sku", l.sellerSku);
            li.put("sku_name", l.skuName);
            li.put("product_name", l.productName);
            li.putObject("refund_amount").put("currency", l.currency).put("refund_total", money(l.salePrice));
        }
        n.putObject("refund_amount").put("currency", st.shops.get(c.shopId).currency)
                .put("refund_total", money(total)).put("refund_subtotal", money(total))
                .put("refund_shipping_fee", "0").put("refund_tax", "0");
        return n;
    }

    /** Spec §6 return. */
    public static ObjectNode returnRequest(SandboxState st, ReturnRequest r) {
        Order o = st.orders.get(r.orderId);
        ObjectNode n = SandboxJson.object();
        n.put("return_id", r.id);
        n.put("order_id", r.orderId);
        n.put("return_type", r.type);
        n.put("return_status", r.status);
        n.put("role", r.role);
        n.put("return_reason", r.reason);
        n.put("return_reason_text", r.reason.replace('_', ' '));
        n.put("create_time", r.createTime);
        n.put("update_time", r.updateTime);
        n.put("return_method", "RETURN_AND_REFUND".equals(r.type) ? "BUYER_SHIPPED" : "");
        n.put("can_buyer_keep_item", "REFUND".equals(r.type));
        n.put("is_quick_refund", false);
        if ("RETURN_OR_REFUND_REQUEST_PENDING".equals(r.status)) {
            n.putArray("seller_next_action_response").addObject()
                    .put("action", "REFUND".equals(r.type) ? "SELLER_RESPOND_REFUND" : "SELLER_RESPOND_RETURN")
                    .put("deadline", r.createTime + 2 * 86400);
        }
        BigDecimal total = BigDecimal.ZERO;
        ArrayNode items = n.putArray("return_line_items");
        for (String lid : r.lineItemIds) {
            LineItem l = o.line(lid);
            total = total.add(l.salePrice);
            ObjectNode li = items.addObject();
            li.put("return_line_item_id", "R" + lid);
            li.put("order_line_item_id", lid);
            li.put("sku_id", l.skuId);
            li.put("seller_sku", l.sellerSku);
            li.put("sku_name", l.skuName);
            li.put("product_name", l.productName);
            li.putObject("refund_amount").put("currency", l.currency).put("refund_total", money(l.salePrice));
        }
        if (r.shipmentType != null) {
            n.put("shipment_type", r.shipmentType);
        }
        if (r.handoverMethod != null) {
            n.put("handover_method", r.handoverMethod);
        }
        if (r.refundTotal != null) {
            total = r.refundTotal;
        }
        n.putObject("refund_amount").put("currency", st.shops.get(r.shopId).currency)
                .put("refund_total", money(total)).put("refund_subtotal", money(total))
                .put("refund_shipping_fee", "0").put("refund_tax", "0");
        return n;
    }
}
