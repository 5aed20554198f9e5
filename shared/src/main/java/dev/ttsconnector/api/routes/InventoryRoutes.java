package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.JsonBody;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.inventory.StockLevel;
import dev.ttsconnector.app.inventory.StockStore;
import dev.ttsconnector.app.locations.LocationStore;
import dev.ttsconnector.app.products.CatalogStore;
import dev.ttsconnector.app.products.SkuMappingStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.flow.inventory.CatalogSyncService;
import dev.ttsconnector.flow.inventory.StockService;
import dev.ttsconnector.flow.inventory.StockUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * App stock: {@code PUT /v1/inventory} (admin) sets absolute levels, validated whole, and queues a push per changed
 * SKU for every integration selling it; {@code GET /v1/inventory?sku=&locationId=} reads levels (at least one filter);
 * {@code GET /v1/integrations/{id}/inventory/unmatched} lists the app SKUs the shop's catalog did not match.
 */
public final class InventoryRoutes implements RouteModule {

    /** The inventory, location and product services the API serves (one component of {@link ApiDependencies}). */
    public record Services(CatalogStore catalog, LocationStore locations, StockStore stock, SkuMappingStore mappings,
                           StockService stockService, Clock clock) {

        public Services {
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(locations, "locations");
            Objects.requireNonNull(stock, "stock");
            Objects.requireNonNull(mappings, "mappings");
            Objects.requireNonNull(stockService, "stockService");
            Objects.requireNonNull(clock, "clock");
        }
    }

    /** Body of {@code PUT /v1/inventory}. */
    public record SetInventoryRequest(List<StockUpdate> items) {
    }

    /** One stored level. */
    public record StockLevelView(String sku, String locationId, int available, long version, Instant updatedAt) {

        static StockLevelView of(StockLevel l) {
            return new StockLevelView(l.sku(), l.locationId(), l.available(), l.version(), l.updatedAt());
        }
    }

    /** Answer of {@code PUT /v1/inventory}: the stored levels, which of them changed, pushes queued. */
    public record SetInventoryResponse(List<StockLevelView> items, int changed, int pushesQueued) {
    }

    /** A list of levels; {@code nextCursor} set when more follow. */
    public record StockLevelList(List<StockLevelView> items, String nextCursor) {
    }

    /** Answer of the unmatched route. */
    public record UnmatchedSkus(String integrationId, List<String> skus) {
    }

    private final Services services;

    /** @param services null while the deployment does not wire inventory: the routes then answer 503 */
    public InventoryRoutes(Services services) {
        this.services = services;
    }

    @Override
    public void register(Router router) {
        router.put("/v1/inventory", Access.ADMIN, this::set);
        router.get("/v1/inventory", Access.AUTHENTICATED, this::get);
        router.get("/v1/integrations/{id}/inventory/unmatched", Access.INTEGRATION, this::unmatched);
    }

    private ApiResponse set(ApiRequest request) {
        SetInventoryRequest body = JsonBody.read(request, SetInventoryRequest.class);
        StockService.Result result;
        try {
            result = services().stockService().setLevels(body.items());
        } catch (IllegalArgumentException e) {
            throw invalid(e);
        }
        return ApiResponse.ok(new SetInventoryResponse(
                result.writes().stream().map(w -> StockLevelView.of(w.level())).toList(),
                (int) result.writes().stream().filter(w -> w.changed()).count(), result.pushesQueued()));
    }

    private ApiResponse get(ApiRequest request) {
        String sku = request.queryParam("sku").filter(s -> !s.isBlank()).orElse(null);
        String location = request.queryParam("locationId").filter(s -> !s.isBlank()).orElse(null);
        if (sku == null && location == null) {
            throw ApiException.validation("sku", "give sku, locationId or both");
        }
        if (sku != null) {
            List<StockLevelView> levels = services().stock().listBySku(sku).stream()
                    .filter(l -> location == null || l.locationId().equals(location)).map(StockLevelView::of).toList();
            return ApiResponse.ok(new StockLevelList(levels, null));
        }
        Page<StockLevel> page = services().stock().listByLocation(location, limit(request),
                request.queryParam("cursor").orElse(null));
        return ApiResponse.ok(new StockLevelList(page.items().stream().map(StockLevelView::of).toList(),
                page.nextCursor()));
    }

    private ApiResponse unmatched(ApiRequest request) {
        String integrationId = request.pathParam("id");
        return ApiResponse.ok(new UnmatchedSkus(integrationId,
                CatalogSyncService.unmatchedAppSkus(services().catalog(), services().mappings(), integrationId)));
    }

    /** {@code limit} query parameter: 1–500, default 100. */
    static int limit(ApiRequest request) {
        String raw = request.queryParam("limit").orElse(null);
        if (raw == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= 500) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.validation("limit", "must be a whole number 1-500, was '" + raw + "'");
    }

    /** A domain refusal ("field: reason") as a 400 naming the field. */
    static ApiException invalid(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "invalid request" : e.getMessage();
        int colon = message.indexOf(':');
        String field = colon > 0 && !message.substring(0, colon).contains(" ") ? message.substring(0, colon) : "body";
        return ApiException.validation(field, message);
    }

    /** The services, or 503 {@code not_configured} while this deployment does not wire the inventory flow. */
    private Services services() {
        if (services == null) {
            throw new ApiException(503, "not_configured", "Inventory is not configured in this deployment", null);
        }
        return services;
    }
}
