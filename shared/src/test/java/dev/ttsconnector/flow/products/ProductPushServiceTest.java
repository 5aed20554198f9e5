package dev.ttsconnector.flow.products;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.app.products.AppListing;
import dev.ttsconnector.app.products.InMemoryAppListingStore;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.MissingAttributesBehavior;
import dev.ttsconnector.settings.ProductProperty;
import dev.ttsconnector.tiktok.products.CategoryAttribute;
import dev.ttsconnector.tiktok.products.ListingSku;
import dev.ttsconnector.tiktok.products.ProductAttributeValue;
import dev.ttsconnector.tiktok.products.ProductListing;
import dev.ttsconnector.tiktok.promotions.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per Products setting the push applies, against a fake shop (no TikTok, no sleeping). */
class ProductPushServiceTest {

    private static final String INT = "int-1";
    private static final CategoryAttribute MATERIAL = new CategoryAttribute("m", "Material", "PRODUCT_PROPERTY", true,
            false, false, List.of(new CategoryAttribute.Value("m1", "Cotton"), new CategoryAttribute.Value("m2", "Wool")),
            List.of());
    private static final CategoryAttribute PATTERN = new CategoryAttribute("p", "Pattern", "PRODUCT_PROPERTY", false,
            false, false, List.of(new CategoryAttribute.Value("p1", "Solid"), new CategoryAttribute.Value("p2", "Striped")),
            List.of());
    private static final CategoryAttribute BATTERIES = new CategoryAttribute("b", "Contains Batteries or Cells?",
            "PRODUCT_PROPERTY", false, false, false, List.of(new CategoryAttribute.Value("y", "Yes"),
            new CategoryAttribute.Value("n", "No")), List.of());
    private static final CategoryAttribute COLOUR = new CategoryAttribute("c", "Colour", "SALES_PROPERTY", false, false,
            false, List.of(), List.of());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final InMemoryAppListingStore listings = new InMemoryAppListingStore();
    private final InMemoryProductPushStore records = new InMemoryProductPushStore();
    private final FakeShopProductApi shop = new FakeShopProductApi();
    private final List<String> parked = new ArrayList<>();
    private ConnectorSettings.Products products;

    @BeforeEach
    void setUp() {
        products = ConnectorSettings.defaults(Instant.EPOCH).products();
        shop.category = List.of(COLOUR, MATERIAL, PATTERN);
    }

    private ProductPushService service() {
        ConnectorSettings d = ConnectorSettings.defaults(Instant.EPOCH);
        ConnectorConfig config = ConnectorConfig.of(new ConnectorSettings(d.locations(), d.orders(), d.fulfillments(),
                products, d.inventory(), d.returns(), d.refunds(), d.statements()));
        return new ProductPushService(listings, records, id -> shop, id -> config,
                (integrationId, listingId, reason, message) -> parked.add(reason + ": " + message), clock,
                Duration.ofDays(30));
    }

    /** Products settings with some fields replaced (a record copy helper). */
    private void set(java.util.function.UnaryOperator<Object[]> change) {
        var p = products;
        Object[] f = {p.onlySkus(), p.prepareForPush(), p.safeUpdate(), p.updateOnlyProperties(), p.attributesMapping(),
                p.uploadFirstChildImageAsVariantImage(), p.allowDeactivate(), p.recoverDeleted(),
                p.blockUpdateIfVariantsInconsistent(), p.missingAttributes(), p.pullOnlyRequiredAttributes(), p.aiSkus(),
                p.aiBlockedSkus(), p.aiAttributes(), p.aiBlockedAttributes(), p.usePromotions()};
        f = change.apply(f);
        @SuppressWarnings("unchecked")
        ConnectorSettings.Products n = new ConnectorSettings.Products((List<String>) f[0], (boolean) f[1], (boolean) f[2],
                (List<ProductProperty>) f[3], (String) f[4], (boolean) f[5], (boolean) f[6], (boolean) f[7],
                (boolean) f[8], (MissingAttributesBehavior) f[9], (boolean) f[10], (List<String>) f[11],
                (List<String>) f[12], (List<String>) f[13], (List<String>) f[14], (boolean) f[15]);
        products = n;
    }

    private void setting(int index, Object value) {
        set(f -> {
            f[index] = value;
            return f;
        });
    }

    private static AppListing.Variant variant(String sku, String price, String compareAt) {
        return new AppListing.Variant(sku, Map.of("color", sku.endsWith("R") ? "Red" : "Blue"), Money.of(price, "USD"),
                compareAt == null ? null : Money.of(compareAt, "USD"), "img-" + sku, 3);
    }

