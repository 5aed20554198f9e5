package dev.ttsconnector.flow.fulfillments;

import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.app.fulfillments.FulfillmentLine;
import dev.ttsconnector.app.fulfillments.FulfillmentRequestException;
import dev.ttsconnector.app.fulfillments.FulfillmentRequestException.Kind;
import dev.ttsconnector.app.fulfillments.FulfillmentState;
import dev.ttsconnector.app.fulfillments.FulfillmentStore;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.app.orders.OrderStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.VersionConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The app side of fulfillments: accepts a shipment for an order, validates it whole before anything is written,
 * stores it {@code pending} and queues its push; lists an order's fulfillments; corrects the tracking of one.
 *
 * <p>Validation: the order exists (the caller has checked the integration is theirs), is not cancelled, and every
 * requested SKU and quantity is still unshipped, i.e. its TikTok line items are not held by another pending or
 * posted fulfillment; carrier and tracking are not blank. Omitted lines mean "everything still unshipped".
 * Orders pulled as platform-shipped are recorded {@code skipped} and never queued.
 *
 * <p>Two requests for the same lines at the same moment can both pass validation (the store has no
 * transactions); the second push then finds the line items shipped with other tracking and ends {@code failed}
 * {@code TRACKING_CONFLICT} — visible, never a second shipment.
 */
public final class FulfillmentService {

    /** Longest tracking number or carrier name accepted (TikTok's own limits are not documented, spec §5). */
    public static final int MAX_TEXT = 128;
    public static final String QUEUE_UNAVAILABLE = "QUEUE_UNAVAILABLE";

    /** One requested line: an app SKU and how many units. */
    public record LineRequest(String sku, Integer quantity) {
    }

    /** A shipment as the app sends it; {@code lines} null or empty = the rest of the order. */
    public record CreateRequest(List<LineRequest> lines, String carrier, String trackingNumber, Instant shippedAt) {
    }

    private final OrderStore orders;
    private final FulfillmentStore fulfillments;
    private final FulfillmentQueue queue;
    private final Clock clock;
    private final Supplier<String> ids;

    public FulfillmentService(OrderStore orders, FulfillmentStore fulfillments, FulfillmentQueue queue, Clock clock) {
        this(orders, fulfillments, queue, clock, () -> "ful_" + UUID.randomUUID().toString().replace("-", ""));
    }

    public FulfillmentService(OrderStore orders, FulfillmentStore fulfillments, FulfillmentQueue queue, Clock clock,
                              Supplier<String> ids) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.fulfillments = Objects.requireNonNull(fulfillments, "fulfillments");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Validates, stores and queues a fulfillment.
     *
     * @return the stored record: {@code pending}, or {@code skipped} for a platform-shipped order
     * @throws FulfillmentRequestException when the request is refused (nothing written)
     */
    public Fulfillment create(String integrationId, String tiktokOrderId, CreateRequest request) {
        String carrier = requireText(request.carrier(), "carrier");
        String tracking = requireText(request.trackingNumber(), "trackingNumber");
        AppOrder order = order(integrationId, tiktokOrderId);
        if (order.status() == AppOrderStatus.CANCELLED) {
            throw new FulfillmentRequestException(Kind.CONFLICT, null, "order " + order.id() + " is cancelled");
        }
        List<Fulfillment> existing = fulfillments.listForOrder(integrationId, tiktokOrderId);
        Set<String> claimed = new HashSet<>();
        existing.stream().filter(f -> f.state().claimsLines()).forEach(f -> claimed.addAll(f.lineItemIds()));
        List<FulfillmentLine> lines = request.lines() == null || request.lines().isEmpty()
                ? rest(order, claimed) : requested(order, claimed, request.lines());
        Instant now = clock.now();
        Fulfillment draft = new Fulfillment(ids.get(), integrationId, tiktokOrderId, order.id(), lines, carrier,
                tracking, request.shippedAt() != null ? request.shippedAt() : now, FulfillmentState.PENDING, null,
                List.of(), null, null, null, null, null, null, 0, now, now, 0);
        if (order.platformShipped()) {
            return fulfillments.insert(draft.skipped(Fulfillment.PLATFORM_SHIPPED,
                    "the order was pulled as shipped by the platform (TikTok ships it); no tracking is posted", now));
        }
        return enqueue(fulfillments.insert(draft));
    }

