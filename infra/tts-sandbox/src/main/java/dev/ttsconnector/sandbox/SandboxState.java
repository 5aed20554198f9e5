package dev.ttsconnector.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.model.Cancellation;
import dev.ttsconnector.sandbox.model.Conversation;
import dev.ttsconnector.sandbox.model.DeliveryOption;
import dev.ttsconnector.sandbox.model.FbtWarehouse;
import dev.ttsconnector.sandbox.model.Grant;
import dev.ttsconnector.sandbox.model.LineItem;
import dev.ttsconnector.sandbox.model.Order;
import dev.ttsconnector.sandbox.model.Parcel;
import dev.ttsconnector.sandbox.model.Product;
import dev.ttsconnector.sandbox.model.ReturnRequest;
import dev.ttsconnector.sandbox.model.Seller;
import dev.ttsconnector.sandbox.model.ShippingProvider;
import dev.ttsconnector.sandbox.model.Shop;
import dev.ttsconnector.sandbox.model.Sku;
import dev.ttsconnector.sandbox.model.Warehouse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Supplier;

/**
 * All state of one sandbox and the lifecycle rules that change it. Thread-safety: every access to the public
 * collections and to the model objects must happen inside {@link #locked(Supplier)} (one monitor; the sandbox
 * is small enough that one lock is simpler than fine-grained ones and still fast on 2 cores).
 */
public final class SandboxState {
    /** Id kinds for {@link IdGenerator#next(int)}. */
    public static final int SELLER = 1, SHOP = 2, WAREHOUSE = 3, DELIVERY_OPTION = 4, PROVIDER = 5, PRODUCT = 6, SKU = 7,
            ORDER = 8, LINE = 9, PACKAGE = 10, CANCEL = 11, RETURN = 12, CONVERSATION = 13, MESSAGE = 14,
            FBT_WAREHOUSE = 15, BUYER = 16;

    /** Regions where Mark Package As Shipped is available (spec §5); TikTok's UK shops report region GB. */
    public static final Set<String> MARK_AS_SHIPPED_REGIONS = Set.of("US", "GB", "UK", "ES", "IE", "IT", "DE", "FR", "JP");

    public final SandboxConfig config;
    public final SandboxClock clock;
    public final IdGenerator ids;
    private final Object lock = new Object();
    private volatile EventSink events = EventSink.NONE;
    /** Finance: daily statements and their transactions (spec §9). */
    public final FinanceLedger finance;

    public final Map<String, Seller> sellers = new LinkedHashMap<>();
    public final Map<String, Shop> shops = new LinkedHashMap<>();
    public final Map<String, Shop> shopsByCipher = new HashMap<>();
    public final Map<String, Grant> grantsByAccessToken = new HashMap<>();
    public final Map<String, Grant> grantsByRefreshToken = new HashMap<>();
    public final Map<String, AuthCode> authCodes = new HashMap<>();
    public final Map<String, Product> products = new LinkedHashMap<>();
    public final Map<String, Sku> skus = new HashMap<>();
    public final Map<String, Order> orders = new LinkedHashMap<>();
    /** Orders per shop in creation order, so shop-scoped searches do not scan other shops. */
    public final Map<String, List<Order>> ordersByShop = new HashMap<>();
    public final Map<String, Parcel> parcels = new LinkedHashMap<>();
    public final Map<String, Cancellation> cancellations = new LinkedHashMap<>();
    public final Map<String, ReturnRequest> returns = new LinkedHashMap<>();
    public final Map<String, Conversation> conversations = new LinkedHashMap<>();
    public final Map<String, String> conversationByShopBuyer = new HashMap<>();
    private final Map<String, DeliveryOption> deliveryOptions = new HashMap<>();
    /** Pending ON_HOLD releases by due time; entries of orders that left ON_HOLD meanwhile are skipped. */
    private final PriorityQueue<HoldRelease> holds = new PriorityQueue<>(Comparator.comparingLong(HoldRelease::at));

    private record HoldRelease(long at, Order order) {
    }

    /** A single-use authorization code (spec §3.1: valid ~30 minutes). */
    public record AuthCode(String sellerId, long issuedAt, boolean used) {
    }

    public SandboxState(SandboxConfig config, SandboxClock clock) {
        this.config = config;
        this.clock = clock;
        this.ids = new IdGenerator(config.seed());
        this.finance = new FinanceLedger(this);
    }

    public void eventSink(EventSink sink) {
        this.events = sink;
    }

    public <T> T locked(Supplier<T> work) {
        synchronized (lock) {
            return work.get();
        }
    }

