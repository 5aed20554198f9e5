package dev.ttsconnector.flow.returns;

import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderId;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.app.orders.OrderStore;
import dev.ttsconnector.app.returns.AppRefund;
import dev.ttsconnector.app.returns.ReturnLine;
import dev.ttsconnector.app.returns.ReturnStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.flow.orders.OrderUnits;
import dev.ttsconnector.flow.orders.cancel.CancelOrderRequest;
import dev.ttsconnector.flow.orders.cancel.CancellationResult;
import dev.ttsconnector.flow.orders.cancel.OrderCancellationService;
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
import dev.ttsconnector.tiktok.returns.RefundAmount;
import dev.ttsconnector.tiktok.returns.RefundCalculationRequest;
import dev.ttsconnector.tiktok.returns.SellerReturnRequest;
import dev.ttsconnector.tiktok.returns.SellerReturnResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Creates a refund in TikTok for an app order (product doc "Refunds": "Refunds and cancellations created in Pipe17
 * push to TikTok using the configured default refund and cancellation reasons").
 *
 * <p>What happens depends on the order's TikTok status:
 * <ul>
 *   <li>{@code DELIVERED}, {@code COMPLETED}: a seller-initiated refund ({@code POST /return_refund/202309/returns},
 *       spec §6) with the request's reason or "Reason by default for creating refund in TikTok for Delivered orders"
 *       ({@code settings.refunds.deliveredRefundReason});</li>
 *   <li>{@code AWAITING_COLLECTION}, {@code IN_TRANSIT}: the same with "… for orders in Transit/Awaiting collection
 *       status" ({@code settings.refunds.inTransitRefundReason});</li>
 *   <li>{@code AWAITING_SHIPMENT}: nothing has left the warehouse, so it is a cancellation: the order cancellation
 *       service ({@link OrderCancellationService}, all its rules, including "Reject Buyer Refund Requests for
 *       Seller-Initiated Cancellations" and the Orders cancel switch) with "Reason by default for creating
 *       cancelation in TikTok for not shipped orders" ({@code settings.refunds.awaitingShipmentCancelReason});</li>
 *   <li>anything else (unpaid, on hold, partially shipping, cancelled): 409 {@code refund_not_allowed}, field
 *       {@code id}.</li>
 * </ul>
 * An explicit {@code reason} must be one of the reason list of that status (422, field {@code reason}); lines name
 * SKUs of the order with 1…units quantities (400/422, field {@code lines[i].sku|quantity}); {@code type} is
 * {@code REFUND} or {@code RETURN_AND_REFUND} (422, field {@code type}). Without {@code refundTotal} the amount is
 * what TikTok calculates for the lines (one extra call).
 *
 * <p>Idempotency: every TikTok create carries an {@code idempotency_key} derived from the integration, the order and
 * the caller's {@code requestId} (or, without one, the request's content), kept on the app record. A repeat of a
 * recorded request is answered from the record ({@code created=false}) without calling TikTok; a retry after a
 * timeout or a crash before the record was written sends the same key and gets TikTok's first return back instead of
 * a second one. Lines take the first units of each SKU that no standing refund of the order covers yet, so a new
 * request (another {@code requestId} or content) refunds the next units (422 when none are left).
 * TikTok unreachable after the client's retries: 503 {@code tiktok_unavailable} (send the same request again);
 * TikTok refusing: 409 {@code tiktok_refused}, or 422 when TikTok names the amount, reason or lines.
 */
public final class RefundPushService {

    private static final Set<String> DELIVERED = Set.of("DELIVERED", "COMPLETED");
    private static final Set<String> IN_TRANSIT = Set.of("AWAITING_COLLECTION", "IN_TRANSIT");
    private static final String AWAITING_SHIPMENT = "AWAITING_SHIPMENT";

    private final OrderStore orders;
    private final ReturnStore returns;
    private final OrderCancellationService cancellations;
    private final SettingsService settings;
    private final ShopAccess shops;
    private final TikTokCodes codes;
    private final Clock clock;

    public RefundPushService(OrderStore orders, ReturnStore returns, OrderCancellationService cancellations,
                             SettingsService settings, ShopAccess shops, TikTokCodes codes, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.returns = Objects.requireNonNull(returns, "returns");
        this.cancellations = Objects.requireNonNull(cancellations, "cancellations");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shops = Objects.requireNonNull(shops, "shops");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Refunds (or, awaiting shipment, cancels) the order or its lines in TikTok; see the class contract.
     *
     * @throws ApiException 400, 404, 409, 422 or 503 as described above
     */
    public RefundPushResult create(String integrationId, String tiktokOrderId, CreateRefundRequest request) {
        Objects.requireNonNull(request, "request");
        AppOrder order = orders.get(integrationId, tiktokOrderId)
                .orElseThrow(() -> ApiException.notFound("order", AppOrderId.of(integrationId, tiktokOrderId)));
        ConnectorSettings.Refunds refundSettings = settings.require(integrationId).settings().refunds();
        String status = order.tiktokStatus() == null ? "" : order.tiktokStatus().toUpperCase(Locale.ROOT);
        Map<String, List<String>> lineIdsBySku = OrderUnits.lineIdsBySku(order);
        Map<String, Integer> wanted = OrderUnits.validate(request.lines(), order, lineIdsBySku,
                "components of virtual bundles are refunded with their whole order");

        if (AWAITING_SHIPMENT.equals(status)) {
            // Not shipped: TikTok has no refund without a cancellation here (spec §6 request_type CANCEL).
            List<CancelOrderRequest.Line> lines = wanted.entrySet().stream()
                    .map(e -> new CancelOrderRequest.Line(e.getKey(), e.getValue())).toList();
            String reason = request.reason() != null ? request.reason() : refundSettings.awaitingShipmentCancelReason();
            CancellationResult result = cancellations.cancel(integrationId, tiktokOrderId,
                    new CancelOrderRequest(lines, reason));
            return new RefundPushResult(RefundPushResult.Kind.CANCELLATION, result.created(), null, result);
        }
        String reason;
        if (DELIVERED.contains(status)) {
            reason = reason(request.reason(), refundSettings.deliveredRefundReason(), codes.deliveredRefundReasons(),
                    "delivered");
        } else if (IN_TRANSIT.contains(status)) {
            reason = reason(request.reason(), refundSettings.inTransitRefundReason(), codes.inTransitRefundReasons(),
                    "in transit or awaiting collection");
        } else {
            throw new ApiException(409, "refund_not_allowed", "Order " + order.id() + " is " + order.status().value()
                    + " (TikTok " + order.tiktokStatus() + "); TikTok takes seller refunds for orders that are"
                    + " awaiting shipment (as a cancellation), awaiting collection, in transit, delivered or completed",
                    "id");
        }
        String type = request.type() == null ? SellerReturnRequest.REFUND : request.type();
        if (!SellerReturnRequest.REFUND.equals(type) && !SellerReturnRequest.RETURN_AND_REFUND.equals(type)) {
            throw ApiException.unprocessable("type", "'" + type + "' is not a TikTok seller refund type; allowed: "
                    + SellerReturnRequest.REFUND + ", " + SellerReturnRequest.RETURN_AND_REFUND);
        }
        BigDecimal amount = null;
        String currency = null;
        if (request.refundTotal() != null) {
            CreateRefundRequest.Amount a = request.refundTotal();
            if (a.amount() == null || a.amount().signum() <= 0) {
                throw ApiException.validation("refundTotal.amount", "refundTotal.amount must be greater than 0, was "
                        + a.amount());
            }
            if (a.currency() == null || !a.currency().matches("[A-Z]{3}")) {
                throw ApiException.validation("refundTotal.currency", "refundTotal.currency must be an ISO 4217 code"
                        + " such as USD, was " + a.currency());
            }
            amount = a.amount();
            currency = a.currency();
        }
        String key = idempotencyKey(integrationId, tiktokOrderId, type, reason, wanted, amount, currency,
                request.requestId());
        List<AppRefund> earlier = returns.refundsOfOrder(integrationId, tiktokOrderId);
        Optional<AppRefund> same = earlier.stream().filter(r -> key.equals(r.pushKey())).findFirst();
        if (same.isPresent()) {
            // This request was pushed and recorded before: answer it without calling TikTok again.
            return new RefundPushResult(RefundPushResult.Kind.REFUND, false, same.get(), null);
        }
        List<String> lineItemIds = pickLineItemIds(request.lines(), wanted, lineIdsBySku, refundedLineIds(earlier));
        ConnectedShop shop = connected(integrationId);
        SellerReturnResult created;
        Money total;
        try {
            if (amount == null) {
                RefundAmount calculated = calculate(shop, new RefundCalculationRequest(tiktokOrderId, type, reason,
                        lineItemIds, null, null));
                if (calculated != null && calculated.refundTotal() != null) {
                    amount = calculated.refundTotal().amount();
                    currency = calculated.refundTotal().currency();
                }
            }
            created = shop.client().returns().createReturn(shop.shop(), new SellerReturnRequest(tiktokOrderId, type,
                    reason, lineItemIds, amount, currency, null, null), key);
            total = amount == null ? null : new Money(amount, currency);
        } catch (TikTokTransientException e) {
            throw new ApiException(503, "tiktok_unavailable", "TikTok did not answer the refund of order " + order.id()
                    + " (" + e.getMessage() + "); send the same request again in a minute: it is not refunded twice",
                    null);
        } catch (TikTokAuthException e) {
            throw new ApiException(409, "integration_not_authorized", "TikTok refused the shop's credentials for"
                    + " integration " + integrationId + "; the seller must re-authorize (" + e.tiktokMessage() + ")",
                    "integrationId");
        } catch (TikTokApiException e) {
            throw refused("TikTok refused the refund of order " + order.id() + ": " + e.tiktokMessage() + " (code "
                    + e.code() + ", request_id " + e.requestId() + ")", e.tiktokMessage());
        }
        if (created.returnId() == null || created.returnId().isBlank()) {
            throw new ApiException(502, "tiktok_bad_answer", "TikTok accepted the refund of order " + order.id()
                    + " but answered no return_id; send the same request again to read it back", null);
        }
        Instant now = clock.now();
        AppRefund record = new AppRefund(AppRefund.idOf(integrationId, created.returnId()), integrationId,
                created.returnId(), tiktokOrderId, type, created.returnStatus() == null ? "RETURN_OR_REFUND_REQUEST_PENDING"
                : created.returnStatus(), AppRefund.ORIGIN_APP, key, "SELLER", reason, codes.reasonLabel(reason), total,
                null, null, null, refundLines(order, lineItemIds), now, Instant.EPOCH, now, now, 0);
        Optional<AppRefund> inserted = returns.insertRefund(record);
        if (inserted.isPresent()) {
            return new RefundPushResult(RefundPushResult.Kind.REFUND, true, inserted.get(), null);
        }
        // A retry of a refund TikTok already has (same idempotency key, same return id): answer the stored record.
        AppRefund existing = returns.getRefund(integrationId, created.returnId()).orElseThrow(() ->
                new IllegalStateException("refund " + created.returnId() + " was neither inserted nor found"));
        return new RefundPushResult(RefundPushResult.Kind.REFUND, false, existing, null);
    }

    /**
     * TikTok's refundable amount, or null when TikTok refuses to calculate it: after a crash between TikTok's answer
     * and the app record, the lines are already in our first return and nothing is left to calculate. The create then
     * goes out without {@code refund_total} (TikTok refunds what is refundable) under the same idempotency key, which
     * answers the first return; without an earlier return TikTok refuses the create with its own reason.
     */
    private static RefundAmount calculate(ConnectedShop shop, RefundCalculationRequest request) {
        try {
            return shop.client().returns().calculateRefund(shop.shop(), request);
        } catch (TikTokTransientException | TikTokAuthException e) {
            throw e;
        } catch (TikTokApiException refused) {
            return null;
        }
    }

    private static String reason(String explicit, String fallback, List<ReasonOption> allowed, String what) {
        if (explicit == null) {
            return fallback;
        }
        List<String> codes = allowed.stream().map(ReasonOption::code).toList();
        if (!codes.contains(explicit)) {
            throw ApiException.unprocessable("reason", "'" + explicit + "' is not a refund reason for " + what
                    + " orders; allowed: " + String.join(", ", codes));
        }
        return explicit;
    }

    /** TikTok line items in the order's refunds that still stand (not rejected or cancelled). */
    private static Set<String> refundedLineIds(List<AppRefund> refunds) {
        Set<String> ids = new java.util.HashSet<>();
        refunds.stream().filter(r -> !r.tiktokStatus().endsWith("_REJECT") && !r.tiktokStatus().endsWith("_CANCEL"))
                .forEach(r -> r.lines().forEach(l -> ids.add(l.orderLineItemId())));
        return ids;
    }

    /**
     * The first {@code quantity} line items of each SKU that no standing refund covers yet (one line item is one unit,
     * spec §4), so a second refund of the same SKU takes the next units.
     */
    private static List<String> pickLineItemIds(List<CreateRefundRequest.Line> lines, Map<String, Integer> wanted,
                                                Map<String, List<String>> lineIdsBySku, Set<String> refunded) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String sku = lines.get(i).sku();
            int quantity = wanted.get(sku);
            List<String> free = lineIdsBySku.get(sku).stream().filter(id -> !refunded.contains(id)).toList();
            if (free.size() < quantity) {
                throw ApiException.unprocessable("lines[" + i + "].quantity", "only " + free.size() + " unit(s) of"
                        + " SKU '" + sku + "' are not refunded yet; asked for " + quantity);
            }
            ids.addAll(free.subList(0, quantity));
        }
        return ids;
    }

    private static List<ReturnLine> refundLines(AppOrder order, List<String> lineItemIds) {
        List<ReturnLine> out = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            for (String id : line.tiktokLineItemIds()) {
                if (lineItemIds.isEmpty() || lineItemIds.contains(id)) {
                    out.add(new ReturnLine(line.sku(), line.tiktokSkuId(), line.productName(), id, null,
                            line.unitPrice()));
                }
            }
        }
        return out;
    }

    /**
     * TikTok's {@code idempotency_key} (≤ 255 characters, spec §6) of this refund: the same integration, order and
     * request id, or without a request id the same content (type, reason, SKU quantities, amount), always give the
     * same key; the TikTok line items picked do not enter it, so a retry after a crash sends the same key even though
     * nothing marks its lines as refunded in the app yet.
     */
    static String idempotencyKey(String integrationId, String tiktokOrderId, String type, String reason,
                                 Map<String, Integer> skuQuantities, BigDecimal amount, String currency,
                                 String requestId) {
        Map<String, String> parts = new TreeMap<>();
        parts.put("integration", integrationId);
        parts.put("order", tiktokOrderId);
        if (requestId != null && !requestId.isBlank()) {
            parts.put("request", requestId);
        } else {
            parts.put("type", type);
            parts.put("reason", reason);
            parts.put("lines", new TreeMap<>(skuQuantities).toString());
            parts.put("amount", amount == null ? "" : amount.stripTrailingZeros().toPlainString() + " " + currency);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(parts.toString().getBytes(StandardCharsets.UTF_8));
            return "refund-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private ConnectedShop connected(String integrationId) {
        try {
            return shops.connected(integrationId);
        } catch (IntegrationNotConnectedException e) {
            throw new ApiException(409, "integration_not_connected", "Integration " + integrationId
                    + " is not connected to TikTok; connect it before creating refunds", "integrationId");
        }
    }

    private static ApiException refused(String message, String tiktokMessage) {
        String m = tiktokMessage == null ? "" : tiktokMessage.toLowerCase(Locale.ROOT);
        if (m.contains("refund_total") || m.contains("currency")) {
            return new ApiException(422, "tiktok_refused", message, "refundTotal");
        }
        if (m.contains("return_reason") || m.contains("reason_name")) {
            return new ApiException(422, "tiktok_refused", message, "reason");
        }
        if (m.contains("order_line_item_ids")) {
            return new ApiException(422, "tiktok_refused", message, "lines");
        }
        if (m.contains("return_type") || m.contains("request_type")) {
            return new ApiException(422, "tiktok_refused", message, "type");
        }
        return new ApiException(409, "tiktok_refused", message, "id");
    }
}
