package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.JsonBody;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.products.AppListing;
import dev.ttsconnector.app.products.AppListingStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.flow.products.ProductPushMessage;
import dev.ttsconnector.flow.products.ProductPushRecord;
import dev.ttsconnector.flow.products.ProductPushStore;
import dev.ttsconnector.queue.MessageEnvelope;
import dev.ttsconnector.queue.QueuePublisher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Products to TikTok:
 * <ul>
 *   <li>{@code PUT /v1/products/listings/{listingId}} (admin) stores an app listing (parent + variants), the push's
 *       input; {@code GET} reads it back;</li>
 *   <li>{@code POST /v1/integrations/{id}/products/push} queues one push per listing id (≤ {@value #MAX_PUSH}) on
 *       ProductSyncQueue; the ProductPush function applies them (with "Prepare for Product Push" on, as dry runs);</li>
 *   <li>{@code GET /v1/integrations/{id}/products/issues} lists the listings with open issues ("Export Incomplete
 *       Products"), paged by {@code limit}/{@code cursor}.</li>
 * </ul>
 */
public final class ProductPushRoutes implements RouteModule {

    public static final int MAX_PUSH = 100;

    /** What the routes need; {@code integrationExists} answers whether an integration id is known. */
    public record Services(AppListingStore listings, ProductPushStore records, QueuePublisher publisher,
                           String queueUrl, Clock clock, Predicate<String> integrationExists) {
        public Services {
            Objects.requireNonNull(listings, "listings");
            Objects.requireNonNull(records, "records");
            Objects.requireNonNull(publisher, "publisher");
            Objects.requireNonNull(queueUrl, "queueUrl");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(integrationExists, "integrationExists");
        }
    }

    /** Body of {@code PUT /v1/products/listings/{listingId}}. */
    public record ListingBody(String title, String description, List<String> images, String categoryId,
                              Map<String, String> attributes, List<AppListing.Variant> variants, Set<String> removedSkus,
                              Boolean active) {
    }

    /** Body of {@code POST /v1/integrations/{id}/products/push}. */
    public record PushRequest(List<String> listingIds) {
    }

    /** Answer of the push route: how many pushes were queued. */
    public record PushResponse(int queued) {
    }

    /** Listings with open issues. */
    public record IssueList(List<ProductPushRecord> items, String nextCursor) {
    }

    private final Services services;

    /** @param services null while the deployment does not wire the product push: the routes then answer 503 */
    public ProductPushRoutes(Services services) {
        this.services = services;
    }

    @Override
    public void register(Router router) {
        router.put("/v1/products/listings/{listingId}", Access.ADMIN, this::putListing);
        router.get("/v1/products/listings/{listingId}", Access.AUTHENTICATED, this::getListing);
        router.post("/v1/integrations/{id}/products/push", Access.INTEGRATION, this::push);
        router.get("/v1/integrations/{id}/products/issues", Access.INTEGRATION, this::issues);
    }

    private ApiResponse putListing(ApiRequest request) {
        ListingBody b = JsonBody.read(request, ListingBody.class);
        AppListing listing;
        try {
            listing = new AppListing(request.pathParam("listingId"), b.title(), b.description(), b.images(),
                    b.categoryId(), b.attributes(), b.variants() == null ? List.of() : b.variants(), b.removedSkus(),
                    b.active() == null || b.active(), services().clock().now());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InventoryRoutes.invalid(new IllegalArgumentException(e.getMessage(), e));
        }
        if (listing.categoryId() == null || listing.categoryId().isBlank()) {
            throw ApiException.validation("categoryId", "a TikTok leaf category id is required");
        }
        services().listings().put(listing);
        return ApiResponse.ok(listing);
    }

    private ApiResponse getListing(ApiRequest request) {
        String id = request.pathParam("listingId");
        return ApiResponse.ok(services().listings().get(id).orElseThrow(() -> ApiException.notFound("listing", id)));
    }

    private ApiResponse push(ApiRequest request) {
        String integrationId = knownIntegration(request);
        PushRequest body = JsonBody.read(request, PushRequest.class);
        if (body.listingIds() == null || body.listingIds().isEmpty() || body.listingIds().size() > MAX_PUSH) {
            throw ApiException.validation("listingIds", "1-" + MAX_PUSH + " listing ids required");
        }
        List<MessageEnvelope> envelopes = new ArrayList<>();
        for (String id : new LinkedHashSet<>(body.listingIds())) {
            if (id == null || id.isBlank()) {
                throw ApiException.validation("listingIds", "ids must not be blank");
            }
            if (services().listings().get(id).isEmpty()) {
                throw ApiException.validation("listingIds", "no app listing " + id);
            }
            envelopes.add(MessageEnvelope.create(ProductPushMessage.TYPE, integrationId, services().clock().now(),
                    integrationId + ":" + id + ":" + services().clock().now().toEpochMilli(), null,
                    new ProductPushMessage(id)));
        }
        services().publisher().sendAll(services().queueUrl(), envelopes);
        return ApiResponse.json(202, new PushResponse(envelopes.size()));
    }

    private ApiResponse issues(ApiRequest request) {
        String integrationId = knownIntegration(request);
        Page<ProductPushRecord> page = services().records().list(integrationId, InventoryRoutes.limit(request),
                request.queryParam("cursor").orElse(null));
        return ApiResponse.ok(new IssueList(page.items().stream().filter(r -> !r.issues().isEmpty()).toList(),
                page.nextCursor()));
    }

    private String knownIntegration(ApiRequest request) {
        String integrationId = request.pathParam("id");
        if (!services().integrationExists().test(integrationId)) {
            throw ApiException.notFound("integration", integrationId);
        }
        return integrationId;
    }

    private Services services() {
        if (services == null) {
            throw new ApiException(503, "not_configured", "this deployment has no product push wired", null);
        }
        return services;
    }
}
