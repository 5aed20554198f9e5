package dev.ttsconnector.flow.orders;

import dev.ttsconnector.app.orders.Address;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderId;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.LineItemShipping;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.app.orders.OrderTotals;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.tiktok.orders.CombinedListingSku;
import dev.ttsconnector.tiktok.orders.LineItem;
import dev.ttsconnector.tiktok.orders.Order;
import dev.ttsconnector.tiktok.orders.OrderPayment;
import dev.ttsconnector.tiktok.orders.RecipientAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * TikTok order → the app's compact order record. TikTok has no quantity: each unit is a line item, so lines are
 * grouped per SKU with quantity = their count (spec §4). With "Support virtual bundles" on, a bundle line
 * ({@code combined_listing_skus}) becomes its component SKUs, quantity = {@code sku_count} × bundle units, each keeping
 * the bundle's TikTok line ids and SKU id so fulfillments can still address TikTok.
 */
public final class OrderMapper {

    /** TikTok's value of {@code fulfillment_type} for orders TikTok fulfils itself (FBT, spec §8). */
    public static final String FULFILLMENT_BY_TIKTOK = "FULFILLMENT_BY_TIKTOK";

    private final boolean expandVirtualBundles;
    private final Predicate<String> inCatalog;

    /**
     * @param inCatalog whether an app SKU (TikTok seller_sku) exists in the app's catalog
     */
    public OrderMapper(boolean expandVirtualBundles, Predicate<String> inCatalog) {
        this.expandVirtualBundles = expandVirtualBundles;
        this.inCatalog = inCatalog;
    }

    public static boolean isPlatformShipped(Order order) {
        return FULFILLMENT_BY_TIKTOK.equals(order.fulfillmentType());
    }

    /**
     * A version-0 app record for {@code order} (no history yet; the applier merges it with what is stored).
     *
     * @throws IllegalArgumentException when the order lacks an id, status or update_time (a malformed TikTok response)
     */
    public AppOrder map(String integrationId, Order order, Instant now) {
        if (order.id() == null || order.id().isBlank()) {
            throw new IllegalArgumentException("order.id is missing");
        }
        if (order.updateTime() == null) {
            throw new IllegalArgumentException("order " + order.id() + ": update_time is missing");
        }
        boolean platformShipped = isPlatformShipped(order);
        AppOrderStatus status = OrderStatusMapping.toApp(order.status(), platformShipped);
        Instant shipBy = order.rtsSlaTime() != null ? order.rtsSlaTime() : order.shippingDueTime();
        return new AppOrder(AppOrderId.of(integrationId, order.id()), integrationId, order.id(), status, order.status(),
                lines(order), address(order.recipientAddress()), order.userId(), order.buyerMessage(),
                totals(order.payment()), order.shippingType(), order.fulfillmentType(), order.deliveryOptionId(),
                order.warehouseId(), platformShipped, shipBy, order.createTime(), order.updateTime(), now, now,
                List.of(), 0);
    }

    /**
     * The app SKUs {@link #map} asks the catalog about for {@code order} (its lines' seller SKUs, bundle components
     * when they are expanded), so a caller can look them all up in one read first.
     */
    public Set<String> catalogSkus(Order order) {
        Set<String> skus = new LinkedHashSet<>();
        for (LineAccumulator a : accumulate(order)) {
            if (a.sku != null && !a.sku.isBlank()) {
                skus.add(a.sku);
            }
        }
        return skus;
    }

    private List<OrderLine> lines(Order order) {
        List<OrderLine> lines = new ArrayList<>();
        for (LineAccumulator a : accumulate(order)) {
            boolean known = a.sku != null && !a.sku.isBlank() && inCatalog.test(a.sku);
            lines.add(new OrderLine(a.sku, a.skuId, a.productId, a.productName, a.quantity, a.unitPrice,
                    a.originalPrice, a.lineItemIds, a.bundleSkuId, known, a.shipping));
        }
        return lines;
    }

