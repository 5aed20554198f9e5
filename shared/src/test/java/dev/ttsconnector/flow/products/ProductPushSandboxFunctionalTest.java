package dev.ttsconnector.flow.products;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.app.products.AppListing;
import dev.ttsconnector.app.products.InMemoryAppListingStore;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.orders.SandboxShopFixture;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.ProductProperty;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product push against the TikTok sandbox (which validates create/edit bodies per spec §7 and models audits:
 * content edits → PENDING, a content edit of a hazmat-category product without hazmat attributes → FAILED, price
 * updates immediate). Sandbox categories: 601226 T-shirts (required Material), 602118 Power banks (hazmat attributes).
 */
class ProductPushSandboxFunctionalTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static SandboxShopFixture fixture;
    private static ShopAccess access;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    private final InMemoryAppListingStore listings = new InMemoryAppListingStore();
    private final InMemoryProductPushStore records = new InMemoryProductPushStore();
    private final List<String> parked = new ArrayList<>();

    @BeforeAll
    static void start() {
        fixture = new SandboxShopFixture(dev.ttsconnector.common.Clock.system());
        access = fixture.shopAccess(List.of());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private ProductPushService service(ConnectorSettings.Products products) {
        ConnectorSettings d = ConnectorSettings.defaults(Instant.EPOCH);
        ConnectorConfig config = ConnectorConfig.of(new ConnectorSettings(d.locations(), d.orders(), d.fulfillments(),
                products, d.inventory(), d.returns(), d.refunds(), d.statements()));
        return new ProductPushService(listings, records, id -> ShopProductApi.of(access.connected(id)), id -> config,
                (integrationId, listingId, reason, message) -> parked.add(reason + ": " + message), clock,
                Duration.ofDays(30));
    }

    private static ConnectorSettings.Products defaults() {
        return ConnectorSettings.defaults(Instant.EPOCH).products();
    }

    /** A unique listing (SKUs are unique per test so tests share one sandbox). */
    private AppListing listing(String category, Map<String, String> attributes, String price) {
        int n = SEQ.incrementAndGet();
        AppListing l = new AppListing("L-" + n, "Travel item " + n, "<p>Handy</p>", List.of("tos-img-" + n), category,
                attributes, List.of(new AppListing.Variant("FT-" + n + "-R", Map.of("color", "Red"),
                        Money.of(price, "USD"), null, null, 4)), Set.of(), true, clock.now());
        listings.put(l);
        return l;
    }

    private static JsonNode tiktok(String productId) {
        return fixture.sandbox().control().product(productId);
    }

    @Test
    void fullPush_createsTheListingWithAttributesSkusAndStock() {
        String integration = fixture.newIntegration(null);
        AppListing l = listing("601226", Map.of("Material", "Cotton"), "15.00");
        ProductPushService.Result r = service(defaults()).push(integration, l.listingId());
        assertThat(r.outcome()).isEqualTo(ProductPushService.Outcome.CREATED);
        JsonNode p = tiktok(r.tiktokProductId());
        assertThat(p.get("status").asText()).isEqualTo("PENDING");
        assertThat(p.get("title").asText()).isEqualTo(l.title());
        assertThat(p.get("product_attributes").get(0).get("values").get(0).get("name").asText()).isEqualTo("Cotton");
        assertThat(p.get("skus").get(0).get("seller_sku").asText()).isEqualTo(l.variants().get(0).sku());
        assertThat(p.get("skus").get(0).get("sales_attributes").get(0).get("name").asText()).isEqualTo("Colour");
        assertThat(p.get("skus").get(0).get("inventory").get(0).get("quantity").asInt()).isEqualTo(4);
        assertThat(parked).isEmpty();
    }

    @Test
    void missingRequiredAttribute_parksAnExceptionAndCreatesADraft_publishedOnceTheAttributeIsGiven() {
        String integration = fixture.newIntegration(null);
        AppListing l = listing("601226", Map.of(), "15.00");
        ProductPushService.Result r = service(defaults()).push(integration, l.listingId());
        assertThat(r.outcome()).isEqualTo(ProductPushService.Outcome.CREATED_AS_DRAFT);
        assertThat(tiktok(r.tiktokProductId()).get("status").asText()).isEqualTo("DRAFT");
        assertThat(parked).singleElement().asString().startsWith("MISSING_ATTRIBUTES").contains("Material");

        // The attribute is supplied: the next push publishes the same product (submitted for audit), no new one.
        listings.put(new AppListing(l.listingId(), l.title(), l.description(), l.images(), l.categoryId(),
                Map.of("Material", "Polyester"), l.variants(), Set.of(), true, clock.now()));
        ProductPushService.Result again = service(defaults()).push(integration, l.listingId());
        assertThat(again.tiktokProductId()).isEqualTo(r.tiktokProductId());
        assertThat(tiktok(r.tiktokProductId()).get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void retriedPush_afterALostAnswer_createsNoSecondProduct() {
        String integration = fixture.newIntegration(null);
        AppListing l = listing("601226", Map.of("Material", "Wool"), "15.00");
        ProductPushService svc = service(defaults());
        String first = svc.push(integration, l.listingId()).tiktokProductId();
        // The connector lost the answer (no link stored) and TikTok's search does not show the product yet: the
        // push creates again, with the same idempotency_key.
        records.put(integration, new ProductPushRecord(l.listingId(), null, Map.of(), null, List.of(), List.of(),
                clock.now()));
        fixture.sandbox().control().setProductStatus(first, "DRAFT");
        ShopProductApi api = ShopProductApi.of(access.connected(integration));
        String second = api.create(new dev.ttsconnector.tiktok.products.ProductListing(l.title(), null, "601226", "v2",
                l.images(), List.of(), List.of(new dev.ttsconnector.tiktok.products.ListingSku(null,
                l.variants().get(0).sku(), Money.of("15.00", "USD"), null, List.of(),
                List.of(new dev.ttsconnector.tiktok.products.ListingSku.WarehouseQuantity(api.defaultWarehouseId(), 1)))),
                null, ProductPushService.idempotencyKey(integration, l.listingId()), null)).productId();
        assertThat(second).isEqualTo(first);
        assertThat(svc.push(integration, l.listingId()).tiktokProductId()).isEqualTo(first);
        assertThat(api.searchBySellerSkus(List.of(l.variants().get(0).sku()), null)).hasSize(1);
    }

    @Test
    void safeUpdate_whenHazmatInformationIsMissing_changesOnlyThePriceAndTheListingStaysActive() {
        String integration = fixture.newIntegration(null);
        AppListing l = listing("602118", Map.of("Material", "Plastic"), "20.00");
        ProductPushService svc = service(defaults());
        String productId = svc.push(integration, l.listingId()).tiktokProductId();
        fixture.sandbox().control().completeAudit(productId, true, null);
        assertThat(tiktok(productId).get("status").asText()).isEqualTo("ACTIVATE");

        listings.put(new AppListing(l.listingId(), l.title(), "<p>Now with a new description</p>", l.images(),
                l.categoryId(), l.attributes(), List.of(new AppListing.Variant(l.variants().get(0).sku(),
                Map.of("color", "Red"), Money.of("18.50", "USD"), null, null, 4)), Set.of(), true, clock.now()));
        ProductPushService.Result r = svc.push(integration, l.listingId());

        assertThat(r.outcome()).isEqualTo(ProductPushService.Outcome.UPDATED_PRICE_ONLY);
        JsonNode p = tiktok(productId);
        assertThat(p.get("status").asText()).isEqualTo("ACTIVATE");
        assertThat(new BigDecimal(p.get("skus").get(0).get("price").get("amount").asText())).isEqualByComparingTo("18.50");
        assertThat(p.get("description").asText()).isEqualTo("<p>Handy</p>");
    }

    @Test
    void withoutSafeUpdate_theSameContentUpdateFailsTheAudit_whichSafeUpdatePrevents() {
        String integration = fixture.newIntegration(null);
        AppListing l = listing("602118", Map.of("Material", "Plastic"), "20.00");
        ConnectorSettings.Products d = defaults();
        ConnectorSettings.Products unsafe = new ConnectorSettings.Products(d.onlySkus(), d.prepareForPush(), false,
                List.of(ProductProperty.PRICE, ProductProperty.DESCRIPTION), d.attributesMapping(),
                d.uploadFirstChildImageAsVariantImage(), d.allowDeactivate(), d.recoverDeleted(),
                d.blockUpdateIfVariantsInconsistent(), d.missingAttributes(), d.pullOnlyRequiredAttributes(), d.aiSkus(),
                d.aiBlockedSkus(), d.aiAttributes(), d.aiBlockedAttributes(), d.usePromotions());
        String productId = service(unsafe).push(integration, l.listingId()).tiktokProductId();
        fixture.sandbox().control().completeAudit(productId, true, null);
        listings.put(new AppListing(l.listingId(), l.title(), "<p>Changed</p>", l.images(), l.categoryId(),
                l.attributes(), l.variants(), Set.of(), true, clock.now()));
        service(unsafe).push(integration, l.listingId());
        assertThat(tiktok(productId).get("status").asText()).isEqualTo("FAILED");
    }
}
