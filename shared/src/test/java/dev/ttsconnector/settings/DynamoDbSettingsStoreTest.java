package dev.ttsconnector.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Unit test of the DynamoDB store's key layout, conditional writes and crash repair against a minimal fake
 * client that understands exactly the expressions the store uses (the emulator test follows with the local
 * stack).
 */
class DynamoDbSettingsStoreTest {

    private static final Instant CREATED = Instant.parse("2026-01-15T10:00:00Z");

    private FakeDynamo dynamo;
    private DynamoDbSettingsStore store;

    @BeforeEach
    void setUp() {
        dynamo = new FakeDynamo();
        store = new DynamoDbSettingsStore(dynamo, "connector");
    }

    private static SettingsVersion version(String id, long n, boolean pullOnHold) {
        ConnectorSettings d = ConnectorSettings.defaults(CREATED);
        ConnectorSettings.Orders o = d.orders();
        ConnectorSettings s = new ConnectorSettings(d.locations(), new ConnectorSettings.Orders(
                o.excludeOrdersCreatedBefore(), o.pullStatuses(), o.pullShippedByPlatform(), pullOnHold,
                o.onlyOrderIds(), o.cancelInTikTokWhenCanceled(), o.lineItemCancelReason(), o.fullOrderCancelReason(),
                o.supportVirtualBundles(), o.sendBuyerMessage(), o.messageTemplate(), o.sendOrderCard(),
                o.messageBuyerIds()), d.fulfillments(), d.products(), d.inventory(), d.returns(), d.refunds(),
                d.statements());
        ConnectorConfig config = new ConnectorConfig(s, List.of(new CarrierMapping("UPS", "1", "UPS")), List.of());
        return new SettingsVersion(id, n, config, "alice", CREATED.plusSeconds(n), "PATCH",
                ConfigDiff.between(null, config));
    }

    @Test
    void save_writesCurrentAndZeroPaddedHistoryItems_underTheTenantKey() {
        store.save("i1", 0, version("i1", 1, false));
        store.save("i1", 1, version("i1", 2, true));
        assertThat(dynamo.items.keySet()).containsExactly(
                "INT#i1#SETTINGS|CURRENT", "INT#i1#SETTINGS|V#0000000001", "INT#i1#SETTINGS|V#0000000002");
        assertThat(dynamo.items.get("INT#i1#SETTINGS|CURRENT").get("version").n()).isEqualTo("2");
        assertThat(store.load("i1")).contains(version("i1", 2, true));
        assertThat(store.get("i1", 1)).contains(version("i1", 1, false));
        assertThat(store.history("i1")).extracting(SettingsVersion::version).containsExactly(2L, 1L);
        assertThat(store.load("i2")).isEmpty();
        assertThat(store.history("i2")).isEmpty();
    }

    @Test
    void save_withStaleVersion_isAConflict_andWritesNothing() {
        store.save("i1", 0, version("i1", 1, false));
        store.save("i1", 1, version("i1", 2, true));
        int before = dynamo.items.size();
        assertThatThrownBy(() -> store.save("i1", 1, version("i1", 2, false)))
                .isInstanceOfSatisfying(SettingsConflictException.class,
                        e -> assertThat(e.actualVersion()).isEqualTo(2));
        assertThatThrownBy(() -> store.save("i1", 0, version("i1", 1, false)))
                .isInstanceOf(SettingsConflictException.class);
        assertThat(dynamo.items).hasSize(before);
        assertThat(store.load("i1").orElseThrow().settings().orders().pullOnHold()).isTrue();
    }

    @Test
    void save_losingTheRaceAtTheConditionalWrite_isAConflict() {
        store.save("i1", 0, version("i1", 1, false));
        // Another writer moves CURRENT to 2 between this writer's read and its conditional put.
        dynamo.beforeCurrentPut = () -> dynamo.items.get("INT#i1#SETTINGS|CURRENT")
                .put("version", AttributeValue.builder().n("2").build());
        assertThatThrownBy(() -> store.save("i1", 1, version("i1", 2, true)))
                .isInstanceOf(SettingsConflictException.class);
    }

    @Test
    void crashBetweenCurrentAndHistoryWrite_losesNoVersion() {
        store.save("i1", 0, version("i1", 1, false));
        dynamo.failPutOfSk = "V#0000000002";
        assertThatThrownBy(() -> store.save("i1", 1, version("i1", 2, true))).isInstanceOf(IllegalStateException.class);
        assertThat(dynamo.items).doesNotContainKey("INT#i1#SETTINGS|V#0000000002");
        // Reads still see version 2 (from CURRENT) ...
        assertThat(store.history("i1")).extracting(SettingsVersion::version).containsExactly(2L, 1L);
        assertThat(store.get("i1", 2)).contains(version("i1", 2, true));
        // ... and the next save re-writes its history item before replacing CURRENT.
        store.save("i1", 2, version("i1", 3, false));
        assertThat(dynamo.items).containsKey("INT#i1#SETTINGS|V#0000000002");
        assertThat(store.history("i1")).extracting(SettingsVersion::version).containsExactly(3L, 2L, 1L);
    }

    /** Just enough of DynamoDB for this store: put with the two condition forms, get, and a begins_with query. */
    static final class FakeDynamo implements DynamoDbClient {
        final NavigableMap<String, Map<String, AttributeValue>> items = new TreeMap<>();
        String failPutOfSk;
        Runnable beforeCurrentPut = () -> { };

        private static String key(Map<String, AttributeValue> item) {
            return item.get("PK").s() + "|" + item.get("SK").s();
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            assertThat(request.tableName()).isEqualTo("connector");
            String key = key(request.item());
            if (request.item().get("SK").s().equals(failPutOfSk)) {
                failPutOfSk = null;
                throw new IllegalStateException("simulated crash before the history write");
            }
            if (request.item().get("SK").s().equals("CURRENT")) {
                beforeCurrentPut.run();
            }
            Map<String, AttributeValue> existing = items.get(key);
            String condition = request.conditionExpression();
            if ("attribute_not_exists(PK)".equals(condition)) {
                if (existing != null) {
                    throw ConditionalCheckFailedException.builder().message("exists").build();
                }
            } else if ("#v = :expected".equals(condition)) {
                String attr = request.expressionAttributeNames().get("#v");
                AttributeValue expected = request.expressionAttributeValues().get(":expected");
                if (existing == null || !expected.equals(existing.get(attr))) {
                    throw ConditionalCheckFailedException.builder().message("version").build();
                }
            } else if (condition != null) {
                throw new UnsupportedOperationException(condition);
            }
            items.put(key, new java.util.HashMap<>(request.item()));
            return PutItemResponse.builder().build();
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            Map<String, AttributeValue> item = items.get(key(request.key()));
            return GetItemResponse.builder().item(item == null ? null : Map.copyOf(item)).build();
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            assertThat(request.keyConditionExpression()).isEqualTo("PK = :pk AND begins_with(SK, :prefix)");
            String pk = request.expressionAttributeValues().get(":pk").s();
            String prefix = request.expressionAttributeValues().get(":prefix").s();
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            items.forEach((k, v) -> {
                if (v.get("PK").s().equals(pk) && v.get("SK").s().startsWith(prefix)) {
                    found.add(v);
                }
            });
            Comparator<Map<String, AttributeValue>> bySk = Comparator.comparing(m -> m.get("SK").s());
            found.sort(Boolean.FALSE.equals(request.scanIndexForward()) ? bySk.reversed() : bySk);
            return QueryResponse.builder().items(found).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