    public void locked(Runnable work) {
        synchronized (lock) {
            work.run();
        }
    }

    public long now() {
        return clock.epochSecond();
    }

    // ---------------------------------------------------------------- sellers, shops, tokens

    public Seller createSeller(String name, String baseRegion) {
        return locked(() -> {
            String id = ids.next(SELLER);
            Seller s = new Seller(id, name, baseRegion, "open_" + Long.toHexString(Long.parseLong(id)));
            sellers.put(id, s);
            return s;
        });
    }

    /** Creates a shop with a default SALES warehouse, a RETURN warehouse, delivery options and, if asked, FBT. */
    public Shop createShop(String sellerId, String name, String region, String sellerType, boolean fbt) {
        return locked(() -> {
            Seller seller = sellers.get(sellerId);
            if (seller == null) {
                throw new IllegalArgumentException("seller " + sellerId + " does not exist");
            }
            String id = ids.next(SHOP);
            String cipher = "ROW_" + Long.toHexString(Long.parseLong(id) * 31 + config.seed()).toUpperCase() + "sbx";
            if ("US".equals(region)) {
                cipher = "US_" + cipher.substring(4);
            }
            String currency = Regions.currency(region);
            Shop shop = new Shop(id, cipher, region + "LC" + id.substring(id.length() - 6), name, region,
                    sellerType == null ? "LOCAL" : sellerType, sellerId, currency);
            Regions.Address a = Regions.warehouseAddress(region);
            Warehouse main = new Warehouse(ids.next(WAREHOUSE), name + " Main Warehouse", true, true,
                    a.city(), a.state(), a.postalCode(), a.line1());
            Warehouse second = new Warehouse(ids.next(WAREHOUSE), name + " Overflow Warehouse", true, false,
                    a.city(), a.state(), a.postalCode(), "2 " + a.line1());
            Warehouse ret = new Warehouse(ids.next(WAREHOUSE), name + " Returns", false, false,
                    a.city(), a.state(), a.postalCode(), a.line1());
            for (Warehouse w : List.of(main, second)) {
                addDeliveryOptions(w, region);
            }
            shop.warehouses.addAll(List.of(main, second, ret));
            if (fbt) {
                shop.fbtWarehouses.add(new FbtWarehouse(ids.next(FBT_WAREHOUSE),
                        "TikTok_" + a.city().replace(' ', '_') + "(" + region + ")", ids.next(WAREHOUSE)));
            }
            shops.put(id, shop);
            shopsByCipher.put(cipher, shop);
            seller.shopIds.add(id);
            return shop;
        });
    }

    private void addDeliveryOptions(Warehouse w, String region) {
        DeliveryOption standard = new DeliveryOption(ids.next(DELIVERY_OPTION), "Standard Shipping", "STANDARD");
        standard.providers.add(new ShippingProvider(ids.next(PROVIDER), "TikTok Shipping"));
        DeliveryOption seller = new DeliveryOption(ids.next(DELIVERY_OPTION), "Shipped by seller", "SEND_BY_SELLER");
        for (String carrier : Regions.carriers(region)) {
            seller.providers.add(new ShippingProvider(ids.next(PROVIDER), carrier));
        }
        w.deliveryOptions.add(standard);
        w.deliveryOptions.add(seller);
        deliveryOptions.put(standard.id, standard);
        deliveryOptions.put(seller.id, seller);
    }

    public DeliveryOption deliveryOption(String id) {
        return deliveryOptions.get(id);
    }

    public String issueAuthCode(String sellerId) {
        return locked(() -> {
            if (!sellers.containsKey(sellerId)) {
                throw new IllegalArgumentException("seller " + sellerId + " does not exist");
            }
            String code = "ROW_" + Long.toHexString(ids.nextNumber() * 7919 + config.seed()) + "_authcode";
            authCodes.put(code, new AuthCode(sellerId, now(), false));
            return code;
        });
    }

    public Grant issueGrant(String sellerId) {
        return locked(() -> {
            long n = ids.nextNumber();
            String access = "ROW_sbx_at_" + Long.toHexString(n * 104729 + config.seed()) + "_" + n;
            String refresh = "ROW_sbx_rt_" + Long.toHexString(n * 130363 + config.seed()) + "_" + n;
            long now = now();
            Grant g = new Grant(sellerId, access, refresh, now + config.accessTokenLifetime().toSeconds(),
                    now + config.accessTokenLifetime().toSeconds() + config.refreshTokenLifetime().toSeconds());
            grantsByAccessToken.put(access, g);
            grantsByRefreshToken.put(refresh, g);
            return g;
        });
    }