    /** An order's fulfillments, oldest first. */
    public List<Fulfillment> list(String integrationId, String tiktokOrderId) {
        order(integrationId, tiktokOrderId);
        return fulfillments.listForOrder(integrationId, tiktokOrderId);
    }

    /**
     * New tracking for a fulfillment: a posted one is corrected in TikTok through "update shipping info" (only
     * within 72 h of posting, spec §5); a failed one is pushed again with it.
     */
    public Fulfillment correct(String integrationId, String tiktokOrderId, String fulfillmentId, String carrier,
                               String trackingNumber) {
        String tracking = requireText(trackingNumber, "trackingNumber");
        Fulfillment f = fulfillments.get(integrationId, tiktokOrderId, fulfillmentId).orElseThrow(() ->
                new FulfillmentRequestException(Kind.NOT_FOUND, null, "fulfillment '" + fulfillmentId + "' not found"));
        String newCarrier = carrier == null ? f.carrier() : requireText(carrier, "carrier");
        Instant now = clock.now();
        switch (f.state()) {
            case PENDING -> throw new FulfillmentRequestException(Kind.CONFLICT, null, "fulfillment " + f.id()
                    + " is being pushed to TikTok; correct it once it is posted or failed");
            case SKIPPED -> throw new FulfillmentRequestException(Kind.CONFLICT, null, "fulfillment " + f.id()
                    + " was skipped (" + f.message() + "); there is nothing in TikTok to correct");
            case POSTED -> {
                if (tracking.equals(f.trackingNumber()) && newCarrier.equals(f.carrier())) {
                    return f;
                }
                if (f.postedAt() != null && now.isAfter(f.postedAt().plus(FulfillmentPushService.TRACKING_UPDATE_WINDOW))) {
                    throw new FulfillmentRequestException(Kind.CONFLICT, "trackingNumber", "TikTok accepts a "
                            + "corrected tracking number only within 72 hours after shipping; fulfillment " + f.id()
                            + " was posted at " + f.postedAt());
                }
            }
            case FAILED -> {
                // A failed fulfillment may release its lines; they must still be free to push it again.
                Set<String> claimed = new HashSet<>();
                fulfillments.listForOrder(integrationId, tiktokOrderId).stream()
                        .filter(x -> !x.id().equals(f.id()) && x.state().claimsLines())
                        .forEach(x -> claimed.addAll(x.lineItemIds()));
                List<String> taken = f.lineItemIds().stream().filter(claimed::contains).toList();
                if (!taken.isEmpty()) {
                    throw new FulfillmentRequestException(Kind.CONFLICT, null, "line items " + taken
                            + " of fulfillment " + f.id() + " are shipped by another fulfillment now");
                }
            }
        }
        try {
            return enqueue(fulfillments.replace(f.retracked(newCarrier, tracking, now)));
        } catch (VersionConflictException raced) {
            throw new FulfillmentRequestException(Kind.CONFLICT, null, "fulfillment " + f.id()
                    + " changed while it was being corrected; read it again");
        }
    }

