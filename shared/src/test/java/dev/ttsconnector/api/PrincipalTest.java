package dev.ttsconnector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {

    private final Principal scoped = Principal.scoped("k1", "team A", Set.of("int-a", "int-c"));
    private final Principal admin = Principal.admin("k0", "ops");

    @Test
    void requireIntegration_outsideScope_is404NotFoundLikeAMissingIntegration() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> scoped.requireIntegration("int-b"));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.error()).isEqualTo(ApiException.notFound("integration", "int-b").error());
    }

    @Test
    void requireIntegration_insideScopeOrAdmin_passes() {
        scoped.requireIntegration("int-a");
        admin.requireIntegration("int-b");
    }

    @Test
    void requireAdmin_scopedKey_is403() {
        assertThat(catchThrowableOfType(ApiException.class, scoped::requireAdmin).status()).isEqualTo(403);
        admin.requireAdmin();
    }

    @Test
    void visible_keepsOnlyIntegrationsInScope() {
        assertThat(scoped.visible(List.of("int-c", "int-b", "int-a"))).containsExactly("int-c", "int-a");
        assertThat(admin.visible(List.of("int-b"))).containsExactly("int-b");
    }
}