    public Shop shop(String shopId) {
        Shop s = shops.get(shopId);
        if (s == null) {
            throw new IllegalArgumentException("shop " + shopId + " does not exist");
        }
        return s;
    }

    // ---------------------------------------------------------------- catalog

    /** Input for {@link #createProduct}: one SKU. */
    public record SkuSpec(String sellerSku, BigDecimal price, List<String[]> attributes, Map<String, Integer> stock,
                          Integer fbtStock, List<Sku.BundleComponent> bundle) {
    }

    public Product createProduct(String shopId, String title, String category, List<SkuSpec> specs) {
        return locked(() -> {
            Shop shop = shop(shopId);
            Product p = new Product(ids.next(PRODUCT), shopId, title, category, now());
            for (SkuSpec spec : specs) {
                Sku sku = new Sku(ids.next(SKU), p.id, spec.sellerSku(), spec.price(), shop.currency);
                if (spec.attributes() != null) {
                    sku.salesAttributes.addAll(spec.attributes());
                }
                if (spec.stock() == null || spec.stock().isEmpty()) {
                    sku.stock.put(shop.defaultSalesWarehouse().id, 0);
                } else {
                    for (Map.Entry<String, Integer> e : spec.stock().entrySet()) {
                        if (shop.warehouses.stream().noneMatch(w -> w.sales && w.id.equals(e.getKey()))) {
                            throw new IllegalArgumentException("warehouse " + e.getKey() + " is not a sales warehouse of shop " + shopId);
                        }
                        sku.stock.put(e.getKey(), e.getValue());
                    }
                }
                sku.stock.keySet().forEach(w -> sku.committed.put(w, 0));
                if (spec.fbtStock() != null && !shop.fbtWarehouses.isEmpty()) {
                    sku.fbtStock.put(shop.fbtWarehouses.get(0).linkedWarehouseId(), spec.fbtStock());
                }
                if (spec.bundle() != null) {
                    sku.bundle.addAll(spec.bundle());
                }
                p.skus.add(sku);
                skus.put(sku.id, sku);
            }
            products.put(p.id, p);
            return p;
        });
    }

    public void setStock(String skuId, String warehouseId, int quantity) {
        locked(() -> {
            Sku sku = skus.get(skuId);
            if (sku == null) {
                throw new IllegalArgumentException("sku " + skuId + " does not exist");
            }
            if (sku.fbtStock.containsKey(warehouseId)) {
                sku.fbtStock.put(warehouseId, quantity);
            } else {
                sku.stock.put(warehouseId, quantity);
                sku.committed.putIfAbsent(warehouseId, 0);
            }
            products.get(sku.productId).updateTime = now();
        });
    }

    public void setProductStatus(String productId, String status) {
        locked(() -> {
            Product p = products.get(productId);
            if (p == null) {
                throw new IllegalArgumentException("product " + productId + " does not exist");
            }
            p.status = status;
            p.updateTime = now();
            ObjectNode d = SandboxJson.object();
            d.put("product_id", p.id);
            d.put("status", status);
            d.put("suspended_reason", "");
            d.put("update_time", p.updateTime);
            events.emit(shop(p.shopId), 5, "PRODUCT_STATUS_CHANGE", d);
        });
    }

    // ---------------------------------------------------------------- orders

    /** Input for {@link #createOrder}. {@code units} maps sku id → number of units (each unit = one line item). */
    public record OrderSpec(Map<String, Integer> units, String status, boolean onHold, boolean fbt,
                            boolean sellerShipping, String buyerUserId, Long createTime) {
    }

    public static final List<String> LIFECYCLE = List.of("UNPAID", "ON_HOLD", "AWAITING_SHIPMENT",
            "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED");

