package dev.ttsconnector.api.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiError;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.JsonBody;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.integration.IntegrationComponents;
import dev.ttsconnector.settings.FieldError;
import dev.ttsconnector.settings.Section;
import dev.ttsconnector.settings.SettingDefinition;
import dev.ttsconnector.settings.SettingOption;
import dev.ttsconnector.settings.SettingType;
import dev.ttsconnector.settings.SettingsCatalog;
import dev.ttsconnector.settings.SettingsConflictException;
import dev.ttsconnector.settings.SettingsNotFoundException;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidationException;
import dev.ttsconnector.settings.SettingsVersion;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Settings of one integration: {@code GET/PATCH /v1/integrations/{id}/settings} (PATCH is a merge patch, optimistic
 * locking with {@code If-Match: "<version>"} → 412 or a body field {@code expectedVersion} → 409),
 * {@code GET .../settings/history}, {@code POST .../settings/restore {"version"}}, and the console's
 * {@code GET /v1/settings/catalog} (every setting with label, description, type, allowed values, default).
 * Validation errors list every field with its allowed values.
 */
public final class SettingsRoutes implements RouteModule {

    private final Supplier<IntegrationComponents> components;

    public SettingsRoutes(Supplier<IntegrationComponents> components) {
        this.components = Objects.requireNonNull(components, "components");
    }

    /** Body of {@code POST .../settings/restore}. */
    public record RestoreRequest(Long version, Long expectedVersion) {
    }

    @Override
    public void register(Router router) {
        router.get("/v1/integrations/{id}/settings", Access.INTEGRATION, this::get);
        router.patch("/v1/integrations/{id}/settings", Access.INTEGRATION, this::patch);
        router.get("/v1/integrations/{id}/settings/history", Access.INTEGRATION, this::history);
        router.post("/v1/integrations/{id}/settings/restore", Access.INTEGRATION, this::restore);
        router.get("/v1/settings/catalog", Access.AUTHENTICATED, request -> ApiResponse.ok(catalog(
                components.get().settings().validator().catalog())));
    }

    private SettingsService settings() {
        return components.get().settings();
    }

    private ApiResponse get(ApiRequest request) {
        String id = request.pathParam("id");
        components.get().integrations().require(id);
        return versioned(call(() -> settings().require(id)));
    }

    private ApiResponse patch(ApiRequest request) {
        String id = request.pathParam("id");
        components.get().integrations().require(id);
        JsonNode body = JsonBody.read(request, JsonNode.class);
        if (!body.isObject()) {
            throw ApiException.validation("settings", "a patch must be a JSON object of sections");
        }
        ObjectNode patch = ((ObjectNode) body).deepCopy();
        JsonNode bodyVersion = patch.remove("expectedVersion");
        Optional<Long> ifMatch = ifMatch(request);
        long expected;
        boolean precondition;
        if (ifMatch.isPresent()) {
            expected = ifMatch.get();
            precondition = true;
        } else if (bodyVersion != null) {
            if (!bodyVersion.canConvertToLong() || !bodyVersion.isIntegralNumber()) {
                throw ApiException.validation("expectedVersion", "must be an integer version");
            }
            expected = bodyVersion.longValue();
            precondition = false;
        } else {
            throw new ApiException(428, "precondition_required", "Send the version you read as 'If-Match: \"<version>\"' "
                    + "or as the body field expectedVersion", "If-Match");
        }
        String actor = IntegrationRoutes.actor(request.principal());
        try {
            return versioned(call(() -> settings().patch(id, expected, patch, actor)));
        } catch (ApiException e) {
            throw precondition && e.status() == 409 ? ApiException.preconditionFailed(e.getMessage()) : e;
        }
    }

    private ApiResponse history(ApiRequest request) {
        String id = request.pathParam("id");
        components.get().integrations().require(id);
        ArrayNode items = Json.app().createArrayNode();
        for (SettingsVersion v : call(() -> settings().history(id))) {
            ObjectNode item = items.addObject();
            item.put("version", v.version());
            item.put("changedAt", v.changedAt().toString());
            item.put("changedBy", v.changedBy());
            item.put("reason", v.reason());
            item.set("changes", Json.app().valueToTree(v.changes()));
        }
        ObjectNode out = Json.app().createObjectNode();
        out.set("items", items);
        return ApiResponse.ok(out);
    }

