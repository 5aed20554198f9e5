package dev.ttsconnector.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.app.apikeys.ApiKey;
import dev.ttsconnector.app.apikeys.ApiKeyHashes;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link DynamoDbApiKeyStore} against dynalite: create-if-absent, lookup by hash, the GSI1 listing, revoke and
 * the throttled {@code lastUsedAt} update (a conditional write that never creates an item).
 */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbApiKeyStoreFunctionalTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private DynamoDbApiKeyStore store;

    @BeforeEach
    void setUp(LocalAwsStack stack) {
        store = new DynamoDbApiKeyStore(stack.dynamoDb(), stack.tableName("ConnectorTable"));
    }

    private static ApiKey scoped(Instant createdAt, String... integrationIds) {
        return new ApiKey("key-" + UUID.randomUUID(), "ci key", ApiKeyHashes.sha256Hex(UUID.randomUUID().toString()),
                false, Set.of(integrationIds), createdAt, null, false);
    }

    @Test
    void create_thenFindByHashAndById_roundTripsEveryField() {
        ApiKey scoped = scoped(T0.plusNanos(123_456_789), "int-a", "int-b");
        ApiKey admin = new ApiKey("key-" + UUID.randomUUID(), "admin", ApiKeyHashes.sha256Hex(UUID.randomUUID().toString()),
                true, Set.of(), T0, null, false);

        store.create(scoped);
        store.create(admin);

        assertThat(store.findByHash(scoped.hash())).contains(scoped);
        assertThat(store.findById(scoped.id())).contains(scoped);
        assertThat(store.findByHash(admin.hash())).contains(admin);
        assertThat(store.findByHash(ApiKeyHashes.sha256Hex("never issued"))).isEmpty();
        assertThat(store.findById("key-unknown")).isEmpty();
    }

    @Test
    void create_withAHashThatExists_isRefused_andNeverOverwrites() {
        ApiKey original = scoped(T0, "int-a");
        store.create(original);
        ApiKey clash = new ApiKey("key-" + UUID.randomUUID(), "clash", original.hash(), true, Set.of(), T0, null, false);

        assertThatThrownBy(() -> store.create(clash)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already exists");

        assertThat(store.findByHash(original.hash())).contains(original);
    }

    @Test
    void list_isOldestFirst_includingRevokedKeys_evenWithDifferentFractionWidths() {
        ApiKey a = scoped(T0.plusSeconds(1));
        ApiKey b = scoped(T0.plusSeconds(1).plusMillis(500));
        ApiKey c = scoped(T0.plusSeconds(2));
        store.create(c);
        store.create(a);
        store.create(b);
        store.revoke(b.id());

        List<String> mine = store.list().stream().map(ApiKey::id)
                .filter(id -> Set.of(a.id(), b.id(), c.id()).contains(id)).toList();

        assertThat(mine).containsExactly(a.id(), b.id(), c.id());
        assertThat(store.list()).filteredOn(k -> k.id().equals(b.id())).singleElement()
                .satisfies(k -> assertThat(k.revoked()).isTrue());
    }

    @Test
    void revoke_takesEffectOnTheHashLookupAtOnce_isIdempotent_andUnknownIdsAreEmpty() {
        ApiKey key = scoped(T0, "int-a");
        store.create(key);

        assertThat(store.revoke(key.id())).contains(key.withRevoked());
        assertThat(store.findByHash(key.hash())).contains(key.withRevoked());
        assertThat(store.revoke(key.id())).contains(key.withRevoked());
        assertThat(store.revoke("key-unknown")).isEmpty();
    }

    @Test
    void recordUse_writesOncePerInterval_andNeverCreatesAKey() {
        ApiKey key = scoped(T0, "int-a");
        store.create(key);

        store.recordUse(key.hash(), T0.plusSeconds(10), T0.plusSeconds(10).minusSeconds(300));
        store.recordUse(key.hash(), T0.plusSeconds(20), T0.plusSeconds(20).minusSeconds(300));
        assertThat(store.findByHash(key.hash()).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(10));

        store.recordUse(key.hash(), T0.plusSeconds(400), T0.plusSeconds(100));
        assertThat(store.findByHash(key.hash()).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(400));

        String unknown = ApiKeyHashes.sha256Hex("unknown " + UUID.randomUUID());
        store.recordUse(unknown, T0, T0);
        assertThat(store.findByHash(unknown)).isEmpty();
    }
}