    /** The order's line items grouped per SKU (bundles expanded into components when the setting is on). */
    private Collection<LineAccumulator> accumulate(Order order) {
        Map<String, LineAccumulator> bySku = new LinkedHashMap<>();
        List<LineItem> items = order.lineItems() == null ? List.of() : order.lineItems();
        for (LineItem item : items) {
            List<CombinedListingSku> components = item.combinedListingSkus();
            if (expandVirtualBundles && components != null && !components.isEmpty()) {
                for (CombinedListingSku component : components) {
                    int perBundle = component.skuCount() == null || component.skuCount() < 1 ? 1 : component.skuCount();
                    String key = "B:" + item.skuId() + ":" + component.skuId();
                    bySku.computeIfAbsent(key, k -> new LineAccumulator(component.sellerSku(), component.skuId(),
                            component.productId(), item.productName(), null, null, item.skuId()))
                            .add(item, perBundle);
                }
            } else {
                String key = "S:" + item.skuId();
                bySku.computeIfAbsent(key, k -> new LineAccumulator(item.sellerSku(), item.skuId(), item.productId(),
                        item.productName(), item.salePrice(), item.originalPrice(), null)).add(item, 1);
            }
        }
        return bySku.values();
    }

    private static Address address(RecipientAddress a) {
        if (a == null) {
            return null;
        }
        String city = null;
        String state = null;
        if (a.districtInfo() != null) {
            for (RecipientAddress.District d : a.districtInfo()) {
                // L1 = state/province, L2 = county or city, L3 = city (spec §4 district_info levels).
                if ("L1".equals(d.addressLevel())) {
                    state = d.addressName();
                } else if ("L3".equals(d.addressLevel()) || ("L2".equals(d.addressLevel()) && city == null)) {
                    city = d.addressName();
                }
            }
        }
        if (city == null) {
            city = a.postTown();
        }
        return new Address(a.name(), a.phoneNumber(), a.addressLine1(), a.addressLine2(), a.addressLine3(),
                a.addressLine4(), city, state, a.postalCode(), a.regionCode(), a.fullAddress());
    }

    private static OrderTotals totals(OrderPayment p) {
        if (p == null) {
            return null;
        }
        return new OrderTotals(p.subTotal(), p.shippingFee(), p.sellerDiscount(), p.platformDiscount(), p.tax(),
                p.totalAmount());
    }

    private static final class LineAccumulator {
        final String sku;
        final String skuId;
        final String productId;
        final String productName;
        final Money unitPrice;
        final Money originalPrice;
        final String bundleSkuId;
        final List<String> lineItemIds = new ArrayList<>();
        final List<LineItemShipping> shipping = new ArrayList<>();
        int quantity;

        LineAccumulator(String sku, String skuId, String productId, String productName, Money unitPrice,
                        Money originalPrice, String bundleSkuId) {
            this.sku = sku;
            this.skuId = skuId;
            this.productId = productId;
            this.productName = productName;
            this.unitPrice = unitPrice;
            this.originalPrice = originalPrice;
            this.bundleSkuId = bundleSkuId;
        }

        void add(LineItem item, int units) {
            String lineItemId = item.id();
            if (lineItemId != null && !lineItemIds.contains(lineItemId)) {
                lineItemIds.add(lineItemId);
                LineItemShipping state = shipping(item);
                if (state != null) {
                    shipping.add(state);
                }
            }
            quantity += units;
        }

        /** Only line items with a package, tracking or cancellation get an entry (keeps the record compact). */
        private static LineItemShipping shipping(LineItem item) {
            String packageId = blankToNull(item.packageId());
            String tracking = blankToNull(item.trackingNumber());
            boolean cancelled = "CANCELLED".equals(item.displayStatus()) || "CANCELLED".equals(item.packageStatus());
            if (packageId == null && tracking == null && !cancelled) {
                return null;
            }
            return new LineItemShipping(item.id(), packageId, tracking, cancelled);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
