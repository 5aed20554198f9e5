package dev.ttsconnector.flow.fulfillments;

import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.app.fulfillments.FulfillmentState;
import dev.ttsconnector.app.fulfillments.FulfillmentStore;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.LineItemShipping;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.app.orders.OrderStore;
import dev.ttsconnector.app.orders.StatusChange;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.flow.orders.OrderMapper;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.queue.PermanentException;
import dev.ttsconnector.queue.TransientException;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.tiktok.TikTokApiException;
import dev.ttsconnector.tiktok.fulfillment.MarkShippedResult;
import dev.ttsconnector.tiktok.fulfillment.PackageDetail;
import dev.ttsconnector.tiktok.fulfillment.SelfShipment;
import dev.ttsconnector.tiktok.logistics.ShippingProvider;
import dev.ttsconnector.tiktok.orders.LineItem;
import dev.ttsconnector.tiktok.orders.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Pushes one stored fulfillment to TikTok and records the outcome on it. Idempotent and safe to run again at any
 * point (SQS delivers at least once; a Lambda may die between TikTok's answer and our write):
 * <ul>
 *   <li>Only a {@code pending} fulfillment is pushed; any other state is left as it is.</li>
 *   <li>Platform-shipped orders (FBT) are {@code skipped}; orders still {@code ON_HOLD}/{@code UNPAID} in TikTok
 *       stay {@code pending} with code {@link Fulfillment#DEFERRED_ON_HOLD} and are pushed again by
 *       {@link FulfillmentOrderSync} once the order leaves that status.</li>
 *   <li>First attempt: decided from the app's stored order (status, fulfillment type, line items with their
 *       package and tracking as ingested, see {@code OrderLine#shipping}); only the ship call reaches TikTok
 *       (performance guide: 1 call per package). TikTok's order detail is read instead when the stored order
 *       cannot decide (stored before line item shipping was kept, not awaiting shipment, a line item already
 *       shipped or cancelled) and for tracking corrections.</li>
 *   <li>Read-back before retry (reliability R5): before every TikTok write the record notes that a write may reach
 *       TikTok ({@link Fulfillment#shipCallAt()}); any later attempt then reads TikTok's order first. TikTok's
 *       detail says which line items already carry tracking: ours → nothing to do for them; another number →
 *       {@code failed} {@code TRACKING_CONFLICT} naming both. After a write whose outcome is unknown (timeout,
 *       transient error, or a refusal that may mean "already done" or "our view was stale") the order is read back
 *       and decided again without writing, so a retry never ships twice.</li>
 *   <li>Shipping: in regions with "mark package as shipped" (spec §5: US, UK, ES, IE, IT, DE, FR, JP) a package is
 *       created for exactly this fulfillment's line items (partial shipments); elsewhere each existing package of
 *       the line items is shipped with {@code self_shipment}. A tracking correction uses "update package shipping
 *       info", only within 72 h of posting.</li>
 *   <li>Carrier → provider: see {@link CarrierMatcher}; no match is {@code failed} {@code CARRIER_NOT_SUPPORTED}
 *       with the allowed providers.</li>
 * </ul>
 * TikTok errors that retrying can fix are thrown as {@link TransientException} (the message is redelivered); other
 * TikTok refusals end the fulfillment {@code failed} with TikTok's code and message. After posting, the app order
 * moves to {@code fulfilled} (every line item posted) or {@code partiallyFulfilled}.
 */
public final class FulfillmentPushService {

    /** Regions where "mark package as shipped" exists (spec §5); TikTok writes the UK as GB. */
    public static final Set<String> MARK_SHIPPED_REGIONS =
            Set.of("US", "GB", "UK", "ES", "IE", "IT", "DE", "FR", "JP");
    /** "Update shipping info" is accepted only within 72 hours after shipping (spec §5). */
    public static final Duration TRACKING_UPDATE_WINDOW = Duration.ofHours(72);

    public static final String CARRIER_NOT_SUPPORTED = "CARRIER_NOT_SUPPORTED";
    public static final String TRACKING_CONFLICT = "TRACKING_CONFLICT";
    public static final String TRACKING_UPDATE_WINDOW_CLOSED = "TRACKING_UPDATE_WINDOW_CLOSED";
    public static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";
    public static final String ORDER_CANCELLED = "ORDER_CANCELLED";
    public static final String LINE_ITEMS_NOT_SHIPPABLE = "LINE_ITEMS_NOT_SHIPPABLE";
    public static final String NO_DELIVERY_OPTION = "NO_DELIVERY_OPTION";
    public static final String INTEGRATION_NOT_CONNECTED = "INTEGRATION_NOT_CONNECTED";

    private static final int MAX_ORDER_WRITE_ATTEMPTS = 5;
    /** TikTok order statuses in which a first attempt may ship from the stored order (spec §4). */
    private static final Set<String> SHIPPABLE_STATUSES = Set.of("AWAITING_SHIPMENT", "PARTIALLY_SHIPPING");

    /** What one push did. */
    public enum Outcome { POSTED, FAILED, SKIPPED, DEFERRED, UNCHANGED }

    private final FulfillmentStore fulfillments;
    private final OrderStore orders;
    private final Function<String, ShopFulfillmentApi> apis;
    private final Function<String, ConnectorConfig> configs;
    private final ShippingProviderCache providers;
    private final Clock clock;

    /**
     * @param apis    the TikTok API of an integration's shop (production: {@code ShopFulfillmentApi.of(shopAccess
     *                .connected(id))}); may throw {@link IntegrationNotConnectedException}
     * @param configs the integration's current settings and carrier mappings
     */
    public FulfillmentPushService(FulfillmentStore fulfillments, OrderStore orders,
                                  Function<String, ShopFulfillmentApi> apis,
                                  Function<String, ConnectorConfig> configs, ShippingProviderCache providers,
                                  Clock clock) {
        this.fulfillments = Objects.requireNonNull(fulfillments, "fulfillments");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.apis = Objects.requireNonNull(apis, "apis");
        this.configs = Objects.requireNonNull(configs, "configs");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Pushes the fulfillment named by the message.
     *
     * @throws TransientException  when TikTok or the store failed in a way a redelivery can fix
     * @throws PermanentException  when the fulfillment does not exist (the message is parked)
     */
    public Outcome push(String integrationId, FulfillmentPushMessage message) {
        Fulfillment f = fulfillments.get(integrationId, message.tiktokOrderId(), message.fulfillmentId())
                .orElseThrow(() -> new PermanentException("FULFILLMENT_NOT_FOUND", "fulfillment "
                        + message.fulfillmentId() + " of order " + message.tiktokOrderId() + " does not exist"));
        if (f.state() != FulfillmentState.PENDING) {
            return Outcome.UNCHANGED;
        }
        try {
            return attempt(f);
        } catch (TikTokApiException e) {
            if (e.retryable()) {
                throw new TransientException("TikTok call failed transiently while pushing fulfillment " + f.id(), e);
            }
            // Read the record again: the attempt may have stored that a TikTok write was started (new version).
            Fulfillment current = fulfillments.get(integrationId, f.tiktokOrderId(), f.id()).orElse(f);
            if (current.state() != FulfillmentState.PENDING) {
                return Outcome.UNCHANGED;
            }
            return fail(current, String.valueOf(e.code()), "TikTok refused " + e.operation() + ": "
                    + e.tiktokMessage());
        }
    }

    private Outcome attempt(Fulfillment f) {
        Instant now = clock.now();
        AppOrder order = orders.get(f.integrationId(), f.tiktokOrderId()).orElse(null);
        if (order == null) {
            return fail(f, ORDER_NOT_FOUND, "order " + f.tiktokOrderId() + " is not in the app");
        }
        if (order.platformShipped()) {
            return save(f.skipped(Fulfillment.PLATFORM_SHIPPED,
                    "the order is shipped by TikTok (pulled as platform-shipped); no tracking is posted", now),
                    Outcome.SKIPPED);
        }
        ShopFulfillmentApi api;
        try {
            api = apis.apply(f.integrationId());
        } catch (IntegrationNotConnectedException e) {
            return fail(f, INTEGRATION_NOT_CONNECTED, "integration " + f.integrationId()
                    + " is not connected to TikTok; reconnect it, then retry the fulfillment");
        }
        try {
            Map<String, Item> stored = storedItems(f, order, api.region());
            if (stored != null) {
                // First attempt, decided from the app's order as the ingest stored it: only the ship call goes to
                // TikTok (performance guide: 1 call per package). A stale view makes TikTok refuse the call, and
                // the refusal is handled below by reading the order back.
                return ship(f, api, order.deliveryOptionId(), f.lineItemIds(), stored, now, null);
            }
            Order tiktok = api.order(f.tiktokOrderId()).orElse(null);
            if (tiktok == null) {
                return fail(f, ORDER_NOT_FOUND, "TikTok does not return order " + f.tiktokOrderId());
            }
            return decide(f, api, tiktok, now, null);
        } catch (ShipCallFailed failed) {
            // Outcome unknown (timeout after TikTok committed, a refusal because our view was stale, or because an
            // earlier attempt went through): read the order back and decide again without writing (R5).
            Order again = api.order(f.tiktokOrderId()).orElseThrow(() -> failed.outcome);
            return decide(failed.fulfillment, api, again, clock.now(), failed.outcome);
        }
    }

    /**
     * The line items of {@code f} as the app's stored order describes them, when that is enough to ship without
     * reading TikTok; null when TikTok must be read first: a write may already have reached TikTok (R5), a
     * tracking correction (the package's current tracking decides), an order stored before line item shipping was
     * kept, an order not awaiting shipment (on hold, cancelled, …: TikTok confirms before we defer or refuse), or a
     * line item that is already shipped, cancelled, not on the order or (outside the mark-shipped regions) not yet
     * in a package.
     */
    private static Map<String, Item> storedItems(Fulfillment f, AppOrder order, String region) {
        if (f.mayHaveReachedTikTok() || f.isCorrection()
                || !SHIPPABLE_STATUSES.contains(String.valueOf(order.tiktokStatus()))
                || OrderMapper.FULFILLMENT_BY_TIKTOK.equals(order.fulfillmentType())
                || blankToNull(order.deliveryOptionId()) == null) {
            return null;
        }
        Set<String> onOrder = new HashSet<>();
        Map<String, LineItemShipping> shipping = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            if (line.shipping() == null) {
                return null;
            }
            onOrder.addAll(line.tiktokLineItemIds());
            line.shipping().forEach(s -> shipping.put(s.lineItemId(), s));
        }
        boolean markShipped = isMarkShippedRegion(region);
        Map<String, Item> items = new LinkedHashMap<>();
        for (String id : f.lineItemIds()) {
            LineItemShipping state = shipping.get(id);
            if (!onOrder.contains(id) || (state != null && (state.cancelled() || state.trackingNumber() != null))) {
                return null;
            }
            String packageId = state == null ? null : state.packageId();
            if (!markShipped && packageId == null) {
                return null;
            }
            items.put(id, new Item(packageId, null, null, null));
        }
        return items.isEmpty() ? null : items;
    }

    /** Decides from TikTok's order: FBT, on hold, cancelled, line items, then {@link #ship}. */
    private Outcome decide(Fulfillment f, ShopFulfillmentApi api, Order tiktok, Instant now,
                           RuntimeException afterFailure) {
        if (OrderMapper.FULFILLMENT_BY_TIKTOK.equals(tiktok.fulfillmentType())) {
            return save(f.skipped(Fulfillment.PLATFORM_SHIPPED, "TikTok fulfils this order (FBT)", now),
                    Outcome.SKIPPED);
        }
        if ("ON_HOLD".equals(tiktok.status()) || "UNPAID".equals(tiktok.status())) {
            if (Fulfillment.DEFERRED_ON_HOLD.equals(f.errorCode())) {
                return Outcome.DEFERRED;
            }
            return save(f.deferred(Fulfillment.DEFERRED_ON_HOLD, "the order is " + tiktok.status()
                    + " in TikTok; the shipment is posted when TikTok releases it", now), Outcome.DEFERRED);
        }
        if ("CANCELLED".equals(tiktok.status())) {
            return fail(f, ORDER_CANCELLED, "order " + f.tiktokOrderId() + " is cancelled in TikTok");
        }
        Map<String, LineItem> lineItems = new LinkedHashMap<>();
        (tiktok.lineItems() == null ? List.<LineItem>of() : tiktok.lineItems())
                .forEach(li -> lineItems.put(li.id(), li));
        List<String> wanted = f.lineItemIds();
        List<String> problems = new ArrayList<>();
        Map<String, Item> items = new LinkedHashMap<>();
        for (String id : wanted) {
            LineItem li = lineItems.get(id);
            if (li == null) {
                problems.add(id + " is not on the TikTok order");
            } else if ("CANCELLED".equals(li.displayStatus()) || "CANCELLED".equals(li.packageStatus())) {
                problems.add(id + " is cancelled");
            } else {
                items.put(id, new Item(li.packageId(), li.trackingNumber(), li.shippingProviderId(),
                        li.shippingProviderName()));
            }
        }
        if (!problems.isEmpty()) {
            return fail(f, LINE_ITEMS_NOT_SHIPPABLE, "line items cannot be shipped: " + String.join("; ", problems));
        }
        return ship(f, api, tiktok.deliveryOptionId(), wanted, items, now, afterFailure);
    }

    /**
     * @param afterFailure null, or the failure of a write whose outcome was unknown: {@code items} were then read
     *                     back from TikTok, and whatever still needs a write ends with that failure instead (a
     *                     refusal fails the fulfillment, a transient error is redelivered)
     */
    private Outcome ship(Fulfillment f, ShopFulfillmentApi api, String deliveryOptionId, List<String> wanted,
                         Map<String, Item> items, Instant now, RuntimeException afterFailure) {
        List<String> unshipped = new ArrayList<>();
        List<String> withPrevious = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (String id : wanted) {
            String tracking = blankToNull(items.get(id).trackingNumber());
            if (tracking == null) {
                unshipped.add(id);
            } else if (tracking.equals(f.trackingNumber())) {
                continue;
            } else if (f.isCorrection() && tracking.equals(f.previousTrackingNumber())) {
                withPrevious.add(id);
            } else {
                conflicts.add(id + " (" + tracking + ")");
            }
        }
        if (!conflicts.isEmpty()) {
            return fail(f, TRACKING_CONFLICT, "TikTok already holds other tracking for line items "
                    + String.join(", ", conflicts) + "; this fulfillment's tracking is " + f.trackingNumber()
                    + ". Correct the tracking number if TikTok's is wrong");
        }
        if (!withPrevious.isEmpty() && f.postedAt() != null
                && now.isAfter(f.postedAt().plus(TRACKING_UPDATE_WINDOW))) {
            return fail(f, TRACKING_UPDATE_WINDOW_CLOSED, "TikTok accepts a corrected tracking number only within "
                    + TRACKING_UPDATE_WINDOW.toHours() + " hours after shipping; this fulfillment was posted at "
                    + f.postedAt() + " with tracking " + f.previousTrackingNumber());
        }
        boolean writes = !unshipped.isEmpty() || !withPrevious.isEmpty();
        if (writes && afterFailure != null) {
            // TikTok does not hold our tracking after the failed write: its answer stands.
            RuntimeException outcome = refusalOrRetry(afterFailure);
            if (outcome instanceof PushRefused refused) {
                if (refused.invalidateProviders && deliveryOptionId != null) {
                    providers.invalidate(f.integrationId(), deliveryOptionId);
                }
                return fail(f, refused.code, refused.getMessage());
            }
            throw outcome;
        }
        ShippingProvider provider = null;
        if (writes) {
            String option = deliveryOptionId;
            if (option == null || option.isBlank()) {
                return fail(f, NO_DELIVERY_OPTION, "TikTok order " + f.tiktokOrderId()
                        + " has no delivery_option_id, so its allowed shipping providers cannot be read");
            }
            ConnectorConfig config = configs.apply(f.integrationId());
            List<ShippingProvider> allowed = providers.get(f.integrationId(), option,
                    () -> api.shippingProviders(option));
            CarrierMatcher.Result match = CarrierMatcher.match(f.carrier(), config.carriers(),
                    config.settings().fulfillments(), allowed);
            if (!match.matched()) {
                return fail(f, CARRIER_NOT_SUPPORTED, match.failure());
            }
            provider = match.provider();
            // R5: record before calling that a write may reach TikTok, so any later attempt reads TikTok back
            // first and never ships twice.
            f = save(f.shipCallStarted(now));
        }
        SelfShipment shipment = provider == null ? null : new SelfShipment(f.trackingNumber(), provider.id());
        Set<String> packageIds = new LinkedHashSet<>();
        for (String id : wanted) {
            if (!unshipped.contains(id) && blankToNull(items.get(id).packageId()) != null) {
                packageIds.add(items.get(id).packageId());
            }
        }
        try {
            if (!withPrevious.isEmpty()) {
                correct(f, api, withPrevious, items, shipment, packageIds);
            }
            if (!unshipped.isEmpty()) {
                if (isMarkShippedRegion(api.region())) {
                    markShipped(f, api, unshipped, shipment, packageIds);
                } else {
                    shipPackages(f, api, unshipped, items, shipment, packageIds);
                }
            }
        } catch (PushRefused refused) {
            if (refused.invalidateProviders && deliveryOptionId != null) {
                providers.invalidate(f.integrationId(), deliveryOptionId);
            }
            return fail(f, refused.code, refused.getMessage());
        }
        String providerId = provider != null ? provider.id() : f.shippingProviderId();
        String providerName = provider != null ? provider.name() : f.shippingProviderName();
        if (provider == null) {
            // Everything was shipped with our tracking already (a redelivery after TikTok committed): read which
            // provider TikTok holds so the record shows it.
            Item first = items.get(wanted.get(0));
            providerId = first.providerId();
            providerName = first.providerName();
        }
        Fulfillment posted;
        try {
            posted = fulfillments.replace(f.posted(List.copyOf(packageIds), providerId, providerName, now));
        } catch (VersionConflictException raced) {
            // TikTok holds the tracking; the redelivery reads it back and records it.
            throw new TransientException("fulfillment " + f.id() + " changed while it was pushed; retrying", raced);
        }
        updateOrderStatus(posted, now);
        return Outcome.POSTED;
    }

    private void markShipped(Fulfillment f, ShopFulfillmentApi api, List<String> unshipped, SelfShipment shipment,
                             Set<String> packageIds) {
        try {
            MarkShippedResult result = api.markPackageAsShipped(f.tiktokOrderId(), unshipped, shipment);
            if (result.packageId() != null) {
                packageIds.add(result.packageId());
            }
        } catch (RuntimeException unknownOutcome) {
            throw new ShipCallFailed(f, unknownOutcome);
        }
    }

    private void shipPackages(Fulfillment f, ShopFulfillmentApi api, List<String> unshipped,
                              Map<String, Item> items, SelfShipment shipment, Set<String> packageIds) {
        Map<String, List<String>> byPackage = new LinkedHashMap<>();
        List<String> noPackage = new ArrayList<>();
        for (String id : unshipped) {
            String pkg = blankToNull(items.get(id).packageId());
            if (pkg == null) {
                noPackage.add(id);
            } else {
                byPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(id);
            }
        }
        if (!noPackage.isEmpty()) {
            throw new PushRefused(LINE_ITEMS_NOT_SHIPPABLE, "line items " + String.join(", ", noPackage)
                    + " have no TikTok package, and shop region " + api.region()
                    + " has no \"mark package as shipped\" (spec §5)", false);
        }
        Set<String> ours = new HashSet<>(f.lineItemIds());
        for (Map.Entry<String, List<String>> entry : byPackage.entrySet()) {
            String packageId = entry.getKey();
            PackageDetail detail = api.packageDetail(packageId);
            List<String> foreign = detail.orderLineItemIds() == null ? List.of()
                    : detail.orderLineItemIds().stream().filter(id -> !ours.contains(id)).toList();
            if (!foreign.isEmpty()) {
                throw new PushRefused(LINE_ITEMS_NOT_SHIPPABLE, "TikTok package " + packageId
                        + " also holds line items " + String.join(", ", foreign)
                        + " that this fulfillment does not ship; shipping it would ship them too", false);
            }
            if (!f.trackingNumber().equals(blankToNull(detail.trackingNumber()))) {
                try {
                    api.shipPackage(packageId, shipment);
                } catch (RuntimeException unknownOutcome) {
                    confirmPackageTracking(api, packageId, f.trackingNumber(), unknownOutcome);
                }
            }
            packageIds.add(packageId);
        }
    }

    private void correct(Fulfillment f, ShopFulfillmentApi api, List<String> withPrevious,
                         Map<String, Item> items, SelfShipment shipment, Set<String> packageIds) {
        Set<String> packages = new LinkedHashSet<>();
        withPrevious.forEach(id -> packages.add(items.get(id).packageId()));
        for (String packageId : packages) {
            try {
                api.updatePackageShippingInfo(packageId, shipment);
            } catch (RuntimeException unknownOutcome) {
                confirmPackageTracking(api, packageId, f.trackingNumber(), unknownOutcome);
            }
            packageIds.add(packageId);
        }
    }

    /** After a write with unknown outcome: success when the package now holds {@code tracking}. */
    private void confirmPackageTracking(ShopFulfillmentApi api, String packageId, String tracking,
                                        RuntimeException unknownOutcome) {
        PackageDetail now = api.packageDetail(packageId);
        if (tracking.equals(blankToNull(now.trackingNumber()))) {
            return;
        }
        throw refusalOrRetry(unknownOutcome);
    }

    private RuntimeException refusalOrRetry(RuntimeException e) {
        if (e instanceof TikTokApiException api && !api.retryable()) {
            return new PushRefused(String.valueOf(api.code()),
                    "TikTok refused " + api.operation() + ": " + api.tiktokMessage(), true);
        }
        return e;
    }

    /** A line item as the push sees it: from TikTok's order, or from the app's stored order on a first attempt. */
    private record Item(String packageId, String trackingNumber, String providerId, String providerName) {
    }

    /** A TikTok write failed with an unknown outcome; {@code fulfillment} is the record as stored before it. */
    private static final class ShipCallFailed extends RuntimeException {
        final transient Fulfillment fulfillment;
        final RuntimeException outcome;

        ShipCallFailed(Fulfillment fulfillment, RuntimeException outcome) {
            super(outcome.getMessage(), outcome, false, false);
            this.fulfillment = fulfillment;
            this.outcome = outcome;
        }
    }

    /** A refusal recorded as {@code failed} on the fulfillment. */
    private static final class PushRefused extends RuntimeException {
        final String code;
        final boolean invalidateProviders;

        PushRefused(String code, String message, boolean invalidateProviders) {
            super(message, null, false, false);
            this.code = code;
            this.invalidateProviders = invalidateProviders;
        }
    }

    /**
     * Moves the app order to {@code fulfilled} when every TikTok line item of the order is in a posted
     * fulfillment, else {@code partiallyFulfilled}; only from {@code new}, {@code onHold} or
     * {@code partiallyFulfilled} (TikTok's later statuses come back through the order pull and win).
     */
    private void updateOrderStatus(Fulfillment posted, Instant now) {
        for (int attempt = 0; attempt < MAX_ORDER_WRITE_ATTEMPTS; attempt++) {
            Optional<AppOrder> current = orders.get(posted.integrationId(), posted.tiktokOrderId());
            if (current.isEmpty()) {
                return;
            }
            AppOrder order = current.get();
            if (order.status() != AppOrderStatus.NEW && order.status() != AppOrderStatus.ON_HOLD
                    && order.status() != AppOrderStatus.PARTIALLY_FULFILLED) {
                return;
            }
            Set<String> shipped = new HashSet<>();
            fulfillments.listForOrder(posted.integrationId(), posted.tiktokOrderId()).stream()
                    .filter(x -> x.state() == FulfillmentState.POSTED).forEach(x -> shipped.addAll(x.lineItemIds()));
            Set<String> all = new HashSet<>();
            order.lines().stream().map(OrderLine::tiktokLineItemIds).forEach(all::addAll);
            AppOrderStatus target = shipped.containsAll(all) ? AppOrderStatus.FULFILLED
                    : AppOrderStatus.PARTIALLY_FULFILLED;
            if (target == order.status()) {
                return;
            }
            AppOrder next = order.withStatus(target, now)
                    .withHistoryEntry(new StatusChange(now, target, order.tiktokStatus(), ChangeSource.API));
            try {
                orders.replace(next);
                return;
            } catch (VersionConflictException raced) {
                // The ingest wrote the order meanwhile: read it again and re-decide.
            }
        }
    }

    private Outcome fail(Fulfillment f, String code, String message) {
        return save(f.failed(code, message, clock.now()), Outcome.FAILED);
    }

    private Outcome save(Fulfillment next, Outcome outcome) {
        save(next);
        return outcome;
    }

    private Fulfillment save(Fulfillment next) {
        try {
            return fulfillments.replace(next);
        } catch (VersionConflictException raced) {
            throw new TransientException("fulfillment " + next.id() + " changed while it was pushed; retrying", raced);
        }
    }

    static boolean isMarkShippedRegion(String region) {
        return region != null && MARK_SHIPPED_REGIONS.contains(region.toUpperCase(Locale.ROOT));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