    public Order createOrder(String shopId, OrderSpec spec) {
        return locked(() -> {
            Shop shop = shop(shopId);
            boolean onHold = spec.onHold() || "ON_HOLD".equals(spec.status());
            String target = spec.status() == null ? (onHold ? "ON_HOLD" : "AWAITING_SHIPMENT") : spec.status();
            if (!LIFECYCLE.contains(target) && !"CANCELLED".equals(target) && !"PARTIALLY_SHIPPING".equals(target)) {
                throw new IllegalArgumentException("status " + target + " is not an order status");
            }
            if (spec.fbt() && shop.fbtWarehouses.isEmpty()) {
                throw new IllegalArgumentException("shop " + shopId + " has no FBT warehouse; create it with fbt=true");
            }
            if (spec.units() == null || spec.units().isEmpty()) {
                throw new IllegalArgumentException("units must name at least one sku");
            }
            Warehouse wh = shop.defaultSalesWarehouse();
            DeliveryOption opt = wh.deliveryOptions.stream()
                    .filter(o -> spec.fbt() ? !o.sendBySeller() : o.sendBySeller() == spec.sellerShipping())
                    .findFirst().orElseThrow();
            long created = spec.createTime() == null ? now() : spec.createTime();
            String buyer = spec.buyerUserId() == null ? ids.next(BUYER) : spec.buyerUserId();
            Regions.Address addr = Regions.buyerAddress(shop.region, ids.nextNumber());
            String shippingType = spec.fbt() || !spec.sellerShipping() ? "TIKTOK" : "SELLER";
            String initial = "UNPAID".equals(target) ? "UNPAID" : onHold ? "ON_HOLD" : "AWAITING_SHIPMENT";
            Order o = new Order(ids.next(ORDER), shopId, initial, created, onHold, buyer,
                    "buyer" + buyer.substring(buyer.length() - 6) + "@scs.tiktokw.us", "",
                    addr.name(), addr.phone(), addr.line1(), addr.city(), addr.state(), addr.postalCode(), shop.region,
                    shippingType, spec.fbt() ? "FULFILLMENT_BY_TIKTOK" : "FULFILLMENT_BY_SELLER",
                    spec.fbt() ? shop.fbtWarehouses.get(0).linkedWarehouseId() : wh.id, opt.id, opt.name,
                    "5.99");
            for (Map.Entry<String, Integer> e : spec.units().entrySet()) {
                Sku sku = skus.get(e.getKey());
                if (sku == null || !products.get(sku.productId).shopId.equals(shopId)) {
                    throw new IllegalArgumentException("sku " + e.getKey() + " is not a sku of shop " + shopId);
                }
                if (e.getValue() < 1) {
                    throw new IllegalArgumentException("units of sku " + e.getKey() + " must be >= 1");
                }
                for (int i = 0; i < e.getValue(); i++) {
                    LineItem li = new LineItem(ids.next(LINE), sku, products.get(sku.productId).title, sku.price);
                    li.displayStatus = "UNPAID".equals(initial) ? "UNPAID" : "AWAITING_SHIPMENT";
                    o.lineItems.add(li);
                }
            }
            if (!"UNPAID".equals(initial)) {
                o.paidTime = created;
            }
            if ("ON_HOLD".equals(initial)) {
                // Spec §4: ON_HOLD is the buyer-remorse window; the sandbox releases it after one hour.
                o.onHoldReleaseAt = created + Duration.ofHours(1).toSeconds();
                holds.add(new HoldRelease(o.onHoldReleaseAt, o));
            }
            orders.put(o.id, o);
            ordersByShop.computeIfAbsent(shopId, k -> new java.util.ArrayList<>()).add(o);
            reserve(o, +1);
            if ("AWAITING_SHIPMENT".equals(initial)) {
                createPendingParcel(o);
            }
            emitOrderStatus(o);
            if ("CANCELLED".equals(target)) {
                cancelBySystem(o, "Buyer did not pay in time");
            } else if ("PARTIALLY_SHIPPING".equals(target)) {
                if (o.lineItems.size() < 2) {
                    throw new IllegalArgumentException("PARTIALLY_SHIPPING needs at least two line items");
                }
                shipLinesForControl(o, List.of(o.lineItems.get(0).id));
            } else {
                advanceTo(o, target);
            }
            return o;
        });
    }

