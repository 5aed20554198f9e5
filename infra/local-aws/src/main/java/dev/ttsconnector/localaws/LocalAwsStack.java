package dev.ttsconnector.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.event.ruler.Machine;

/**
 * The AWS parts of {@code template.yaml} running on this machine: dynalite (DynamoDB, a Node child
 * process), ElasticMQ embedded (SQS) and an EventBridge stand-in on event-ruler, all on free loopback
 * ports. Tables, queues (with their redrive policies) and event rules are created by reading the
 * template, with parameter defaults (or {@link Builder#parameter overrides}) and local physical names.
 * Clients are SDK v2 with the url-connection client, region {@value #REGION} and dummy credentials.
 * {@link #close()} stops everything this stack started. Not thread-safe during start/close; the
 * clients are thread-safe.
 */
public final class LocalAwsStack implements AutoCloseable {

    public static final String REGION = Intrinsics.LOCAL_REGION;
    public static final String ACCOUNT_ID = Intrinsics.LOCAL_ACCOUNT;
    public static final String STACK_NAME = Intrinsics.LOCAL_STACK_NAME;

    private final SamTemplate template;
    private final Map<String, String> parameterValues;
    private final Map<String, String> refs = new HashMap<>();
    private final Map<String, String> arns = new HashMap<>();
    private final Map<String, String> queueUrls = new HashMap<>();
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Intrinsics intrinsics;
    private DynaliteProcess dynalite;
    private SQSRestServer elasticMq;
    private EventBridgeStandIn eventBridgeStandIn;
    private URI dynamoDbEndpoint;
    private URI sqsEndpoint;
    private DynamoDbClient dynamoDb;
    private SqsClient sqs;
    private EventBridgeClient eventBridge;

    private LocalAwsStack(SamTemplate template, Map<String, String> parameterOverrides) {
        this.template = template;
        Map<String, String> values = new LinkedHashMap<>();
        template.parameters().values().forEach(p -> p.defaultValue().ifPresent(d -> values.put(p.logicalId(), d)));
        values.putAll(parameterOverrides);
        this.parameterValues = Collections.unmodifiableMap(values);
        this.intrinsics = new Intrinsics(template, new Intrinsics.Context() {
            @Override
            public String ref(String logicalId) {
                return LocalAwsStack.this.ref(logicalId);
            }

            @Override
            public String getAtt(String logicalId, String attribute) {
                return LocalAwsStack.this.getAtt(logicalId, attribute);
            }
        });
    }

