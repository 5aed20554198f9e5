package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.IntegrationStore;
import dev.ttsconnector.integration.ShopBinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link IntegrationStore} on the single table. Items:
 * <ul>
 *   <li>{@code PK=INT#<id>, SK=META}: the integration; {@code GSI1PK=INTEGRATIONS,
 *   GSI1SK=<createdAt, fixed-width UTC>#<id>} lists them oldest first.</li>
 *   <li>{@code PK=INTNAME#<lower-case name>, SK=CLAIM}: unique-name claim (global lookup item).</li>
 *   <li>{@code PK=SHOP#<shopId>, SK=CLAIM}: the shop → integration claim webhooks are routed by (global lookup item).</li>
 * </ul>
 * The name claim is written before the integration; a claim whose integration does not exist (a crash between the
 * two writes) is taken over, so no name is lost for good.
 */
public final class DynamoDbIntegrationStore implements IntegrationStore {

    private static final String LIST_PK = "INTEGRATIONS";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbIntegrationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String pk(String integrationId) {
        return "INT#" + integrationId;
    }

    @Override
    public Integration create(Integration integration) {
        if (integration.version() != 0) {
            throw new IllegalArgumentException("a new integration has version 0");
        }
        claim(nameKey(integration.name()), integration.id(), "name",
                "An integration named '" + integration.name() + "' already exists");
        Integration stored = withVersion(integration, 1);
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(stored))
                    .conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException e) {
            // Give back the name claimed above unless it is the existing integration's own (a repeated create):
            // otherwise the name stays held by an integration that does not carry it, lost for good.
            boolean ownName = get(integration.id())
                    .map(existing -> existing.name().equalsIgnoreCase(integration.name())).orElse(false);
            if (!ownName) {
                release(nameKey(integration.name()), integration.id());
            }
            throw new AlreadyExistsException("id", "Integration " + integration.id() + " already exists");
        }
        return stored;
    }

    @Override
    public Optional<Integration> get(String integrationId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(pk(integrationId), "META"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Optional<Integration> findByShopId(String shopId) {
        return claimHolder("SHOP#" + shopId).flatMap(this::get);
    }

    @Override
    public Page<Integration> list(int limit, String cursor) {
        QueryResponse response = dynamo.query(b -> b.tableName(table).indexName("GSI1")
                .keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(LIST_PK)))
                .limit(limit)
                .exclusiveStartKey(Cursors.decodeFor(cursor, Set.of("PK", "SK", "GSI1PK", "GSI1SK"), "GSI1PK",
                        LIST_PK)));
        List<Integration> items = new ArrayList<>();
        response.items().forEach(i -> items.add(fromItem(i)));
        return new Page<>(items, Cursors.encode(response.lastEvaluatedKey()));
    }

    @Override
    public Integration save(Integration next) {
        Integration current = get(next.id()).orElseThrow(() ->
                new VersionConflictException("integration", "Integration " + next.id() + " does not exist"));
        boolean renamed = !current.name().equalsIgnoreCase(next.name());
        if (renamed) {
            claim(nameKey(next.name()), next.id(), "name", "An integration named '" + next.name() + "' already exists");
        }
        Integration stored = withVersion(next, next.version() + 1);
        try {
            dynamo.putItem(b -> b.tableName(table).item(toItem(stored))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(next.version()))));
        } catch (ConditionalCheckFailedException e) {
            if (renamed) {
                release(nameKey(next.name()), next.id());
            }
            throw new VersionConflictException("integration", "Integration " + next.id() + " changed concurrently");
        }
        if (renamed) {
            release(nameKey(current.name()), next.id());
        }
        return stored;
    }

    @Override
    public void claimShop(String integrationId, String shopId) {
        claim("SHOP#" + shopId, integrationId, "shopId", null);
    }

    @Override
    public void releaseShop(String integrationId, String shopId) {
        release("SHOP#" + shopId, integrationId);
    }

    private static String nameKey(String name) {
        return "INTNAME#" + name.toLowerCase(Locale.ROOT);
    }

    /** Conditional put of a claim item; an orphaned claim (holder integration gone) is taken over. */
    private void claim(String claimPk, String integrationId, String field, String message) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of("PK", s(claimPk), "SK", s("CLAIM"), "integrationId", s(integrationId)))
                    .conditionExpression("attribute_not_exists(PK) OR integrationId = :id")
                    .expressionAttributeValues(Map.of(":id", s(integrationId))));
        } catch (ConditionalCheckFailedException taken) {
            String holder = claimHolder(claimPk).orElse(null);
            if (holder != null && get(holder).isEmpty()) {
                try {
                    dynamo.putItem(b -> b.tableName(table)
                            .item(Map.of("PK", s(claimPk), "SK", s("CLAIM"), "integrationId", s(integrationId)))
                            .conditionExpression("integrationId = :old")
                            .expressionAttributeValues(Map.of(":old", s(holder))));
                    return;
                } catch (ConditionalCheckFailedException raced) {
                    // someone else took it over first: fall through to the conflict
                }
            }
            throw new AlreadyExistsException(field, message != null ? message
                    : "TikTok shop " + claimPk.substring(claimPk.indexOf('#') + 1)
                    + " is already connected to integration " + holder);
        }
    }

    private void release(String claimPk, String integrationId) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(key(claimPk, "CLAIM"))
                    .conditionExpression("integrationId = :id")
                    .expressionAttributeValues(Map.of(":id", s(integrationId))));
        } catch (ConditionalCheckFailedException notOurs) {
            // held by another integration (or gone): nothing of ours to release
        }
    }

    private Optional<String> claimHolder(String claimPk) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(claimPk, "CLAIM"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("integrationId").s());
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("PK", s(pk), "SK", s(sk));
    }

    static Map<String, AttributeValue> toItem(Integration i) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(pk(i.id())));
        item.put("SK", s("META"));
        item.put("GSI1PK", s(LIST_PK));
        // Fixed-width time: Instant.toString() sorts "...:00.500Z" before "...:00Z", breaking oldest-first.
        item.put("GSI1SK", s(DynamoDbItems.sortable(i.createdAt()) + "#" + i.id()));
        item.put("type", s("Integration"));
        item.put("id", s(i.id()));
        item.put("name", s(i.name()));
        item.put("status", s(i.status().name()));
        item.put("createdAt", s(i.createdAt().toString()));
        item.put("updatedAt", s(i.updatedAt().toString()));
        item.put("version", n(i.version()));
        if (i.authorizationExpiresAt() != null) {
            item.put("authorizationExpiresAt", s(i.authorizationExpiresAt().toString()));
        }
        if (i.statusReason() != null) {
            item.put("statusReason", s(i.statusReason()));
        }
        ShopBinding shop = i.shop();
        if (shop != null) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("shopId", s(shop.shopId()));
            m.put("cipher", s(shop.cipher()));
            putIfPresent(m, "code", shop.code());
            putIfPresent(m, "name", shop.name());
            putIfPresent(m, "region", shop.region());
            putIfPresent(m, "sellerType", shop.sellerType());
            item.put("shop", AttributeValue.fromM(m));
        }
        return item;
    }

    static Integration fromItem(Map<String, AttributeValue> item) {
        ShopBinding shop = null;
        AttributeValue shopAttr = item.get("shop");
        if (shopAttr != null && shopAttr.hasM()) {
            Map<String, AttributeValue> m = shopAttr.m();
            shop = new ShopBinding(str(m, "shopId"), str(m, "cipher"), str(m, "code"), str(m, "name"),
                    str(m, "region"), str(m, "sellerType"));
        }
        return new Integration(
                str(item, "id"),
                str(item, "name"),
                IntegrationStatus.valueOf(str(item, "status")),
                shop,
                instant(item, "authorizationExpiresAt"),
                str(item, "statusReason"),
                instant(item, "createdAt"),
                instant(item, "updatedAt"),
                Long.parseLong(item.get("version").n()));
    }

    private static Integration withVersion(Integration i, long version) {
        return new Integration(i.id(), i.name(), i.status(), i.shop(), i.authorizationExpiresAt(), i.statusReason(),
                i.createdAt(), i.updatedAt(), version);
    }

    private static void putIfPresent(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) {
            m.put(name, s(value));
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
