package dev.ttsconnector.api.routes;

import dev.ttsconnector.api.Access;
import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.JsonBody;
import dev.ttsconnector.api.RouteModule;
import dev.ttsconnector.api.Router;
import dev.ttsconnector.app.apikeys.ApiKey;
import dev.ttsconnector.app.apikeys.ApiKeyService;
import dev.ttsconnector.app.apikeys.CreatedApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Admin-only management of API keys: {@code POST /v1/api-keys} (the plaintext key is in this answer only),
 * {@code GET /v1/api-keys} (never keys or hashes), {@code DELETE /v1/api-keys/{id}} (revoke; 204, idempotent).
 */
public final class ApiKeysRoutes implements RouteModule {

    private final ApiKeyService apiKeys;

    public ApiKeysRoutes(ApiKeyService apiKeys) {
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
    }

    /** Body of {@code POST /v1/api-keys}. {@code admin} defaults to false. */
    public record CreateApiKeyRequest(String name, List<String> integrationIds, Boolean admin) {
    }

    /** Answer of {@code POST /v1/api-keys}; {@code key} is shown this once. */
    public record CreatedApiKeyView(String id, String name, String key, Set<String> integrationIds, boolean admin,
                                    Instant createdAt) {
    }

    /** One key in {@code GET /v1/api-keys}. */
    public record ApiKeyView(String id, String name, boolean admin, Set<String> integrationIds, Instant createdAt,
                             Instant lastUsedAt, boolean revoked) {

        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.admin(), key.integrationIds(), key.createdAt(),
                    key.lastUsedAt(), key.revoked());
        }
    }

    /** Answer of {@code GET /v1/api-keys}. */
    public record ApiKeyList(List<ApiKeyView> items) {
    }

    @Override
    public void register(Router router) {
        router.post("/v1/api-keys", Access.ADMIN, this::create);
        router.get("/v1/api-keys", Access.ADMIN, this::list);
        router.delete("/v1/api-keys/{id}", Access.ADMIN, this::revoke);
    }

    private ApiResponse create(ApiRequest request) {
        CreateApiKeyRequest body = JsonBody.read(request, CreateApiKeyRequest.class);
        CreatedApiKey created = apiKeys.create(body.name(), body.integrationIds(), Boolean.TRUE.equals(body.admin()));
        ApiKey key = created.key();
        return ApiResponse.created(new CreatedApiKeyView(key.id(), key.name(), created.plaintext(),
                        key.integrationIds(), key.admin(), key.createdAt()))
                // The answer carries a secret: no cache on the way may keep it.
                .withHeader("Cache-Control", "no-store");
    }

    private ApiResponse list(ApiRequest request) {
        return ApiResponse.ok(new ApiKeyList(apiKeys.list().stream().map(ApiKeyView::of).toList()));
    }

    private ApiResponse revoke(ApiRequest request) {
        apiKeys.revoke(request.pathParam("id"));
        return ApiResponse.noContent();
    }
}
