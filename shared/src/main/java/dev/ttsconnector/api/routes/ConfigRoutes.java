package dev.ttsconnector.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.JsonBody;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.integration.IntegrationComponents;
import dev.ttsconnector.settings.ConfigExporter;
import dev.ttsconnector.settings.ConfigImporter;
import dev.ttsconnector.settings.ImportResult;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Export/import of an integration's configuration: {@code GET /v1/integrations/{id}/config} (settings + mappings +
 * rules with {@code schemaVersion}; no shop identity, tokens or cursors) and {@code PUT /v1/integrations/{id}/config}
 * (validated whole before anything is written; {@code ?dryRun=true} returns the diff only; {@code If-Match} pins
 * the version, 412 when it moved). Location mappings naming warehouses that are not the target shop's (TikTok's
 * warehouse list, spec §8) are reported in {@code skippedLocationMappings}, not copied.
 */
public final class ConfigRoutes implements RouteModule {

    private final Supplier<IntegrationComponents> components;

    public ConfigRoutes(Supplier<IntegrationComponents> components) {
        this.components = Objects.requireNonNull(components, "components");
    }

    @Override
    public void register(Router router) {
        router.get("/v1/integrations/{id}/config", Access.INTEGRATION, this::export);
        router.put("/v1/integrations/{id}/config", Access.INTEGRATION, this::importConfig);
    }

    private ApiResponse export(ApiRequest request) {
        String id = request.pathParam("id");
        components.get().integrations().require(id);
        var current = SettingsRoutes.call(() -> components.get().settings().require(id));
        return ApiResponse.ok(ConfigExporter.toJson(ConfigExporter.export(current.config())))
                .withHeader("ETag", "\"" + current.version() + "\"");
    }

    private ApiResponse importConfig(ApiRequest request) {
        String id = request.pathParam("id");
        components.get().integrations().require(id);
        JsonNode document = JsonBody.read(request, JsonNode.class);
        boolean dryRun = dryRun(request);
        Optional<Long> ifMatch = SettingsRoutes.ifMatch(request);
        Set<String> warehouses = components.get().integrations().warehouseIds(id);
        ConfigImporter importer = new ConfigImporter(components.get().settings());
        ImportResult result;
        try {
            result = SettingsRoutes.call(() -> importer.importDocument(id, ifMatch.orElse(-1L), document, warehouses,
                    dryRun, IntegrationRoutes.actor(request.principal())));
        } catch (ApiException e) {
            throw ifMatch.isPresent() && e.status() == 409 ? ApiException.preconditionFailed(e.getMessage()) : e;
        }
        return ApiResponse.ok(result).withHeader("ETag", "\"" + result.version() + "\"");
    }

    private static boolean dryRun(ApiRequest request) {
        String raw = request.queryParam("dryRun").orElse("false").strip();
        if (raw.equalsIgnoreCase("true")) {
            return true;
        }
        if (raw.equalsIgnoreCase("false") || raw.isEmpty()) {
            return false;
        }
        throw ApiException.validation("dryRun", "must be true or false, was '" + raw + "'");
    }
}
