package dev.ttsconnector.store.dynamodb;

import static dev.ttsconnector.store.dynamodb.DynamoDbItems.key;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.n;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.s;

import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.integration.StoredTokens;
import dev.ttsconnector.integration.TokenCipher;
import dev.ttsconnector.integration.TokenVault;
import dev.ttsconnector.integration.TokenVaultCodec;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link TokenVault} on the single table: item {@code PK=INT#<id>, SK=TOKENS} with {@code ciphertext} (binary,
 * from the {@link TokenCipher}, bound to the integration id) and {@code version} only; no plaintext token or expiry
 * is stored. Writes are conditional on {@code version} ({@code attribute_not_exists(PK)} for the first).
 */
public final class DynamoDbTokenVault implements TokenVault {

    static final String SK_TOKENS = "TOKENS";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TokenCipher cipher;

    public DynamoDbTokenVault(DynamoDbClient dynamo, String table, TokenCipher cipher) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    static String pk(String integrationId) {
        return "INT#" + integrationId;
    }

    @Override
    public Optional<StoredTokens> load(String integrationId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(pk(integrationId), SK_TOKENS))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue blob = item.get("ciphertext");
        if (blob == null || blob.b() == null) {
            throw new IllegalStateException("stored tokens of integration " + integrationId + " have no ciphertext");
        }
        byte[] plaintext = cipher.decrypt(integrationId, blob.b().asByteArray());
        return Optional.of(new StoredTokens(integrationId, TokenVaultCodec.decode(plaintext),
                DynamoDbItems.number(item, "version")));
    }

    @Override
    public StoredTokens save(String integrationId, dev.ttsconnector.integration.ShopTokens tokens,
                             long expectedVersion) {
        long current = expectedVersion;
        if (expectedVersion == ANY_VERSION) {
            current = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                            .key(key(pk(integrationId), SK_TOKENS)).projectionExpression("version")).item()
                    .entrySet().stream().filter(e -> e.getKey().equals("version"))
                    .mapToLong(e -> Long.parseLong(e.getValue().n())).findFirst().orElse(0);
        }
        long next = current + 1;
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(pk(integrationId)));
        item.put("SK", s(SK_TOKENS));
        item.put("type", s("Tokens"));
        item.put("ciphertext", AttributeValue.fromB(SdkBytes.fromByteArray(
                cipher.encrypt(integrationId, TokenVaultCodec.encode(tokens)))));
        item.put("version", n(next));
        long expected = current;
        try {
            if (expected == 0) {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            } else {
                dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("#v = :expected")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":expected", n(expected))));
            }
        } catch (ConditionalCheckFailedException e) {
            if (expectedVersion == ANY_VERSION) {
                // Raced with another writer between the read and the write: try once more on its version.
                return save(integrationId, tokens, ANY_VERSION);
            }
            throw new VersionConflictException("tokens", "Tokens of integration " + integrationId
                    + " changed concurrently");
        }
        return new StoredTokens(integrationId, tokens, next);
    }

    @Override
    public void delete(String integrationId) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(pk(integrationId), SK_TOKENS)));
    }
}