    private AppListing listing(Map<String, String> attributes, Set<String> removed, boolean active,
                               AppListing.Variant... variants) {
        AppListing l = new AppListing("L1", "Cotton Tee", "<p>Soft striped tee</p>", List.of("img-1", "img-2"), "601226",
                attributes, List.of(variants), removed, active, clock.now());
        listings.put(l);
        return l;
    }

    private AppListing tee(AppListing.Variant... variants) {
        return listing(Map.of("Material", "Cotton"), Set.of(), true, variants);
    }

    // ------------------------------------------------------------------------------------------------ create

    @Test
    void push_withoutTikTokProduct_createsListingWithAttributesAndInventory() {
        tee(variant("T-R", "10.00", null), variant("T-B", "10.00", null));
        ProductPushService.Result r = service().push(INT, "L1");
        assertThat(r.outcome()).isEqualTo(ProductPushService.Outcome.CREATED);
        assertThat(shop.lastCreate.saveMode()).isEqualTo(ProductListing.LISTING);
        assertThat(shop.lastCreate.categoryVersion()).isEqualTo("v2");
        assertThat(shop.lastCreate.productAttributes()).containsExactly(new ProductAttributeValue("m",
                List.of(new ProductAttributeValue.Value("m1", null))));
        assertThat(shop.lastCreate.skus()).allSatisfy(s -> assertThat(s.inventory())
                .containsExactly(new ListingSku.WarehouseQuantity("WH-1", 3)));
        assertThat(records.get(INT, "L1").orElseThrow().tiktokProductId()).isEqualTo(r.tiktokProductId());
    }

    @Test
    void push_retriedAfterCreate_createsNoSecondProduct() {
        tee(variant("T-R", "10.00", null));
        String first = service().push(INT, "L1").tiktokProductId();
        records.put(INT, new ProductPushRecord("L1", null, Map.of(), null, List.of(), List.of(), clock.now()));
        shop.searchBlind = true; // only the idempotency key can prevent a duplicate now
        String second = service().push(INT, "L1").tiktokProductId();
        assertThat(second).isEqualTo(first);
        assertThat(shop.products).hasSize(1);
        assertThat(shop.lastCreate.idempotencyKey()).isEqualTo(ProductPushService.idempotencyKey(INT, "L1"));
    }

    @Test
    void onlySkus_whenNoVariantIsListed_pushesNothing() {
        setting(0, List.of("OTHER"));
        tee(variant("T-R", "10.00", null));
        assertThat(service().push(INT, "L1").outcome()).isEqualTo(ProductPushService.Outcome.SKIPPED_NO_ALLOWED_SKU);
        assertThat(shop.calls).isEmpty();
    }

    @Test
    void onlySkus_pushesOnlyTheListedVariants() {
        setting(0, List.of("T-R"));
        tee(variant("T-R", "10.00", null), variant("T-B", "10.00", null));
        service().push(INT, "L1");
        assertThat(shop.lastCreate.skus()).extracting(ListingSku::sellerSku).containsExactly("T-R");
    }

    @Test
    void missingAttributes_raiseException_parksNamingTheAttributeAndCreatesDraft() {
        listing(Map.of(), Set.of(), true, variant("T-R", "10.00", null));
        ProductPushService.Result r = service().push(INT, "L1");
        assertThat(r.outcome()).isEqualTo(ProductPushService.Outcome.CREATED_AS_DRAFT);
        assertThat(shop.lastCreate.saveMode()).isEqualTo(ProductListing.AS_DRAFT);
        assertThat(parked).singleElement().asString().startsWith("MISSING_ATTRIBUTES").contains("Material (m)");
    }

    @Test
    void missingAttributes_suppliedLater_publishTheDraftWithAFullListingEdit() {
        listing(Map.of(), Set.of(), true, variant("T-R", "10.00", null));
        String draft = service().push(INT, "L1").tiktokProductId();
        tee(variant("T-R", "10.00", null));
        ProductPushService.Result r = service().push(INT, "L1");
        assertThat(r.outcome()).isEqualTo(ProductPushService.Outcome.UPDATED);
        assertThat(shop.writes()).contains("edit " + draft);
        assertThat(shop.lastEdit.saveMode()).isEqualTo(ProductListing.LISTING);
        assertThat(shop.lastEdit.skus()).extracting(ListingSku::id).containsExactly(draft + "-T-R");
    }

