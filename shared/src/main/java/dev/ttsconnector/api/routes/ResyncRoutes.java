package dev.ttsconnector.api.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiError;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.JsonBody;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.integration.IntegrationComponents;
import dev.ttsconnector.integration.IntegrationService.ResyncFlow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code POST /v1/integrations/{id}/resync {"flow": "inventory"|"products"|"orders", "skus"?: [...]}}: the product
 * doc's "Force inventory resync" / "Force product catalog resync" actions (and an orders re-pull) as a
 * {@code ResyncRequested} event on the app bus; 202, the flows do the work through their queues.
 */
public final class ResyncRoutes implements RouteModule {

    static final int MAX_SKUS = 1_000;

    private final Supplier<IntegrationComponents> components;

    public ResyncRoutes(Supplier<IntegrationComponents> components) {
        this.components = Objects.requireNonNull(components, "components");
    }

    /** Body of the request. */
    public record ResyncRequest(String flow, List<String> skus) {
    }

    @Override
    public void register(Router router) {
        router.post("/v1/integrations/{id}/resync", Access.INTEGRATION, this::resync);
    }

    private ApiResponse resync(ApiRequest request) {
        ResyncRequest body = JsonBody.read(request, ResyncRequest.class);
        List<ApiError.FieldError> errors = new ArrayList<>();
        ResyncFlow flow = null;
        List<String> allowed = Arrays.stream(ResyncFlow.values()).map(ResyncFlow::code).toList();
        if (body.flow() == null || !allowed.contains(body.flow().strip().toLowerCase(Locale.ROOT))) {
            errors.add(new ApiError.FieldError("flow", "must be one of " + allowed + ", was "
                    + (body.flow() == null ? "missing" : "'" + body.flow() + "'")));
        } else {
            flow = ResyncFlow.valueOf(body.flow().strip().toUpperCase(Locale.ROOT));
        }
        List<String> skus = body.skus() == null ? List.of() : body.skus();
        if (skus.size() > MAX_SKUS) {
            errors.add(new ApiError.FieldError("skus", "at most " + MAX_SKUS + " SKUs per request, got "
                    + skus.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < skus.size() && i < MAX_SKUS; i++) {
            String sku = skus.get(i);
            if (sku == null || sku.isBlank()) {
                errors.add(new ApiError.FieldError("skus[" + i + "]", "must be a non-blank SKU"));
            } else if (!seen.add(sku)) {
                errors.add(new ApiError.FieldError("skus[" + i + "]", "duplicate SKU '" + sku + "'"));
            }
        }
        if (flow == ResyncFlow.ORDERS && !skus.isEmpty()) {
            errors.add(new ApiError.FieldError("skus", "applies to the inventory and products flows only"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        ObjectNode detail = components.get().integrations().requestResync(request.pathParam("id"), flow, skus,
                IntegrationRoutes.actor(request.principal()));
        return ApiResponse.json(202, detail);
    }
}
