package dev.ttsconnector.flow.fulfillments;

import dev.ttsconnector.tiktok.TikTokPermanentException;
import dev.ttsconnector.tiktok.TikTokTransientException;
import dev.ttsconnector.tiktok.fulfillment.MarkShippedResult;
import dev.ttsconnector.tiktok.fulfillment.PackageDetail;
import dev.ttsconnector.tiktok.fulfillment.SelfShipment;
import dev.ttsconnector.tiktok.logistics.ShippingProvider;
import dev.ttsconnector.tiktok.orders.LineItem;
import dev.ttsconnector.tiktok.orders.Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A small TikTok for one shop, enough for the fulfillment push: orders with line items, packages, delivery option
 * providers, mark-as-shipped, ship package and update shipping info, with TikTok's refusals (already shipped,
 * provider not allowed, order not shippable: on hold, FBT, …) and an injectable "time out after committing" fault on
 * writes. Every call is logged by operation name in {@link #calls} (what the performance bar counts). Thread-safe.
 */
final class FakeShopFulfillmentApi implements ShopFulfillmentApi {

    static final int ALREADY_SHIPPED = 21011001;
    static final int PROVIDER_NOT_ALLOWED = 21011006;
    static final int ORDER_NOT_SHIPPABLE = 21011010;

    final class FakeOrder {
        final String id;
        String status = "AWAITING_SHIPMENT";
        String fulfillmentType = "FULFILLMENT_BY_SELLER";
        String deliveryOptionId = "opt-1";
        final Map<String, FakeLine> lines = new LinkedHashMap<>();

        FakeOrder(String id) {
            this.id = id;
        }
    }

    static final class FakeLine {
        final String id;
        final String skuId;
        final String sellerSku;
        String packageId;

        FakeLine(String id, String skuId, String sellerSku) {
            this.id = id;
            this.skuId = skuId;
            this.sellerSku = sellerSku;
        }
    }

    static final class FakePackage {
        final String id;
        final String orderId;
        final List<String> lineItemIds;
        String tracking;
        String providerId;
        int shipCount;
        int updateCount;

        FakePackage(String id, String orderId, List<String> lineItemIds) {
            this.id = id;
            this.orderId = orderId;
            this.lineItemIds = new ArrayList<>(lineItemIds);
        }
    }

    private final String region;
    private final Map<String, FakeOrder> orders = new HashMap<>();
    private final Map<String, FakePackage> packages = new HashMap<>();
    private final Map<String, List<ShippingProvider>> providers = new HashMap<>();
    private int nextPackage = 1;
    private BooleanSupplier timeoutAfterCommit = () -> false;
    private BooleanSupplier failBeforeCommit = () -> false;
    private BooleanSupplier failOrderRead = () -> false;
    /** Every TikTok call in order, by operation name (e.g. {@code orders.get}, {@code markPackageAsShipped}). */
    final List<String> calls = new ArrayList<>();
    int providerCalls;
    int writeTimeouts;

    FakeShopFulfillmentApi(String region) {
        this.region = region;
        providers.put("opt-1", List.of(new ShippingProvider("p-ups", "UPS"), new ShippingProvider("p-usps", "USPS"),
                new ShippingProvider("p-fedex", "FedEx"), new ShippingProvider("p-other", "Other carrier")));
    }

    synchronized FakeOrder addOrder(String orderId, int lines) {
        FakeOrder o = new FakeOrder(orderId);
        for (int i = 1; i <= lines; i++) {
            String lineId = orderId + "-li" + i;
            o.lines.put(lineId, new FakeLine(lineId, "sku-id-" + i, "SKU-" + i));
        }
        orders.put(orderId, o);
        return o;
    }

    /** Puts the line items into a TikTok-created (unshipped) package, as TikTok does outside mark-as-shipped regions. */
    synchronized String packageOf(String orderId, List<String> lineItemIds) {
        String id = "pkg-" + nextPackage++;
        packages.put(id, new FakePackage(id, orderId, lineItemIds));
        lineItemIds.forEach(li -> orders.get(orderId).lines.get(li).packageId = id);
        return id;
    }

    synchronized FakeOrder fakeOrder(String orderId) {
        return orders.get(orderId);
    }

    synchronized List<FakePackage> packages() {
        return new ArrayList<>(packages.values());
    }

    synchronized void timeoutAfterCommit(BooleanSupplier when) {
        this.timeoutAfterCommit = when;
    }

    synchronized void failBeforeCommit(BooleanSupplier when) {
        this.failBeforeCommit = when;
    }

    /** Makes the order detail read fail transiently while {@code when} says so. */
    synchronized void failOrderRead(BooleanSupplier when) {
        this.failOrderRead = when;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized void clearCalls() {
        calls.clear();
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public synchronized Optional<Order> order(String orderId) {
        calls.add("orders.get");
        if (failOrderRead.getAsBoolean()) {
            throw new TikTokTransientException("orders.get", 503, 36009003, "Internal error. Please try again", "r",
                    null);
        }
        FakeOrder o = orders.get(orderId);
        if (o == null) {
            return Optional.empty();
        }
        List<LineItem> items = new ArrayList<>();
        for (FakeLine l : o.lines.values()) {
            FakePackage p = l.packageId == null ? null : packages.get(l.packageId);
            String tracking = p == null ? null : p.tracking;
            items.add(new LineItem(l.id, l.skuId, l.sellerSku, "prod-1", "Product", null, null, null, null, null,
                    null, tracking == null ? "AWAITING_SHIPMENT" : "AWAITING_COLLECTION", l.packageId,
                    tracking == null ? "TO_FULFILL" : "PROCESSING", tracking,
                    p == null ? null : p.providerId, p == null || p.providerId == null ? null : providerName(p.providerId),
                    null, null, null, false, false, List.of()));
        }
        return Optional.of(new Order(o.id, o.status, "NORMAL", null, null, null, null, null, null, null, null, false,
                "SELLER", o.fulfillmentType, false, "buyer", null, null, o.deliveryOptionId, "Standard", null, "wh-1",
                null, null, null, List.of(), null, false, false, false, null, null, null, items));
    }

    private String providerName(String providerId) {
        return providers.values().stream().flatMap(List::stream).filter(p -> p.id().equals(providerId))
                .map(ShippingProvider::name).findFirst().orElse(null);
    }

    @Override
    public synchronized PackageDetail packageDetail(String packageId) {
        calls.add("packageDetail");
        FakePackage p = packages.get(packageId);
        if (p == null) {
            throw new TikTokPermanentException("fulfillment.packageDetail", 200, 21011002, "package not found", "r");
        }
        return new PackageDetail(p.id, p.tracking == null ? "TO_FULFILL" : "PROCESSING", null, "SELLER", null,
                p.tracking, p.providerId, p.providerId == null ? null : providerName(p.providerId), "opt-1", "Standard",
                List.copyOf(p.lineItemIds), List.of(p.orderId), "DEFAULT", null, null);
    }

    @Override
    public synchronized List<ShippingProvider> shippingProviders(String deliveryOptionId) {
        providerCalls++;
        calls.add("shippingProviders");
        return providers.getOrDefault(deliveryOptionId, List.of());
    }

    @Override
    public synchronized MarkShippedResult markPackageAsShipped(String orderId, List<String> lineItemIds,
                                                              SelfShipment shipment) {
        beforeWrite("fulfillment.markPackageAsShipped");
        FakeOrder o = orders.get(orderId);
        // Like TikTok: FBT orders and orders not awaiting shipment (on hold, cancelled, …) cannot be shipped.
        if ("FULFILLMENT_BY_TIKTOK".equals(o.fulfillmentType)) {
            throw new TikTokPermanentException("fulfillment.markPackageAsShipped", 200, ORDER_NOT_SHIPPABLE,
                    "order " + orderId + " is fulfilled by TikTok", "r");
        }
        if (!"AWAITING_SHIPMENT".equals(o.status) && !"PARTIALLY_SHIPPING".equals(o.status)) {
            throw new TikTokPermanentException("fulfillment.markPackageAsShipped", 200, ORDER_NOT_SHIPPABLE,
                    "order " + orderId + " is " + o.status, "r");
        }
        checkProvider(o, shipment);
        for (String li : lineItemIds) {
            FakeLine line = o.lines.get(li);
            if (line == null) {
                throw new TikTokPermanentException("fulfillment.markPackageAsShipped", 200, 98001004,
                        "Parameter order_line_item_ids is invalid", "r");
            }
            if (line.packageId != null && packages.get(line.packageId).tracking != null) {
                throw new TikTokPermanentException("fulfillment.markPackageAsShipped", 200, ALREADY_SHIPPED,
                        "line item " + li + " is already shipped", "r");
            }
        }
        String id = "pkg-" + nextPackage++;
        FakePackage p = new FakePackage(id, orderId, lineItemIds);
        p.tracking = shipment.trackingNumber();
        p.providerId = shipment.shippingProviderId();
        p.shipCount++;
        packages.put(id, p);
        lineItemIds.forEach(li -> o.lines.get(li).packageId = id);
        refreshStatus(o);
        afterCommit("fulfillment.markPackageAsShipped");
        return new MarkShippedResult(orderId, id, List.copyOf(lineItemIds), null);
    }

    @Override
    public synchronized void shipPackage(String packageId, SelfShipment shipment) {
        beforeWrite("fulfillment.shipPackage");
        FakePackage p = packages.get(packageId);
        checkProvider(orders.get(p.orderId), shipment);
        if (p.tracking != null) {
            throw new TikTokPermanentException("fulfillment.shipPackage", 200, ALREADY_SHIPPED,
                    "package " + packageId + " is already shipped", "r");
        }
        p.tracking = shipment.trackingNumber();
        p.providerId = shipment.shippingProviderId();
        p.shipCount++;
        refreshStatus(orders.get(p.orderId));
        afterCommit("fulfillment.shipPackage");
    }

    @Override
    public synchronized void updatePackageShippingInfo(String packageId, SelfShipment shipment) {
        beforeWrite("fulfillment.updatePackageShippingInfo");
        FakePackage p = packages.get(packageId);
        checkProvider(orders.get(p.orderId), shipment);
        if (p.tracking == null) {
            throw new TikTokPermanentException("fulfillment.updatePackageShippingInfo", 200, 21011003,
                    "package " + packageId + " is not shipped", "r");
        }
        p.tracking = shipment.trackingNumber();
        p.providerId = shipment.shippingProviderId();
        p.updateCount++;
        afterCommit("fulfillment.updatePackageShippingInfo");
    }

    private void checkProvider(FakeOrder o, SelfShipment shipment) {
        boolean allowed = providers.getOrDefault(o.deliveryOptionId, List.of()).stream()
                .anyMatch(p -> p.id().equals(shipment.shippingProviderId()));
        if (!allowed) {
            throw new TikTokPermanentException("fulfillment.ship", 200, PROVIDER_NOT_ALLOWED,
                    "shipping provider is not available for the delivery option", "r");
        }
    }

    private void refreshStatus(FakeOrder o) {
        boolean all = o.lines.values().stream()
                .allMatch(l -> l.packageId != null && packages.get(l.packageId).tracking != null);
        o.status = all ? "AWAITING_COLLECTION" : "PARTIALLY_SHIPPING";
    }

    private void beforeWrite(String operation) {
        calls.add(operation.substring(operation.indexOf('.') + 1));
        if (failBeforeCommit.getAsBoolean()) {
            throw new TikTokTransientException(operation, 503, 36009003, "Internal error. Please try again", "r",
                    null);
        }
    }

    /** TikTok committed, but the answer never arrives: the caller sees a timeout (the client's retries spent). */
    private void afterCommit(String operation) {
        if (timeoutAfterCommit.getAsBoolean()) {
            writeTimeouts++;
            throw new TikTokTransientException(operation, 0, null, "request timed out after commit", null,
                    new java.net.http.HttpTimeoutException("request timed out"));
        }
    }
}
