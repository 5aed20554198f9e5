package dev.ttsconnector.sandbox.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.CallCounters;
import dev.ttsconnector.sandbox.DemoData;
import dev.ttsconnector.sandbox.FaultInjector;
import dev.ttsconnector.sandbox.FaultPlan;
import dev.ttsconnector.sandbox.RateLimiter;
import dev.ttsconnector.sandbox.RequestLog;
import dev.ttsconnector.sandbox.SandboxJson;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.api.Views;
import dev.ttsconnector.sandbox.model.Grant;
import dev.ttsconnector.sandbox.model.LineItem;
import dev.ttsconnector.sandbox.model.Order;
import dev.ttsconnector.sandbox.model.Parcel;
import dev.ttsconnector.sandbox.model.Product;
import dev.ttsconnector.sandbox.model.Seller;
import dev.ttsconnector.sandbox.model.Shop;
import dev.ttsconnector.sandbox.model.Sku;
import dev.ttsconnector.sandbox.model.Warehouse;
import dev.ttsconnector.sandbox.webhook.WebhookDispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Java facade of the control API (the same operations as {@code /sandbox/v1/...}): build sellers, shops,
 * catalog and orders, drive lifecycles, move the virtual clock, read state and counters, configure faults.
 * Results use the spec's field names. Invalid requests throw {@link IllegalArgumentException} or
 * {@link IllegalStateException} with the reason.
 */
public final class SandboxControl {
    private final SandboxState state;
    private final CallCounters counters;
    private final FaultInjector faults;
    private final RateLimiter rateLimiter;
    private final WebhookDispatcher webhooks;
    private final DemoData demo;
    private final RequestLog requestLog;

    public SandboxControl(SandboxState state, CallCounters counters, FaultInjector faults, RateLimiter rateLimiter,
                          WebhookDispatcher webhooks, DemoData demo) {
        this(state, counters, faults, rateLimiter, webhooks, demo, new RequestLog());
    }

    public SandboxControl(SandboxState state, CallCounters counters, FaultInjector faults, RateLimiter rateLimiter,
                          WebhookDispatcher webhooks, DemoData demo, RequestLog requestLog) {
        this.requestLog = requestLog;
        this.state = state;
        this.counters = counters;
        this.faults = faults;
        this.rateLimiter = rateLimiter;
        this.webhooks = webhooks;
        this.demo = demo;
    }

    // ------------------------------------------------------------ sellers, shops, auth

    public ObjectNode createSeller(String name, String baseRegion) {
        Seller s = state.createSeller(name, baseRegion);
        return SandboxJson.object().put("id", s.id).put("name", s.name).put("base_region", s.baseRegion).put("open_id", s.openId);
    }

    /** Creates a shop with warehouses (default SALES, second SALES, RETURN), delivery options and, if asked, FBT. */
    public ObjectNode createShop(String sellerId, String name, String region, String sellerType, boolean fbt) {
        Shop s = state.createShop(sellerId, name, region, sellerType, fbt);
        return shop(s.id);
    }

    public ObjectNode shop(String shopId) {
        return state.locked(() -> {
            Shop s = state.shop(shopId);
            ObjectNode n = SandboxJson.object().put("id", s.id).put("cipher", s.cipher).put("code", s.code)
                    .put("name", s.name).put("region", s.region).put("seller_type", s.sellerType)
                    .put("seller_id", s.sellerId).put("currency", s.currency).put("authorized", s.authorized);
            ArrayNode wh = n.putArray("warehouses");
            for (Warehouse w : s.warehouses) {
                ObjectNode wn = Views.warehouse(s, w);
                ArrayNode opts = wn.putArray("delivery_options");
                w.deliveryOptions.forEach(o -> {
                    ObjectNode on = opts.addObject().put("id", o.id).put("name", o.name).put("type", o.type);
                    ArrayNode ps = on.putArray("shipping_providers");
                    o.providers.forEach(p -> ps.addObject().put("id", p.id()).put("name", p.name()));
                });
                wh.add(wn);
            }
            ArrayNode fbt = n.putArray("fbt_warehouses");
            s.fbtWarehouses.forEach(f -> fbt.addObject().put("fbt_warehouse_id", f.fbtWarehouseId()).put("name", f.name())
                    .put("warehouse_id", f.linkedWarehouseId()));
            return n;
        });
    }

    /** Issues tokens directly (what the OAuth dance ends with): access_token, refresh_token and absolute expiries. */
    public ObjectNode issueToken(String sellerId) {
        Grant g = state.locked(() -> {
            if (!state.sellers.containsKey(sellerId)) {
                throw new IllegalArgumentException("seller " + sellerId + " does not exist");
            }
            return state.issueGrant(sellerId);
        });
        return SandboxJson.object().put("access_token", g.accessToken).put("access_token_expire_in", g.accessExpiresAt)
                .put("refresh_token", g.refreshToken).put("refresh_token_expire_in", g.refreshExpiresAt);
    }

