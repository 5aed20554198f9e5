package dev.ttsconnector.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every setting of the product doc (and the few this connector adds), in the doc's order, with its JSON path,
 * the doc's exact label and description, type, allowed values and default. The console renders from it and
 * {@link SettingsValidator} validates against it, so there is one list of settings. The two "Force … resync"
 * rows are listed as {@link SettingType#ACTION actions}: shown as buttons, never stored.
 */
public final class SettingsCatalog {

    /** Maximum characters of one entry of a free text list (SKUs are ≤ 50 chars, TikTok ids 18–19 digits). */
    public static final int LIST_ENTRY_MAX_CHARS = 100;
    /** Maximum entries of a free text list; keeps the stored settings item far below DynamoDB's 400 KB. */
    public static final int LIST_MAX_ENTRIES = 1_000;
    /** Maximum characters of the attributes mapping text. */
    public static final int ATTRIBUTES_MAPPING_MAX_CHARS = 4_000;
    /** Maximum characters of an id-like text value (location id, shipping provider id or name). */
    public static final int ID_MAX_CHARS = 255;

    private static final SettingsCatalog STANDARD = new SettingsCatalog(TikTokCodes.standard());

    private final TikTokCodes codes;
    private final List<SettingDefinition> all;
    private final Map<String, SettingDefinition> byPath;

    /** A catalog whose reason dropdowns allow the given lists (see {@link TikTokCodes}). */
    public SettingsCatalog(TikTokCodes codes) {
        this.codes = codes;
        this.all = Collections.unmodifiableList(build(codes));
        this.byPath = all.stream().collect(Collectors.toUnmodifiableMap(SettingDefinition::path, Function.identity()));
    }

    /** The catalog with {@link TikTokCodes#standard()} reason lists. */
    public static SettingsCatalog standard() {
        return STANDARD;
    }

    public TikTokCodes codes() {
        return codes;
    }

    /** Every entry, actions included, in the doc's order. */
    public List<SettingDefinition> all() {
        return all;
    }

    /** The stored settings (everything but actions). */
    public List<SettingDefinition> stored() {
        return all.stream().filter(d -> !d.isAction()).toList();
    }

    /** The action buttons ("Force product catalog resync", "Force inventory resync"). */
    public List<SettingDefinition> actions() {
        return all.stream().filter(SettingDefinition::isAction).toList();
    }

    public List<SettingDefinition> section(Section section) {
        return all.stream().filter(d -> d.section() == section).toList();
    }

    /** Looks up by JSON path, e.g. {@code orders.pullStatuses}. */
    public Optional<SettingDefinition> byPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** Looks up by the doc's exact label within a section (labels are unique per section). */
    public Optional<SettingDefinition> byLabel(Section section, String label) {
        return all.stream().filter(d -> d.section() == section && d.label().equals(label)).findFirst();
    }

    private record Shape(SettingType type, List<SettingOption> options, boolean nullable, int maxLength,
                         int maxEntries) {
    }

    private static Shape onOff() {
        return new Shape(SettingType.SWITCH, List.of(), false, 0, 0);
    }

    private static Shape dateTime() {
        return new Shape(SettingType.DATE_TIME, List.of(), false, 0, 0);
    }

    private static Shape textList() {
        return new Shape(SettingType.FREE_TEXT_LIST, List.of(), false, LIST_ENTRY_MAX_CHARS, LIST_MAX_ENTRIES);
    }

    private static Shape action() {
        return new Shape(SettingType.ACTION, List.of(), true, 0, 0);
    }

    private static Shape singleSelect() {
        return new Shape(SettingType.SINGLE_SELECT, List.of(), true, ID_MAX_CHARS, 0);
    }

    private static Shape multi(List<SettingOption> options) {
        return new Shape(SettingType.MULTI_SELECT, options, false, 0, options.size());
    }

    private static Shape dropdown(List<SettingOption> options) {
        return new Shape(SettingType.DROPDOWN, options, false, 0, 0);
    }

    private static Shape text(int maxLength) {
        return new Shape(SettingType.FREE_TEXT, List.of(), false, maxLength, 0);
    }

    /** ON_HOLD has its own switch ("Pull Orders in On Hold status"), so it is not offered in the multi-select. */
    private static List<SettingOption> orderStatusOptions() {
        return options(Arrays.stream(TikTokOrderStatus.values())
                .filter(s -> s != TikTokOrderStatus.ON_HOLD).toList());
    }

    private static List<SettingOption> options(CodedOption[] values) {
        return options(Arrays.asList(values));
    }

    private static List<SettingOption> options(List<? extends CodedOption> values) {
        return values.stream().map(SettingOption::of).toList();
    }

    private static void add(List<SettingDefinition> all, Section section, String field, String label,
                            String description, Shape shape) {
        all.add(new SettingDefinition(section, section.key() + "." + field, label, description, shape.type(),
                shape.options(), shape.nullable(), shape.maxLength(), shape.maxEntries(), true));
    }

    private static List<SettingDefinition> build(TikTokCodes codes) {
        List<SettingDefinition> all = new ArrayList<>();
        // Labels and descriptions are copied verbatim from connector-product-doc.txt (SettingsCatalogTest checks).
        add(all, Section.LOCATIONS, "createFbtLocations",
                "Create FBT locations to track TikTok fulfillable inventory quantities",
                "Enable to allow collecting FBT inventory.",
                onOff());
        add(all, Section.LOCATIONS, "consolidateFbtInventory",
                "Consolidate FBT Inventory from all locations to a single default Location",
                "A new default location is created where inventory from all FBT locations is consolidated. Useful to push consolidated FBT inventory to an ERP.",
                onOff());
        add(all, Section.ORDERS, "excludeOrdersCreatedBefore",
                "Exclude orders created before this date",
                "Cutoff date and time. Orders created before this point are not pulled into Pipe17. If left empty, the default is the integration creation date.",
                dateTime());
        add(all, Section.ORDERS, "pullStatuses",
                "Pull orders only with these TikTok statuses",
                "TikTok order statuses whose orders and updates are pulled into Pipe17.",
                multi(orderStatusOptions()));
        add(all, Section.ORDERS, "pullShippedByPlatform",
                "Pull shipped by platform orders",
                "When enabled, Pipe17 pulls orders fulfilled by TTS. These orders are pulled in as already Fulfilled - Pipe17 does not create shipments or fulfillment (tracking) for them.",
                onOff());
        add(all, Section.ORDERS, "pullOnHold",
                "Pull Orders in On Hold status",
                "Pulls TikTok On Hold orders into Pipe17 with status onHold. TikTok releases the order after 1 hour, after which Pipe17 updates the status to New. Helps account for inventory already committed on TikTok.",
                onOff());
        add(all, Section.ORDERS, "onlyOrderIds",
                "Pull only the Orders with specific Order Ids",
                "When set, only orders whose IDs are in this list are ingested during normal polling. Orders are still pulled by modification time, so unchanged orders are not re-pushed each cycle.",
                textList());
        add(all, Section.ORDERS, "cancelInTikTokWhenCanceled",
                "Cancel order in TikTok Shop when order is canceled in Pipe17",
                "When enabled, an order canceled in Pipe17 is also canceled in TikTok Shop.",
                onOff());
        add(all, Section.ORDERS, "lineItemCancelReason",
                "Default cancel reason for line items",
                "Default TikTok cancel reason code used when canceling line items in TikTok Shop if no reason is provided from the 3PL. Must be a valid TikTok cancel reason code.",
                dropdown(options(codes.cancelReasons())));
        add(all, Section.ORDERS, "fullOrderCancelReason",
                "Default cancel reason for full order",
                "Default TikTok cancel reason code used when canceling a full order in TikTok Shop if no reason is provided from the 3PL. Must be a valid TikTok cancel reason code.",
                dropdown(options(codes.cancelReasons())));
        add(all, Section.ORDERS, "supportVirtualBundles",
                "Support virtual bundles",
                "Enables support for virtual bundles on TikTok orders.",
                onOff());
        add(all, Section.ORDERS, "sendBuyerMessage",
                "Send a Message to the buyer once an Order is created",
                "When an order is created in Pipe17, the buyer receives a text message based on the template below.",
                onOff());
        add(all, Section.ORDERS, "messageTemplate",
                "Message Template",
                "Template used for the buyer message. Maximum 2,000 characters. Example: \"Thank you for purchasing from CompanyName, please contact us for any issues. We would love a review on the Product.\"",
                text(ConnectorSettings.MESSAGE_TEMPLATE_MAX_CHARS));
        add(all, Section.ORDERS, "sendOrderCard",
                "Send Order card to buyer once an Order is created",
                "When an order is created in Pipe17, the buyer receives an Order Card from TikTok.",
                onOff());
        add(all, Section.ORDERS, "messageBuyerIds",
                "Send messages to certain buyer ID's only",
                "Restrict buyer messages and Order cards to specific buyer IDs.",
                textList());
        add(all, Section.FULFILLMENTS, "useFallbackCarrier",
                "Use fallback carrier if fulfilment carrier does not match supported carriers on TTS",
                "When enabled, a fallback carrier is used when the fulfillment carrier does not match a TTS-supported carrier.",
                onOff());
        add(all, Section.PRODUCTS, "forceCatalogResync",
                "Force product catalog resync",
                "Triggers a full resync of the product catalog.",
                action());
        add(all, Section.PRODUCTS, "onlySkus",
                "Only apply product updates for specific SKUs",
                "Limits product updates to the listed SKUs.",
                textList());
        add(all, Section.PRODUCTS, "prepareForPush",
                "Prepare for Product Push to TikTok",
                "Helps surface errors and missing attributes on products before enabling Push Products to TTS. Issues are saved on the product and accessible via \"Export Incomplete Products\" on the Products listing page. Once resolved, Product Push can be enabled.",
                onOff());
        add(all, Section.PRODUCTS, "safeUpdate",
                "Safe Update for TikTok Product Push",
                "Controls how product updates are pushed to TikTok. When enabled, price updates are handled separately if Hazmat info is missing - only price is updated to avoid delisting. If Hazmat info is available, full product details (including Hazmat) are updated. When off, full updates are pushed but missing Hazmat data could lead to review or delisting. Applies to updates of existing listings only.",
                onOff());
        add(all, Section.PRODUCTS, "updateOnlyProperties",
                "Update only specific product properties",
                "When updates are restricted, update only certain properties such as Price, Description, or Images.",
                multi(options(ProductProperty.values())));
        add(all, Section.PRODUCTS, "attributesMapping",
                "Attributes mapping",
                "Mapping between Pipe17 variant options / custom fields and TikTok sale attributes (for example, color:colour).",
                text(ATTRIBUTES_MAPPING_MAX_CHARS));
        add(all, Section.PRODUCTS, "uploadFirstChildImageAsVariantImage",
                "Upload first child product image as variant image",
                "Uploads the first image of a child product as the variant image to TikTok. Works only if Images is an allowed property to update.",
                onOff());
        add(all, Section.PRODUCTS, "allowDeactivate",
                "Allow Pipe17 to deactivate Products that are active in TikTok",
                "Pipe17 product status determines whether a product in TikTok is activated or deactivated. Controlled by mapping defaults and can be overridden via mapping.",
                onOff());
        add(all, Section.PRODUCTS, "recoverDeleted",
                "Allow Pipe17 to recover deleted Products by SKU or Product Id in TikTok instead of creating new one",
                "When enabled, Pipe17 recovers deleted products in TikTok rather than creating a new listing.",
                onOff());
        add(all, Section.PRODUCTS, "blockUpdateIfVariantsInconsistent",
                "Block update if variants inconsistent",
                "When enabled, Pipe17 will not update product variants on TTS if variants are inconsistent with Pipe17. When disabled, Pipe17 pushes updates and brings TTS variants to parity with Pipe17 - variants not in Pipe17 will be deleted.",
                onOff());
        add(all, Section.PRODUCTS, "missingAttributes",
                "Choose how Pipe17 handles missing Product attributes",
                "Behavior when required TikTok attributes are missing in Pipe17. With the exception option, an exception is created and the product is created as DRAFT in TTS. With the AI option, Pipe17 uses AI to derive missing values from product properties.",
                dropdown(options(MissingAttributesBehavior.values())));
        add(all, Section.PRODUCTS, "pullOnlyRequiredAttributes",
                "Pull values only for required attributes",
                "When enabled, only required attribute values are pulled.",
                onOff());
        add(all, Section.PRODUCTS, "aiSkus",
                "Enter list of Product SKUs for which Pipe17 will apply AI generated product attribute values",
                "Allow list of SKUs for AI-generated attributes. Works only when the AI option is selected for Choose how Pipe17 handles missing Product attributes.",
                textList());
        add(all, Section.PRODUCTS, "aiBlockedSkus",
                "Enter black list of Product SKUs for which Pipe17 will NOT apply AI generated product attribute values",
                "Block list of SKUs for AI-generated attributes. Works only when the AI option is selected.",
                textList());
        add(all, Section.PRODUCTS, "aiAttributes",
                "Add a list of Product Attributes for which Pipe17 will use AI generated values",
                "Attribute names that AI should fill. Works only when the AI option is selected.",
                textList());
        add(all, Section.PRODUCTS, "aiBlockedAttributes",
                "Add a Black list of Product Attributes for which Pipe17 will NOT use AI generated values",
                "Attribute names that AI should not fill. Works only when the AI option is selected.",
                textList());
        add(all, Section.PRODUCTS, "usePromotions",
                "Use promotion feature in TikTok",
                "When enabled, Pipe17 creates promotions in TikTok for products with compare_at_price. If compare_at_price is higher than the default price, a promotion is created and the product is shown with a strike-through price. The promotion is removed when compare_at_price is removed or equals the default price.",
                onOff());
        add(all, Section.INVENTORY, "forceResync",
                "Force inventory resync",
                "Triggers a full resync of inventory.",
                action());
        add(all, Section.INVENTORY, "pushFromLocationId",
                "Push inventory from a specific location only",
                "When a location is selected, inventory from that location is reported to the default TikTok location. Overrides Send total inventory to a default warehouse id. When no location is selected, reporting depends on Send total inventory to a default warehouse id.",
                singleSelect());
        add(all, Section.INVENTORY, "sendTotalToDefaultWarehouse",
                "Send total inventory to a default warehouse id",
                "Works only when no location is selected in Push inventory from a specific location only. When on, inventory totals from all locations in Pipe17 are reported to the default TikTok location. When off, inventory is reported per the mapped locations in Pipe17.",
                onOff());
        add(all, Section.INVENTORY, "onlySkus",
                "Only apply inventory updates for specific SKUs",
                "Limits inventory updates to the listed SKUs.",
                textList());
        add(all, Section.INVENTORY, "increasesOnlyInSafeWindow",
                "Apply TikTok inventory increase only between 12:00AM PST - 2:00AM PST",
                "When enabled, Pipe17 will not post inventory level increases to TikTok until the configured safe time window.",
                onOff());
        add(all, Section.RETURNS, "onlyWithMatchingOrder",
                "Pull returns only when there is a matching order available in Pipe17",
                "When enabled, returns are pulled only if a matching order exists in Pipe17.",
                onOff());
        add(all, Section.RETURNS, "pullStatuses",
                "Pull returns only with this statuses",
                "TikTok return statuses whose returns are pulled into Pipe17.",
                multi(options(TikTokReturnStatus.values())));
        add(all, Section.REFUNDS, "deliveredRefundReason",
                "Reason by default for creating refund in TikTok for Delivered orders",
                "Default reason used when creating a refund in TikTok for delivered orders.",
                dropdown(options(codes.deliveredRefundReasons())));
        add(all, Section.REFUNDS, "inTransitRefundReason",
                "Reason by default for creating refund in TikTok for orders in Transit/Awaiting collection status",
                "Default reason used when creating a refund in TikTok for orders in Transit or Awaiting collection.",
                dropdown(options(codes.inTransitRefundReasons())));
        add(all, Section.REFUNDS, "awaitingShipmentCancelReason",
                "Reason by default for creating cancelation in TikTok for not shipped orders (in Awaiting shipment status)",
                "Default reason used when creating a cancellation in TikTok for orders in Awaiting shipment.",
                dropdown(options(codes.cancelReasons())));
        add(all, Section.REFUNDS, "pullTypes",
                "Pull refunds TikTok types",
                "TikTok refund types pulled into Pipe17.",
                multi(options(TikTokReturnType.values())));
        add(all, Section.REFUNDS, "pullStatuses",
                "Pull refunds only with this statuses",
                "TikTok refund statuses whose refunds are pulled into Pipe17.",
                multi(options(TikTokReturnStatus.values())));
        add(all, Section.REFUNDS, "rejectBuyerRequestsOnSellerCancel",
                "Reject Buyer Refund Requests for Seller-Initiated Cancellations",
                "Handles cases where a buyer's refund request exists when a cancellation push is sent to TikTok. When enabled, Pipe17 cancels the buyer's refund request and processes the cancellation from the seller's side.",
                onOff());
        add(all, Section.STATEMENTS, "excludeStatementsCreatedBefore",
                "Exclude statements created before this date",
                "If specified, only statements created after this date are ingested. If left empty, the integration creation date is used as default.",
                dateTime());
        // The doc is silent on which carrier the fallback is: this connector adds it, after its switch.
        int afterSwitch = all.indexOf(all.stream()
                .filter(d -> d.path().equals("fulfillments.useFallbackCarrier")).findFirst().orElseThrow()) + 1;
        all.add(afterSwitch, new SettingDefinition(Section.FULFILLMENTS, "fulfillments.fallbackCarrier",
                "Fallback carrier",
                "TikTok shipping provider (shipping_provider_id or exact name) used when the fulfillment carrier does "
                        + "not match a TTS-supported carrier. Required when the fallback carrier switch is on.",
                SettingType.FREE_TEXT, List.of(), true, ID_MAX_CHARS, 0, false));
        return all;
    }
}