    private ApiResponse restore(ApiRequest request) {
        String id = request.pathParam("id");
        components.get().integrations().require(id);
        RestoreRequest body = JsonBody.read(request, RestoreRequest.class);
        if (body.version() == null || body.version() < 1) {
            throw ApiException.validation("version", "must be the number (>= 1) of a version from the history");
        }
        Optional<Long> ifMatch = ifMatch(request);
        long expected = ifMatch.orElseGet(() -> body.expectedVersion() != null ? body.expectedVersion()
                : call(() -> settings().require(id)).version());
        String actor = IntegrationRoutes.actor(request.principal());
        try {
            return versioned(call(() -> settings().restore(id, body.version(), expected, actor)));
        } catch (ApiException e) {
            throw ifMatch.isPresent() && e.status() == 409 ? ApiException.preconditionFailed(e.getMessage()) : e;
        }
    }

    /** The settings answer, with the version as ETag for the next If-Match. */
    static ApiResponse versioned(SettingsVersion v) {
        ObjectNode out = Json.app().createObjectNode();
        out.put("integrationId", v.integrationId());
        out.put("version", v.version());
        out.put("changedAt", v.changedAt().toString());
        out.put("changedBy", v.changedBy());
        out.put("reason", v.reason());
        out.set("settings", Json.app().valueToTree(v.settings()));
        return ApiResponse.ok(out).withHeader("ETag", "\"" + v.version() + "\"");
    }

    /** {@code If-Match: "3"}, {@code W/"3"} or {@code 3}; empty when absent. */
    static Optional<Long> ifMatch(ApiRequest request) {
        Optional<String> header = request.header("If-Match").map(String::strip).filter(s -> !s.isEmpty());
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "").strip();
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new ApiException(400, "validation_failed", "If-Match must be a settings version such as \"3\"",
                    "If-Match");
        }
    }

    /** Runs a settings call, translating its exceptions to API answers. */
    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (SettingsValidationException e) {
            throw validation(e.errors());
        } catch (SettingsConflictException e) {
            throw ApiException.conflict("expectedVersion", e.getMessage());
        } catch (SettingsNotFoundException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

    /** Every field error, with the allowed values in the message. */
    static ApiException validation(List<FieldError> errors) {
        return ApiException.validation(errors.stream().map(e -> new ApiError.FieldError(e.field(),
                e.message() + (e.allowedValues().isEmpty() ? "" : "; allowed values: "
                        + String.join(", ", e.allowedValues())))).toList());
    }

    static ObjectNode catalog(SettingsCatalog catalog) {
        ObjectNode out = Json.app().createObjectNode();
        ArrayNode sections = out.putArray("sections");
        Instant reference = Instant.EPOCH;
        for (Section section : Section.values()) {
            ObjectNode s = sections.addObject();
            s.put("key", section.key());
            s.put("title", section.title());
            ArrayNode entries = s.putArray("settings");
            for (SettingDefinition d : catalog.section(section)) {
                ObjectNode e = entries.addObject();
                e.put("path", d.path());
                e.put("label", d.label());
                e.put("description", d.description());
                e.put("type", d.type().name());
                ArrayNode options = e.putArray("options");
                for (SettingOption o : d.options()) {
                    options.addObject().put("code", o.code()).put("label", o.label());
                }
                e.put("nullable", d.nullable());
                if (d.maxLength() > 0) {
                    e.put("maxLength", d.maxLength());
                }
                if (d.maxEntries() > 0) {
                    e.put("maxEntries", d.maxEntries());
                }
                if (d.type() == SettingType.DATE_TIME) {
                    // Cut-offs default to the integration's creation time (product doc), not a fixed value.
                    e.putNull("default");
                    e.put("defaultDescription", "the integration's creation time");
                } else {
                    e.set("default", d.defaultValue(reference));
                }
                e.put("action", d.isAction());
                e.put("fromProductDoc", d.fromProductDoc());
            }
        }
        return out;
    }
}
