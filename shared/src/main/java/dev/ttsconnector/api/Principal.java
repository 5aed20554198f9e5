package dev.ttsconnector.api;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The authenticated caller of a request ({@link ApiRequest#principal()}): an admin key, which sees everything, or a
 * key scoped to a set of integration ids.
 *
 * <p>Tenant isolation (R9): a scoped key asking for another integration gets 404 from
 * {@link #requireIntegration(String)}, the same answer as for an integration that does not exist, so a key cannot
 * learn that other integrations exist.
 */
public record Principal(String keyId, String name, boolean admin, Set<String> integrationIds) {

    public Principal {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(name, "name");
        integrationIds = integrationIds == null ? Set.of() : Set.copyOf(new TreeSet<>(integrationIds));
    }

    public static Principal admin(String keyId, String name) {
        return new Principal(keyId, name, true, Set.of());
    }

    public static Principal scoped(String keyId, String name, Set<String> integrationIds) {
        return new Principal(keyId, name, false, integrationIds);
    }

    /** True if this key may read and write the integration's data. */
    public boolean canAccess(String integrationId) {
        return admin || (integrationId != null && integrationIds.contains(integrationId));
    }

    /**
     * Returns normally if this key may use the integration.
     *
     * @throws ApiException 404 {@code not_found} ("integration '&lt;id&gt;' not found") otherwise
     */
    public void requireIntegration(String integrationId) {
        if (!canAccess(integrationId)) {
            throw ApiException.notFound("integration", integrationId);
        }
    }

    /** @throws ApiException 403 {@code forbidden} unless this is an admin key */
    public void requireAdmin() {
        if (!admin) {
            throw ApiException.forbidden("This operation needs an admin API key");
        }
    }

    /** The ids among {@code candidates} this key may see, in their original order (for list endpoints). */
    public List<String> visible(Collection<String> candidates) {
        return candidates.stream().filter(this::canAccess).toList();
    }
}
