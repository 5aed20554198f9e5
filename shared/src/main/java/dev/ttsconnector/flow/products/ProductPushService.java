package dev.ttsconnector.flow.products;

import dev.ttsconnector.app.products.AppListing;
import dev.ttsconnector.app.products.AppListingStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.queue.PermanentException;
import dev.ttsconnector.settings.AttributeMapping;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.MissingAttributesBehavior;
import dev.ttsconnector.settings.ProductProperty;
import dev.ttsconnector.tiktok.ItemError;
import dev.ttsconnector.tiktok.TikTokApiException;
import dev.ttsconnector.tiktok.products.CategoryAttribute;
import dev.ttsconnector.tiktok.products.CreatedProduct;
import dev.ttsconnector.tiktok.products.ListingSku;
import dev.ttsconnector.tiktok.products.Product;
import dev.ttsconnector.tiktok.products.ProductAttributeValue;
import dev.ttsconnector.tiktok.products.ProductListing;
import dev.ttsconnector.tiktok.products.ProductPartialEdit;
import dev.ttsconnector.tiktok.products.ProductSku;
import dev.ttsconnector.tiktok.products.ProductsClient;
import dev.ttsconnector.tiktok.products.SkuPrice;
import dev.ttsconnector.tiktok.promotions.Activity;
import dev.ttsconnector.tiktok.promotions.ActivityProduct;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Pushes one app listing to the integration's TikTok shop (spec §7, §11) under the product doc's Products settings.
 * The rule the whole class serves: a push never delists by accident.
 * <ul>
 *   <li>No TikTok product yet: create (LISTING, or AS_DRAFT with a parked exception when required attributes are
 *       missing), with an {@code idempotency_key} derived from integration + listing, so a retried push answers
 *       the product the first one made. A DELETED product holding the SKUs is recovered instead when "Allow … to
 *       recover deleted Products" is on.</li>
 *   <li>Existing product, "Safe Update" on and hazmat information missing: only Update price (published at once,
 *       no re-audit), never a content edit that could send the listing to review.</li>
 *   <li>"Update only specific product properties" set: a partial edit with only those fields (+ Update price for
 *       Price).</li>
 *   <li>Otherwise a full-replace edit, but only when it deletes nothing the app did not delete itself: TikTok SKUs
 *       that are neither app variants nor in {@link AppListing#removedSkus()} (the app record is incomplete), or
 *       outside "Only apply product updates for specific SKUs", make the push fall back to a partial edit and park
 *       an exception naming them; "Block update if variants inconsistent" on parks any variant difference.</li>
 *   <li>Deactivates only when "Allow … to deactivate" is on; activates a seller-deactivated product the app has
 *       active.</li>
 *   <li>"Use promotion feature": compare-at above price → TikTok price = compare-at and one FIXED_PRICE activity
 *       (title {@code ttsc-<productId>}, searched before create) with the app price as deal price; removed
 *       (deactivated, before the price update so the price is unlocked) when no variant has one.</li>
 *   <li>"Prepare for Product Push to TikTok" on: nothing is written to TikTok; the issues are stored on the
 *       product's {@link ProductPushRecord} ("Export Incomplete Products").</li>
 * </ul>
 * Idempotent: every write sets absolute values or is keyed; a redelivered message repeats no creation. TikTok
 * failures propagate as the client's exceptions (transient ones are for the caller to retry).
 */
public final class ProductPushService {

    public static final String FLOW = "products";
    /** Parked-exception reason codes. */
    public static final String MISSING_ATTRIBUTES = "MISSING_ATTRIBUTES";
    public static final String SKUS_WOULD_BE_DELETED = "SKUS_WOULD_BE_DELETED";
    public static final String VARIANTS_INCONSISTENT = "VARIANTS_INCONSISTENT";
    public static final String LISTING_NOT_FOUND = "LISTING_NOT_FOUND";
    /** Spec §7 12019113: the product status does not allow the operation. */
    static final int PRODUCT_STATUS_INVALID = 12019113;
    /** Spec §7: US and SEA shops must send category_version v2. */
    static final Set<String> V2_REGIONS = Set.of("US", "ID", "MY", "PH", "SG", "TH", "VN");
    /** Category attributes that carry dangerous-goods information (spec §7 "Hazmat / dangerous goods"). */
    static final Pattern HAZMAT = Pattern.compile("batter|flammable|hazmat|dangerous|lithium", Pattern.CASE_INSENSITIVE);

    /** What one push did. */
    public enum Outcome {
        CREATED, CREATED_AS_DRAFT, UPDATED, UPDATED_PARTIAL, UPDATED_PRICE_ONLY, SKIPPED_NO_ALLOWED_SKU, DRY_RUN
    }

    /** Outcome, the TikTok product (null when none) and the issues found. */
    public record Result(Outcome outcome, String tiktokProductId, List<String> issues) {
    }

    /** Where exceptions for a person go (parked, visible and replayable). */
    @FunctionalInterface
    public interface ExceptionSink {
        void park(String integrationId, String listingId, String reasonCode, String message);
    }

    private final AppListingStore listings;
    private final ProductPushStore records;
    private final Function<String, ShopProductApi> apis;
    private final Function<String, ConnectorConfig> configs;
    private final ExceptionSink exceptions;
    private final Clock clock;
    private final Duration promotionDuration;
    private final RuleBasedAttributeDeriver deriver = new RuleBasedAttributeDeriver();

    /**
     * @param promotionDuration how long a created promotion runs; spec §11 gives no maximum (UNCONFIRMED), so it is
     *                          configurable
     */
    public ProductPushService(AppListingStore listings, ProductPushStore records, Function<String, ShopProductApi> apis,
                              Function<String, ConnectorConfig> configs, ExceptionSink exceptions, Clock clock,
                              Duration promotionDuration) {
        this.listings = Objects.requireNonNull(listings, "listings");
        this.records = Objects.requireNonNull(records, "records");
        this.apis = Objects.requireNonNull(apis, "apis");
        this.configs = Objects.requireNonNull(configs, "configs");
        this.exceptions = Objects.requireNonNull(exceptions, "exceptions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.promotionDuration = Objects.requireNonNull(promotionDuration, "promotionDuration");
    }

    /** Pushes the listing (or, with "Prepare for Product Push" on, only computes and stores its issues). */
    public Result push(String integrationId, String listingId) {
        ConnectorConfig config = configs.apply(integrationId);
        return run(integrationId, listingId, config, config.settings().products().prepareForPush());
    }

    /** Computes and stores the issues of the listing without any TikTok write, whatever the settings say. */
    public Result prepare(String integrationId, String listingId) {
        return run(integrationId, listingId, configs.apply(integrationId), true);
    }

    // ------------------------------------------------------------------------------------------------ the push

    private Result run(String integrationId, String listingId, ConnectorConfig config, boolean dryRun) {
        ConnectorSettings.Products s = config.settings().products();
        AppListing listing = listings.get(listingId).orElseThrow(() -> new PermanentException(LISTING_NOT_FOUND,
                "listingId: no app listing " + listingId));
        Optional<ProductPushRecord> prior = records.get(integrationId, listingId);
        Set<String> onlySkus = Set.copyOf(s.onlySkus());
        List<AppListing.Variant> variants = listing.variants().stream()
                .filter(v -> onlySkus.isEmpty() || onlySkus.contains(v.sku())).toList();
        if (variants.isEmpty()) {
            // "Only apply product updates for specific SKUs": none of this listing's SKUs is listed.
            return save(integrationId, listing, prior, null, Map.of(), Outcome.SKIPPED_NO_ALLOWED_SKU,
                    List.of("no variant SKU is in 'Only apply product updates for specific SKUs'"), List.of());
        }
        ShopProductApi api = apis.apply(integrationId);
        String categoryVersion = V2_REGIONS.contains(api.region()) ? "v2" : null;
        List<CategoryAttribute> category = api.categoryAttributes(listing.categoryId(), categoryVersion);
        Attributes attrs = resolveAttributes(listing, category, s);
        List<String> issues = new ArrayList<>();
        attrs.missing().forEach(a -> issues.add("missing required attribute " + a.name() + " (" + a.id() + ")"));
        if (listing.images().size() > ProductListing.MAX_IMAGES) {
            issues.add("images: " + listing.images().size() + " given, TikTok takes at most 9; the first 9 are sent");
        }
        Context ctx = new Context(integrationId, listing, variants, s, config.attributes(), category, attrs,
                categoryVersion, api, issues, dryRun);

        Product existing = findExisting(ctx, prior);
        if (existing == null) {
            return create(ctx, prior);
        }
        return update(ctx, prior, existing);
    }

    private record Context(String integrationId, AppListing listing, List<AppListing.Variant> variants,
                           ConnectorSettings.Products s, List<AttributeMapping> mappings,
                           List<CategoryAttribute> category, Attributes attrs, String categoryVersion,
                           ShopProductApi api, List<String> issues, boolean dryRun) {
    }

    /** The linked product, else a live product holding one of the SKUs, else (recover on) a deleted one, recovered. */
    private Product findExisting(Context ctx, Optional<ProductPushRecord> prior) {
        List<String> skus = ctx.listing().variants().stream().map(AppListing.Variant::sku).limit(10).toList();
        if (prior.isPresent() && prior.get().tiktokProductId() != null) {
            Optional<Product> linked = ctx.api().product(prior.get().tiktokProductId());
            if (linked.isPresent() && !"DELETED".equals(linked.get().status())) {
                return linked.get();
            }
        }
        Optional<Product> live = ctx.api().searchBySellerSkus(skus, null).stream()
                .filter(p -> !"DELETED".equals(p.status())).findFirst();
        if (live.isPresent()) {
            return ctx.api().product(live.get().id()).orElse(live.get());
        }
        if (!ctx.s().recoverDeleted()) {
            return null;
        }
        Optional<Product> deleted = ctx.api().searchBySellerSkus(skus, "DELETED").stream().findFirst();
        if (deleted.isEmpty()) {
            return null;
        }
        if (ctx.dryRun()) {
            ctx.issues().add("deleted TikTok product " + deleted.get().id() + " would be recovered");
            return deleted.get();
        }
        // "Allow … to recover deleted Products … instead of creating new one" (spec §7: DELETED → SELLER_DEACTIVATED).
        List<ItemError> errors = ctx.api().recover(deleted.get().id());
        if (!errors.isEmpty()) {
            throw new PermanentException("RECOVER_FAILED", "recover of TikTok product " + deleted.get().id()
                    + " refused: " + errors.get(0).code() + " " + errors.get(0).message());
        }
        return ctx.api().product(deleted.get().id()).orElse(deleted.get());
    }

    private Result create(Context ctx, Optional<ProductPushRecord> prior) {
        boolean draft = !ctx.attrs().missing().isEmpty();
        if (ctx.dryRun()) {
            return save(ctx.integrationId(), ctx.listing(), prior, null, Map.of(), Outcome.DRY_RUN, ctx.issues(),
                    ctx.attrs().derived());
        }
        if (draft) {
            // "Raise an exception about missing attribute": the exception names each attribute; the product is
            // created as DRAFT (spec §7 save_mode AS_DRAFT) so nothing half-described goes live.
            exceptions.park(ctx.integrationId(), ctx.listing().listingId(), MISSING_ATTRIBUTES,
                    "listing " + ctx.listing().listingId() + " is missing required TikTok attributes: "
                            + String.join(", ", RuleBasedAttributeDeriver.names(ctx.attrs().missing()))
                            + "; created as DRAFT");
        }
        String warehouse = ctx.api().defaultWarehouseId();
        List<ListingSku> skus = new ArrayList<>();
        for (AppListing.Variant v : ctx.variants()) {
            skus.add(new ListingSku(null, v.sku(), tiktokPrice(ctx, v), null, salesAttributes(ctx, v, true),
                    List.of(new ListingSku.WarehouseQuantity(warehouse, v.quantity() == null ? 0 : v.quantity()))));
        }
        ProductListing body = new ProductListing(ctx.listing().title(), ctx.listing().description(),
                ctx.listing().categoryId(), ctx.categoryVersion(), images(ctx.listing()), ctx.attrs().values(), skus,
                draft || !ctx.listing().active() ? ProductListing.AS_DRAFT : ProductListing.LISTING,
                idempotencyKey(ctx.integrationId(), ctx.listing().listingId()), ctx.listing().listingId());
        CreatedProduct created = ctx.api().create(body);
        Map<String, String> skuIds = new LinkedHashMap<>();
        created.skus().forEach(k -> skuIds.put(k.sellerSku(), k.id()));
        // Link before anything else can fail, so a retry edits this product instead of looking for it again.
        Outcome outcome = draft ? Outcome.CREATED_AS_DRAFT : Outcome.CREATED;
        save(ctx.integrationId(), ctx.listing(), prior, created.productId(), skuIds, outcome, ctx.issues(),
                ctx.attrs().derived());
        promotions(ctx, created.productId(), skuIds, true);
        return save(ctx.integrationId(), ctx.listing(), prior, created.productId(), skuIds, outcome, ctx.issues(),
                ctx.attrs().derived());
    }

    private Result update(Context ctx, Optional<ProductPushRecord> prior, Product p) {
        ConnectorSettings.Products s = ctx.s();
        Map<String, ProductSku> onTikTok = new LinkedHashMap<>();
        p.skus().forEach(k -> onTikTok.put(k.sellerSku(), k));
        Map<String, String> skuIds = new LinkedHashMap<>();
        p.skus().forEach(k -> skuIds.put(k.sellerSku(), k.id()));
        Set<String> appSkus = new LinkedHashSet<>();
        ctx.listing().variants().forEach(v -> appSkus.add(v.sku()));
        Set<String> onlySkus = Set.copyOf(s.onlySkus());

        List<AppListing.Variant> matched = ctx.variants().stream().filter(v -> onTikTok.containsKey(v.sku())).toList();
        List<AppListing.Variant> added = ctx.variants().stream().filter(v -> !onTikTok.containsKey(v.sku())).toList();
        List<String> removedByApp = new ArrayList<>();
        List<String> unknownToApp = new ArrayList<>();
        List<String> outsideAllowList = new ArrayList<>();
        for (String sellerSku : onTikTok.keySet()) {
            if (appSkus.contains(sellerSku)) {
                if (!onlySkus.isEmpty() && !onlySkus.contains(sellerSku)) {
                    outsideAllowList.add(sellerSku);
                }
            } else if (ctx.listing().removedSkus().contains(sellerSku)) {
                removedByApp.add(sellerSku);
            } else if (!onlySkus.isEmpty() && !onlySkus.contains(sellerSku)) {
                outsideAllowList.add(sellerSku);
            } else {
                unknownToApp.add(sellerSku);
            }
        }
        boolean inconsistent = !added.isEmpty() || !removedByApp.isEmpty() || !unknownToApp.isEmpty();
        boolean hazmatMissing = ctx.attrs().hazmatApplicable() && !ctx.attrs().hazmatGiven();

        boolean publishDraft = "DRAFT".equals(p.status()) && ctx.attrs().missing().isEmpty() && ctx.listing().active();
        Mode mode;
        if (publishDraft && unknownToApp.isEmpty() && outsideAllowList.isEmpty()
                && !(inconsistent && s.blockUpdateIfVariantsInconsistent())) {
            // A draft (e.g. created while attributes were missing) is not live: nothing can be delisted, so the
            // complete record is sent whole with save_mode LISTING to publish it.
            mode = Mode.FULL;
            ctx.issues().add("draft TikTok product " + p.id() + " is complete now: published for audit");
        } else if (s.safeUpdate() && hazmatMissing) {
            mode = Mode.PRICE_ONLY;
            ctx.issues().add("hazmat information missing (" + String.join(", ", ctx.attrs().hazmatNames())
                    + "): Safe Update sends prices only");
        } else if (!s.updateOnlyProperties().isEmpty()) {
            mode = Mode.PARTIAL;
            if (inconsistent) {
                ctx.issues().add("variants differ from TikTok (new: " + skusOf(added) + ", only on TikTok: "
                        + join(removedByApp, unknownToApp) + "); restricted updates do not change variants");
            }
        } else if (inconsistent && s.blockUpdateIfVariantsInconsistent()) {
            mode = Mode.CONTENT_WITHOUT_VARIANTS;
            ctx.issues().add("variants inconsistent with TikTok (new: " + skusOf(added) + ", only on TikTok: "
                    + join(removedByApp, unknownToApp) + "): variants not updated ('Block update if variants inconsistent')");
            park(ctx, VARIANTS_INCONSISTENT, "listing " + ctx.listing().listingId() + " variants differ from TikTok product "
                    + p.id() + ": new in app " + skusOf(added) + ", only on TikTok " + join(removedByApp, unknownToApp)
                    + "; variants left unchanged");
        } else if (!unknownToApp.isEmpty() || !outsideAllowList.isEmpty() || !ctx.attrs().missing().isEmpty()) {
            // A full edit deletes every SKU it omits (spec §7): never for SKUs the app did not delete itself.
            mode = Mode.CONTENT_WITHOUT_VARIANTS;
            if (!unknownToApp.isEmpty()) {
                ctx.issues().add("a full update would delete TikTok SKUs the app record does not list: "
                        + unknownToApp + "; sent without variant changes");
                park(ctx, SKUS_WOULD_BE_DELETED, "listing " + ctx.listing().listingId() + ": a full update of TikTok product "
                        + p.id() + " would delete SKUs " + unknownToApp + " that the app record does not list (incomplete "
                        + "record, not removed by the app); nothing was deleted");
            }
            if (!outsideAllowList.isEmpty()) {
                ctx.issues().add("TikTok SKUs outside 'Only apply product updates for specific SKUs' kept unchanged: "
                        + outsideAllowList);
            }
        } else {
            mode = Mode.FULL;
        }
        if (!ctx.attrs().missing().isEmpty() && !ctx.dryRun()) {
            park(ctx, MISSING_ATTRIBUTES, "listing " + ctx.listing().listingId() + " is missing required TikTok attributes: "
                    + String.join(", ", RuleBasedAttributeDeriver.names(ctx.attrs().missing())));
        }
        if (ctx.dryRun()) {
            ctx.issues().add("dry run: would update TikTok product " + p.id() + " (" + mode.name().toLowerCase(Locale.ROOT)
                    + ")");
            return save(ctx.integrationId(), ctx.listing(), prior, p.id(), skuIds, Outcome.DRY_RUN, ctx.issues(),
                    ctx.attrs().derived());
        }

        boolean wantsPromotion = promotions(ctx, p.id(), skuIds, false);
        Outcome outcome;
        switch (mode) {
            case PRICE_ONLY -> {
                updatePrices(ctx, p, matched, onTikTok);
                outcome = Outcome.UPDATED_PRICE_ONLY;
            }
            case PARTIAL -> {
                List<ProductProperty> props = s.updateOnlyProperties();
                // Prices first: they publish at once, while a content edit sends the product to re-audit (spec §7).
                if (props.contains(ProductProperty.PRICE)) {
                    updatePrices(ctx, p, matched, onTikTok);
                }
                ProductPartialEdit edit = partial(ctx, p, props, matched, onTikTok);
                if (edit != null) {
                    ctx.api().partialEdit(p.id(), edit);
                }
                outcome = Outcome.UPDATED_PARTIAL;
            }
            case CONTENT_WITHOUT_VARIANTS -> {
                updatePrices(ctx, p, matched, onTikTok);
                ProductPartialEdit edit = partial(ctx, p, List.of(ProductProperty.TITLE, ProductProperty.DESCRIPTION,
                        ProductProperty.IMAGES, ProductProperty.PRODUCT_ATTRIBUTES), matched, onTikTok);
                if (edit != null) {
                    ctx.api().partialEdit(p.id(), edit);
                }
                outcome = Outcome.UPDATED_PARTIAL;
            }
            default -> {
                String warehouse = added.isEmpty() ? null : ctx.api().defaultWarehouseId();
                List<ListingSku> skus = new ArrayList<>();
                for (AppListing.Variant v : ctx.variants()) {
                    ProductSku current = onTikTok.get(v.sku());
                    skus.add(new ListingSku(current == null ? null : current.id(), v.sku(), tiktokPrice(ctx, v), null,
                            salesAttributes(ctx, v, true), current == null
                            ? List.of(new ListingSku.WarehouseQuantity(warehouse, v.quantity() == null ? 0 : v.quantity()))
                            : List.of()));
                }
                if (!removedByApp.isEmpty()) {
                    // "Block update if variants inconsistent" off and the app removed them: parity deletes them.
                    ctx.issues().add("TikTok SKUs removed by the app are deleted: " + removedByApp);
                }
                CreatedProduct edited = ctx.api().edit(p.id(), new ProductListing(ctx.listing().title(),
                        ctx.listing().description(), ctx.listing().categoryId(), ctx.categoryVersion(),
                        images(ctx.listing()), ctx.attrs().values(), skus, publishDraft ? ProductListing.LISTING : null,
                        null, ctx.listing().listingId()));
                skuIds.clear();
                edited.skus().forEach(k -> skuIds.put(k.sellerSku(), k.id()));
                outcome = Outcome.UPDATED;
            }
        }
        status(ctx, p);
        if (wantsPromotion) {
            promotions(ctx, p.id(), skuIds, true);
        }
        return save(ctx.integrationId(), ctx.listing(), prior, p.id(), skuIds, outcome, ctx.issues(),
                ctx.attrs().derived());
    }

    private enum Mode { FULL, PARTIAL, CONTENT_WITHOUT_VARIANTS, PRICE_ONLY }

    /** A partial edit with only {@code props}; null when none of them applies. */
    private ProductPartialEdit partial(Context ctx, Product p, List<ProductProperty> props,
                                       List<AppListing.Variant> matched, Map<String, ProductSku> onTikTok) {
        String title = props.contains(ProductProperty.TITLE) ? ctx.listing().title() : null;
        String description = props.contains(ProductProperty.DESCRIPTION) ? ctx.listing().description() : null;
        boolean imagesAllowed = props.contains(ProductProperty.IMAGES);
        List<String> images = imagesAllowed && !ctx.listing().images().isEmpty() ? images(ctx.listing()) : null;
        List<ProductAttributeValue> attributes = props.contains(ProductProperty.PRODUCT_ATTRIBUTES)
                && !ctx.attrs().values().isEmpty() ? ctx.attrs().values() : null;
        List<ListingSku> skus = null;
        if (imagesAllowed && ctx.s().uploadFirstChildImageAsVariantImage()
                && matched.stream().anyMatch(v -> v.image() != null)) {
            // "Upload first child product image as variant image" works only when Images may be updated (doc).
            skus = new ArrayList<>();
            for (AppListing.Variant v : matched) {
                ProductSku current = onTikTok.get(v.sku());
                skus.add(new ListingSku(current.id(), v.sku(), current.price() != null ? current.price() : tiktokPrice(ctx, v),
                        null, salesAttributes(ctx, v, true), List.of()));
            }
        }
        if (title == null && description == null && images == null && attributes == null && skus == null) {
            return null;
        }
        return new ProductPartialEdit(title, description, images, attributes, skus);
    }

    private void updatePrices(Context ctx, Product p, List<AppListing.Variant> matched, Map<String, ProductSku> onTikTok) {
        List<SkuPrice> prices = new ArrayList<>();
        for (AppListing.Variant v : matched) {
            prices.add(new SkuPrice(onTikTok.get(v.sku()).id(), tiktokPrice(ctx, v), null));
        }
        if (prices.isEmpty()) {
            return;
        }
        if (!"ACTIVATE".equals(p.status())) {
            // Spec §7: Update price needs an ACTIVATE product (12019113).
            ctx.issues().add("prices not updated: TikTok product is " + p.status() + ", not ACTIVATE");
            return;
        }
        try {
            ctx.api().updatePrices(p.id(), prices);
        } catch (TikTokApiException e) {
            if (e.code() != null && e.code() == ProductsClient.PRICE_LOCKED) {
                // Spec §7/§11: prices of SKUs in an ongoing promotion are locked.
                ctx.issues().add("prices locked by an ongoing TikTok promotion (12019045); not updated");
                return;
            }
            if (e.code() != null && e.code() == PRODUCT_STATUS_INVALID) {
                // The status changed since it was read (e.g. an audit ended): not a reason to fail the push.
                ctx.issues().add("prices not updated: TikTok refused the product status (12019113)");
                return;
            }
            throw e;
        }
    }

    /** Activates a seller-deactivated product the app has active; deactivates only when the setting allows it. */
    private void status(Context ctx, Product p) {
        String status = p.status();
        if (ctx.listing().active() && "SELLER_DEACTIVATED".equals(status)) {
            List<ItemError> errors = ctx.api().activate(p.id());
            errors.forEach(e -> ctx.issues().add("activate refused: " + e.code() + " " + e.message()));
        } else if (!ctx.listing().active() && Set.of("ACTIVATE", "PENDING").contains(status)) {
            if (ctx.s().allowDeactivate()) {
                List<ItemError> errors = ctx.api().deactivate(p.id());
                errors.forEach(e -> ctx.issues().add("deactivate refused: " + e.code() + " " + e.message()));
            } else {
                ctx.issues().add("app listing is inactive but 'Allow … to deactivate Products that are active in "
                        + "TikTok' is off: TikTok product left " + status);
            }
        }
    }

    /**
     * "Use promotion feature in TikTok". Before the price update ({@code after} false) an activity that is no longer
     * wanted is deactivated, unlocking prices; after it ({@code after} true) the wanted activity is found by title
     * or created and its deal prices set. Answers whether a promotion is wanted.
     */
    private boolean promotions(Context ctx, String productId, Map<String, String> skuIds, boolean after) {
        if (!ctx.s().usePromotions()) {
            return false;
        }
        List<ActivityProduct.SkuDeal> deals = new ArrayList<>();
        for (AppListing.Variant v : ctx.variants()) {
            String skuId = skuIds.get(v.sku());
            if (discounted(v) && skuId != null) {
                deals.add(new ActivityProduct.SkuDeal(skuId, v.price().amount()));
            }
        }
        String title = promotionTitle(productId);
        List<Activity> live = ctx.api().activitiesTitled(title).stream().filter(Activity::live).toList();
        if (deals.isEmpty()) {
            if (!after) {
                live.forEach(a -> ctx.api().deactivateActivity(a.id()));
            }
            return false;
        }
        if (after) {
            String activityId = live.isEmpty()
                    ? ctx.api().createFixedPriceActivity(title, clock.now().plusSeconds(60),
                            clock.now().plus(promotionDuration))
                    : live.get(0).id();
            ctx.api().setActivityProducts(activityId, new ActivityProduct(productId, deals));
        }
        return true;
    }

    /** Deterministic activity title, unique per product and ≤ 50 characters (spec §11). */
    public static String promotionTitle(String productId) {
        return "ttsc-" + productId;
    }

    private static boolean discounted(AppListing.Variant v) {
        return v.compareAtPrice() != null && v.compareAtPrice().amount().compareTo(v.price().amount()) > 0;
    }

    /** With promotions on and a compare-at above price, TikTok's price is the compare-at (the struck-through one). */
    private static Money tiktokPrice(Context ctx, AppListing.Variant v) {
        return ctx.s().usePromotions() && discounted(v) ? v.compareAtPrice() : v.price();
    }

    private static List<String> images(AppListing listing) {
        return listing.images().stream().limit(ProductListing.MAX_IMAGES).toList();
    }

    /**
     * Variant options as TikTok sales attributes: "Attributes mapping" renames app options (e.g. color → colour),
     * then the name takes the category's spelling of that sales attribute when it has one (case-insensitive).
     */
    private static List<ListingSku.SalesAttribute> salesAttributes(Context ctx, AppListing.Variant v, boolean withImage) {
        List<ListingSku.SalesAttribute> out = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, String> option : new java.util.TreeMap<>(v.options()).entrySet()) {
            String name = option.getKey();
            for (AttributeMapping m : ctx.mappings()) {
                if (m.appName().equalsIgnoreCase(name)) {
                    name = m.tiktokName();
                    break;
                }
            }
            String mapped = name;
            name = ctx.category().stream().filter(a -> !a.productProperty() && a.name().equalsIgnoreCase(mapped))
                    .map(CategoryAttribute::name).findFirst().orElse(mapped);
            String image = withImage && first && ctx.s().uploadFirstChildImageAsVariantImage() ? v.image() : null;
            out.add(new ListingSku.SalesAttribute(name, option.getValue(), image));
            first = false;
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------- attributes

    record Attributes(List<ProductAttributeValue> values, List<CategoryAttribute> missing,
                      List<DerivedAttribute> derived, boolean hazmatApplicable, boolean hazmatGiven,
                      List<String> hazmatNames) {
    }

    /**
     * Matches the app's product attributes to the category's PRODUCT_PROPERTY attributes by name, their values to
     * the allowed values by name; computes which are required (is_requried, or a requirement condition met by a
     * chosen value); fills missing ones with the rule-based deriver when the AI option and the allow/block lists
     * permit. "Pull values only for required attributes" on = only required attributes are sent.
     */
    Attributes resolveAttributes(AppListing listing, List<CategoryAttribute> category, ConnectorSettings.Products s) {
        Map<String, ProductAttributeValue.Value> chosen = new LinkedHashMap<>();
        Map<String, String> appValues = new LinkedHashMap<>();
        listing.attributes().forEach((k, v) -> appValues.put(k.toLowerCase(Locale.ROOT), v));
        List<CategoryAttribute> productAttrs = category.stream().filter(CategoryAttribute::productProperty).toList();
        for (CategoryAttribute a : productAttrs) {
            String value = appValues.get(a.name().toLowerCase(Locale.ROOT));
            if (value == null) {
                continue;
            }
            Optional<CategoryAttribute.Value> allowed = a.values().stream()
                    .filter(x -> x.name() != null && x.name().equalsIgnoreCase(value.strip())).findFirst();
            if (allowed.isPresent()) {
                chosen.put(a.id(), new ProductAttributeValue.Value(allowed.get().id(), null));
            } else if (a.customizable() || a.values().isEmpty()) {
                chosen.put(a.id(), new ProductAttributeValue.Value(null, value.strip()));
            }
        }
        List<DerivedAttribute> derived = new ArrayList<>();
        boolean aiAllowedForProduct = s.missingAttributes() == MissingAttributesBehavior.USE_AI
                && (s.aiSkus().isEmpty() || listing.variants().stream().anyMatch(v -> s.aiSkus().contains(v.sku())))
                && listing.variants().stream().noneMatch(v -> s.aiBlockedSkus().contains(v.sku()));
        // Derive in category order; a derived value can make a conditional attribute required, so loop to a fix point.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (CategoryAttribute a : productAttrs) {
                if (chosen.containsKey(a.id()) || !aiAllowedForProduct || !aiAllowedForAttribute(a, s)) {
                    continue;
                }
                if (s.pullOnlyRequiredAttributes() && !required(a, chosen)) {
                    continue;
                }
                Optional<DerivedAttribute> d = deriver.derive(listing, a);
                if (d.isPresent()) {
                    chosen.put(a.id(), new ProductAttributeValue.Value(d.get().valueId(), null));
                    derived.add(d.get());
                    changed = true;
                }
            }
        }
        List<CategoryAttribute> missing = productAttrs.stream()
                .filter(a -> required(a, chosen) && !chosen.containsKey(a.id())).toList();
        List<ProductAttributeValue> values = new ArrayList<>();
        for (CategoryAttribute a : productAttrs) {
            ProductAttributeValue.Value v = chosen.get(a.id());
            if (v != null && (!s.pullOnlyRequiredAttributes() || required(a, chosen) || isHazmat(a))) {
                values.add(new ProductAttributeValue(a.id(), List.of(v)));
            }
        }
        List<CategoryAttribute> hazmat = productAttrs.stream().filter(ProductPushService::isHazmat).toList();
        boolean hazmatGiven = hazmat.stream().anyMatch(a -> chosen.containsKey(a.id()));
        return new Attributes(values, missing, derived, !hazmat.isEmpty(), hazmatGiven,
                hazmat.stream().map(CategoryAttribute::name).toList());
    }

    private static boolean isHazmat(CategoryAttribute a) {
        return a.name() != null && HAZMAT.matcher(a.name()).find();
    }

    private static boolean aiAllowedForAttribute(CategoryAttribute a, ConnectorSettings.Products s) {
        boolean listed = s.aiAttributes().isEmpty() || s.aiAttributes().stream().anyMatch(n -> n.equalsIgnoreCase(a.name()));
        boolean blocked = s.aiBlockedAttributes().stream().anyMatch(n -> n.equalsIgnoreCase(a.name()));
        return listed && !blocked;
    }

    private static boolean required(CategoryAttribute a, Map<String, ProductAttributeValue.Value> chosen) {
        if (a.required()) {
            return true;
        }
        return a.requirementConditions().stream().anyMatch(c -> {
            ProductAttributeValue.Value v = chosen.get(c.attributeId());
            return v != null && Objects.equals(v.id(), c.attributeValueId());
        });
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void park(Context ctx, String reason, String message) {
        if (!ctx.dryRun()) {
            exceptions.park(ctx.integrationId(), ctx.listing().listingId(), reason, message);
        }
    }

    private Result save(String integrationId, AppListing listing, Optional<ProductPushRecord> prior, String productId,
                        Map<String, String> skuIds, Outcome outcome, List<String> issues, List<DerivedAttribute> derived) {
        String id = productId != null ? productId : prior.map(ProductPushRecord::tiktokProductId).orElse(null);
        Map<String, String> ids = productId != null ? skuIds : prior.map(ProductPushRecord::skuIds).orElse(Map.of());
        records.put(integrationId, new ProductPushRecord(listing.listingId(), id, ids, outcome.name(), issues, derived,
                clock.now()));
        return new Result(outcome, id, List.copyOf(issues));
    }

    private static String skusOf(List<AppListing.Variant> variants) {
        return variants.stream().map(AppListing.Variant::sku).toList().toString();
    }

    private static String join(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out.toString();
    }

    /** Create-product idempotency key (spec §7: ≤ 128 characters, unique per shop): stable per integration + listing. */
    static String idempotencyKey(String integrationId, String listingId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((integrationId + "\n" + listingId).getBytes(StandardCharsets.UTF_8));
            return "ttsc-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
