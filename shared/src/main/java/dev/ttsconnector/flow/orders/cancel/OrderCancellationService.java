package dev.ttsconnector.flow.orders.cancel;

import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderId;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.OrderStore;
import dev.ttsconnector.app.orders.StatusChange;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.flow.orders.OrderUnits;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.IntegrationNotConnectedException;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.ReasonOption;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.TikTokCodes;
import dev.ttsconnector.tiktok.TikTokApiException;
import dev.ttsconnector.tiktok.TikTokAuthException;
import dev.ttsconnector.tiktok.TikTokTransientException;
import dev.ttsconnector.tiktok.returns.AftersaleLineItem;
import dev.ttsconnector.tiktok.returns.AftersaleSearchRequest;
import dev.ttsconnector.tiktok.returns.CancelResult;
import dev.ttsconnector.tiktok.returns.Cancellation;
import dev.ttsconnector.tiktok.returns.RejectReason;
import dev.ttsconnector.tiktok.returns.ReturnOrder;
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

/**
 * Cancels an app order, whole or by lines, in TikTok (seller cancel, spec §6) — the product doc's "Cancel order in
 * TikTok Shop when order is canceled in Pipe17".
 *
 * <p>Rules, in the order they are checked:
 * <ol>
 *   <li>404 when the order is not in the app; 409 {@code cancel_disabled} (field
 *       {@code settings.orders.cancelInTikTokWhenCanceled}) when the setting is off.</li>
 *   <li>The request: an explicit {@code reason} must be one of {@link TikTokCodes#cancelReasons()} (422, field
 *       {@code reason}); each line names a SKU of the order once, with a quantity from 1 to the SKU's units in the
 *       order (400/422, field {@code lines[i].sku|quantity}). Components of virtual bundles cannot be cancelled by
 *       line (one TikTok line item holds several components); cancel the bundle's whole order instead.</li>
 *   <li>Idempotency: a full cancellation already recorded, or lines whose requested totals are already cancelled,
 *       answer with the existing cancellation and call TikTok not at all.</li>
 *   <li>409 {@code order_not_cancellable} when the app order is cancelled, in transit, delivered or completed.</li>
 *   <li>A PENDING cancellation newer than {@link #PENDING_LEASE} means another request is at work: 409
 *       {@code cancellation_in_progress}. An older one (a crash or a TikTok timeout) is settled first: looked up in
 *       TikTok (seller cancellations of the order) and adopted when found, sent again when not; then the current
 *       request is planned against the result.</li>
 *   <li>A new record (next sequence, conditional insert) is written before TikTok is called, so a concurrent request
 *       loses the insert and gets 409 instead of a second TikTok cancellation.</li>
 *   <li>With "Reject Buyer Refund Requests for Seller-Initiated Cancellations" on, the order's pending buyer
 *       cancellations ({@code BUYER_CANCEL}, {@code CANCELLATION_REQUEST_PENDING}) and pending refund/return requests
 *       ({@code RETURN_OR_REFUND_REQUEST_PENDING}) are rejected first, each with the first reason Get Reject Reasons
 *       offers for it and an idempotency key derived from its id.</li>
 *   <li>Seller cancel with the explicit reason or the settings' default (line items / full order); a full
 *       cancellation sends no line ids, a line cancellation the TikTok line item ids picked from the order.</li>
 * </ol>
 * TikTok refusals become 409 {@code tiktok_refused} (422 when TikTok names the reason or the line ids) with
 * TikTok's message and request id, and the record turns FAILED (nothing counts as cancelled). When TikTok stays
 * unreachable after the client's retries the answer is 503 {@code tiktok_unavailable} and the record stays PENDING
 * for the next request to resolve. When TikTok confirms a full cancellation ({@code CANCELLATION_REQUEST_SUCCESS} or
 * {@code _COMPLETE}) the app order becomes {@code cancelled} (source {@code api}); ingestion later records TikTok's
 * own version of the change.
 */
public final class OrderCancellationService {

    /** How long a PENDING record is presumed to belong to a request still at work. */
    public static final Duration PENDING_LEASE = Duration.ofSeconds(60);
    static final String BUYER_CANCEL = "BUYER_CANCEL";
    static final String SELLER_CANCEL = "CANCEL";
    static final String CANCELLATION_PENDING = "CANCELLATION_REQUEST_PENDING";
    static final String RETURN_PENDING = "RETURN_OR_REFUND_REQUEST_PENDING";
    private static final Set<String> CONFIRMED = Set.of("CANCELLATION_REQUEST_SUCCESS", "CANCELLATION_REQUEST_COMPLETE");
    private static final Set<AppOrderStatus> NOT_CANCELLABLE = Set.of(AppOrderStatus.CANCELLED,
            AppOrderStatus.IN_TRANSIT, AppOrderStatus.DELIVERED, AppOrderStatus.COMPLETED);
    private static final String REJECT_COMMENT = "The seller cancelled this order.";
    private static final int MAX_ORDER_WRITE_ATTEMPTS = 5;