    @Test
    void missingAttributes_ruleBasedDerivation_fillsFromTitleAndRecordsTheSource() {
        setting(9, MissingAttributesBehavior.USE_AI);
        listing(Map.of(), Set.of(), true, variant("T-R", "10.00", null));
        ProductPushService.Result r = service().push(INT, "L1");
        assertThat(r.outcome()).isEqualTo(ProductPushService.Outcome.CREATED);
        assertThat(shop.lastCreate.productAttributes()).extracting(ProductAttributeValue::id).containsExactly("m");
        assertThat(records.get(INT, "L1").orElseThrow().derived()).singleElement().satisfies(d -> {
            assertThat(d.valueName()).isEqualTo("Cotton");
            assertThat(d.source()).isEqualTo("title");
            assertThat(d.matchedText()).isEqualTo("Cotton");
        });
        assertThat(parked).isEmpty();
    }

    @Test
    void missingAttributes_derivation_skipsBlockedAttributes() {
        setting(9, MissingAttributesBehavior.USE_AI);
        setting(14, List.of("material"));
        listing(Map.of(), Set.of(), true, variant("T-R", "10.00", null));
        assertThat(service().push(INT, "L1").outcome()).isEqualTo(ProductPushService.Outcome.CREATED_AS_DRAFT);
    }

    @Test
    void missingAttributes_derivation_onlyForAllowListedSkus() {
        setting(9, MissingAttributesBehavior.USE_AI);
        setting(11, List.of("SOME-OTHER-SKU"));
        listing(Map.of(), Set.of(), true, variant("T-R", "10.00", null));
        assertThat(service().push(INT, "L1").outcome()).isEqualTo(ProductPushService.Outcome.CREATED_AS_DRAFT);
    }

    @Test
    void missingAttributes_derivation_skipsBlockListedSkus() {
        setting(9, MissingAttributesBehavior.USE_AI);
        setting(12, List.of("T-R"));
        listing(Map.of(), Set.of(), true, variant("T-R", "10.00", null));
        assertThat(service().push(INT, "L1").outcome()).isEqualTo(ProductPushService.Outcome.CREATED_AS_DRAFT);
    }

    @Test
    void missingAttributes_derivation_onlyForListedAttributeNames() {
        setting(9, MissingAttributesBehavior.USE_AI);
        setting(13, List.of("Pattern"));
        listing(Map.of(), Set.of(), true, variant("T-R", "10.00", null));
        assertThat(service().push(INT, "L1").outcome()).isEqualTo(ProductPushService.Outcome.CREATED_AS_DRAFT);
    }

    @Test
    void pullOnlyRequiredAttributes_on_sendsOnlyRequired_off_sendsOptionalToo() {
        listing(Map.of("Material", "Cotton", "Pattern", "Striped"), Set.of(), true, variant("T-R", "10.00", null));
        service().push(INT, "L1");
        assertThat(shop.lastCreate.productAttributes()).extracting(ProductAttributeValue::id).containsExactly("m");

        setting(10, false);
        records.put(INT, new ProductPushRecord("L1", null, Map.of(), null, List.of(), List.of(), clock.now()));
        shop.products.clear();
        shop.byIdempotencyKey.clear();
        service().push(INT, "L1");
        assertThat(shop.lastCreate.productAttributes()).extracting(ProductAttributeValue::id).containsExactly("m", "p");
    }