    /** Moves an order forward through the lifecycle to {@code target}, applying each step's side effects. */
    public void advanceTo(Order o, String target) {
        if ("CANCELLED".equals(target)) {
            cancelBySystem(o, "Cancelled by the platform");
            return;
        }
        int want = LIFECYCLE.indexOf(target);
        if (want < 0) {
            throw new IllegalArgumentException("status " + target + " is not reachable by advancing");
        }
        if ("AWAITING_COLLECTION".equals(target) && "SELLER".equals(o.shippingType)) {
            throw new IllegalArgumentException("order " + o.id + " is seller-shipped; shipping moves it straight to IN_TRANSIT, never AWAITING_COLLECTION");
        }
        while (!o.status.equals(target)) {
            String s = o.status;
            if ("CANCELLED".equals(s) || "COMPLETED".equals(s)) {
                throw new IllegalStateException("order " + o.id + " is " + s + " and cannot move to " + target);
            }
            int cur = "PARTIALLY_SHIPPING".equals(s) ? LIFECYCLE.indexOf("AWAITING_SHIPMENT") : LIFECYCLE.indexOf(s);
            if (cur > want) {
                throw new IllegalStateException("order " + o.id + " is " + s + "; the lifecycle cannot go back to " + target);
            }
            switch (s) {
                case "UNPAID" -> {
                    o.paidTime = now();
                    if (o.onHoldOrder) {
                        o.status = "ON_HOLD";
                        o.onHoldReleaseAt = now() + Duration.ofHours(1).toSeconds();
                        holds.add(new HoldRelease(o.onHoldReleaseAt, o));
                        setLines(o, "AWAITING_SHIPMENT");
                    } else {
                        o.status = "AWAITING_SHIPMENT";
                        setLines(o, "AWAITING_SHIPMENT");
                        createPendingParcel(o);
                    }
                    touch(o);
                }
                case "ON_HOLD" -> releaseHold(o);
                case "AWAITING_SHIPMENT", "PARTIALLY_SHIPPING" -> {
                    List<String> unshipped = o.lineItems.stream()
                            .filter(l -> "AWAITING_SHIPMENT".equals(l.displayStatus)).map(l -> l.id).toList();
                    shipLinesForControl(o, unshipped);
                }
                case "AWAITING_COLLECTION" -> {
                    o.collectionTime = now();
                    o.status = "IN_TRANSIT";
                    for (String pid : o.packageIds) {
                        Parcel p = parcels.get(pid);
                        if ("PROCESSING".equals(p.status)) {
                            p.status = "FULFILLING";
                            p.updateTime = now();
                            emitPackage(p);
                        }
                    }
                    setLines(o, "IN_TRANSIT");
                    touch(o);
                }
                case "IN_TRANSIT" -> {
                    o.deliveryTime = now();
                    o.status = "DELIVERED";
                    for (String pid : o.packageIds) {
                        Parcel p = parcels.get(pid);
                        if (!"CANCELLED".equals(p.status)) {
                            p.status = "COMPLETED";
                            p.updateTime = now();
                            emitPackage(p);
                        }
                    }
                    setLines(o, "DELIVERED");
                    touch(o);
                }
                case "DELIVERED" -> {
                    o.status = "COMPLETED";
                    setLines(o, "COMPLETED");
                    touch(o);
                }
                default -> throw new IllegalStateException("unexpected status " + s);
            }
        }
    }

    private void setLines(Order o, String displayStatus) {
        for (LineItem l : o.lineItems) {
            if (!"CANCELLED".equals(l.displayStatus)) {
                l.displayStatus = displayStatus;
            }
        }
    }

    private void releaseHold(Order o) {
        o.status = "AWAITING_SHIPMENT";
        o.onHoldReleaseAt = null;
        createPendingParcel(o);
        touch(o);
    }

    /** Control-driven shipment: uses the order's delivery option and its first provider. */
    private void shipLinesForControl(Order o, List<String> lineIds) {
        if (lineIds.isEmpty()) {
            return;
        }
        DeliveryOption opt = deliveryOptions.get(o.deliveryOptionId);
        ShippingProvider provider = opt.providers.get(0);
        Parcel p = parcelForLines(o, lineIds);
        shipParcel(o, p, "SBX" + p.id.substring(p.id.length() - 10), provider, "DROP_OFF");
    }

    /** Finds the pending parcel holding exactly these lines or splits them into a new one. */
    public Parcel parcelForLines(Order o, List<String> lineIds) {
        Parcel pending = o.packageIds.stream().map(parcels::get)
                .filter(p -> "TO_FULFILL".equals(p.status)).findFirst().orElse(null);
        if (pending != null && pending.lineItemIds.size() == lineIds.size() && pending.lineItemIds.containsAll(lineIds)) {
            return pending;
        }
        Parcel p = new Parcel(ids.next(PACKAGE), o.id, o.shopId, o.deliveryOptionId, o.shippingType, now());
        p.lineItemIds.addAll(lineIds);
        parcels.put(p.id, p);
        o.packageIds.add(p.id);
        if (pending != null) {
            pending.lineItemIds.removeAll(lineIds);
            pending.updateTime = now();
            if (pending.lineItemIds.isEmpty()) {
                parcels.remove(pending.id);
                o.packageIds.remove(pending.id);
            }
        }
        for (String lid : lineIds) {
            o.line(lid).packageId = p.id;
        }
        return p;
    }