    private final OrderStore orders;
    private final CancellationStore cancellations;
    private final SettingsService settings;
    private final ShopAccess shops;
    private final TikTokCodes codes;
    private final Clock clock;

    public OrderCancellationService(OrderStore orders, CancellationStore cancellations, SettingsService settings,
                                    ShopAccess shops, TikTokCodes codes, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.cancellations = Objects.requireNonNull(cancellations, "cancellations");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shops = Objects.requireNonNull(shops, "shops");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every cancellation recorded for the order (empty when none). */
    public List<CancellationRecord> cancellations(String integrationId, String tiktokOrderId) {
        return cancellations.list(integrationId, tiktokOrderId);
    }

    /**
     * Cancels the order or its lines in TikTok (see the class contract).
     *
     * @throws ApiException 404, 400, 409, 422 or 503 as described above
     */
    public CancellationResult cancel(String integrationId, String tiktokOrderId, CancelOrderRequest request) {
        Objects.requireNonNull(request, "request");
        AppOrder found = orders.get(integrationId, tiktokOrderId)
                .orElseThrow(() -> ApiException.notFound("order", appOrderId(integrationId, tiktokOrderId)));
        AppOrder order = found;
        ConnectorSettings current = settings.require(integrationId).settings();
        if (!current.orders().cancelInTikTokWhenCanceled()) {
            throw new ApiException(409, "cancel_disabled", "Cancelling orders in TikTok is switched off for integration "
                    + integrationId + "; turn on \"Cancel order in TikTok Shop when order is canceled in Pipe17\"",
                    "settings.orders.cancelInTikTokWhenCanceled");
        }
        String explicitReason = validateReason(request.reason());
        Map<String, List<String>> lineIdsBySku = OrderUnits.lineIdsBySku(found);
        Map<String, Integer> wanted = OrderUnits.validate(request.lines(), found, lineIdsBySku,
                "bundle components cannot be cancelled by line, cancel the whole order instead");

        List<CancellationRecord> existing = cancellations.list(integrationId, tiktokOrderId);
        Optional<CancellationRecord> pending = existing.stream()
                .filter(r -> r.state() == CancellationState.PENDING).findFirst();
        CancellationResult resumed = null;
        if (pending.isPresent()) {
            // An earlier attempt's outcome is unknown: settle it first, then plan this request against the result.
            resumed = resume(order, pending.get(), current);
            order = resumed.order();
            existing = resumed.cancellations();
        }
        Plan plan = plan(order, request.isFullOrder(), wanted, lineIdsBySku, existing);
        if (plan.covering() != null) {
            if (resumed != null && plan.covering().sequence() == resumed.cancellation().sequence()) {
                return resumed;
            }
            return new CancellationResult(false, plan.covering(), existing, order);
        }
        if (NOT_CANCELLABLE.contains(order.status())) {
            throw new ApiException(409, "order_not_cancellable", "Order " + order.id() + " is " + order.status().value()
                    + " (TikTok " + order.tiktokStatus() + "); TikTok no longer allows the seller to cancel it", "id");
        }
        ConnectedShop shop = connected(integrationId);
        String reason = explicitReason != null ? explicitReason
                : request.isFullOrder() ? current.orders().fullOrderCancelReason()
                : current.orders().lineItemCancelReason();
        int sequence = existing.stream().mapToInt(CancellationRecord::sequence).max().orElse(0) + 1;
        Instant now = clock.now();
        CancellationRecord fresh = new CancellationRecord(integrationId, tiktokOrderId, sequence,
                request.isFullOrder() ? CancellationScope.FULL_ORDER : CancellationScope.LINES, plan.lineItemIds(),
                plan.added(), reason, CancellationState.PENDING, null, null, List.of(), null, now, now, 0);
        if (!cancellations.insert(fresh)) {
            throw inProgress(found);
        }
        CancellationRecord stored = cancellations.list(integrationId, tiktokOrderId).stream()
                .filter(r -> r.sequence() == sequence).findFirst().orElseThrow(() -> inProgress(found));
        return submit(order, shop, stored, current);
    }

    // ------------------------------------------------------------------ validation and planning

    private String validateReason(String reason) {
        if (reason == null) {
            return null;
        }
        List<String> allowed = codes.cancelReasons().stream().map(ReasonOption::code).toList();
        if (!allowed.contains(reason)) {
            throw ApiException.unprocessable("reason", "'" + reason + "' is not a TikTok seller cancel reason code;"
                    + " allowed: " + String.join(", ", allowed));
        }
        return reason;
    }

    /** Either an existing cancellation that already covers the request, or the line ids to cancel now. */
    private record Plan(CancellationRecord covering, List<String> lineItemIds, Map<String, Integer> added) {
    }

    private static Plan plan(AppOrder order, boolean fullOrder, Map<String, Integer> wanted,
                             Map<String, List<String>> lineIdsBySku, List<CancellationRecord> existing) {
        List<CancellationRecord> counting = existing.stream().filter(CancellationRecord::counts).toList();
        CancellationRecord latest = counting.isEmpty() ? null : counting.get(counting.size() - 1);
        Optional<CancellationRecord> full = counting.stream()
                .filter(r -> r.scope() == CancellationScope.FULL_ORDER).findFirst();
        if (full.isPresent()) {
            // Everything is cancelled already, whatever was asked.
            return new Plan(full.get(), List.of(), Map.of());
        }
        Set<String> cancelled = new HashSet<>();
        counting.forEach(r -> cancelled.addAll(r.lineItemIds()));
        if (fullOrder) {
            Set<String> all = new LinkedHashSet<>();
            order.lines().forEach(l -> all.addAll(l.tiktokLineItemIds()));
            List<String> open = all.stream().filter(id -> !cancelled.contains(id)).toList();
            if (open.isEmpty() && latest != null) {
                return new Plan(latest, List.of(), Map.of());
            }
            return new Plan(null, open, Map.of());
        }
        List<String> toCancel = new ArrayList<>();
        Map<String, Integer> added = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : wanted.entrySet()) {
            List<String> ids = lineIdsBySku.get(e.getKey());
            long already = ids.stream().filter(cancelled::contains).count();
            int need = (int) (e.getValue() - already);
            if (need > 0) {
                ids.stream().filter(id -> !cancelled.contains(id)).limit(need).forEach(toCancel::add);
                added.put(e.getKey(), need);
            }
        }
        if (toCancel.isEmpty()) {
            // Every requested unit is already cancelled: answer with the newest cancellation covering these lines.
            CancellationRecord covering = null;
            for (CancellationRecord r : counting) {
                if (wanted.keySet().stream().anyMatch(sku -> r.lineItemIds().stream()
                        .anyMatch(lineIdsBySku.get(sku)::contains))) {
                    covering = r;
                }
            }
            return new Plan(covering != null ? covering : latest, List.of(), Map.of());
        }
        return new Plan(null, toCancel, added);
    }

