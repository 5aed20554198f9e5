package dev.ttsconnector.localaws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed AWS SAM template ({@code template.yaml}) with typed views of the parts the local stack and
 * the template checks need: DynamoDB tables, SQS queues, EventBridge buses and rules, functions and
 * parameters. Short-form intrinsics are mapped to long forms; values that are intrinsics stay raw
 * ({@code Object}) unless a view documents that it evaluated them against the parameter defaults.
 * Parsing never touches AWS; a malformed section fails with {@link IllegalArgumentException} naming
 * the resource and property.
 */
public final class SamTemplate {

    static final ObjectMapper JSON = new ObjectMapper();

    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String QUEUE = "AWS::SQS::Queue";
    public static final String EVENT_BUS = "AWS::Events::EventBus";
    public static final String EVENT_RULE = "AWS::Events::Rule";
    public static final String FUNCTION = "AWS::Serverless::Function";
    public static final String HTTP_API = "AWS::Serverless::HttpApi";

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

    private final Path source;
    private final Map<String, Object> document;
    private final Map<String, Parameter> parameters;
    private final Map<String, Resource> resources;

    private SamTemplate(Path source, Map<String, Object> document) {
        this.source = source;
        this.document = Collections.unmodifiableMap(document);
        this.parameters = Collections.unmodifiableMap(readParameters(document));
        this.resources = Collections.unmodifiableMap(readResources(document));
    }

