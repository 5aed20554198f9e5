package dev.ttsconnector.store.dynamodb;

import static dev.ttsconnector.store.dynamodb.DynamoDbItems.key;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.n;
import static dev.ttsconnector.store.dynamodb.DynamoDbItems.s;

import dev.ttsconnector.integration.OAuthState;
import dev.ttsconnector.integration.OAuthStateStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link OAuthStateStore} on the single table: global lookup item {@code PK=OAUTHSTATE#<state>, SK=STATE} with the
 * integration id, times, and {@code expiresAt} (epoch seconds, the table's TTL attribute, so unused states are
 * swept). {@link #consume} is a conditional delete returning the old item: exactly one caller gets a state.
 */
public final class DynamoDbOAuthStateStore implements OAuthStateStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbOAuthStateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    static String pk(String state) {
        return "OAUTHSTATE#" + state;
    }

    @Override
    public void put(OAuthState state) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(Map.of(
                            "PK", s(pk(state.state())), "SK", s("STATE"), "type", s("OAuthState"),
                            "integrationId", s(state.integrationId()),
                            "createdAt", s(state.createdAt().toString()),
                            "validUntil", s(state.expiresAt().toString()),
                            "expiresAt", n(state.expiresAt().getEpochSecond())))
                    .conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("authorization state already exists");
        }
    }

    @Override
    public Optional<OAuthState> consume(String state) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return Optional.empty();
        }
        try {
            Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName(table)
                    .key(key(pk(state), "STATE"))
                    .conditionExpression("attribute_exists(PK)")
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            if (old == null || old.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new OAuthState(state, DynamoDbItems.string(old, "integrationId"),
                    DynamoDbItems.instant(old, "createdAt"), DynamoDbItems.instant(old, "validUntil")));
        } catch (ConditionalCheckFailedException used) {
            return Optional.empty();
        }
    }
}