    // ------------------------------------------------------------------ TikTok

    private CancellationResult resume(AppOrder order, CancellationRecord pending, ConnectorSettings current) {
        if (pending.updatedAt().plus(PENDING_LEASE).isAfter(clock.now())) {
            throw inProgress(order);
        }
        ConnectedShop shop = connected(order.integrationId());
        CancellationRecord taken;
        try {
            taken = cancellations.replace(pending.retaken(clock.now()));
        } catch (VersionConflictException lost) {
            throw inProgress(order);
        }
        Optional<Cancellation> applied;
        try {
            applied = findApplied(shop, taken);
        } catch (TikTokApiException e) {
            throw unavailable(order, e);
        }
        if (applied.isPresent()) {
            CancellationRecord done = cancellations.replace(taken.submitted(applied.get().cancelId(),
                    applied.get().cancelStatus(), taken.rejectedBuyerRequests(), clock.now()));
            return finish(order, done);
        }
        return submit(order, shop, taken, current);
    }

    private CancellationResult submit(AppOrder order, ConnectedShop shop, CancellationRecord record,
                                      ConnectorSettings current) {
        List<String> rejected = new ArrayList<>(record.rejectedBuyerRequests());
        try {
            if (current.refunds().rejectBuyerRequestsOnSellerCancel()) {
                rejectBuyerRequests(shop, order, rejected);
            }
            CancelResult result = shop.client().returns().cancelOrder(shop.shop(), order.tiktokOrderId(),
                    record.reason(), record.scope() == CancellationScope.FULL_ORDER ? List.of() : record.lineItemIds());
            CancellationRecord done = cancellations.replace(
                    record.submitted(result.cancelId(), result.cancelStatus(), rejected, clock.now()));
            return finish(order, done);
        } catch (TikTokTransientException e) {
            // TikTok may or may not have applied it: the record stays PENDING and the next request looks it up.
            saveRejected(record, rejected);
            throw unavailable(order, e);
        } catch (TikTokApiException e) {
            if (!(e instanceof TikTokAuthException)) {
                // The client retries writes after timeouts; TikTok may have applied an earlier attempt and now refuses
                // the repeat (reliability R5). Such a cancellation is ours, not a refusal.
                Optional<Cancellation> applied;
                try {
                    applied = findApplied(shop, record);
                } catch (TikTokApiException lookupFailed) {
                    // Cannot tell whether the earlier attempt got through: stay PENDING, the next request looks again.
                    saveRejected(record, rejected);
                    throw unavailable(order, lookupFailed);
                }
                if (applied.isPresent()) {
                    CancellationRecord done = cancellations.replace(record.submitted(applied.get().cancelId(),
                            applied.get().cancelStatus(), rejected, clock.now()));
                    return finish(order, done);
                }
            }
            String message = "TikTok refused the cancellation of order " + order.id() + ": " + e.tiktokMessage()
                    + " (code " + e.code() + ", request_id " + e.requestId() + ")";
            cancellations.replace(record.failed(message, rejected, clock.now()));
            if (e instanceof TikTokAuthException) {
                throw new ApiException(409, "integration_not_authorized", "TikTok refused the shop's credentials for"
                        + " integration " + order.integrationId() + "; the seller must re-authorize (" + e.tiktokMessage()
                        + ")", "integrationId");
            }
            throw refused(message, e.tiktokMessage());
        } catch (ApiException e) {
            cancellations.replace(record.failed(e.getMessage(), rejected, clock.now()));
            throw e;
        }
    }

