package dev.ttsconnector.app.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ttsconnector.api.ApiError;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.api.Principal;
import dev.ttsconnector.common.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {

    private static final String BOOTSTRAP = "operator-chosen-bootstrap-secret";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
    private final ApiKeyService service = new ApiKeyService(store, clock,
            List.of(ApiKeyHashes.sha256Hex(BOOTSTRAP).toUpperCase()));

    @Test
    void create_returnsPlaintextOnceAndStoresOnlyItsSha256() {
        CreatedApiKey created = service.create(" team A ", List.of("int-a", "int-b"), false);

        assertThat(created.plaintext()).matches("ttsk_[A-Za-z0-9_-]{43}");
        ApiKey stored = store.list().get(0);
        assertThat(stored.hash()).isEqualTo(ApiKeyHashes.sha256Hex(created.plaintext()));
        assertThat(stored.toString()).doesNotContain(created.plaintext());
        assertThat(stored.name()).isEqualTo("team A");
        assertThat(stored.integrationIds()).containsExactly("int-a", "int-b");
        assertThat(stored.createdAt()).isEqualTo(clock.now());
        assertThat(created.toString()).doesNotContain(created.plaintext());
        assertThat(service.list()).extracting(ApiKey::id).containsExactly(created.key().id());
    }

    @Test
    void create_givesDistinctKeysEachTime() {
        String first = service.create("a", List.of("int-a"), false).plaintext();
        String second = service.create("a", List.of("int-a"), false).plaintext();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void authenticate_scopedKey_givesScopedPrincipal() {
        CreatedApiKey created = service.create("team A", List.of("int-a"), false);

        Principal principal = service.authenticate(created.plaintext());

        assertThat(principal.admin()).isFalse();
        assertThat(principal.keyId()).isEqualTo(created.key().id());
        assertThat(principal.canAccess("int-a")).isTrue();
        assertThat(principal.canAccess("int-b")).isFalse();
    }

    @Test
    void authenticate_adminKey_givesAdminPrincipal() {
        CreatedApiKey created = service.create("ops", null, true);

        assertThat(service.authenticate(created.plaintext()).admin()).isTrue();
    }

    @Test
    void authenticate_unknownOrMalformedKey_is401() {
        service.create("team A", List.of("int-a"), false);

        for (String bad : new String[] {"ttsk_unknown", "not-even-prefixed", " "}) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> service.authenticate(bad));
            assertThat(e.status()).as(bad).isEqualTo(401);
        }
    }

    @Test
    void authenticate_revokedKey_is401() {
        CreatedApiKey created = service.create("team A", List.of("int-a"), false);

        ApiKey revoked = service.revoke(created.key().id());

        assertThat(revoked.revoked()).isTrue();
        ApiException e = catchThrowableOfType(ApiException.class, () -> service.authenticate(created.plaintext()));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("revoked");
        assertThat(service.revoke(created.key().id()).revoked()).as("revoke is idempotent").isTrue();
    }

    @Test
    void revoke_unknownId_is404() {
        assertThat(catchThrowableOfType(ApiException.class, () -> service.revoke("nope")).status()).isEqualTo(404);
    }

    @Test
    void authenticate_bootstrapKey_isAdminWithoutBeingStored() {
        Principal principal = service.authenticate(BOOTSTRAP);

        assertThat(principal.admin()).isTrue();
        assertThat(principal.keyId()).startsWith("bootstrap-");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void constructor_rejectsBootstrapHashThatIsNotSha256Hex() {
        assertThatThrownBy(() -> new ApiKeyService(store, clock, List.of("abc123")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
    }

    @Test
    void authenticate_recordsLastUsedAtAtMostOncePerResolution() {
        CreatedApiKey created = service.create("team A", List.of("int-a"), false);
        Instant first = clock.now();

        service.authenticate(created.plaintext());
        clock.advance(Duration.ofMinutes(1));
        service.authenticate(created.plaintext());

        assertThat(store.findById(created.key().id()).orElseThrow().lastUsedAt()).isEqualTo(first);

        clock.advance(ApiKeyService.LAST_USED_RESOLUTION);
        service.authenticate(created.plaintext());

        assertThat(store.findById(created.key().id()).orElseThrow().lastUsedAt()).isEqualTo(clock.now());
    }

    @Test
    void authenticate_whenRecordingUseFails_stillAuthenticates() {
        InMemoryApiKeyStore backing = new InMemoryApiKeyStore();
        ApiKeyStore store = new ApiKeyStore() {
            @Override
            public void create(ApiKey key) {
                backing.create(key);
            }

            @Override
            public Optional<ApiKey> findByHash(String hash) {
                return backing.findByHash(hash);
            }

            @Override
            public Optional<ApiKey> findById(String id) {
                return backing.findById(id);
            }

            @Override
            public List<ApiKey> list() {
                return backing.list();
            }

            @Override
            public Optional<ApiKey> revoke(String id) {
                return backing.revoke(id);
            }

            @Override
            public void recordUse(String hash, Instant at, Instant notAfter) {
                throw new IllegalStateException("throttled");
            }
        };
        ApiKeyService withFailingUse = new ApiKeyService(store, clock, List.of());
        CreatedApiKey created = withFailingUse.create("team A", List.of("int-a"), false);

        assertThat(withFailingUse.authenticate(created.plaintext()).keyId()).isEqualTo(created.key().id());
    }

    @Test
    void create_listsEveryInvalidFieldAndStoresNothing() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> service.create(" ", List.of("ok", "bad#id", ""), false));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("validation_failed");
        assertThat(e.error().details()).extracting(ApiError.FieldError::field)
                .containsExactly("name", "integrationIds[1]", "integrationIds[2]");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void create_adminWithIntegrationIds_isRefused() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> service.create("x", List.of("int-a"), true));

        assertThat(e.field()).isEqualTo("integrationIds");
    }

    @Test
    void create_scopedWithoutIntegrationIds_isRefused() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> service.create("x", List.of(), false));

        assertThat(e.field()).isEqualTo("integrationIds");
        assertThat(e.getMessage()).contains("at least one");
    }

    @Test
    void create_nameTooLong_isRefused() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> service.create("n".repeat(ApiKeyService.MAX_NAME_LENGTH + 1), List.of("int-a"), false));

        assertThat(e.field()).isEqualTo("name");
    }
}
