package dev.ttsconnector.app.fulfillments;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One shipment of (part of) an order, as the app sent it, and where it stands with TikTok. Stored under the order
 * ({@code PK=INT#<integrationId>#ORDER#<tiktokOrderId>}, {@code SK=FUL#<id>}); every write is conditional on
 * {@code version}.
 *
 * @param previousTrackingNumber set while a tracking correction is pending: the number TikTok holds now, replaced
 *                               through "update shipping info" (spec §5, within 72 h of shipping)
 * @param packageIds             the TikTok packages holding this shipment (posted only)
 * @param errorCode              failed: TikTok's code or ours (e.g. {@code CARRIER_NOT_SUPPORTED}); skipped: the
 *                               reason code; pending: {@code DEFERRED_ON_HOLD} while the order is on hold
 * @param message                human-readable reason for {@code errorCode}
 * @param trackingStatus         the order's app status as TikTok last reported it after posting
 *                               ({@code fulfilled}, {@code inTransit}, {@code delivered}); null before
 * @param shipCallAt             when the latest TikTok write (ship, mark shipped, update shipping info) for this
 *                               fulfillment was started; written before the call, so a non-null value means a call
 *                               may have reached TikTok and the next attempt must read TikTok back first
 *                               (reliability R5); null while no write was ever attempted
 */
public record Fulfillment(
        String id,
        String integrationId,
        String tiktokOrderId,
        String orderId,
        List<FulfillmentLine> lines,
        String carrier,
        String trackingNumber,
        Instant shippedAt,
        FulfillmentState state,
        String previousTrackingNumber,
        List<String> packageIds,
        String shippingProviderId,
        String shippingProviderName,
        String errorCode,
        String message,
        String trackingStatus,
        Instant postedAt,
        int attempts,
        Instant shipCallAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** Codes this connector sets (TikTok's numeric codes are stored as their decimal text). */
    public static final String DEFERRED_ON_HOLD = "DEFERRED_ON_HOLD";
    public static final String PLATFORM_SHIPPED = "PLATFORM_SHIPPED";

    public Fulfillment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(tiktokOrderId, "tiktokOrderId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        lines = lines == null ? List.of() : List.copyOf(lines);
        packageIds = packageIds == null ? List.of() : List.copyOf(packageIds);
    }

    /** A fulfillment no TikTok write was attempted for ({@code shipCallAt} null). */
    public Fulfillment(String id, String integrationId, String tiktokOrderId, String orderId,
                       List<FulfillmentLine> lines, String carrier, String trackingNumber, Instant shippedAt,
                       FulfillmentState state, String previousTrackingNumber, List<String> packageIds,
                       String shippingProviderId, String shippingProviderName, String errorCode, String message,
                       String trackingStatus, Instant postedAt, int attempts, Instant createdAt, Instant updatedAt,
                       long version) {
        this(id, integrationId, tiktokOrderId, orderId, lines, carrier, trackingNumber, shippedAt, state,
                previousTrackingNumber, packageIds, shippingProviderId, shippingProviderName, errorCode, message,
                trackingStatus, postedAt, attempts, null, createdAt, updatedAt, version);
    }

    /** Whether a TikTok write may already have reached TikTok, so TikTok must be read before writing again. */
    @JsonIgnore
    public boolean mayHaveReachedTikTok() {
        return shipCallAt != null;
    }

    /** This record noting that a TikTok write is about to be made (store it before calling TikTok). */
    public Fulfillment shipCallStarted(Instant now) {
        return new Fulfillment(id, integrationId, tiktokOrderId, orderId, lines, carrier, trackingNumber, shippedAt,
                state, previousTrackingNumber, packageIds, shippingProviderId, shippingProviderName, errorCode,
                message, trackingStatus, postedAt, attempts, now, createdAt, now, version);
    }

    /** Every TikTok line item this fulfillment ships, in line order. */
    @JsonIgnore
    public List<String> lineItemIds() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        lines.forEach(l -> ids.addAll(l.tiktokLineItemIds()));
        return new ArrayList<>(ids);
    }

    @JsonIgnore
    public boolean isCorrection() {
        return previousTrackingNumber != null;
    }

    public Fulfillment posted(List<String> packages, String providerId, String providerName, Instant now) {
        return new Fulfillment(id, integrationId, tiktokOrderId, orderId, lines, carrier, trackingNumber, shippedAt,
                FulfillmentState.POSTED, null, packages, providerId, providerName, null, null, trackingStatus,
                postedAt != null && isCorrection() ? postedAt : now, attempts + 1, shipCallAt, createdAt, now, version);
    }

    public Fulfillment failed(String code, String reason, Instant now) {
        return new Fulfillment(id, integrationId, tiktokOrderId, orderId, lines, carrier, trackingNumber, shippedAt,
                FulfillmentState.FAILED, previousTrackingNumber, packageIds, shippingProviderId, shippingProviderName,
                code, reason, trackingStatus, postedAt, attempts + 1, shipCallAt, createdAt, now, version);
    }

    public Fulfillment skipped(String code, String reason, Instant now) {
        return new Fulfillment(id, integrationId, tiktokOrderId, orderId, lines, carrier, trackingNumber, shippedAt,
                FulfillmentState.SKIPPED, null, packageIds, shippingProviderId, shippingProviderName, code, reason,
                trackingStatus, postedAt, attempts, shipCallAt, createdAt, now, version);
    }

    /** Still pending, with a note why it waits (e.g. the order is on hold). */
    public Fulfillment deferred(String code, String reason, Instant now) {
        return new Fulfillment(id, integrationId, tiktokOrderId, orderId, lines, carrier, trackingNumber, shippedAt,
                FulfillmentState.PENDING, previousTrackingNumber, packageIds, shippingProviderId, shippingProviderName,
                code, reason, trackingStatus, postedAt, attempts, shipCallAt, createdAt, now, version);
    }

    /**
     * Pending again with new tracking: a correction of a posted fulfillment (keeps the number TikTok holds as
     * {@code previousTrackingNumber}) or a retry of a failed one.
     */
    public Fulfillment retracked(String newCarrier, String newTracking, Instant now) {
        String previous = state == FulfillmentState.POSTED ? trackingNumber
                : previousTrackingNumber;
        return new Fulfillment(id, integrationId, tiktokOrderId, orderId, lines, newCarrier, newTracking, shippedAt,
                FulfillmentState.PENDING, previous, packageIds, shippingProviderId, shippingProviderName, null, null,
                trackingStatus, postedAt, attempts, shipCallAt, createdAt, now, version);
    }

    public Fulfillment withTrackingStatus(String status, Instant now) {
        return new Fulfillment(id, integrationId, tiktokOrderId, orderId, lines, carrier, trackingNumber, shippedAt,
                state, previousTrackingNumber, packageIds, shippingProviderId, shippingProviderName, errorCode,
                message, status, postedAt, attempts, shipCallAt, createdAt, now, version);
    }

    public Fulfillment withVersion(long newVersion) {
        return new Fulfillment(id, integrationId, tiktokOrderId, orderId, lines, carrier, trackingNumber, shippedAt,
                state, previousTrackingNumber, packageIds, shippingProviderId, shippingProviderName, errorCode,
                message, trackingStatus, postedAt, attempts, shipCallAt, createdAt, updatedAt, newVersion);
    }
}