    /** Rejects the order's pending buyer cancellations and refund/return requests not rejected yet. */
    private void rejectBuyerRequests(ConnectedShop shop, AppOrder order, List<String> rejected) {
        AftersaleSearchRequest byOrder = new AftersaleSearchRequest(null, List.of(order.tiktokOrderId()),
                List.of(CANCELLATION_PENDING), List.of(BUYER_CANCEL), null, null, null, null, 50, null, null);
        List<Cancellation> buyerCancels = shop.client().returns().searchCancellations(shop.shop(), byOrder, null).toList();
        for (Cancellation c : buyerCancels) {
            if (!rejected.contains(c.cancelId())) {
                String reason = firstRejectReason(shop, order, c.cancelId());
                shop.client().returns().rejectCancellation(shop.shop(), c.cancelId(), reason, REJECT_COMMENT,
                        "reject-" + c.cancelId());
                rejected.add(c.cancelId());
            }
        }
        AftersaleSearchRequest returnsByOrder = new AftersaleSearchRequest(null, List.of(order.tiktokOrderId()),
                List.of(RETURN_PENDING), null, null, null, null, null, 50, null, null);
        List<ReturnOrder> pendingReturns = shop.client().returns().searchReturns(shop.shop(), returnsByOrder, null).toList();
        for (ReturnOrder r : pendingReturns) {
            if (!rejected.contains(r.returnId())) {
                String reason = firstRejectReason(shop, order, r.returnId());
                // A refund-only request is rejected as a refund; a return-and-refund request as a return.
                String decision = "RETURN_AND_REFUND".equals(r.returnType()) ? "REJECT_RETURN" : "REJECT_REFUND";
                shop.client().returns().rejectReturn(shop.shop(), r.returnId(), decision, reason, REJECT_COMMENT,
                        "reject-" + r.returnId());
                rejected.add(r.returnId());
            }
        }
    }

    private static String firstRejectReason(ConnectedShop shop, AppOrder order, String requestId) {
        List<RejectReason> reasons = shop.client().returns().rejectReasons(shop.shop(), requestId, null);
        return reasons.stream().map(RejectReason::name).filter(n -> n != null && !n.isBlank()).findFirst()
                .orElseThrow(() -> new ApiException(409, "no_reject_reason", "TikTok offers no reason to reject the"
                        + " buyer's request " + requestId + " on order " + order.id() + ", so the seller cancellation"
                        + " cannot go through; handle the buyer's request in TikTok first", "id"));
    }

