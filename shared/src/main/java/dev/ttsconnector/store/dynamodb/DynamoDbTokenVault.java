package dev.ttsconnector.store.dynamodb;

import static dev.ttsconnector.store.dynamodb.DynamoDbItems.key;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.n;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.s;

import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.integration.ShopTokens;
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
    public StoredTokens save(String integrationId, ShopTokens tokens, long expectedVersion) {
        byte[] ciphertext = cipher.encrypt(integrationId, TokenVaultCodec.encode(tokens));
        // ANY_VERSION: write over whatever is stored, still conditionally (a concurrent writer makes us re-read).
        for (int attempt = 0; attempt < 5; attempt++) {
            long expected = expectedVersion == ANY_VERSION ? storedVersion(integrationId) : expectedVersion;
            try {
                write(integrationId, ciphertext, expected);
                return new StoredTokens(integrationId, tokens, expected + 1);
            } catch (ConditionalCheckFailedException e) {
                if (expectedVersion != ANY_VERSION) {
                    throw new VersionConflictException("tokens", "Tokens of integration " + integrationId
                            + " changed concurrently");
                }
            }
        }
        throw new VersionConflictException("tokens", "Tokens of integration " + integrationId
                + " kept changing concurrently");
    }

    private long storedVersion(String integrationId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(pk(integrationId), SK_TOKENS)).projectionExpression("#v")
                .expressionAttributeNames(Map.of("#v", "version"))).item();
        return item == null || item.isEmpty() ? 0 : DynamoDbItems.number(item, "version");
    }

    private void write(String integrationId, byte[] ciphertext, long expected) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(pk(integrationId)));
        item.put("SK", s(SK_TOKENS));
        item.put("type", s("Tokens"));
        item.put("ciphertext", AttributeValue.fromB(SdkBytes.fromByteArray(ciphertext)));
        item.put("version", n(expected + 1));
        if (expected == 0) {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } else {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(expected))));
        }
    }

    @Override
    public void delete(String integrationId) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(pk(integrationId), SK_TOKENS)));
    }
}