    public String issueAuthCode(String sellerId) {
        return state.issueAuthCode(sellerId);
    }

    /** The shop revokes the app: its tokens stop working and SELLER_DEAUTHORIZATION (type 6) is sent. */
    public void deauthorize(String shopId) {
        state.locked(() -> {
            Shop s = state.shop(shopId);
            s.authorized = false;
            state.emitAuthorizationEvent(s, 6);
        });
    }

    /** Sends UPCOMING_AUTHORIZATION_EXPIRATION (type 7) for the shop. */
    public void notifyAuthorizationExpiry(String shopId) {
        state.locked(() -> state.emitAuthorizationEvent(state.shop(shopId), 7));
    }

    // ------------------------------------------------------------ catalog and stock

    public ObjectNode createProduct(String shopId, String title, String category, List<SandboxState.SkuSpec> skus) {
        Product p = state.createProduct(shopId, title, category, skus);
        return state.locked(() -> Views.product(p));
    }

    public ObjectNode product(String productId) {
        return state.locked(() -> {
            Product p = state.products.get(productId);
            if (p == null) {
                throw new IllegalArgumentException("product " + productId + " does not exist");
            }
            return Views.product(p);
        });
    }

    public void setProductStatus(String productId, String status) {
        state.setProductStatus(productId, status);
    }