    /** A seller cancellation of the order in TikTok that covers the record (an earlier attempt got through). */
    private static Optional<Cancellation> findApplied(ConnectedShop shop, CancellationRecord record) {
        AftersaleSearchRequest byOrder = new AftersaleSearchRequest(null, List.of(record.tiktokOrderId()), null,
                List.of(SELLER_CANCEL), null, null, null, null, 50, null, null);
        List<Cancellation> found = shop.client().returns().searchCancellations(shop.shop(), byOrder, null).toList();
        return found.stream()
                .filter(c -> !"BUYER".equalsIgnoreCase(c.role()))
                .filter(c -> c.createTime() == null || !c.createTime().isBefore(record.createdAt().minus(PENDING_LEASE)))
                .filter(c -> {
                    Set<String> lines = new HashSet<>();
                    c.lineItems().stream().map(AftersaleLineItem::orderLineItemId).forEach(lines::add);
                    return lines.isEmpty() || record.lineItemIds().isEmpty()
                            || record.lineItemIds().stream().anyMatch(lines::contains);
                })
                .findFirst();
    }

    private void saveRejected(CancellationRecord record, List<String> rejected) {
        if (!rejected.equals(record.rejectedBuyerRequests())) {
            try {
                cancellations.replace(new CancellationRecord(record.integrationId(), record.tiktokOrderId(),
                        record.sequence(), record.scope(), record.lineItemIds(), record.skuQuantities(),
                        record.reason(), record.state(), null, null, rejected, null, record.createdAt(),
                        record.updatedAt(), record.version()));
            } catch (VersionConflictException ignored) {
                // Another attempt took the record over; it searches TikTok for pending requests again.
            }
        }
    }

    private CancellationResult finish(AppOrder order, CancellationRecord done) {
        AppOrder after = order;
        if (done.scope() == CancellationScope.FULL_ORDER && done.tiktokCancelStatus() != null
                && CONFIRMED.contains(done.tiktokCancelStatus().toUpperCase(Locale.ROOT))) {
            after = markCancelled(order);
        }
        return new CancellationResult(true, done, cancellations.list(order.integrationId(), order.tiktokOrderId()),
                after);
    }

    /** The app order shows TikTok's confirmed full cancellation (ingestion records TikTok's version later). */
    private AppOrder markCancelled(AppOrder order) {
        AppOrder current = order;
        for (int attempt = 0; attempt < MAX_ORDER_WRITE_ATTEMPTS; attempt++) {
            if (current.status() == AppOrderStatus.CANCELLED) {
                return current;
            }
            Instant now = clock.now();
            AppOrder next = current.withStatus(AppOrderStatus.CANCELLED, now)
                    .withHistoryEntry(new StatusChange(now, AppOrderStatus.CANCELLED, "CANCELLED", ChangeSource.API));
            try {
                return orders.replace(next);
            } catch (VersionConflictException conflict) {
                current = orders.get(order.integrationId(), order.tiktokOrderId()).orElse(current);
            }
        }
        // Ingestion changed the order meanwhile more than a few times; it carries TikTok's CANCELLED status anyway.
        return current;
    }

    private ConnectedShop connected(String integrationId) {
        try {
            return shops.connected(integrationId);
        } catch (IntegrationNotConnectedException e) {
            throw new ApiException(409, "integration_not_connected", "Integration " + integrationId
                    + " is not connected to TikTok; connect it before cancelling orders", "integrationId");
        }
    }

    private static ApiException refused(String message, String tiktokMessage) {
        String m = tiktokMessage == null ? "" : tiktokMessage.toLowerCase(Locale.ROOT);
        if (m.contains("cancel_reason")) {
            return new ApiException(422, "tiktok_refused", message, "reason");
        }
        if (m.contains("order_line_item_ids")) {
            return new ApiException(422, "tiktok_refused", message, "lines");
        }
        return new ApiException(409, "tiktok_refused", message, "id");
    }

    private static ApiException inProgress(AppOrder order) {
        return new ApiException(409, "cancellation_in_progress", "Another cancellation of order " + order.id()
                + " is being sent to TikTok; retry in a minute", "id");
    }

    private static ApiException unavailable(AppOrder order, TikTokApiException e) {
        return new ApiException(503, "tiktok_unavailable", "TikTok did not answer the cancellation of order "
                + order.id() + " (" + e.getMessage() + "); send the same request again in a minute: it is not"
                + " cancelled twice", null);
    }

    private static String appOrderId(String integrationId, String tiktokOrderId) {
        return AppOrderId.of(integrationId, tiktokOrderId);
    }
}
