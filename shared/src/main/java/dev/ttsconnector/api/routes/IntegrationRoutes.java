package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.JsonBody;
import dev.ttsconnector.api.Principal;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.integration.ConnectResult;
import dev.ttsconnector.integration.CreatedIntegration;
import dev.ttsconnector.integration.FlowState;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationComponents;
import dev.ttsconnector.integration.IntegrationDetails;
import dev.ttsconnector.integration.IntegrationService;
import dev.ttsconnector.integration.ShopBinding;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Integrations: {@code POST /v1/integrations} (admin; 201 with the authorize link), {@code GET /v1/integrations}
 * (the caller's integrations), {@code GET/DELETE /v1/integrations/{id}} (details with flow health / disconnect),
 * {@code POST /v1/integrations/{id}/shop} (pick one of several authorized shops) and
 * {@code POST /v1/integrations/{id}/authorize} (a new authorize link, e.g. to reconnect).
 */
public final class IntegrationRoutes implements RouteModule {

    static final int MAX_PAGE = 100;

    private final Supplier<IntegrationComponents> components;
    private final Clock clock;

    public IntegrationRoutes(Supplier<IntegrationComponents> components, Clock clock) {
        this.components = Objects.requireNonNull(components, "components");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Body of {@code POST /v1/integrations}. */
    public record CreateIntegrationRequest(String name) {
    }

    /** Body of {@code POST /v1/integrations/{id}/shop}. */
    public record SelectShopRequest(String shopId) {
    }

    /** The shop of an integration (no cipher: it is an access detail, not for clients). */
    public record ShopView(String id, String name, String region, String sellerType, String code) {
        static ShopView of(ShopBinding shop) {
            return shop == null ? null : new ShopView(shop.shopId(), shop.name(), shop.region(), shop.sellerType(),
                    shop.code());
        }
    }

    /** Health of one flow: its cursor, last run and lag (now - cursor). */
    public record FlowView(String flow, Instant cursor, Instant lastRunAt, Instant lastSuccessAt, Long lagSeconds,
                           String lastError) {
        static FlowView of(FlowState s, Instant now) {
            Long lag = s.cursor() == null ? null : Math.max(0, Duration.between(s.cursor(), now).toSeconds());
            return new FlowView(s.flow().name().toLowerCase(java.util.Locale.ROOT), s.cursor(), s.lastRunAt(),
                    s.lastSuccessAt(), lag, s.lastError());
        }
    }

    /** One integration as the API shows it. */
    public record IntegrationView(String id, String name, String status, String statusReason, ShopView shop,
                                  Instant createdAt, Instant updatedAt, Instant authorizationExpiresAt,
                                  List<FlowView> flows, String authorizeUrl) {
        static IntegrationView of(Integration i, List<FlowView> flows, String authorizeUrl) {
            return new IntegrationView(i.id(), i.name(), i.status().name(), i.statusReason(), ShopView.of(i.shop()),
                    i.createdAt(), i.updatedAt(), i.authorizationExpiresAt(), flows, authorizeUrl);
        }
    }

    /** Answer of {@code GET /v1/integrations}. */
    public record IntegrationList(List<IntegrationView> items, String nextCursor) {
    }

    /** Answer of {@code POST /v1/integrations/{id}/authorize}. */
    public record AuthorizeLink(String integrationId, String authorizeUrl) {
    }

    @Override
    public void register(Router router) {
        router.post("/v1/integrations", Access.ADMIN, this::create);
        router.get("/v1/integrations", Access.AUTHENTICATED, this::list);
        router.get("/v1/integrations/{id}", Access.INTEGRATION, this::get);
        router.delete("/v1/integrations/{id}", Access.INTEGRATION, this::disconnect);
        router.post("/v1/integrations/{id}/shop", Access.INTEGRATION, this::selectShop);
        router.post("/v1/integrations/{id}/authorize", Access.INTEGRATION, this::authorize);
    }

    private IntegrationService service() {
        return components.get().integrations();
    }

    static String actor(Principal principal) {
        return "apikey:" + principal.keyId();
    }

    private ApiResponse create(ApiRequest request) {
        CreateIntegrationRequest body = JsonBody.read(request, CreateIntegrationRequest.class);
        CreatedIntegration created = service().create(body.name(), actor(request.principal()));
        return ApiResponse.created(IntegrationView.of(created.integration(), List.of(),
                        created.authorizeUrl().toString()))
                .withHeader("Location", "/v1/integrations/" + created.integration().id());
    }

    private ApiResponse list(ApiRequest request) {
        int limit = limit(request);
        String cursor = request.queryParam("cursor").orElse(null);
        Principal caller = request.principal();
        if (!caller.admin()) {
            return ApiResponse.ok(scopedList(caller, limit, cursor));
        }
        Page<Integration> page;
        try {
            page = service().list(limit, cursor);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", "is not a cursor returned by this API");
        }
        List<IntegrationView> items = page.items().stream().map(i -> IntegrationView.of(i, null, null)).toList();
        return ApiResponse.ok(new IntegrationList(items, page.nextCursor()));
    }

    /**
     * A scoped key's list: its own integrations read by id (filtering the whole table's pages would return short or
     * empty pages with a cursor), in the admin list's order (creation time, then id); the cursor is the last id given.
     */
    private IntegrationList scopedList(Principal caller, int limit, String cursor) {
        List<Integration> mine = caller.integrationIds().stream().map(id -> service().find(id))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Integration::createdAt).thenComparing(Integration::id)).toList();
        int start = 0;
        if (cursor != null) {
            int at = -1;
            for (int i = 0; i < mine.size(); i++) {
                if (mine.get(i).id().equals(cursor)) {
                    at = i;
                }
            }
            if (at < 0) {
                throw ApiException.validation("cursor", "is not a cursor returned by this API");
            }
            start = at + 1;
        }
        int end = Math.min(mine.size(), start + limit);
        List<IntegrationView> items = mine.subList(start, end).stream().map(i -> IntegrationView.of(i, null, null))
                .toList();
        return new IntegrationList(items, end < mine.size() ? mine.get(end - 1).id() : null);
    }

    static int limit(ApiRequest request) {
        String raw = request.queryParam("limit").orElse("50");
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit < 1 || limit > MAX_PAGE) {
                throw ApiException.validation("limit", "must be between 1 and " + MAX_PAGE + ", was " + limit);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.validation("limit", "must be an integer between 1 and " + MAX_PAGE);
        }
    }

    private ApiResponse get(ApiRequest request) {
        IntegrationDetails details = service().get(request.pathParam("id"));
        return ApiResponse.ok(view(details));
    }

    private IntegrationView view(IntegrationDetails details) {
        Instant now = clock.now();
        return IntegrationView.of(details.integration(),
                details.flows().stream().map(s -> FlowView.of(s, now)).toList(), null);
    }

    private ApiResponse disconnect(ApiRequest request) {
        String id = request.pathParam("id");
        service().disconnect(id, actor(request.principal()));
        return ApiResponse.ok(view(service().get(id)));
    }

    private ApiResponse selectShop(ApiRequest request) {
        SelectShopRequest body = JsonBody.read(request, SelectShopRequest.class);
        ConnectResult result = service().selectShop(request.pathParam("id"), body.shopId());
        return ApiResponse.ok(view(service().get(result.integration().id())));
    }

    private ApiResponse authorize(ApiRequest request) {
        String id = request.pathParam("id");
        return ApiResponse.ok(new AuthorizeLink(id, service().authorizeUrl(id).toString()));
    }
}