    /** Sets the available quantity of a SKU in a seller warehouse (or an FBT linked warehouse). */
    public void setStock(String skuId, String warehouseId, int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must be >= 0, was " + quantity);
        }
        state.setStock(skuId, warehouseId, quantity);
    }

    /** Stock of one SKU: per warehouse available and committed, FBT on hand. */
    public ObjectNode inventory(String skuId) {
        return state.locked(() -> {
            Sku s = state.skus.get(skuId);
            if (s == null) {
                throw new IllegalArgumentException("sku " + skuId + " does not exist");
            }
            ObjectNode n = SandboxJson.object().put("sku_id", s.id).put("product_id", s.productId).put("seller_sku", s.sellerSku);
            ArrayNode wh = n.putArray("warehouse_inventory");
            s.stock.forEach((w, q) -> wh.addObject().put("warehouse_id", w).put("available_quantity", q)
                    .put("committed_quantity", s.committed.getOrDefault(w, 0)));
            ArrayNode fbt = n.putArray("fbt_inventory");
            s.fbtStock.forEach((w, q) -> fbt.addObject().put("warehouse_id", w).put("available_quantity", q));
            return n;
        });
    }

    // ------------------------------------------------------------ orders

    public ObjectNode createOrder(String shopId, SandboxState.OrderSpec spec) {
        Order o = state.createOrder(shopId, spec);
        return order(o.id);
    }

    /** Full order state: the detail view plus its packages' detail views. */
    public ObjectNode order(String orderId) {
        return state.locked(() -> {
            state.runDueTransitions();
            Order o = state.order(orderId);
            ObjectNode n = Views.order(state, o);
            ArrayNode pk = SandboxJson.array();
            o.packageIds.forEach(id -> pk.add(Views.parcel(state, state.parcels.get(id))));
            n.set("sandbox_packages", pk);
            return n;
        });
    }

    public ObjectNode parcel(String packageId) {
        return state.locked(() -> {
            Parcel p = state.parcels.get(packageId);
            if (p == null) {
                throw new IllegalArgumentException("package " + packageId + " does not exist");
            }
            return Views.parcel(state, p);
        });
    }

    /**
     * Moves an order forward (UNPAID → ON_HOLD → AWAITING_SHIPMENT → AWAITING_COLLECTION/IN_TRANSIT → DELIVERED →
     * COMPLETED) or to CANCELLED, with every intermediate step's side effects and webhooks.
     */
    public ObjectNode setOrderStatus(String orderId, String status) {
        state.locked(() -> state.advanceTo(state.order(orderId), status));
        return order(orderId);
    }

    /**
     * The buyer asks to cancel. In ON_HOLD (the remorse window) it takes effect at once; later it creates a pending
     * BUYER_CANCEL cancellation and sets is_buyer_request_cancel until the seller answers.
     */
    public ObjectNode requestBuyerCancellation(String orderId, String reason) {
        return state.locked(() -> Views.cancellation(state, state.requestBuyerCancellation(orderId, reason)));
    }

    /** The buyer opens a return/refund on a DELIVERED order (all lines). */
    public ObjectNode createReturn(String orderId, String returnType, String reason) {
        return state.locked(() -> Views.returnRequest(state, state.createReturn(orderId, returnType, reason)));
    }

    // ------------------------------------------------------------ finance (spec §9)

    /**
     * Statements of a shop (oldest first), each as Get statements renders it plus {@code transactions} (v202501
     * view). Generates what is due first (statements at 00:00 UTC for the previous day, payments).
     */
    public ArrayNode statements(String shopId) {
        return state.locked(() -> {
            state.runDueTransitions();
            ArrayNode out = SandboxJson.array();
            state.finance.statementsOf(state.shop(shopId).id).forEach(s -> out.add(statementView(s)));
            return out;
        });
    }

    public ObjectNode statement(String statementId) {
        return state.locked(() -> {
            state.runDueTransitions();
            return statementView(state.finance.statement(statementId));
        });
    }

    /**
     * Creates a statement at {@code statementTime} (Unix seconds) with {@code orders} synthetic ORDER transactions and
     * {@code adjustments} adjustment transactions (for tests needing many transaction pages).
     */
    public ObjectNode createStatement(String shopId, long statementTime, int orders, int adjustments) {
        return state.locked(() -> statementView(state.finance.createStatement(shopId, statementTime, orders, adjustments)));
    }

    /** Queues an adjustment that settles in the shop's next daily statement (positive = deducted). */
    public void addAdjustment(String shopId, String type, java.math.BigDecimal amount) {
        state.locked(() -> state.finance.addAdjustment(shopId, type, amount));
    }

    /** PAID (assigns payment id and time now), FAILED or PROCESSING. */
    public ObjectNode setStatementPaymentStatus(String statementId, String status) {
        return state.locked(() -> statementView(state.finance.setPaymentStatus(statementId, status)));
    }

    private ObjectNode statementView(dev.ttsconnector.sandbox.model.Statement s) {
        ObjectNode n = dev.ttsconnector.sandbox.api.FinanceEndpoints.statement(state.shop(s.shopId), s);
        n.put("shop_id", s.shopId);
        // The control view always shows every amount, whatever the region renders.
        n.put("revenue_amount", s.revenue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        n.put("shipping_cost_amount", s.shippingCost().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        ArrayNode txns = n.putArray("transactions");
        s.transactions.forEach(t -> txns.add(dev.ttsconnector.sandbox.api.FinanceEndpoints.transaction(t)));
        return n;
    }

    // ------------------------------------------------------------ time, counters, faults, webhooks

    public Instant now() {
        return state.clock.now();
    }

    /** Advances the virtual clock and runs what became due: ON_HOLD releases, webhook retries. */
    public Instant advanceClock(Duration d) {
        Instant now = state.clock.advance(d);
        state.runDueTransitions();
        webhooks.wakeUp();
        return now;
    }

    public ObjectNode counters() {
        return counters.snapshot();
    }

    /** Calls of one endpoint, e.g. {@code calls("POST /order/202309/orders/search")}. */
    public long calls(String endpoint) {
        return counters.total(endpoint);
    }

    public long calls(String endpoint, long code) {
        return counters.count(endpoint, code);
    }

    public void resetCounters() {
        counters.reset();
    }

    /**
     * Requests received on the TikTok hosts (open-api and auth), oldest first: method, path, decoded query, header
     * names, body field paths, arrival time and the answered code.
     */
    public List<RequestLog.Entry> requests() {
        return requestLog.entries();
    }

    public ArrayNode requestLog() {
        return requestLog.toJson();
    }

    public void clearRequests() {
        requestLog.clear();
    }

    public void configureFaults(FaultPlan plan, long seed) {
        faults.configure(plan, seed);
    }

    public FaultPlan faults() {
        return faults.plan();
    }

    public void qpsLimit(int qps) {
        rateLimiter.limit(qps);
    }

    public void webhooksEnabled(boolean on) {
        webhooks.enabled(on);
    }

    public boolean awaitWebhooks(Duration timeout) throws InterruptedException {
        return webhooks.awaitIdle(timeout);
    }

    public ArrayNode webhookDeliveries() {
        return webhooks.log();
    }

    public ArrayNode pendingWebhooks() {
        return webhooks.pending();
    }

    // ------------------------------------------------------------ demo data

    /** The demo seller, its shops (ids, ciphers), app credentials and a fresh token. */
    public ObjectNode demo() {
        return demo.describe();
    }

    /** Adds {@code count} more demo orders spread over every status. */
    public ArrayNode generateOrders(String shopId, int count) {
        List<String> ids = demo.generateOrders(shopId, count);
        return SandboxJson.strings(ids);
    }

    /** Line item ids of an order, in order (handy for partial shipment tests). */
    public List<String> lineItemIds(String orderId) {
        return state.locked(() -> state.order(orderId).lineItems.stream().map((LineItem l) -> l.id).toList());
    }
}