    private Fulfillment enqueue(Fulfillment stored) {
        try {
            queue.enqueue(stored);
            return stored;
        } catch (RuntimeException e) {
            // Not queued: release the lines (failed) so the caller can simply send the request again.
            try {
                fulfillments.replace(stored.failed(QUEUE_UNAVAILABLE,
                        "the push could not be queued; send the tracking again", clock.now()));
            } catch (RuntimeException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
    }

    private AppOrder order(String integrationId, String tiktokOrderId) {
        return orders.get(integrationId, tiktokOrderId).orElseThrow(() -> new FulfillmentRequestException(
                Kind.NOT_FOUND, null, "order '" + tiktokOrderId + "' not found"));
    }

    private static List<FulfillmentLine> rest(AppOrder order, Set<String> claimed) {
        List<FulfillmentLine> lines = new ArrayList<>();
        Set<String> taken = new HashSet<>(claimed);
        for (OrderLine line : order.lines()) {
            List<String> free = line.tiktokLineItemIds().stream().filter(id -> !taken.contains(id)).toList();
            if (!free.isEmpty()) {
                taken.addAll(free);
                lines.add(new FulfillmentLine(skuOf(line), free.size() * unitsPerItem(line), free));
            }
        }
        if (lines.isEmpty()) {
            throw new FulfillmentRequestException(Kind.CONFLICT, "lines", "order " + order.id()
                    + " has nothing left to ship: every line is in a pending or posted fulfillment");
        }
        return lines;
    }

    private static List<FulfillmentLine> requested(AppOrder order, Set<String> claimed, List<LineRequest> requested) {
        List<FulfillmentLine> lines = new ArrayList<>();
        Set<String> taken = new HashSet<>(claimed);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            LineRequest r = requested.get(i);
            String field = "lines[" + i + "]";
            if (r == null) {
                throw invalid(field, field + " must be an object with sku and quantity");
            }
            String sku = r.sku() == null ? "" : r.sku().strip();
            if (sku.isEmpty()) {
                throw invalid(field + ".sku", field + ".sku is required");
            }
            if (!seen.add(sku.toLowerCase(Locale.ROOT))) {
                throw invalid(field + ".sku", "SKU '" + sku + "' is listed twice; give each SKU once");
            }
            if (r.quantity() == null || r.quantity() < 1) {
                throw invalid(field + ".quantity", field + ".quantity must be a whole number of at least 1");
            }
            List<OrderLine> matching = order.lines().stream().filter(l -> sku.equals(l.sku())).toList();
            if (matching.isEmpty()) {
                throw invalid(field + ".sku", "SKU '" + sku + "' is not on order " + order.id());
            }
            int wanted = r.quantity();
            int units = 0;
            int open = 0;
            List<String> pick = new ArrayList<>();
            for (OrderLine line : matching) {
                int per = unitsPerItem(line);
                for (String id : line.tiktokLineItemIds()) {
                    if (taken.contains(id)) {
                        continue;
                    }
                    open += per;
                    if (units + per <= wanted) {
                        units += per;
                        pick.add(id);
                    }
                }
            }
            if (open < wanted) {
                throw invalid(field + ".quantity", wanted + " of SKU '" + sku + "' requested but only " + open
                        + " are unshipped on order " + order.id());
            }
            if (units != wanted) {
                throw invalid(field + ".quantity", "SKU '" + sku + "' ships in bundles of " + unitsPerItem(matching.get(0))
                        + " per TikTok line item; " + wanted + " cannot be shipped exactly");
            }
            taken.addAll(pick);
            lines.add(new FulfillmentLine(sku, wanted, pick));
        }
        return lines;
    }

    /** Units one TikTok line item carries: 1, or a virtual bundle's component count (spec §4). */
    private static int unitsPerItem(OrderLine line) {
        int items = line.tiktokLineItemIds().size();
        return items == 0 ? 1 : Math.max(1, line.quantity() / items);
    }

    private static String skuOf(OrderLine line) {
        return line.sku() != null ? line.sku() : line.tiktokSkuId();
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " is required and must not be blank");
        }
        String v = value.strip();
        if (v.length() > MAX_TEXT) {
            throw invalid(field, field + " must be at most " + MAX_TEXT + " characters");
        }
        return v;
    }

    private static FulfillmentRequestException invalid(String field, String message) {
        return new FulfillmentRequestException(Kind.INVALID, field, message);
    }
}
