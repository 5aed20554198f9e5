package dev.ttsconnector.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

/**
 * Counts every AWS SDK request of this JVM (registered for all clients through the SDK's global
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} resource, so the handlers' own clients are
 * counted without changing their wiring): requests per service and operation, SQS messages sent, EventBridge entries
 * published, and DynamoDB read/write units.
 *
 * <p>DynamoDB units follow AWS's rules (Developer Guide, "Read/write capacity mode" and "Item sizes and formats",
 * docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html): a write costs 1 WRU per started
 * 1 KB of the larger of the old and new item; a strongly consistent read 1 RRU per started 4 KB, an eventually
 * consistent read half of that; a Query sums the sizes it reads before rounding; a write whose condition fails still
 * costs the write units of the item; every global secondary index the written item belongs to costs another write of
 * the (projected = whole) item. The table part comes from the emulator's {@code ConsumedCapacity} (dynalite computes it
 * with these rules from the stored item sizes: the interceptor asks for it with {@code ReturnConsumedCapacity=TOTAL});
 * the index part and failed conditional writes are computed here from the request's item ({@link DynamoDbItemSize}).
 * A PutItem or DeleteItem is asked for the old item ({@code ReturnValues=ALL_OLD}, only when the caller asked for
 * none) so its index writes follow AWS exactly: a replacement that moves the item to other index keys costs a delete of
 * the old entry plus a put of the new one, a delete removes the old entries. UpdateItem index writes are estimated
 * from the expression (one write per index whose keys it sets; the callers' own ReturnValues are left alone) and
 * BatchWriteItem puts as new entries, so those two are lower bounds.
 *
 * <p>Requests made while {@link #as(Category, Supplier)} marks the thread are booked under that category: the
 * Lambda event source mapping's polling ({@link Category#EVENT_SOURCE}, billed by AWS like any SQS request) and the
 * benchmark's own monitoring ({@link Category#HARNESS}, not part of the connector's cost).
 */
public final class AwsRequestCounter implements ExecutionInterceptor {

    /** Who made a request. */
    public enum Category { FUNCTION, EVENT_SOURCE, HARNESS }

    /** Names of the single table's global secondary indexes and their key attributes (template.yaml). */
    static final Map<String, String[]> INDEX_KEYS = Map.of("GSI1", new String[]{"GSI1PK", "GSI1SK"},
            "GSI2", new String[]{"GSI2PK", "GSI2SK"});

    private static final ThreadLocal<Category> CATEGORY = ThreadLocal.withInitial(() -> Category.FUNCTION);
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
    /** Successful order writes: (PK, tiktokUpdateTime) → listener, for webhook-to-persisted latency. */
    private static volatile OrderWriteListener orderWrites = (pk, updateTime) -> { };

    /** Told after an order item ({@code SK=ORDER}) was written. */
    @FunctionalInterface
    public interface OrderWriteListener {
        void written(String pk, long tiktokUpdateTime);
    }

    public static void onOrderWrite(OrderWriteListener listener) {
        orderWrites = listener;
    }

    /** Runs {@code work} with this thread's requests booked under {@code category}. */
    public static <T> T as(Category category, Supplier<T> work) {
        Category previous = CATEGORY.get();
        CATEGORY.set(category);
        try {
            return work.get();
        } finally {
            CATEGORY.set(previous);
        }
    }

    /** A copy of every counter. Keys: {@code <category>/<Service>/<Operation>} requests, and the unit keys below. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        COUNTS.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Half read units (eventually consistent reads cost 0.5 RRU). */
    public static final String RRU_HALVES = "ddb/rru_halves";
    public static final String WRU = "ddb/wru";
    public static final String WRU_INDEX = "ddb/wru_index";
    public static final String WRU_FAILED_CONDITION = "ddb/wru_failed_condition";
    public static final String SQS_MESSAGES_SENT = "sqs/messages_sent";
    public static final String EVENTS_PUBLISHED = "events/entries";
    /** The event source mappings' receives that returned no message (idle polling; not per unit of work). */
    public static final String IDLE_POLLS = "idle_poll/Sqs/ReceiveMessage";