    private void createPendingParcel(Order o) {
        boolean hasOpen = o.packageIds.stream().map(parcels::get).anyMatch(p -> "TO_FULFILL".equals(p.status));
        if (hasOpen) {
            return;
        }
        List<String> lines = o.lineItems.stream()
                .filter(l -> "AWAITING_SHIPMENT".equals(l.displayStatus) && l.packageId == null).map(l -> l.id).toList();
        if (lines.isEmpty()) {
            return;
        }
        Parcel p = new Parcel(ids.next(PACKAGE), o.id, o.shopId, o.deliveryOptionId, o.shippingType, now());
        p.lineItemIds.addAll(lines);
        parcels.put(p.id, p);
        o.packageIds.add(p.id);
        lines.forEach(l -> o.line(l).packageId = p.id);
    }

    /**
     * Ships a parcel: records tracking, moves its lines and the order on (seller shipping → IN_TRANSIT, TikTok
     * shipping → AWAITING_COLLECTION; PARTIALLY_SHIPPING while lines remain), releases reserved stock, bumps
     * update_time and raises ORDER_STATUS_CHANGE / PACKAGE_UPDATE.
     */
    public void shipParcel(Order o, Parcel p, String trackingNumber, ShippingProvider provider, String handover) {
        boolean sellerShipping = "SELLER".equals(o.shippingType);
        p.trackingNumber = trackingNumber;
        p.shippingProviderId = provider.id();
        p.shippingProviderName = provider.name();
        p.handoverMethod = handover;
        p.status = sellerShipping ? "FULFILLING" : "PROCESSING";
        p.shippedTime = now();
        p.updateTime = now();
        String lineStatus = sellerShipping ? "IN_TRANSIT" : "AWAITING_COLLECTION";
        for (String lid : p.lineItemIds) {
            LineItem l = o.line(lid);
            l.displayStatus = lineStatus;
            l.packageId = p.id;
            release(o, l);
        }
        boolean allShipped = o.lineItems.stream()
                .allMatch(l -> !"AWAITING_SHIPMENT".equals(l.displayStatus));
        o.rtsTime = now();
        String before = o.status;
        o.status = allShipped ? lineStatus : "PARTIALLY_SHIPPING";
        emitPackage(p);
        if (!before.equals(o.status)) {
            touch(o);
        } else {
            o.updateTime = now();
        }
    }

    /** Seller or system cancellation of the given lines (all when null). */
    public void cancelLines(Order o, List<String> lineIds, String reason, String initiator) {
        List<LineItem> lines = lineIds == null ? o.lineItems : lineIds.stream().map(o::line).toList();
        for (LineItem l : lines) {
            if ("CANCELLED".equals(l.displayStatus)) {
                continue;
            }
            if ("AWAITING_SHIPMENT".equals(l.displayStatus) || "UNPAID".equals(l.displayStatus)) {
                unreserve(o, l);
            }
            l.displayStatus = "CANCELLED";
            l.cancelReason = reason;
            l.cancelUser = initiator;
        }
        for (String pid : List.copyOf(o.packageIds)) {
            Parcel p = parcels.get(pid);
            if ("TO_FULFILL".equals(p.status)) {
                p.lineItemIds.removeIf(lid -> "CANCELLED".equals(o.line(lid).displayStatus));
                if (p.lineItemIds.isEmpty()) {
                    p.status = "CANCELLED";
                    p.updateTime = now();
                }
            } else if ("PROCESSING".equals(p.status)
                    && p.lineItemIds.stream().allMatch(lid -> "CANCELLED".equals(o.line(lid).displayStatus))) {
                // Cancelled while awaiting collection: the arranged package is cancelled too.
                p.status = "CANCELLED";
                p.updateTime = now();
                emitPackage(p);
            }
        }
        boolean allCancelled = o.lineItems.stream().allMatch(l -> "CANCELLED".equals(l.displayStatus));
        if (o.cancelReason == null) {
            o.cancelReason = reason;
        }
        if (allCancelled) {
            o.status = "CANCELLED";
            o.cancelTime = now();
            o.cancellationInitiator = initiator;
            o.onHoldReleaseAt = null;
            touch(o);
        } else {
            o.updateTime = now();
            boolean anyShipped = o.lineItems.stream().anyMatch(l -> !"CANCELLED".equals(l.displayStatus)
                    && !"AWAITING_SHIPMENT".equals(l.displayStatus) && !"UNPAID".equals(l.displayStatus));
            boolean anyOpen = o.lineItems.stream().anyMatch(l -> "AWAITING_SHIPMENT".equals(l.displayStatus));
            if (anyShipped && !anyOpen && "PARTIALLY_SHIPPING".equals(o.status)) {
                o.status = o.lineItems.stream().filter(l -> !"CANCELLED".equals(l.displayStatus))
                        .findFirst().orElseThrow().displayStatus;
                touch(o);
            }
        }
    }

