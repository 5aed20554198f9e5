package dev.ttsconnector.store.dynamodb;

import dev.ttsconnector.app.statements.AppStatement;
import dev.ttsconnector.app.statements.AppStatementTransaction;
import dev.ttsconnector.app.statements.StatementStore;
import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.common.VersionConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link StatementStore} on the single table. A statement is {@code PK=INT#<id>#STATEMENT#<statementId>},
 * {@code SK=STATEMENT} (JSON {@code doc} beside {@code version}); its transactions share the partition as
 * {@code SK=TXN#<transactionId>}, so one Query reads them in pages. {@code GSI1} ({@code INT#<id>#STATEMENTS},
 * {@code <statementTime, fixed-width UTC>#<statementId>}) lists statements by time, {@code GSI2}
 * ({@code INT#<id>#STATEMENTS#<paymentStatus>}, same sort key) the same per payment status. Pending markers
 * (transactions not all stored) are {@code PK=INT#<id>#STMTPENDING}, {@code SK=STATEMENT#<statementId>}.
 *
 * <p>Writes: statements on absence / on {@code version}; a transaction with
 * {@code attribute_not_exists(PK) OR doc <> :doc}, so an unchanged transaction is not written.
 */
public final class DynamoDbStatementStore implements StatementStore {

    private static final String STATEMENT_SK = "STATEMENT";
    private static final String TXN_PREFIX = "TXN#";
    private static final String PENDING_PREFIX = "STATEMENT#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbStatementStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String pk(String integrationId, String statementId) {
        return "INT#" + integrationId + "#STATEMENT#" + statementId;
    }

    private static String listPartition(String integrationId) {
        return "INT#" + integrationId + "#STATEMENTS";
    }

    private static String pendingPk(String integrationId) {
        return "INT#" + integrationId + "#STMTPENDING";
    }

    @Override
    public Optional<AppStatement> get(String integrationId, String statementId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(DynamoDbItems.key(pk(integrationId, statementId), STATEMENT_SK))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public AppStatement insert(AppStatement statement) {
        if (statement.version() != 0) {
            throw new IllegalArgumentException("version: a new statement has version 0");
        }
        AppStatement stored = statement.withVersion(1);
        if (!DynamoDbItems.putIfAbsent(dynamo, table, toItem(stored))) {
            throw new AlreadyExistsException("statementId", "statement " + statement.statementId() + " already exists");
        }
        return stored;
    }

    @Override
    public AppStatement replace(AppStatement next) {
        AppStatement stored = next.withVersion(next.version() + 1);
        if (!DynamoDbItems.putIfVersion(dynamo, table, toItem(stored), next.version())) {
            throw new VersionConflictException("statement", "statement " + next.statementId() + " changed concurrently");
        }
        return stored;
    }

    @Override
    public boolean putTransaction(String integrationId, AppStatementTransaction t) {
        if (!integrationId.equals(t.integrationId())) {
            throw new IllegalArgumentException("integrationId: transaction " + t.transactionId()
                    + " belongs to another integration");
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DynamoDbItems.PK, DynamoDbItems.s(pk(integrationId, t.statementId())));
        item.put(DynamoDbItems.SK, DynamoDbItems.s(TXN_PREFIX + t.transactionId()));
        item.put("type", DynamoDbItems.s("StatementTransaction"));
        AttributeValue doc = DynamoDbItems.doc(t);
        item.put("doc", doc);
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(PK) OR #doc <> :doc")
                    .expressionAttributeNames(Map.of("#doc", "doc"))
                    .expressionAttributeValues(Map.of(":doc", doc)));
            return true;
        } catch (ConditionalCheckFailedException unchanged) {
            return false;
        }
    }

    @Override
    public Page<AppStatement> list(String integrationId, String paymentStatus, int limit, String cursor) {
        boolean byStatus = paymentStatus != null;
        String index = byStatus ? DynamoDbItems.GSI2 : DynamoDbItems.GSI1;
        String pkName = byStatus ? DynamoDbItems.GSI2PK : DynamoDbItems.GSI1PK;
        String skName = byStatus ? DynamoDbItems.GSI2SK : DynamoDbItems.GSI1SK;
        String partition = listPartition(integrationId) + (byStatus ? "#" + paymentStatus : "");
        Map<String, AttributeValue> start = Cursors.decodeFor(cursor, Set.of(DynamoDbItems.PK, DynamoDbItems.SK, pkName,
                skName), pkName, partition);
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression(pkName + " = :pk")
                .expressionAttributeValues(Map.of(":pk", DynamoDbItems.s(partition)))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(start)
                .build());
        return new Page<>(response.items().stream().map(DynamoDbStatementStore::fromItem).toList(),
                Cursors.encode(response.lastEvaluatedKey()));
    }

    @Override
    public Page<AppStatementTransaction> transactions(String integrationId, String statementId, int limit,
                                                      String cursor) {
        String partition = pk(integrationId, statementId);
        Map<String, AttributeValue> start = Cursors.decodeFor(cursor, Set.of(DynamoDbItems.PK, DynamoDbItems.SK),
                DynamoDbItems.PK, partition);
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sk)")
                .expressionAttributeValues(Map.of(":pk", DynamoDbItems.s(partition), ":sk", DynamoDbItems.s(TXN_PREFIX)))
                .limit(limit)
                .exclusiveStartKey(start)
                .build());
        return new Page<>(response.items().stream()
                .map(i -> DynamoDbItems.readDoc(i, AppStatementTransaction.class)).toList(),
                Cursors.encode(response.lastEvaluatedKey()));
    }

    @Override
    public void markPending(String integrationId, String statementId) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDbItems.key(pendingPk(integrationId),
                PENDING_PREFIX + statementId));
        item.put("type", DynamoDbItems.s("StatementPending"));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public void clearPending(String integrationId, String statementId) {
        dynamo.deleteItem(b -> b.tableName(table).key(DynamoDbItems.key(pendingPk(integrationId),
                PENDING_PREFIX + statementId)));
    }

    @Override
    public List<String> pending(String integrationId) {
        List<String> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", DynamoDbItems.s(pendingPk(integrationId))))
                    .exclusiveStartKey(start)
                    .build());
            response.items().forEach(i -> out.add(DynamoDbItems.string(i, DynamoDbItems.SK)
                    .substring(PENDING_PREFIX.length())));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    static Map<String, AttributeValue> toItem(AppStatement s) {
        String sortKey = DynamoDbItems.sortable(s.statementTime()) + "#" + s.statementId();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DynamoDbItems.PK, DynamoDbItems.s(pk(s.integrationId(), s.statementId())));
        item.put(DynamoDbItems.SK, DynamoDbItems.s(STATEMENT_SK));
        item.put("type", DynamoDbItems.s("Statement"));
        item.put(DynamoDbItems.GSI1PK, DynamoDbItems.s(listPartition(s.integrationId())));
        item.put(DynamoDbItems.GSI1SK, DynamoDbItems.s(sortKey));
        if (s.paymentStatus() != null) {
            item.put(DynamoDbItems.GSI2PK, DynamoDbItems.s(listPartition(s.integrationId()) + "#" + s.paymentStatus()));
            item.put(DynamoDbItems.GSI2SK, DynamoDbItems.s(sortKey));
        }
        item.put("version", DynamoDbItems.n(s.version()));
        item.put("doc", DynamoDbItems.doc(s.withVersion(0)));
        return item;
    }

    static AppStatement fromItem(Map<String, AttributeValue> item) {
        return DynamoDbItems.readDoc(item, AppStatement.class).withVersion(DynamoDbItems.number(item, "version"));
    }
}
