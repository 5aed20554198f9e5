package dev.ttsconnector.settings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Every stored setting of one integration, grouped as in the product doc (Locations, Orders, Fulfillments,
 * Products, Inventory, Returns, Refunds, Statements). Immutable; lists are copied on construction and never
 * null. {@link #defaults(Instant)} gives exactly the doc's defaults. JSON (via {@code Json.app()}) uses the
 * record component names; {@link SettingsCatalog} lists every path with the doc's label.
 *
 * <p>Decisions where the doc is silent:
 * <ul>
 *   <li>Cut-off dates in the future are allowed: nothing older than the cut-off is pulled, so a future
 *       cut-off just delays ingestion (useful to prepare a shop before go-live).</li>
 *   <li>AI lists, a fallback carrier with the switch off, or buyer ids with messages off are allowed and
 *       stored (the doc says they only "work" when their switch is on); {@link SettingsValidator#notices}
 *       flags them as inert.</li>
 *   <li>"Force product catalog resync" and "Force inventory resync" are actions, not stored switches.</li>
 * </ul>
 */
public record ConnectorSettings(Locations locations,
                                Orders orders,
                                Fulfillments fulfillments,
                                Products products,
                                Inventory inventory,
                                Returns returns,
                                Refunds refunds,
                                Statements statements) {

    /** Doc: "Message Template … Maximum 2,000 characters." */
    public static final int MESSAGE_TEMPLATE_MAX_CHARS = 2_000;
    /** Doc attributes mapping default. */
    public static final String DEFAULT_ATTRIBUTES_MAPPING = "color:colour";

    public ConnectorSettings {
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(fulfillments, "fulfillments");
        Objects.requireNonNull(products, "products");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(refunds, "refunds");
        Objects.requireNonNull(statements, "statements");
    }

    /**
     * The product doc's defaults. Both cut-offs ("Exclude orders/statements created before this date") default to
     * the integration's creation time.
     */
    public static ConnectorSettings defaults(Instant integrationCreatedAt) {
        Objects.requireNonNull(integrationCreatedAt, "integrationCreatedAt");
        return new ConnectorSettings(
                new Locations(false, false),
                new Orders(integrationCreatedAt,
                        List.of(TikTokOrderStatus.AWAITING_SHIPMENT, TikTokOrderStatus.CANCELLED,
                                TikTokOrderStatus.DELIVERED),
                        false, false, List.of(), false,
                        TikTokCodes.CANCEL_REASON_OUT_OF_STOCK, TikTokCodes.CANCEL_REASON_OUT_OF_STOCK,
                        true, false, "", false, List.of()),
                new Fulfillments(false, null),
                new Products(List.of(), false, true, List.of(ProductProperty.PRICE, ProductProperty.DESCRIPTION),
                        DEFAULT_ATTRIBUTES_MAPPING, false, false, true, false,
                        MissingAttributesBehavior.RAISE_EXCEPTION, true,
                        List.of(), List.of(), List.of(), List.of(), false),
                new Inventory(null, true, List.of(), false),
                new Returns(false, List.of(TikTokReturnStatus.RETURN_OR_REFUND_REQUEST_COMPLETE)),
                new Refunds(TikTokCodes.REFUND_REASON_DAMAGED, TikTokCodes.REFUND_REASON_MISSED_DELIVERY_DATE,
                        TikTokCodes.CANCEL_REASON_OUT_OF_STOCK,
                        List.of(TikTokReturnType.RETURN_AND_REFUND),
                        List.of(TikTokReturnStatus.RETURN_OR_REFUND_REQUEST_COMPLETE), false),
                new Statements(integrationCreatedAt));
    }

    /** Locations. */
    public record Locations(
            /* "Create FBT locations to track TikTok fulfillable inventory quantities" */
            boolean createFbtLocations,
            /* "Consolidate FBT Inventory from all locations to a single default Location" */
            boolean consolidateFbtInventory) {
    }

    /** Orders. */
    public record Orders(
            /* "Exclude orders created before this date" */
            Instant excludeOrdersCreatedBefore,
            /* "Pull orders only with these TikTok statuses" */
            List<TikTokOrderStatus> pullStatuses,
            /* "Pull shipped by platform orders" */
            boolean pullShippedByPlatform,
            /* "Pull Orders in On Hold status" */
            boolean pullOnHold,
            /* "Pull only the Orders with specific Order Ids" */
            List<String> onlyOrderIds,
            /* "Cancel order in TikTok Shop when order is canceled in Pipe17" */
            boolean cancelInTikTokWhenCanceled,
            /* "Default cancel reason for line items" (TikTok cancel reason code) */
            String lineItemCancelReason,
            /* "Default cancel reason for full order" (TikTok cancel reason code) */
            String fullOrderCancelReason,
            /* "Support virtual bundles" */
            boolean supportVirtualBundles,
            /* "Send a Message to the buyer once an Order is created" */
            boolean sendBuyerMessage,
            /* "Message Template" */
            String messageTemplate,
            /* "Send Order card to buyer once an Order is created" */
            boolean sendOrderCard,
            /* "Send messages to certain buyer ID's only" */
            List<String> messageBuyerIds) {

        public Orders {
            Objects.requireNonNull(excludeOrdersCreatedBefore, "orders.excludeOrdersCreatedBefore");
            pullStatuses = List.copyOf(pullStatuses);
            onlyOrderIds = List.copyOf(onlyOrderIds);
            Objects.requireNonNull(lineItemCancelReason, "orders.lineItemCancelReason");
            Objects.requireNonNull(fullOrderCancelReason, "orders.fullOrderCancelReason");
            Objects.requireNonNull(messageTemplate, "orders.messageTemplate");
            messageBuyerIds = List.copyOf(messageBuyerIds);
        }
    }

    /** Fulfillments. */
    public record Fulfillments(
            /* "Use fallback carrier if fulfilment carrier does not match supported carriers on TTS" */
            boolean useFallbackCarrier,
            /*
             * Not in the doc (it is silent on the fallback carrier's identity): the TikTok shipping provider used
             * as fallback, given as its shipping_provider_id or exact name (spec §5: providers are listed per
             * delivery option; the fulfillment flow resolves id first, then name). Required when the switch is on.
             */
            String fallbackCarrier) {
    }

    /** Products. "Force product catalog resync" is an action, not stored. */
    public record Products(
            /* "Only apply product updates for specific SKUs" */
            List<String> onlySkus,
            /* "Prepare for Product Push to TikTok" */
            boolean prepareForPush,
            /* "Safe Update for TikTok Product Push" */
            boolean safeUpdate,
            /* "Update only specific product properties" */
            List<ProductProperty> updateOnlyProperties,
            /* "Attributes mapping": free text "appOption:tiktokAttribute" pairs, see AttributeMapping#parse */
            String attributesMapping,
            /* "Upload first child product image as variant image" */
            boolean uploadFirstChildImageAsVariantImage,
            /* "Allow Pipe17 to deactivate Products that are active in TikTok" */
            boolean allowDeactivate,
            /* "Allow Pipe17 to recover deleted Products by SKU or Product Id in TikTok instead of creating new one" */
            boolean recoverDeleted,
            /* "Block update if variants inconsistent" */
            boolean blockUpdateIfVariantsInconsistent,
            /* "Choose how Pipe17 handles missing Product attributes" */
            MissingAttributesBehavior missingAttributes,
            /* "Pull values only for required attributes" */
            boolean pullOnlyRequiredAttributes,
            /* "Enter list of Product SKUs for which Pipe17 will apply AI generated product attribute values" */
            List<String> aiSkus,
            /* "Enter black list of Product SKUs for which Pipe17 will NOT apply AI generated …" */
            List<String> aiBlockedSkus,
            /* "Add a list of Product Attributes for which Pipe17 will use AI generated values" */
            List<String> aiAttributes,
            /* "Add a Black list of Product Attributes for which Pipe17 will NOT use AI generated values" */
            List<String> aiBlockedAttributes,
            /* "Use promotion feature in TikTok" */
            boolean usePromotions) {

        public Products {
            onlySkus = List.copyOf(onlySkus);
            updateOnlyProperties = List.copyOf(updateOnlyProperties);
            Objects.requireNonNull(attributesMapping, "products.attributesMapping");
            Objects.requireNonNull(missingAttributes, "products.missingAttributes");
            aiSkus = List.copyOf(aiSkus);
            aiBlockedSkus = List.copyOf(aiBlockedSkus);
            aiAttributes = List.copyOf(aiAttributes);
            aiBlockedAttributes = List.copyOf(aiBlockedAttributes);
        }
    }

    /** Inventory. "Force inventory resync" is an action, not stored. */
    public record Inventory(
            /* "Push inventory from a specific location only": an app location id, or null for none */
            String pushFromLocationId,
            /* "Send total inventory to a default warehouse id" */
            boolean sendTotalToDefaultWarehouse,
            /* "Only apply inventory updates for specific SKUs" */
            List<String> onlySkus,
            /* "Apply TikTok inventory increase only between 12:00AM PST - 2:00AM PST" */
            boolean increasesOnlyInSafeWindow) {

        public Inventory {
            onlySkus = List.copyOf(onlySkus);
        }
    }

    /** Returns. */
    public record Returns(
            /* "Pull returns only when there is a matching order available in Pipe17" */
            boolean onlyWithMatchingOrder,
            /* "Pull returns only with this statuses" */
            List<TikTokReturnStatus> pullStatuses) {

        public Returns {
            pullStatuses = List.copyOf(pullStatuses);
        }
    }

    /** Refunds. */
    public record Refunds(
            /* "Reason by default for creating refund in TikTok for Delivered orders" */
            String deliveredRefundReason,
            /* "Reason by default for creating refund in TikTok for orders in Transit/Awaiting collection status" */
            String inTransitRefundReason,
            /* "Reason by default for creating cancelation in TikTok for not shipped orders (in Awaiting shipment …)" */
            String awaitingShipmentCancelReason,
            /* "Pull refunds TikTok types" */
            List<TikTokReturnType> pullTypes,
            /* "Pull refunds only with this statuses" */
            List<TikTokReturnStatus> pullStatuses,
            /* "Reject Buyer Refund Requests for Seller-Initiated Cancellations" */
            boolean rejectBuyerRequestsOnSellerCancel) {

        public Refunds {
            Objects.requireNonNull(deliveredRefundReason, "refunds.deliveredRefundReason");
            Objects.requireNonNull(inTransitRefundReason, "refunds.inTransitRefundReason");
            Objects.requireNonNull(awaitingShipmentCancelReason, "refunds.awaitingShipmentCancelReason");
            pullTypes = List.copyOf(pullTypes);
            pullStatuses = List.copyOf(pullStatuses);
        }
    }

    /** Statements. */
    public record Statements(
            /* "Exclude statements created before this date" */
            Instant excludeStatementsCreatedBefore) {

        public Statements {
            Objects.requireNonNull(excludeStatementsCreatedBefore, "statements.excludeStatementsCreatedBefore");
        }
    }
}