    public void cancelBySystem(Order o, String reason) {
        if ("CANCELLED".equals(o.status)) {
            return;
        }
        if (!List.of("UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "PARTIALLY_SHIPPING").contains(o.status)) {
            throw new IllegalStateException("order " + o.id + " is " + o.status + " and can no longer be cancelled");
        }
        cancelLines(o, null, reason, "SYSTEM");
    }

    /**
     * The buyer asks to cancel. In UNPAID / ON_HOLD (the remorse window, spec §4) it takes effect at once; later it
     * creates a pending BUYER_CANCEL cancellation and sets is_buyer_request_cancel until the seller answers.
     */
    public Cancellation requestBuyerCancellation(String orderId, String reason) {
        return locked(() -> {
            Order o = order(orderId);
            if (!List.of("UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "PARTIALLY_SHIPPING", "AWAITING_COLLECTION").contains(o.status)) {
                throw new IllegalStateException("order " + orderId + " is " + o.status + "; the buyer can no longer cancel it");
            }
            boolean immediate = "ON_HOLD".equals(o.status) || "UNPAID".equals(o.status);
            Cancellation c = new Cancellation(ids.next(CANCEL), o.id, o.shopId, "BUYER_CANCEL", "BUYER",
                    immediate ? "CANCELLATION_REQUEST_COMPLETE" : "CANCELLATION_REQUEST_PENDING",
                    reason == null ? "buyer_cancel_reason_no_longer_needed" : reason, now());
            o.lineItems.stream().filter(l -> !"CANCELLED".equals(l.displayStatus)).forEach(l -> c.lineItemIds.add(l.id));
            cancellations.put(c.id, c);
            o.requestCancelTime = now();
            if (immediate) {
                cancelLines(o, null, c.reason, "BUYER");
            } else {
                o.buyerRequestCancel = true;
                o.updateTime = now();
            }
            emitCancellation(c);
            return c;
        });
    }

    /** The buyer opens a return / refund on a DELIVERED order, covering all its lines (spec §6). */
    public ReturnRequest createReturn(String orderId, String returnType, String reason) {
        return locked(() -> {
            Order o = order(orderId);
            if (!"DELIVERED".equals(o.status)) {
                throw new IllegalStateException("order " + orderId + " is " + o.status + "; returns are opened on DELIVERED orders");
            }
            String type = returnType == null ? "RETURN_AND_REFUND" : returnType;
            if (!List.of("REFUND", "RETURN_AND_REFUND", "REPLACEMENT").contains(type)) {
                throw new IllegalArgumentException("return_type must be REFUND, RETURN_AND_REFUND or REPLACEMENT, was " + type);
            }
            ReturnRequest r = new ReturnRequest(ids.next(RETURN), o.id, o.shopId, type,
                    "REPLACEMENT".equals(type) ? "REPLACEMENT_REQUEST_PENDING" : "RETURN_OR_REFUND_REQUEST_PENDING",
                    reason == null ? "ecom_order_delivered_refund_and_return_reason_damaged" : reason, now());
            o.lineItems.stream().filter(l -> !"CANCELLED".equals(l.displayStatus)).map(l -> l.id).forEach(r.lineItemIds::add);
            returns.put(r.id, r);
            o.updateTime = now();
            emitReturn(r);
            return r;
        });
    }

    /** Marks the order updated now and raises ORDER_STATUS_CHANGE (type 1). */
    public void touch(Order o) {
        o.updateTime = now();
        emitOrderStatus(o);
    }

    private void emitOrderStatus(Order o) {
        ObjectNode d = SandboxJson.object();
        d.put("order_id", o.id);
        d.put("order_status", o.status);
        d.put("is_on_hold_order", o.onHoldOrder);
        d.put("update_time", o.updateTime);
        events.emit(shop(o.shopId), 1, "ORDER_STATUS_CHANGE", d);
    }

    public void emitPackage(Parcel p) {
        ObjectNode d = SandboxJson.object();
        d.put("sc_type", "");
        d.put("role_type", "SELLER");
        ObjectNode pkg = d.putArray("package_list").addObject();
        pkg.put("package_id", p.id);
        pkg.putArray("order_id_list").add(p.orderId);
        d.put("update_time", p.updateTime);
        events.emit(shop(p.shopId), 4, "PACKAGE_UPDATE", d);
    }

    public void emitCancellation(Cancellation c) {
        ObjectNode d = SandboxJson.object();
        d.put("order_id", c.orderId);
        d.put("cancellations_role", c.role);
        d.put("cancel_status", c.status);
        d.put("cancel_id", c.id);
        d.put("create_time", c.createTime);
        events.emit(shop(c.shopId), 11, "CANCELLATION_STATUS_CHANGE", d);
    }

    public void emitReturn(ReturnRequest r) {
        ObjectNode d = SandboxJson.object();
        d.put("order_id", r.orderId);
        d.put("return_role", "BUYER");
        d.put("return_type", r.type);
        d.put("return_status", r.status);
        d.put("return_id", r.id);
        d.put("create_time", r.createTime);
        d.put("update_time", r.updateTime);
        events.emit(shop(r.shopId), 12, "RETURN_STATUS_CHANGE", d);
    }

    public void emitAuthorizationEvent(Shop shop, int type) {
        ObjectNode d = SandboxJson.object();
        if (type == 6) {
            d.put("message", "The seller has deauthorized the app for shop " + shop.id);
            events.emit(shop, 6, "SELLER_DEAUTHORIZATION", d);
        } else {
            d.put("message", "The authorization of shop " + shop.id + " expires soon");
            d.put("expiration_time", now() + Duration.ofDays(30).toSeconds());
            events.emit(shop, 7, "UPCOMING_AUTHORIZATION_EXPIRATION", d);
        }
    }

    // ---------------------------------------------------------------- stock reservation

    private void reserve(Order o, int sign) {
        for (LineItem l : o.lineItems) {
            adjust(o, l, sign);
        }
        o.stockReserved = sign > 0;
    }

    private void unreserve(Order o, LineItem l) {
        adjust(o, l, -1);
    }

    /** Shipping consumes the reservation: committed goes down, available stays reduced. */
    private void release(Order o, LineItem l) {
        if (!config.ordersReserveStock() || o.fbt()) {
            return;
        }
        for (Map.Entry<String, Integer> c : units(l).entrySet()) {
            Sku sku = skus.get(c.getKey());
            if (sku != null && sku.committed.containsKey(o.warehouseId)) {
                sku.committed.merge(o.warehouseId, -c.getValue(), (a, b) -> Math.max(0, a + b));
            }
        }
    }

    /** sign +1: an order takes stock (available −, committed +); −1: a cancellation gives it back. */
    private void adjust(Order o, LineItem l, int sign) {
        if (!config.ordersReserveStock()) {
            return;
        }
        for (Map.Entry<String, Integer> c : units(l).entrySet()) {
            Sku sku = skus.get(c.getKey());
            if (sku == null) {
                continue;
            }
            int n = c.getValue() * sign;
            if (o.fbt()) {
                sku.fbtStock.computeIfPresent(o.warehouseId, (k, v) -> Math.max(0, v - n));
            } else if (sku.stock.containsKey(o.warehouseId)) {
                sku.stock.merge(o.warehouseId, -n, (a, b) -> Math.max(0, a + b));
                sku.committed.merge(o.warehouseId, n, (a, b) -> Math.max(0, a + b));
            }
        }
    }

    private static Map<String, Integer> units(LineItem l) {
        Map<String, Integer> m = new LinkedHashMap<>();
        if (l.bundle.isEmpty()) {
            m.put(l.skuId, 1);
        } else {
            l.bundle.forEach(c -> m.merge(c.skuId(), c.count(), Integer::sum));
        }
        return m;
    }

    // ---------------------------------------------------------------- time

    /**
     * Runs transitions that are due at the current sandbox time (ON_HOLD release after one hour, spec §4). Called on
     * every API request and after clock advances; cheap when nothing is due.
     */
    public void runDueTransitions() {
        locked(() -> {
            long now = now();
            while (!holds.isEmpty() && holds.peek().at() <= now) {
                HoldRelease h = holds.poll();
                Order o = h.order();
                if ("ON_HOLD".equals(o.status) && o.onHoldReleaseAt != null && o.onHoldReleaseAt == h.at()) {
                    releaseHold(o);
                }
            }
            finance.runDue(now);
        });
    }

    public Order order(String id) {
        Order o = orders.get(id);
        if (o == null) {
            throw new IllegalArgumentException("order " + id + " does not exist");
        }
        return o;
    }
}
