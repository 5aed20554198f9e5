package dev.ttsconnector.flow.fulfillments;

import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.app.fulfillments.FulfillmentState;
import dev.ttsconnector.app.fulfillments.FulfillmentStore;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.ChangeSource;
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
 *   <li>Read-back first (reliability R5): TikTok's order detail says which line items already carry tracking.
 *       Ours → nothing to do for them; another number → {@code failed} {@code TRACKING_CONFLICT} naming both.
 *       After a write whose outcome is unknown (timeout, transient error, or a refusal that may mean "already
 *       done") the state is read back again before deciding, so a retry never ships twice.</li>
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
            return fail(f, String.valueOf(e.code()), "TikTok refused " + e.operation() + ": " + e.tiktokMessage());
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
        Order tiktok = api.order(f.tiktokOrderId()).orElse(null);
        if (tiktok == null) {
            return fail(f, ORDER_NOT_FOUND, "TikTok does not return order " + f.tiktokOrderId());
        }
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
        Map<String, LineItem> items = new LinkedHashMap<>();
        (tiktok.lineItems() == null ? List.<LineItem>of() : tiktok.lineItems()).forEach(li -> items.put(li.id(), li));
        List<String> wanted = f.lineItemIds();
        List<String> problems = new ArrayList<>();
        for (String id : wanted) {
            LineItem li = items.get(id);
            if (li == null) {
                problems.add(id + " is not on the TikTok order");
            } else if ("CANCELLED".equals(li.displayStatus()) || "CANCELLED".equals(li.packageStatus())) {
                problems.add(id + " is cancelled");
            }
        }
        if (!problems.isEmpty()) {
            return fail(f, LINE_ITEMS_NOT_SHIPPABLE, "line items cannot be shipped: " + String.join("; ", problems));
        }
        return ship(f, api, tiktok, wanted, items, now);
    }

    private Outcome ship(Fulfillment f, ShopFulfillmentApi api, Order tiktok, List<String> wanted,
                         Map<String, LineItem> items, Instant now) {
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
        ShippingProvider provider = null;
        if (!unshipped.isEmpty() || !withPrevious.isEmpty()) {
            String option = tiktok.deliveryOptionId();
            if (option == null || option.isBlank()) {
                return fail(f, NO_DELIVERY_OPTION, "TikTok order " + tiktok.id()
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
            if (refused.invalidateProviders && tiktok.deliveryOptionId() != null) {
                providers.invalidate(f.integrationId(), tiktok.deliveryOptionId());
            }
            return fail(f, refused.code, refused.getMessage());
        }
        String providerId = provider != null ? provider.id() : f.shippingProviderId();
        String providerName = provider != null ? provider.name() : f.shippingProviderName();
        if (provider == null) {
            // Everything was shipped with our tracking already (a redelivery after TikTok committed): read which
            // provider TikTok holds so the record shows it.
            LineItem first = items.get(wanted.get(0));
            providerId = first.shippingProviderId();
            providerName = first.shippingProviderName();
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
            // Outcome unknown (timeout after commit, or a refusal because the first attempt went through): read
            // the order back before deciding (R5).
            Order again = api.order(f.tiktokOrderId()).orElseThrow(() -> unknownOutcome);
            Map<String, LineItem> now = new LinkedHashMap<>();
            again.lineItems().forEach(li -> now.put(li.id(), li));
            List<String> stillOpen = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (String id : unshipped) {
                LineItem li = now.get(id);
                String tracking = li == null ? null : blankToNull(li.trackingNumber());
                if (tracking == null) {
                    stillOpen.add(id);
                } else if (!tracking.equals(f.trackingNumber())) {
                    other.add(id + " (" + tracking + ")");
                } else if (blankToNull(li.packageId()) != null) {
                    packageIds.add(li.packageId());
                }
            }
            if (!other.isEmpty()) {
                throw new PushRefused(TRACKING_CONFLICT, "TikTok holds other tracking for line items "
                        + String.join(", ", other) + "; this fulfillment's tracking is " + f.trackingNumber(), false);
            }
            if (!stillOpen.isEmpty()) {
                throw refusalOrRetry(unknownOutcome);
            }
        }
    }

    private void shipPackages(Fulfillment f, ShopFulfillmentApi api, List<String> unshipped,
                              Map<String, LineItem> items, SelfShipment shipment, Set<String> packageIds) {
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
                         Map<String, LineItem> items, SelfShipment shipment, Set<String> packageIds) {
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
        try {
            fulfillments.replace(next);
            return outcome;
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