    /** Starts a stack from the repository's {@code template.yaml} found from the working directory. */
    public static LocalAwsStack start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link LocalAwsStack}; every one has a default. */
    public static final class Builder {
        private Path template;
        private Path localAwsDirectory;
        private String node = "node";
        private Path dataDirectory;
        private final Map<String, String> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        /** The SAM template to build from; default {@code <repository>/template.yaml}. */
        public Builder template(Path template) {
            this.template = template;
            return this;
        }

        /** Where {@code dynalite-launcher.js} and its {@code node_modules} are; default {@code <repository>/infra/local-aws}. */
        public Builder localAwsDirectory(Path directory) {
            this.localAwsDirectory = directory;
            return this;
        }

        /** The Node executable; default {@code node} on PATH. */
        public Builder node(String node) {
            this.node = node;
            return this;
        }

        /** Keep DynamoDB data on disk in this directory (LevelDB) instead of in memory. */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory;
            return this;
        }

        /** Overrides a template parameter's default. */
        public Builder parameter(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        public LocalAwsStack start() {
            RepositoryLayout layout = template == null || localAwsDirectory == null ? RepositoryLayout.fromWorkingDirectory() : null;
            Path templatePath = template != null ? template : layout.template();
            Path awsDirectory = localAwsDirectory != null ? localAwsDirectory : layout.localAwsDirectory();
            SamTemplate parsed = SamTemplate.load(templatePath);
            for (String name : parameters.keySet()) {
                if (!parsed.parameters().containsKey(name)) {
                    throw new IllegalArgumentException("parameter " + name + " is not declared in " + templatePath);
                }
            }
            LocalAwsStack stack = new LocalAwsStack(parsed, parameters);
            try {
                stack.startServices(awsDirectory, node, Optional.ofNullable(dataDirectory));
                stack.createResources();
                return stack;
            } catch (RuntimeException | Error e) {
                stack.close();
                throw e;
            }
        }
    }

    // ---------------------------------------------------------------- public API

    public SamTemplate template() {
        return template;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public EventBridgeClient eventBridge() {
        return eventBridge;
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public URI eventBridgeEndpoint() {
        return eventBridgeStandIn.endpoint();
    }

    /** What {@code Ref <logicalId>} means locally: table/bus/rule name, queue URL, parameter value, .... */
    public String physicalName(String logicalId) {
        return ref(logicalId);
    }

    /** The local name of a table of the template. */
    public String tableName(String logicalId) {
        requireType(logicalId, SamTemplate.TABLE);
        return ref(logicalId);
    }

    /** The local URL of a queue of the template. */
    public String queueUrl(String logicalId) {
        requireType(logicalId, SamTemplate.QUEUE);
        return ref(logicalId);
    }

    /** The ARN ElasticMQ gives a queue of the template. */
    public String queueArn(String logicalId) {
        requireType(logicalId, SamTemplate.QUEUE);
        return getAtt(logicalId, "Arn");
    }

    /** The name of an event bus of the template. */
    public String eventBusName(String logicalId) {
        requireType(logicalId, SamTemplate.EVENT_BUS);
        return ref(logicalId);
    }

    /**
     * The environment a function of the template gets (Globals merged with its own variables), every
     * {@code Ref}/{@code GetAtt}/{@code Sub} resolved to local names and URLs, so its handler's Wiring
     * can run here. Combine with {@link #sdkEnvironment()} to point the SDK at the local endpoints.
     */
    public Map<String, String> environmentFor(String functionLogicalId) {
        SamTemplate.FunctionDefinition function = template.function(functionLogicalId).orElseThrow(() ->
                new IllegalArgumentException("no function " + functionLogicalId + " in the template; functions: "
                        + template.functions().stream().map(SamTemplate.FunctionDefinition::logicalId).toList()));
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            try {
                environment.put(name, intrinsics.string(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(functionLogicalId + " environment variable " + name + ": " + e.getMessage(), e);
            }
        });
        return Collections.unmodifiableMap(environment);
    }

    /** {@code AWS_REGION}, dummy credentials and {@code AWS_ENDPOINT_URL_*} for DynamoDB, SQS and EventBridge. */
    public Map<String, String> sdkEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_REGION", REGION);
        environment.put("AWS_ACCESS_KEY_ID", "local");
        environment.put("AWS_SECRET_ACCESS_KEY", "local");
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint.toString());
        environment.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        environment.put("AWS_ENDPOINT_URL_EVENTBRIDGE", eventBridgeEndpoint().toString());
        return Collections.unmodifiableMap(environment);
    }

    /** The EventBridge envelopes accepted by the stand-in so far (most recent last, at most 1000), as JSON. */
    public List<String> publishedEvents() {
        return eventBridgeStandIn.publishedEvents();
    }

    /** Rule-target deliveries the stand-in could not make (e.g. a FIFO target without MessageGroupId). */
    public List<String> eventDeliveryFailures() {
        return eventBridgeStandIn.deliveryFailures();
    }

    /** Stops the clients, the EventBridge stand-in, ElasticMQ and dynalite; safe to call twice. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("could not stop every local AWS service", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }

    // ---------------------------------------------------------------- start

    private void startServices(Path localAwsDirectory, String node, Optional<Path> dataDirectory) {
        dynalite = DynaliteProcess.start(localAwsDirectory, node, dataDirectory);
        started.add(dynalite);
        dynamoDbEndpoint = URI.create("http://127.0.0.1:" + dynalite.port());

        elasticMq = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion(REGION).withAWSAccountId(ACCOUNT_ID).start();
        started.add(elasticMq::stopAndWait);
        int sqsPort = elasticMq.waitUntilStarted().localAddress().getPort();
        sqsEndpoint = URI.create("http://127.0.0.1:" + sqsPort);

        dynamoDb = configure(DynamoDbClient.builder(), dynamoDbEndpoint).build();
        started.add(dynamoDb);
        sqs = configure(SqsClient.builder(), sqsEndpoint).build();
        started.add(sqs);
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, URI endpoint) {
        return builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(endpoint);
    }

    private void createResources() {
        for (SamTemplate.Resource resource : template.resources().values()) {
            if (!isCreated(resource)) {
                continue;
            }
            switch (resource.type()) {
                case SamTemplate.TABLE -> refs.put(resource.logicalId(), explicitName(resource, "TableName")
                        .orElse(STACK_NAME + "-" + resource.logicalId()));
                case SamTemplate.EVENT_BUS -> refs.put(resource.logicalId(), explicitName(resource, "Name")
                        .orElseThrow(() -> new IllegalArgumentException(resource.logicalId() + ": an event bus needs a Name")));
                case SamTemplate.EVENT_RULE -> refs.put(resource.logicalId(), explicitName(resource, "Name").orElse(resource.logicalId()));
                default -> {
                }
            }
        }
        template.tables().stream().filter(t -> isCreated(t.logicalId())).forEach(this::createTable);
        List<SamTemplate.Queue> queues = template.queues().stream().filter(q -> isCreated(q.logicalId())).toList();
        // Dead-letter queues first: a redrive policy must name an existing queue.
        queues.stream().filter(q -> q.redrive().isEmpty()).forEach(this::createQueue);
        queues.stream().filter(q -> q.redrive().isPresent()).forEach(this::createQueue);
        startEventBridge();
    }

    private void createTable(SamTemplate.Table table) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Function<SamTemplate.KeyAttribute, KeySchemaElement> hash = k -> {
            attributes.put(k.name(), k.type());
            return KeySchemaElement.builder().attributeName(k.name()).keyType(KeyType.HASH).build();
        };
        Function<SamTemplate.KeyAttribute, KeySchemaElement> range = k -> {
            attributes.put(k.name(), k.type());
            return KeySchemaElement.builder().attributeName(k.name()).keyType(KeyType.RANGE).build();
        };
        List<KeySchemaElement> keys = new ArrayList<>(List.of(hash.apply(table.hashKey())));
        table.rangeKey().map(range).ifPresent(keys::add);
        boolean onDemand = table.billingMode().equals("PAY_PER_REQUEST");
        ProvisionedThroughput throughput = ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (SamTemplate.GlobalSecondaryIndex gsi : table.globalSecondaryIndexes()) {
            List<KeySchemaElement> gsiKeys = new ArrayList<>(List.of(hash.apply(gsi.hashKey())));
            gsi.rangeKey().map(range).ifPresent(gsiKeys::add);
            GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder().indexName(gsi.name()).keySchema(gsiKeys)
                    .projection(Projection.builder().projectionType(ProjectionType.fromValue(gsi.projectionType())).build());
            if (!onDemand) {
                index.provisionedThroughput(throughput);
            }
            indexes.add(index.build());
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(ref(table.logicalId()))
                .keySchema(keys)
                .attributeDefinitions(attributes.entrySet().stream()
                        .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
                        .toList());
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        if (onDemand) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            request.provisionedThroughput(throughput);
        }
        // TTL is not applied: dynalite has no UpdateTimeToLive (see guides/local-aws.md).
        try {
            dynamoDb.createTable(request.build());
        } catch (software.amazon.awssdk.services.dynamodb.model.ResourceInUseException e) {
            // A dataDirectory from an earlier run already holds the table.
        }
    }

    private void createQueue(SamTemplate.Queue queue) {
        String name = explicitName(template.resources().get(queue.logicalId()), "QueueName")
                .orElse(queue.fifo() ? queue.logicalId() + ".fifo" : queue.logicalId());
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(queue.visibilityTimeoutSeconds()));
        queue.messageRetentionPeriodSeconds().ifPresent(s -> attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, s.toString()));
        if (queue.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, Boolean.toString(queue.contentBasedDeduplication()));
        }
        Map<String, Object> properties = template.resources().get(queue.logicalId()).properties();
        for (String property : List.of("DelaySeconds", "ReceiveMessageWaitTimeSeconds")) {
            if (properties.get(property) != null) {
                attributes.put(QueueAttributeName.fromValue(property), intrinsics.string(properties.get(property)));
            }
        }
        queue.redrive().ifPresent(r -> attributes.put(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + getAtt(r.deadLetterQueueLogicalId(), "Arn") + "\",\"maxReceiveCount\":\""
                        + r.maxReceiveCount() + "\"}"));
        String url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrls.put(queue.logicalId(), url);
        refs.put(queue.logicalId(), url);
        arns.put(queue.logicalId(), arn);
    }

    private void startEventBridge() {
        Map<String, Machine> machines = new HashMap<>();
        Map<String, List<EventBridgeStandIn.QueueTarget>> targets = new HashMap<>();
        for (SamTemplate.EventRule rule : template.eventRules()) {
            if (!isCreated(rule.logicalId()) || rule.eventPatternJson().isEmpty() || !rule.state().equals("ENABLED")) {
                continue; // Schedules are driven by the local runner, not by the stand-in.
            }
            String bus = rule.eventBusName() == null ? "default" : busNameOf(intrinsics.string(rule.eventBusName()));
            String ruleName = ref(rule.logicalId());
            try {
                machines.computeIfAbsent(bus, b -> new Machine()).addRule(ruleName, rule.eventPatternJson().get());
            } catch (Exception e) {
                throw new IllegalArgumentException(rule.logicalId() + ": EventPattern does not compile in event-ruler: " + e.getMessage(), e);
            }
            for (SamTemplate.RuleTarget target : rule.targets()) {
                target.queueLogicalId().ifPresent(queueId -> targets.computeIfAbsent(ruleName, r -> new ArrayList<>())
                        .add(new EventBridgeStandIn.QueueTarget(ruleName, queueUrls.get(queueId),
                                template.queue(queueId).map(SamTemplate.Queue::fifo).orElse(false), target.messageGroupId())));
            }
        }
        try {
            eventBridgeStandIn = new EventBridgeStandIn(machines, targets, sqs, REGION, ACCOUNT_ID);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the EventBridge stand-in", e);
        }
        started.add(eventBridgeStandIn);
        eventBridge = configure(EventBridgeClient.builder(), eventBridgeStandIn.endpoint()).build();
        started.add(eventBridge);
    }

    // ---------------------------------------------------------------- names

    private String ref(String logicalId) {
        if (parameterValues.containsKey(logicalId)) {
            return parameterValues.get(logicalId);
        }
        if (template.parameters().containsKey(logicalId)) {
            throw new IllegalArgumentException("parameter " + logicalId + " has no Default; set it with LocalAwsStack.builder().parameter(...)");
        }
        SamTemplate.Resource resource = template.resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("Ref " + logicalId + " targets no parameter or resource of the template");
        }
        if (!isCreated(resource)) {
            throw new IllegalArgumentException("Ref " + logicalId + ": the resource's condition " + resource.condition().orElse("")
                    + " is false with these parameters");
        }
        String known = refs.get(logicalId);
        if (known != null) {
            return known;
        }
        return switch (resource.type()) {
            case SamTemplate.QUEUE -> throw new IllegalStateException("queue " + logicalId + " is not created yet");
            case "AWS::SecretsManager::Secret" -> "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT_ID + ":secret:"
                    + explicitName(resource, "Name").orElse(logicalId) + "-local";
            case SamTemplate.FUNCTION -> logicalId;
            default -> "local-" + logicalId;
        };
    }

    private String getAtt(String logicalId, String attribute) {
        SamTemplate.Resource resource = template.resources().get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("GetAtt " + logicalId + "." + attribute + " targets no resource of the template");
        }
        String prefix = "arn:aws:%s:" + REGION + ":" + ACCOUNT_ID + ":";
        return switch (resource.type() + "." + attribute) {
            case SamTemplate.QUEUE + ".Arn" -> Optional.ofNullable(arns.get(logicalId)).orElseThrow(() ->
                    new IllegalStateException("queue " + logicalId + " is not created yet (redrive to a queue that itself has a redrive policy?)"));
            case SamTemplate.QUEUE + ".QueueName" -> queueNameOf(ref(logicalId));
            case SamTemplate.QUEUE + ".QueueUrl" -> ref(logicalId);
            case SamTemplate.TABLE + ".Arn" -> prefix.formatted("dynamodb") + "table/" + ref(logicalId);
            case SamTemplate.EVENT_BUS + ".Arn" -> prefix.formatted("events") + "event-bus/" + ref(logicalId);
            case SamTemplate.EVENT_BUS + ".Name" -> ref(logicalId);
            case SamTemplate.EVENT_RULE + ".Arn" -> prefix.formatted("events") + "rule/" + ref(logicalId);
            case "AWS::KMS::Key.Arn" -> prefix.formatted("kms") + "key/" + ref(logicalId);
            case "AWS::KMS::Key.KeyId" -> ref(logicalId);
            case SamTemplate.FUNCTION + ".Arn" -> prefix.formatted("lambda") + "function:" + logicalId;
            default -> {
                if (attribute.equals("Arn")) {
                    yield prefix.formatted("local") + logicalId;
                }
                throw new IllegalArgumentException("GetAtt " + logicalId + "." + attribute + " has no local value");
            }
        };
    }

    private Optional<String> explicitName(SamTemplate.Resource resource, String property) {
        Object value = resource.properties().get(property);
        return value == null ? Optional.empty() : Optional.of(intrinsics.string(value));
    }

    private boolean isCreated(String logicalId) {
        return isCreated(template.resources().get(logicalId));
    }

    private boolean isCreated(SamTemplate.Resource resource) {
        return resource.condition().map(intrinsics::condition).orElse(true);
    }

    private void requireType(String logicalId, String type) {
        SamTemplate.Resource resource = template.resources().get(logicalId);
        if (resource == null || !resource.type().equals(type)) {
            throw new IllegalArgumentException(logicalId + " is not a " + type + " of the template");
        }
    }

    private static String busNameOf(String nameOrArn) {
        int slash = nameOrArn.lastIndexOf('/');
        return nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + 1) : nameOrArn;
    }

    private static String queueNameOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