    private static void add(String key, long n) {
        if (n != 0) {
            COUNTS.computeIfAbsent(key, k -> new LongAdder()).add(n);
        }
    }

    /** The category of the thread that started a request (the SDK may finish it on another thread). */
    private static final ExecutionAttribute<Category> CATEGORY_OF_REQUEST = new ExecutionAttribute<>("bench-category");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(CATEGORY_OF_REQUEST, CATEGORY.get());
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest r = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (r instanceof PutItemRequest p) {
            PutItemRequest.Builder b = p.toBuilder().returnConsumedCapacity(total);
            if (p.returnValues() == null || p.returnValues() == ReturnValue.NONE) {
                b.returnValues(ReturnValue.ALL_OLD);
            }
            return b.build();
        } else if (r instanceof UpdateItemRequest u) {
            return u.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof DeleteItemRequest d) {
            DeleteItemRequest.Builder b = d.toBuilder().returnConsumedCapacity(total);
            if (d.returnValues() == null || d.returnValues() == ReturnValue.NONE) {
                b.returnValues(ReturnValue.ALL_OLD);
            }
            return b.build();
        } else if (r instanceof GetItemRequest g) {
            return g.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof QueryRequest q) {
            return q.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof ScanRequest s) {
            return s.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof BatchGetItemRequest b) {
            return b.toBuilder().returnConsumedCapacity(total).build();
        } else if (r instanceof BatchWriteItemRequest b) {
            return b.toBuilder().returnConsumedCapacity(total).build();
        }
        return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Category category = attributes.getAttribute(CATEGORY_OF_REQUEST);
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (category == Category.EVENT_SOURCE && context.response() instanceof ReceiveMessageResponse rm && rm.messages().isEmpty()) {
            // An empty poll: its number follows wall time (pollers x seconds idle), not the work, so it is kept apart
            // from the per-order and per-SKU request counts (reported under idle_poll/).
            add(IDLE_POLLS, 1);
            return;
        }
        add(category.name().toLowerCase() + "/" + service + "/" + operation, 1);
        if (category == Category.HARNESS) {
            return;
        }
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        if (request instanceof SendMessageBatchRequest b) {
            add(SQS_MESSAGES_SENT, b.entries().size());
            Activity.GLOBAL.bump();
        } else if (request instanceof software.amazon.awssdk.services.sqs.model.SendMessageRequest) {
            add(SQS_MESSAGES_SENT, 1);
            Activity.GLOBAL.bump();
        } else if (request instanceof PutEventsRequest e) {
            add(EVENTS_PUBLISHED, e.entries().size());
        }
        dynamoDb(request, response);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Category category = attributes.getAttribute(CATEGORY_OF_REQUEST);
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        add(category.name().toLowerCase() + "/" + service + "/" + operation + "/failed", 1);
        if (category == Category.HARNESS || !(context.exception() instanceof ConditionalCheckFailedException)) {
            return;
        }
        // A failed condition still consumes the write units of the item (AWS rule above).
        SdkRequest request = context.request();
        long units = request instanceof PutItemRequest p ? DynamoDbItemSize.writeUnits(p.item()) : 1;
        add(WRU_FAILED_CONDITION, units);
    }

    private static void dynamoDb(SdkRequest request, SdkResponse response) {
        if (response instanceof PutItemResponse r && request instanceof PutItemRequest q) {
            long table = tableUnits(r.consumedCapacity(), DynamoDbItemSize.writeUnits(q.item()));
            add(WRU, table);
            add(WRU_INDEX, indexWrites(r.hasAttributes() ? r.attributes() : Map.of(), q.item()));
            Map<String, AttributeValue> item = q.item();
            AttributeValue sk = item.get("SK");
            AttributeValue updated = item.get("tiktokUpdateTime");
            if (sk != null && "ORDER".equals(sk.s()) && updated != null && item.get("PK") != null) {
                orderWrites.written(item.get("PK").s(), Long.parseLong(updated.n()));
            }
        } else if (response instanceof UpdateItemResponse r && request instanceof UpdateItemRequest q) {
            long table = tableUnits(r.consumedCapacity(), 1);
            add(WRU, table);
            add(WRU_INDEX, touchesIndexKeys(q) * table);
        } else if (response instanceof DeleteItemResponse r) {
            add(WRU, tableUnits(r.consumedCapacity(), 1));
            add(WRU_INDEX, indexWrites(r.hasAttributes() ? r.attributes() : Map.of(), Map.of()));
        } else if (response instanceof GetItemResponse r && request instanceof GetItemRequest q) {
            add(RRU_HALVES, halves(r.consumedCapacity(), Boolean.TRUE.equals(q.consistentRead())));
        } else if (response instanceof QueryResponse r && request instanceof QueryRequest q) {
            add(RRU_HALVES, halves(r.consumedCapacity(), Boolean.TRUE.equals(q.consistentRead())));
        } else if (response instanceof ScanResponse r && request instanceof ScanRequest q) {
            add(RRU_HALVES, halves(r.consumedCapacity(), Boolean.TRUE.equals(q.consistentRead())));
        } else if (response instanceof BatchGetItemResponse r) {
            double units = r.consumedCapacity().stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
            add(RRU_HALVES, Math.round(units * 2));
        } else if (response instanceof BatchWriteItemResponse r && request instanceof BatchWriteItemRequest q) {
            long computed = 0;
            long index = 0;
            for (var entry : q.requestItems().values()) {
                for (WriteRequest w : entry) {
                    if (w.putRequest() != null) {
                        computed += DynamoDbItemSize.writeUnits(w.putRequest().item());
                        index += indexWrites(w.putRequest().item());
                    } else {
                        computed += 1;
                    }
                }
            }
            double reported = r.consumedCapacity().stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
            add(WRU, reported > 0 ? Math.round(reported) : computed);
            add(WRU_INDEX, index);
        }
    }

    /** The emulator's table units, or {@code fallback} (computed from the request) when it reported none. */
    private static long tableUnits(ConsumedCapacity capacity, long fallback) {
        return capacity == null || capacity.capacityUnits() == null ? fallback : Math.round(Math.ceil(capacity.capacityUnits()));
    }

    private static long halves(ConsumedCapacity capacity, boolean consistent) {
        if (capacity == null || capacity.capacityUnits() == null) {
            return consistent ? 2 : 1;
        }
        return Math.round(capacity.capacityUnits() * 2);
    }

    /** One index write of the whole item (projection ALL) per index whose key attributes the item has. */
    static long indexWrites(Map<String, AttributeValue> item) {
        return indexWrites(Map.of(), item);
    }

    /**
     * Index write units of replacing {@code before} (empty = no item) by {@code after} (empty = deleted), per index
     * (projection ALL): same keys = one write of the new item; other keys = delete the old entry + put the new one;
     * only one side in the index = that put or delete.
     */
    static long indexWrites(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        long writes = 0;
        for (String[] keys : INDEX_KEYS.values()) {
            boolean was = before.containsKey(keys[0]) && before.containsKey(keys[1]);
            boolean is = after.containsKey(keys[0]) && after.containsKey(keys[1]);
            boolean moved = was && is && !(before.get(keys[0]).equals(after.get(keys[0]))
                    && before.get(keys[1]).equals(after.get(keys[1])));
            if (was && (!is || moved)) {
                writes += DynamoDbItemSize.writeUnits(before);
            }
            if (is) {
                writes += DynamoDbItemSize.writeUnits(after);
            }
        }
        return writes;
    }

    /** How many indexes an update expression sets keys of (the item is then written to that index). */
    static int touchesIndexKeys(UpdateItemRequest q) {
        String expression = q.updateExpression() == null ? "" : q.updateExpression();
        Map<String, String> names = q.expressionAttributeNames() == null ? Map.of() : q.expressionAttributeNames();
        int n = 0;
        for (String[] keys : INDEX_KEYS.values()) {
            boolean touched = expression.contains(keys[0]) || names.containsValue(keys[0]);
            if (touched) {
                n++;
            }
        }
        return n;
    }

    /** Clears every counter (between the discarded warm-up and the measured phases). */
    public static void reset() {
        COUNTS.clear();
    }
}
