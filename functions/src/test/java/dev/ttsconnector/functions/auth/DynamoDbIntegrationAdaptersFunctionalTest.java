package dev.ttsconnector.functions.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.integration.LocalKeyTokenCipher;
import dev.ttsconnector.integration.OAuthState;
import dev.ttsconnector.integration.ShopTokens;
import dev.ttsconnector.integration.StoredTokens;
import dev.ttsconnector.integration.TokenVault;
import dev.ttsconnector.localaws.LocalAwsExtension;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.store.dynamodb.DynamoDbOAuthStateStore;
import dev.ttsconnector.store.dynamodb.DynamoDbTokenVault;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The token vault and OAuth state adapters against the local DynamoDB (dynalite) built from template.yaml. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbIntegrationAdaptersFunctionalTest {

    private final LocalKeyTokenCipher cipher = LocalKeyTokenCipher.randomKey();
    private final ShopTokens tokens = new ShopTokens("vault-access-" + UUID.randomUUID(),
            Instant.parse("2026-03-08T10:00:00Z"), "vault-refresh-" + UUID.randomUUID(),
            Instant.parse("2027-03-01T10:00:00Z"));

    private static String table(LocalAwsStack stack) {
        return stack.tableName("ConnectorTable");
    }

    @Test
    void tokenVault_storesOnlyCiphertextUnderTheIntegrationKey_andWritesConditionally(LocalAwsStack stack) {
        DynamoDbTokenVault vault = new DynamoDbTokenVault(stack.dynamoDb(), table(stack), cipher);
        String id = "int_" + UUID.randomUUID();

        StoredTokens first = vault.save(id, tokens, 0);

        Map<String, AttributeValue> item = stack.dynamoDb().getItem(b -> b.tableName(table(stack))
                .key(Map.of("PK", AttributeValue.fromS("INT#" + id), "SK", AttributeValue.fromS("TOKENS")))).item();
        assertThat(item.keySet()).containsExactlyInAnyOrder("PK", "SK", "type", "ciphertext", "version");
        String raw = new String(item.get("ciphertext").b().asByteArray(), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
        assertThat(vault.load(id)).contains(first);
        assertThatThrownBy(() -> vault.save(id, tokens, 0)).isInstanceOf(VersionConflictException.class);
        assertThat(vault.save(id, tokens, 1).version()).isEqualTo(2);
        assertThat(vault.save(id, tokens, TokenVault.ANY_VERSION).version()).isEqualTo(3);
        // Another integration's key cannot read it (AAD = integration id).
        assertThatThrownBy(() -> new DynamoDbTokenVault(stack.dynamoDb(), table(stack), LocalKeyTokenCipher.randomKey())
                .load(id)).isInstanceOf(IllegalStateException.class);
        vault.delete(id);
        assertThat(vault.load(id)).isEmpty();
    }

    @Test
    void tokenVault_concurrentRefreshesFromTheSameVersion_onlyOneWins(LocalAwsStack stack) throws Exception {
        DynamoDbTokenVault vault = new DynamoDbTokenVault(stack.dynamoDb(), table(stack), cipher);
        String id = "int_" + UUID.randomUUID();
        vault.save(id, tokens, 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> {
                    try {
                        vault.save(id, tokens, 1);
                        return true;
                    } catch (VersionConflictException lost) {
                        return false;
                    }
                }));
            }
            int wins = 0;
            for (Future<Boolean> r : results) {
                wins += r.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(vault.load(id).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void oauthState_isConsumedExactlyOnce_andCarriesItsIntegrationAndExpiry(LocalAwsStack stack) {
        DynamoDbOAuthStateStore states = new DynamoDbOAuthStateStore(stack.dynamoDb(), table(stack));
        String state = "state-" + UUID.randomUUID();
        OAuthState stored = new OAuthState(state, "int_x", Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-03-01T10:15:00Z"));
        states.put(stored);

        Map<String, AttributeValue> item = stack.dynamoDb().getItem(b -> b.tableName(table(stack))
                .key(Map.of("PK", AttributeValue.fromS("OAUTHSTATE#" + state), "SK", AttributeValue.fromS("STATE"))))
                .item();
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(stored.expiresAt().getEpochSecond()));

        Optional<OAuthState> first = states.consume(state);
        Optional<OAuthState> second = states.consume(state);

        assertThat(first).contains(stored);
        assertThat(second).isEmpty();
        assertThat(states.consume("never-issued")).isEmpty();
        assertThatThrownBy(() -> {
            states.put(stored);
            states.put(stored);
        }).isInstanceOf(IllegalStateException.class);
    }
}
