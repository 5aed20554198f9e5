package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.JsonBody;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.locations.Location;
import dev.ttsconnector.app.locations.LocationType;
import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Page;

import java.time.Instant;
import java.util.List;

/**
 * App locations: {@code GET /v1/locations} (any key; paged by {@code limit}/{@code cursor}) and
 * {@code POST /v1/locations} (admin) to create a WAREHOUSE location. FBT locations are created by the connector only.
 */
public final class LocationRoutes implements RouteModule {

    /** Body of {@code POST /v1/locations}. */
    public record CreateLocationRequest(String id, String name) {
    }

    /** One location. */
    public record LocationView(String id, String name, LocationType type, String fbtWarehouseId, String integrationId,
                               Instant createdAt) {

        static LocationView of(Location l) {
            return new LocationView(l.id(), l.name(), l.type(), l.fbtWarehouseId(), l.integrationId(), l.createdAt());
        }
    }

    /** Answer of {@code GET /v1/locations}. */
    public record LocationList(List<LocationView> items, String nextCursor) {
    }

    private final InventoryRoutes.Services services;

    /** @param services null while the deployment does not wire inventory: the routes then answer 503 */
    public LocationRoutes(InventoryRoutes.Services services) {
        this.services = services;
    }

    @Override
    public void register(Router router) {
        router.get("/v1/locations", Access.AUTHENTICATED, this::list);
        router.post("/v1/locations", Access.ADMIN, this::create);
    }

    private ApiResponse list(ApiRequest request) {
        Page<Location> page = services().locations().list(InventoryRoutes.limit(request),
                request.queryParam("cursor").orElse(null));
        return ApiResponse.ok(new LocationList(page.items().stream().map(LocationView::of).toList(),
                page.nextCursor()));
    }

    private ApiResponse create(ApiRequest request) {
        CreateLocationRequest body = JsonBody.read(request, CreateLocationRequest.class);
        if (body.id() != null && (body.id().contains("#") || !body.id().equals(body.id().strip()))) {
            throw ApiException.validation("id", "must not contain '#' or start/end with whitespace");
        }
        Location location;
        try {
            location = new Location(body.id(), body.name(), LocationType.WAREHOUSE, null, null,
                    services().clock().now());
        } catch (IllegalArgumentException e) {
            throw InventoryRoutes.invalid(e);
        }
        try {
            return ApiResponse.created(LocationView.of(services().locations().create(location)));
        } catch (AlreadyExistsException e) {
            throw ApiException.conflict("id", "location '" + body.id() + "' already exists");
        }
    }

    /** The services, or 503 {@code not_configured} while this deployment does not wire the inventory flow. */
    private InventoryRoutes.Services services() {
        if (services == null) {
            throw new ApiException(503, "not_configured", "Inventory is not configured in this deployment", null);
        }
        return services;
    }
}