    /** Reads and parses a template file. */
    public static SamTemplate load(Path path) {
        try {
            return new SamTemplate(path, CloudFormationYaml.parse(Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    /** Parses template text (tests, fixtures). */
    public static SamTemplate parse(String yaml) {
        return new SamTemplate(null, CloudFormationYaml.parse(yaml));
    }

    /** The file this template came from, if it was loaded from one. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** The whole document in long form (maps, lists, scalars), read-only. */
    public Map<String, Object> document() {
        return document;
    }

    public Map<String, Parameter> parameters() {
        return parameters;
    }

    public Map<String, Resource> resources() {
        return resources;
    }

    public Map<String, Object> conditions() {
        return section(document, "Conditions");
    }

    public Map<String, Object> mappings() {
        return section(document, "Mappings");
    }

    public Map<String, Object> outputs() {
        return section(document, "Outputs");
    }

    /** {@code Globals.Function}, empty when absent. */
    public Map<String, Object> functionGlobals() {
        return section(section(document, "Globals"), "Function");
    }

    public List<Resource> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    public List<Table> tables() {
        return resourcesOfType(TABLE).stream().map(this::table).toList();
    }

    public List<Queue> queues() {
        return resourcesOfType(QUEUE).stream().map(this::queue).toList();
    }

    public List<EventRule> eventRules() {
        return resourcesOfType(EVENT_RULE).stream().map(this::eventRule).toList();
    }

    public List<FunctionDefinition> functions() {
        return resourcesOfType(FUNCTION).stream().map(this::function).toList();
    }

    public Optional<Queue> queue(String logicalId) {
        return queues().stream().filter(q -> q.logicalId().equals(logicalId)).findFirst();
    }

    public Optional<FunctionDefinition> function(String logicalId) {
        return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    /**
     * Evaluates a node with parameter defaults, local pseudo parameters, resources as their logical id
     * ({@code Ref}) and {@code Id.Attribute} ({@code GetAtt}); used for static values such as timeouts.
     */
    public Object evaluateWithDefaults(Object node) {
        return defaults().evaluate(node);
    }

    Intrinsics defaults() {
        return new Intrinsics(this, new Intrinsics.Context() {
            @Override
            public String ref(String logicalId) {
                Parameter parameter = parameters.get(logicalId);
                if (parameter != null) {
                    return parameter.defaultValue().orElseThrow(() -> new IllegalArgumentException(
                            "parameter " + logicalId + " has no Default"));
                }
                if (resources.containsKey(logicalId)) {
                    return logicalId;
                }
                throw new IllegalArgumentException("Ref " + logicalId + " targets nothing in the template");
            }

            @Override
            public String getAtt(String logicalId, String attribute) {
                return logicalId + "." + attribute;
            }
        });
    }

    // ---------------------------------------------------------------- views

    /** A template parameter; {@code defaultValue} is the {@code Default} rendered as a string. */
    public record Parameter(String logicalId, String type, Optional<String> defaultValue, List<String> allowedValues) {
    }

    /** Any resource: its type, raw (long-form) properties and optional {@code Condition}. */
    public record Resource(String logicalId, String type, Map<String, Object> properties, Optional<String> condition) {
    }

    /** A key attribute: name and scalar type ({@code S}, {@code N} or {@code B}). */
    public record KeyAttribute(String name, String type) {
    }

    /** A global secondary index. */
    public record GlobalSecondaryIndex(String name, KeyAttribute hashKey, Optional<KeyAttribute> rangeKey,
                                       String projectionType) {
    }

    /** A DynamoDB table; {@code tableName} is raw (may be an intrinsic) or null when CloudFormation names it. */
    public record Table(String logicalId, Object tableName, KeyAttribute hashKey, Optional<KeyAttribute> rangeKey,
                        List<GlobalSecondaryIndex> globalSecondaryIndexes, String billingMode,
                        Optional<String> timeToLiveAttribute, boolean pointInTimeRecovery) {
    }

    /** A queue's redrive policy: the DLQ's logical id and how many receives move a message there. */
    public record Redrive(String deadLetterQueueLogicalId, int maxReceiveCount) {
    }

    /**
     * An SQS queue. {@code queueName} is raw (null when CloudFormation names it); numbers are evaluated
     * against parameter defaults; {@code visibilityTimeoutSeconds} defaults to SQS's 30.
     */
    public record Queue(String logicalId, Object queueName, boolean fifo, boolean contentBasedDeduplication,
                        int visibilityTimeoutSeconds, Optional<Integer> messageRetentionPeriodSeconds,
                        Optional<Redrive> redrive) {
    }

    /** A target of an event rule; {@code queueLogicalId} is set when the ARN is {@code GetAtt <Queue>.Arn}. */
    public record RuleTarget(String id, Object arn, Optional<String> queueLogicalId, Optional<String> messageGroupId) {
    }

    /**
     * An EventBridge rule. {@code busLogicalId} is set when {@code EventBusName} references a bus of this
     * template; otherwise {@code eventBusName} holds the raw value (null means the default bus).
     */
    public record EventRule(String logicalId, Optional<String> busLogicalId, Object eventBusName,
                            Optional<String> eventPatternJson, Optional<String> scheduleExpression, String state,
                            List<RuleTarget> targets) {
    }

    /** A function event source. */
    public sealed interface FunctionEvent permits SqsEvent, ScheduleEvent, HttpApiEvent, EventBridgeRuleEvent, OtherEvent {
        String name();
    }

    /** {@code Type: SQS}; {@code queueLogicalId} from {@code GetAtt <Queue>.Arn}. */
    public record SqsEvent(String name, Optional<String> queueLogicalId, Object queue, int batchSize,
                           int maximumBatchingWindowSeconds, List<String> functionResponseTypes) implements FunctionEvent {
    }

    /** {@code Type: Schedule} or {@code ScheduleV2}; expression evaluated against parameter defaults. */
    public record ScheduleEvent(String name, String type, String expression, Optional<Duration> rate, boolean enabled)
            implements FunctionEvent {
    }

    /** {@code Type: HttpApi}; {@code apiLogicalId} empty means SAM's implicit API. */
    public record HttpApiEvent(String name, String method, String path, Optional<String> apiLogicalId)
            implements FunctionEvent {
    }

    /** {@code Type: EventBridgeRule}; {@code busLogicalId} empty means the default bus or an external one. */
    public record EventBridgeRuleEvent(String name, String patternJson, Optional<String> busLogicalId, Object eventBusName)
            implements FunctionEvent {
    }

    /** Any other event type, kept raw. */
    public record OtherEvent(String name, String type, Map<String, Object> properties) implements FunctionEvent {
    }

    /**
     * An {@code AWS::Serverless::Function} merged with {@code Globals.Function}: handler, timeout and memory
     * (SAM defaults 3 s / 128 MB), and the environment variables (Globals first, the function's own win),
     * values raw.
     */
    public record FunctionDefinition(String logicalId, String handler, int timeoutSeconds, int memorySizeMb,
                                     Map<String, Object> environment, List<FunctionEvent> events) {

        /** The handler's class name (the part before {@code ::}). */
        public String handlerClassName() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }
    }

    // ---------------------------------------------------------------- parsing

    private Table table(Resource resource) {
        Map<String, Object> p = resource.properties();
        String where = resource.logicalId();
        Map<String, String> types = new LinkedHashMap<>();
        for (Object definition : list(p.get("AttributeDefinitions"), where + ".AttributeDefinitions")) {
            Map<String, Object> d = map(definition, where + ".AttributeDefinitions[]");
            types.put(text(d.get("AttributeName"), where + ".AttributeName"), text(d.get("AttributeType"), where + ".AttributeType"));
        }
        List<KeyAttribute> keys = keySchema(p.get("KeySchema"), types, where + ".KeySchema");
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        if (p.get("GlobalSecondaryIndexes") != null) {
            for (Object gsi : list(p.get("GlobalSecondaryIndexes"), where + ".GlobalSecondaryIndexes")) {
                Map<String, Object> g = map(gsi, where + ".GlobalSecondaryIndexes[]");
                String name = text(g.get("IndexName"), where + ".GlobalSecondaryIndexes[].IndexName");
                List<KeyAttribute> gsiKeys = keySchema(g.get("KeySchema"), types, where + "." + name + ".KeySchema");
                Map<String, Object> projection = g.get("Projection") == null ? Map.of() : map(g.get("Projection"), where + "." + name + ".Projection");
                indexes.add(new GlobalSecondaryIndex(name, gsiKeys.get(0), gsiKeys.size() > 1 ? Optional.of(gsiKeys.get(1)) : Optional.empty(),
                        String.valueOf(projection.getOrDefault("ProjectionType", "KEYS_ONLY"))));
            }
        }
        Optional<String> ttl = Optional.empty();
        if (p.get("TimeToLiveSpecification") instanceof Map<?, ?> spec && Boolean.TRUE.equals(evaluateWithDefaults(spec.get("Enabled")))) {
            ttl = Optional.of(String.valueOf(spec.get("AttributeName")));
        }
        boolean pitr = p.get("PointInTimeRecoverySpecification") instanceof Map<?, ?> pitrSpec
                && Boolean.TRUE.equals(evaluateWithDefaults(pitrSpec.get("PointInTimeRecoveryEnabled")));
        return new Table(resource.logicalId(), p.get("TableName"), keys.get(0),
                keys.size() > 1 ? Optional.of(keys.get(1)) : Optional.empty(), List.copyOf(indexes),
                String.valueOf(p.getOrDefault("BillingMode", "PROVISIONED")), ttl, pitr);
    }

    private static List<KeyAttribute> keySchema(Object schema, Map<String, String> types, String where) {
        KeyAttribute hash = null;
        KeyAttribute range = null;
        for (Object element : list(schema, where)) {
            Map<String, Object> e = map(element, where + "[]");
            String name = text(e.get("AttributeName"), where + ".AttributeName");
            String type = types.get(name);
            if (type == null) {
                throw new IllegalArgumentException(where + ": key attribute " + name + " is missing from AttributeDefinitions");
            }
            String keyType = text(e.get("KeyType"), where + ".KeyType");
            if (keyType.equals("HASH")) {
                hash = new KeyAttribute(name, type);
            } else if (keyType.equals("RANGE")) {
                range = new KeyAttribute(name, type);
            } else {
                throw new IllegalArgumentException(where + ": KeyType must be HASH or RANGE, got " + keyType);
            }
        }
        if (hash == null) {
            throw new IllegalArgumentException(where + ": no HASH key");
        }
        List<KeyAttribute> keys = new ArrayList<>();
        keys.add(hash);
        if (range != null) {
            keys.add(range);
        }
        return keys;
    }

    private Queue queue(Resource resource) {
        Map<String, Object> p = resource.properties();
        String where = resource.logicalId();
        boolean fifo = bool(p.get("FifoQueue"));
        Optional<Redrive> redrive = Optional.empty();
        Object policy = p.get("RedrivePolicy");
        if (policy instanceof String json) {
            try {
                policy = JSON.readValue(json, Map.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(where + ".RedrivePolicy is not valid JSON", e);
            }
        }
        if (policy != null) {
            Map<String, Object> r = map(policy, where + ".RedrivePolicy");
            Object target = r.get("deadLetterTargetArn");
            String dlq = getAttTarget(target, "Arn").orElseThrow(() -> new IllegalArgumentException(
                    where + ".RedrivePolicy.deadLetterTargetArn must be !GetAtt <Queue>.Arn of a queue in this template, got " + target));
            redrive = Optional.of(new Redrive(dlq, integer(r.get("maxReceiveCount"), where + ".RedrivePolicy.maxReceiveCount")));
        }
        int visibility = p.get("VisibilityTimeout") == null ? 30 : integer(p.get("VisibilityTimeout"), where + ".VisibilityTimeout");
        Optional<Integer> retention = p.get("MessageRetentionPeriod") == null ? Optional.empty()
                : Optional.of(integer(p.get("MessageRetentionPeriod"), where + ".MessageRetentionPeriod"));
        return new Queue(resource.logicalId(), p.get("QueueName"), fifo, bool(p.get("ContentBasedDeduplication")),
                visibility, retention, redrive);
    }

    private EventRule eventRule(Resource resource) {
        Map<String, Object> p = resource.properties();
        String where = resource.logicalId();
        Object busName = p.get("EventBusName");
        Optional<String> busId = busReference(busName);
        Optional<String> pattern = Optional.empty();
        if (p.get("EventPattern") != null) {
            pattern = Optional.of(patternJson(p.get("EventPattern"), where + ".EventPattern"));
        }
        Optional<String> schedule = p.get("ScheduleExpression") == null ? Optional.empty()
                : Optional.of(String.valueOf(evaluateWithDefaults(p.get("ScheduleExpression"))));
        List<RuleTarget> targets = new ArrayList<>();
        if (p.get("Targets") != null) {
            for (Object t : list(p.get("Targets"), where + ".Targets")) {
                Map<String, Object> target = map(t, where + ".Targets[]");
                Optional<String> group = Optional.empty();
                if (target.get("SqsParameters") instanceof Map<?, ?> sqs && sqs.get("MessageGroupId") != null) {
                    group = Optional.of(String.valueOf(evaluateWithDefaults(sqs.get("MessageGroupId"))));
                }
                Object arn = target.get("Arn");
                Optional<String> queueId = getAttTarget(arn, "Arn")
                        .filter(id -> resources.containsKey(id) && resources.get(id).type().equals(QUEUE));
                targets.add(new RuleTarget(String.valueOf(target.get("Id")), arn, queueId, group));
            }
        }
        return new EventRule(resource.logicalId(), busId, busName, pattern, schedule,
                String.valueOf(p.getOrDefault("State", "ENABLED")), List.copyOf(targets));
    }

    private FunctionDefinition function(Resource resource) {
        Map<String, Object> p = resource.properties();
        Map<String, Object> globals = functionGlobals();
        String where = resource.logicalId();
        Object handler = p.getOrDefault("Handler", globals.get("Handler"));
        if (handler == null) {
            throw new IllegalArgumentException(where + ": Handler is missing (on the function and in Globals.Function)");
        }
        Object timeout = p.getOrDefault("Timeout", globals.getOrDefault("Timeout", 3));
        Object memory = p.getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128));
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.putAll(variables(globals.get("Environment"), "Globals.Function.Environment"));
        environment.putAll(variables(p.get("Environment"), where + ".Environment"));
        List<FunctionEvent> events = new ArrayList<>();
        if (p.get("Events") != null) {
            for (Map.Entry<String, Object> e : map(p.get("Events"), where + ".Events").entrySet()) {
                events.add(event(where + ".Events." + e.getKey(), e.getKey(), map(e.getValue(), where + ".Events." + e.getKey())));
            }
        }
        return new FunctionDefinition(resource.logicalId(), String.valueOf(evaluateWithDefaults(handler)),
                integer(timeout, where + ".Timeout"), integer(memory, where + ".MemorySize"),
                Collections.unmodifiableMap(environment), List.copyOf(events));
    }

    private FunctionEvent event(String where, String name, Map<String, Object> event) {
        String type = text(event.get("Type"), where + ".Type");
        Map<String, Object> p = event.get("Properties") == null ? Map.of() : map(event.get("Properties"), where + ".Properties");
        switch (type) {
            case "SQS" -> {
                List<String> responseTypes = new ArrayList<>();
                if (p.get("FunctionResponseTypes") != null) {
                    for (Object t : list(p.get("FunctionResponseTypes"), where + ".FunctionResponseTypes")) {
                        responseTypes.add(String.valueOf(t));
                    }
                }
                Object queue = p.get("Queue");
                return new SqsEvent(name, getAttTarget(queue, "Arn"), queue,
                        p.get("BatchSize") == null ? 10 : integer(p.get("BatchSize"), where + ".BatchSize"),
                        p.get("MaximumBatchingWindowInSeconds") == null ? 0
                                : integer(p.get("MaximumBatchingWindowInSeconds"), where + ".MaximumBatchingWindowInSeconds"),
                        List.copyOf(responseTypes));
            }
            case "Schedule", "ScheduleV2" -> {
                String expression = text(evaluateWithDefaults(p.get("Schedule") != null ? p.get("Schedule") : p.get("ScheduleExpression")),
                        where + ".Schedule");
                boolean enabled;
                if (type.equals("Schedule")) {
                    enabled = p.get("Enabled") == null || bool(evaluateWithDefaults(p.get("Enabled")));
                } else {
                    enabled = !"DISABLED".equals(String.valueOf(evaluateWithDefaults(p.getOrDefault("State", "ENABLED"))));
                }
                return new ScheduleEvent(name, type, expression, rate(expression), enabled);
            }
            case "HttpApi" -> {
                Object api = p.get("ApiId");
                Optional<String> apiId = api instanceof Map<?, ?> m && m.get("Ref") != null ? Optional.of(String.valueOf(m.get("Ref"))) : Optional.empty();
                return new HttpApiEvent(name, String.valueOf(p.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT),
                        String.valueOf(p.getOrDefault("Path", "$default")), apiId);
            }
            case "EventBridgeRule" -> {
                Object bus = p.get("EventBusName");
                return new EventBridgeRuleEvent(name, patternJson(p.get("Pattern"), where + ".Pattern"), busReference(bus), bus);
            }
            default -> {
                return new OtherEvent(name, type, p);
            }
        }
    }

    /** Parses {@code rate(N unit)} into a duration; cron and at() expressions give empty. */
    public static Optional<Duration> rate(String expression) {
        Matcher m = RATE.matcher(expression.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(amount);
            case "hour", "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    private Optional<String> busReference(Object busName) {
        if (busName instanceof Map<?, ?> m) {
            if (m.get("Ref") != null) {
                return Optional.of(String.valueOf(m.get("Ref")));
            }
            return getAttTarget(busName, "Name").or(() -> getAttTarget(busName, "Arn"));
        }
        return Optional.empty();
    }

    /** The logical id X of {@code {"Fn::GetAtt": [X, attribute]}}, if the node is exactly that. */
    static Optional<String> getAttTarget(Object node, String attribute) {
        if (node instanceof Map<?, ?> m && m.size() == 1 && m.get("Fn::GetAtt") != null) {
            List<?> parts = Intrinsics.getAttParts(m.get("Fn::GetAtt"));
            if (attribute.equals(parts.get(1))) {
                return Optional.of(String.valueOf(parts.get(0)));
            }
        }
        return Optional.empty();
    }

    private String patternJson(Object pattern, String where) {
        if (pattern == null) {
            throw new IllegalArgumentException(where + " is missing");
        }
        if (pattern instanceof String json) {
            return json;
        }
        try {
            return JSON.writeValueAsString(evaluateWithDefaults(pattern));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " cannot be rendered as JSON", e);
        }
    }

    private static Map<String, Object> variables(Object environment, String where) {
        if (environment == null) {
            return Map.of();
        }
        Object variables = map(environment, where).get("Variables");
        return variables == null ? Map.of() : map(variables, where + ".Variables");
    }

    private static Map<String, Parameter> readParameters(Map<String, Object> document) {
        Map<String, Parameter> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : section(document, "Parameters").entrySet()) {
            Map<String, Object> p = map(e.getValue(), "Parameters." + e.getKey());
            List<String> allowed = new ArrayList<>();
            if (p.get("AllowedValues") instanceof List<?> values) {
                values.forEach(v -> allowed.add(String.valueOf(v)));
            }
            result.put(e.getKey(), new Parameter(e.getKey(), String.valueOf(p.getOrDefault("Type", "String")),
                    Optional.ofNullable(p.get("Default")).map(String::valueOf), List.copyOf(allowed)));
        }
        return result;
    }

    private static Map<String, Resource> readResources(Map<String, Object> document) {
        Map<String, Resource> result = new LinkedHashMap<>();
        Map<String, Object> section = section(document, "Resources");
        for (Map.Entry<String, Object> e : section.entrySet()) {
            Map<String, Object> r = map(e.getValue(), "Resources." + e.getKey());
            String type = text(r.get("Type"), "Resources." + e.getKey() + ".Type");
            Map<String, Object> properties = r.get("Properties") == null ? Map.of() : map(r.get("Properties"), e.getKey() + ".Properties");
            result.put(e.getKey(), new Resource(e.getKey(), type, properties,
                    Optional.ofNullable(r.get("Condition")).map(String::valueOf)));
        }
        return result;
    }

    static Map<String, Object> section(Map<String, Object> parent, String name) {
        Object value = parent.get(name);
        return value == null ? Map.of() : map(value, name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + " must be a mapping, got " + value);
        }
        return (Map<String, Object>) m;
    }

    static List<?> list(Object value, String where) {
        if (!(value instanceof List<?> l)) {
            throw new IllegalArgumentException(where + " must be a list, got " + value);
        }
        return l;
    }

    private static String text(Object value, String where) {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new IllegalArgumentException(where + " must be a string, got " + value);
        }
        return value.toString();
    }

    private int integer(Object value, String where) {
        Object evaluated = evaluateWithDefaults(value);
        try {
            return Integer.parseInt(String.valueOf(evaluated).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + " must be a whole number, got " + value, e);
        }
    }

    private boolean bool(Object value) {
        Object evaluated = evaluateWithDefaults(value);
        return evaluated != null && Boolean.parseBoolean(String.valueOf(evaluated));
    }
}