    @Test
    void attributesMapping_namesVariantOptionsWithTikTokSalesAttribute() {
        tee(variant("T-R", "10.00", null));
        service().push(INT, "L1");
        assertThat(shop.lastCreate.skus().get(0).salesAttributes()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Colour");
            assertThat(a.valueName()).isEqualTo("Red");
        });
    }

    @Test
    void uploadFirstChildImage_on_sendsTheVariantImage_offSendsNone() {
        tee(variant("T-R", "10.00", null));
        service().push(INT, "L1");
        assertThat(shop.lastCreate.skus().get(0).salesAttributes().get(0).skuImageUri()).isNull();

        setting(5, true);
        shop.products.clear();
        shop.byIdempotencyKey.clear();
        records.put(INT, new ProductPushRecord("L1", null, Map.of(), null, List.of(), List.of(), clock.now()));
        service().push(INT, "L1");
        assertThat(shop.lastCreate.skus().get(0).salesAttributes().get(0).skuImageUri()).isEqualTo("img-T-R");
    }

    @Test
    void prepareForPush_storesIssuesAndWritesNothing() {
        setting(1, true);
        listing(Map.of(), Set.of(), true, variant("T-R", "10.00", null));
        ProductPushService.Result r = service().push(INT, "L1");
        assertThat(r.outcome()).isEqualTo(ProductPushService.Outcome.DRY_RUN);
        assertThat(shop.writes()).isEmpty();
        assertThat(parked).isEmpty();
        assertThat(records.get(INT, "L1").orElseThrow().issues()).contains("missing required attribute Material (m)");
    }

    // ------------------------------------------------------------------------------------------------ update

    @Test
    void safeUpdate_whenHazmatInformationIsMissing_updatesOnlyThePrice() {
        shop.category = List.of(COLOUR, MATERIAL, BATTERIES);
        shop.seed("P9", "ACTIVATE", "T-R");
        tee(variant("T-R", "12.00", null));
        ProductPushService.Result r = service().push(INT, "L1");
        assertThat(r.outcome()).isEqualTo(ProductPushService.Outcome.UPDATED_PRICE_ONLY);
        assertThat(shop.writes()).containsExactly("prices P9");
        assertThat(shop.lastPrices).singleElement().satisfies(p -> assertThat(p.price()).isEqualTo(Money.of("12.00", "USD")));
    }

    @Test
    void safeUpdate_whenHazmatInformationIsGiven_sendsTheConfiguredProperties() {
        shop.category = List.of(COLOUR, MATERIAL, BATTERIES);
        shop.seed("P9", "ACTIVATE", "T-R");
        listing(Map.of("Material", "Cotton", "Contains Batteries or Cells?", "No"), Set.of(), true,
                variant("T-R", "12.00", null));
        assertThat(service().push(INT, "L1").outcome()).isEqualTo(ProductPushService.Outcome.UPDATED_PARTIAL);
        assertThat(shop.writes()).containsExactly("prices P9", "partialEdit P9 [description]");
    }

    @Test
    void safeUpdateOff_whenHazmatInformationIsMissing_stillSendsContent() {
        setting(2, false);
        shop.category = List.of(COLOUR, MATERIAL, BATTERIES);
        shop.seed("P9", "ACTIVATE", "T-R");
        tee(variant("T-R", "12.00", null));
        assertThat(service().push(INT, "L1").outcome()).isEqualTo(ProductPushService.Outcome.UPDATED_PARTIAL);
        assertThat(shop.writes()).contains("partialEdit P9 [description]");
    }

    @Test
    void updateOnlySpecificProperties_default_partialEditsDescriptionAndUpdatesPrice() {
        shop.seed("P9", "ACTIVATE", "T-R");
        tee(variant("T-R", "12.00", null));
        service().push(INT, "L1");
        assertThat(shop.writes()).containsExactly("prices P9", "partialEdit P9 [description]");
    }

    @Test
    void updateOnlySpecificProperties_empty_doesAFullEditKeepingEverySku() {
        setting(3, List.of());
        shop.seed("P9", "ACTIVATE", "T-R", "T-B");
        tee(variant("T-R", "12.00", null), variant("T-B", "12.00", null));
        assertThat(service().push(INT, "L1").outcome()).isEqualTo(ProductPushService.Outcome.UPDATED);
        assertThat(shop.lastEdit.skus()).extracting(ListingSku::id).containsExactly("P9-T-R", "P9-T-B");
    }

    @Test
    void fullUpdate_neverDeletesTikTokSkusTheAppRecordDoesNotList_andParksThem() {
        setting(3, List.of());
        shop.seed("P9", "ACTIVATE", "T-R", "T-B");
        tee(variant("T-R", "12.00", null));
        ProductPushService.Result r = service().push(INT, "L1");
        assertThat(r.outcome()).isEqualTo(ProductPushService.Outcome.UPDATED_PARTIAL);
        assertThat(shop.writes()).noneMatch(c -> c.startsWith("edit"));
        assertThat(parked).singleElement().asString().startsWith("SKUS_WOULD_BE_DELETED").contains("[T-B]");
    }

    @Test
    void blockUpdateIfVariantsInconsistent_off_deletesOnlySkusTheAppRemoved() {
        setting(3, List.of());
        shop.seed("P9", "ACTIVATE", "T-R", "T-B");
        listing(Map.of("Material", "Cotton"), Set.of("T-B"), true, variant("T-R", "12.00", null));
        assertThat(service().push(INT, "L1").outcome()).isEqualTo(ProductPushService.Outcome.UPDATED);
        assertThat(shop.lastEdit.skus()).extracting(ListingSku::sellerSku).containsExactly("T-R");
        assertThat(parked).isEmpty();
    }

    @Test
    void blockUpdateIfVariantsInconsistent_on_leavesVariantsAndParks() {
        setting(3, List.of());
        setting(8, true);
        shop.seed("P9", "ACTIVATE", "T-R", "T-B");
        listing(Map.of("Material", "Cotton"), Set.of("T-B"), true, variant("T-R", "12.00", null));
        assertThat(service().push(INT, "L1").outcome()).isEqualTo(ProductPushService.Outcome.UPDATED_PARTIAL);
        assertThat(shop.writes()).noneMatch(c -> c.startsWith("edit"));
        assertThat(parked).singleElement().asString().startsWith("VARIANTS_INCONSISTENT");
    }

    @Test
    void allowDeactivate_off_neverDeactivatesAnActiveProduct() {
        shop.seed("P9", "ACTIVATE", "T-R");
        listing(Map.of("Material", "Cotton"), Set.of(), false, variant("T-R", "12.00", null));
        ProductPushService.Result r = service().push(INT, "L1");
        assertThat(shop.writes()).noneMatch(c -> c.startsWith("deactivate"));
        assertThat(r.issues()).anyMatch(i -> i.contains("left ACTIVATE"));
    }

    @Test
    void allowDeactivate_on_deactivatesWhenTheAppListingIsInactive() {
        setting(6, true);
        shop.seed("P9", "ACTIVATE", "T-R");
        listing(Map.of("Material", "Cotton"), Set.of(), false, variant("T-R", "12.00", null));
        service().push(INT, "L1");
        assertThat(shop.writes()).contains("deactivate P9");
    }

    @Test
    void recoverDeleted_on_recoversTheDeletedProductInsteadOfCreating() {
        shop.seed("P9", "DELETED", "T-R");
        tee(variant("T-R", "12.00", null));
        ProductPushService.Result r = service().push(INT, "L1");
        assertThat(r.tiktokProductId()).isEqualTo("P9");
        assertThat(shop.writes()).startsWith("recover P9").doesNotContain("create LISTING").contains("activate P9");
    }

    @Test
    void recoverDeleted_off_createsANewProduct() {
        setting(7, false);
        shop.seed("P9", "DELETED", "T-R");
        tee(variant("T-R", "12.00", null));
        ProductPushService.Result r = service().push(INT, "L1");
        assertThat(r.outcome()).isEqualTo(ProductPushService.Outcome.CREATED);
        assertThat(shop.writes()).noneMatch(c -> c.startsWith("recover"));
    }

    @Test
    void priceLockedByPromotion_isAnIssueNotAFailure() {
        shop.seed("P9", "ACTIVATE", "T-R");
        shop.priceUpdateError = 12019045;
        tee(variant("T-R", "12.00", null));
        assertThat(service().push(INT, "L1").issues()).anyMatch(i -> i.contains("12019045"));
    }

    // ------------------------------------------------------------------------------------------------ promotions

    @Test
    void promotions_compareAtAbovePrice_createsOneActivityAndReusesItOnRetry() {
        setting(15, true);
        tee(variant("T-R", "8.00", "10.00"));
        String productId = service().push(INT, "L1").tiktokProductId();
        assertThat(shop.lastCreate.skus().get(0).price()).isEqualTo(Money.of("10.00", "USD"));
        assertThat(shop.activities).singleElement().satisfies(a ->
                assertThat(a.title()).isEqualTo(ProductPushService.promotionTitle(productId)));
        assertThat(shop.activityProducts.get("A1").skus()).singleElement().satisfies(d ->
                assertThat(d.activityPrice()).isEqualByComparingTo("8.00"));

        shop.products.computeIfPresent(productId, (k, p) -> new dev.ttsconnector.tiktok.products.Product(p.id(), p.title(),
                "ACTIVATE", p.createTime(), p.updateTime(), p.skus()));
        service().push(INT, "L1");
        assertThat(shop.activities).hasSize(1);
    }

    @Test
    void promotions_compareAtRemoved_deactivatesTheActivityBeforeUpdatingThePrice() {
        setting(15, true);
        shop.seed("P9", "ACTIVATE", "T-R");
        shop.activities.add(new Activity("A7", ProductPushService.promotionTitle("P9"), "FIXED_PRICE", "ONGOING",
                clock.now(), clock.now().plusSeconds(3600)));
        tee(variant("T-R", "10.00", "10.00"));
        service().push(INT, "L1");
        assertThat(shop.writes()).containsSubsequence("deactivateActivity A7", "prices P9");
        assertThat(shop.writes()).noneMatch(c -> c.startsWith("createActivity"));
    }

    @Test
    void promotions_off_pushesThePriceAndNoActivity() {
        tee(variant("T-R", "8.00", "10.00"));
        service().push(INT, "L1");
        assertThat(shop.lastCreate.skus().get(0).price()).isEqualTo(Money.of("8.00", "USD"));
        assertThat(shop.calls).noneMatch(c -> c.contains("ctivit"));
    }
}
