package dev.ttsconnector.localaws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.event.ruler.RuleCompiler;

/**
 * Checks a SAM template the way a deploy would find out too late. It validates every resource and
 * {@code Globals} against the official SAM JSON schema ({@code <shared>/data/sam.schema.json}), then:
 * <ul>
 *   <li>every {@code Ref}, {@code Fn::GetAtt}, {@code ${X}} in {@code Fn::Sub}, {@code DependsOn} and
 *       condition name targets an existing resource, parameter, pseudo parameter or condition;</li>
 *   <li>every Java function's {@code Handler} class exists on the given class loader and implements
 *       {@code RequestHandler} or {@code RequestStreamHandler} (loaded through the same loader);</li>
 *   <li>every environment variable the handler's code requires ({@code getenv("X")} and {@code Env.require("X")}
 *       string literals in the
 *       handler's package and in {@code dev/ttsconnector/functions/support}) is set on the function or in
 *       {@code Globals.Function.Environment};</li>
 *   <li>every SQS event source reports partial batch failures ({@code ReportBatchItemFailures});</li>
 *   <li>every queue that is not itself a DLQ has a {@code RedrivePolicy} to a queue of the template with
 *       {@code maxReceiveCount >= 5}, a DLQ of the same kind (FIFO/standard) that keeps messages at least
 *       as long, and a {@code VisibilityTimeout >= 6 x} the {@code Timeout} of each consumer;</li>
 *   <li>every {@code EventPattern} compiles in event-ruler.</li>
 * </ul>
 * Each {@link Problem} names the resource and the problem. The validator is stateless apart from a
 * cache of parsed schemas and is safe to share.
 */
public final class TemplateValidator {

    /** One problem found in a template: the resource (or section) and what is wrong with it. */
    public record Problem(String resource, String message) {
        @Override
        public String toString() {
            return resource + ": " + message;
        }
    }

    static final int MIN_MAX_RECEIVE_COUNT = 5;
    static final int VISIBILITY_TIMEOUT_FACTOR = 6;
    private static final int DEFAULT_RETENTION_SECONDS = 345_600;
    private static final int MAX_SCHEMA_MESSAGES_PER_RESOURCE = 10;
    private static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    private static final String REQUEST_STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
    // System.getenv("X") and Env.require("X") read a variable the function needs; Env.optional has a default.
    private static final Pattern GETENV = Pattern.compile("(?:getenv|Env\\.require)\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final String SUPPORT_PACKAGE_DIRECTORY = "dev/ttsconnector/functions/support";
    private static final String DEFINITION_PREFIX = "samtranslator__internal__schema_source__";
    /** Variables the Lambda runtime sets itself (AWS Lambda "Defined runtime environment variables"). */
    private static final Set<String> RUNTIME_VARIABLES = Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "_HANDLER", "_X_AMZN_TRACE_ID", "TZ", "PATH",
            "LANG", "LD_LIBRARY_PATH");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, LoadedSchema> SCHEMAS = new ConcurrentHashMap<>();

    private final Path samSchema;
    private final ClassLoader handlerClassLoader;
    private final Path functionsSources;

    /**
     * @param samSchema          the official SAM schema file
     * @param handlerClassLoader where handler classes (and the Lambda handler interfaces) are loaded from
     * @param functionsSources   the functions module's {@code src/main/java} scanned for {@code getenv} reads
     */
    public TemplateValidator(Path samSchema, ClassLoader handlerClassLoader, Path functionsSources) {
        this.samSchema = samSchema;
        this.handlerClassLoader = handlerClassLoader;
        this.functionsSources = functionsSources;
    }

    /** A validator for the repository's layout: its SAM schema and {@code functions/src/main/java}. */
    public static TemplateValidator forRepository(RepositoryLayout layout, ClassLoader handlerClassLoader) {
        return new TemplateValidator(layout.samSchema(), handlerClassLoader, layout.functionsSources());
    }

    /** Loads and validates a template file; an unreadable or unparsable file is one problem. */
    public List<Problem> validate(Path templateFile) {
        SamTemplate template;
        try {
            template = SamTemplate.load(templateFile);
        } catch (RuntimeException e) {
            return List.of(new Problem("template", e.getMessage()));
        }
        return validate(template);
    }

    public List<Problem> validate(SamTemplate template) {
        List<Problem> problems = new ArrayList<>();
        checkSchema(template, problems);
        checkReferences(template, problems);
        checkFunctions(template, problems);
        checkQueues(template, problems);
        checkEventPatterns(template, problems);
        return problems;
    }

    // ---------------------------------------------------------------- schema

    private record LoadedSchema(JsonSchema globals, Map<String, JsonSchema> resourcesByType, JsonSchema anyCfnResource) {
    }

    private void checkSchema(SamTemplate template, List<Problem> problems) {
        LoadedSchema schema = SCHEMAS.computeIfAbsent(samSchema.toAbsolutePath().normalize(), TemplateValidator::loadSchema);
        Object globals = template.document().get("Globals");
        if (globals != null) {
            report("Globals", schema.globals().validate(JSON.valueToTree(globals)), problems);
        }
        for (SamTemplate.Resource resource : template.resources().values()) {
            Object raw = ((Map<?, ?>) template.document().get("Resources")).get(resource.logicalId());
            JsonSchema resourceSchema = schema.resourcesByType().get(resource.type());
            if (resourceSchema == null) {
                if (resource.type().startsWith("AWS::Serverless::")) {
                    problems.add(new Problem(resource.logicalId(), "unknown SAM resource type " + resource.type()));
                    continue;
                }
                resourceSchema = schema.anyCfnResource();
            }
            report(resource.logicalId(), resourceSchema.validate(JSON.valueToTree(raw)), problems);
        }
    }

    private static void report(String resource, Set<ValidationMessage> messages, List<Problem> problems) {
        messages.stream().map(ValidationMessage::getMessage).distinct().sorted().limit(MAX_SCHEMA_MESSAGES_PER_RESOURCE)
                .forEach(message -> problems.add(new Problem(resource, "SAM schema: " + message)));
    }

    private static LoadedSchema loadSchema(Path path) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SAM schema at " + path
                    + " (set -D" + RepositoryLayout.SHARED_DIR_PROPERTY + " or " + RepositoryLayout.SHARED_DIR_VARIABLE
                    + " to the directory containing data/sam.schema.json)", e);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        JsonNode definitions = root.get("definitions");
        Map<String, JsonSchema> byType = new HashMap<>();
        for (JsonNode option : root.at("/properties/Resources/additionalProperties/anyOf")) {
            String ref = option.get("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            JsonNode type = definitions.get(name).at("/properties/Type/enum");
            if (type.isArray()) {
                type.forEach(t -> byType.put(t.asText(), factory.getSchema(subSchema(root, ref))));
            }
        }
        return new LoadedSchema(factory.getSchema(subSchema(root, "#/definitions/__main____Globals")), byType,
                factory.getSchema(subSchema(root, "#/definitions/" + DEFINITION_PREFIX + "any_cfn_resource__Resource")));
    }

    private static JsonNode subSchema(JsonNode root, String ref) {
        ObjectNode schema = JSON.createObjectNode();
        schema.set("$schema", root.get("$schema"));
        schema.set("definitions", root.get("definitions"));
        schema.put("$ref", ref);
        return schema;
    }

    // ---------------------------------------------------------------- references

    private void checkReferences(SamTemplate template, List<Problem> problems) {
        Set<String> resources = new HashSet<>(template.resources().keySet());
        resources.addAll(samGeneratedIds(template));
        Set<String> names = new HashSet<>(resources);
        names.addAll(template.parameters().keySet());
        names.addAll(Intrinsics.PSEUDO_PARAMETERS);
        Set<String> conditions = template.conditions().keySet();
        ReferenceWalker walker = new ReferenceWalker(names, resources, conditions, problems);
        Map<String, Object> rawResources = SamTemplate.section(template.document(), "Resources");
        for (Map.Entry<String, Object> entry : rawResources.entrySet()) {
            walker.walk(entry.getKey(), "", entry.getValue());
            if (entry.getValue() instanceof Map<?, ?> resource) {
                Object dependsOn = resource.get("DependsOn");
                for (Object target : dependsOn instanceof List<?> list ? list : dependsOn == null ? List.of() : List.of(dependsOn)) {
                    if (!resources.contains(String.valueOf(target))) {
                        problems.add(new Problem(entry.getKey(), "DependsOn '" + target + "' targets no resource"));
                    }
                }
                Object condition = resource.get("Condition");
                if (condition != null && !conditions.contains(String.valueOf(condition))) {
                    problems.add(new Problem(entry.getKey(), "Condition '" + condition + "' is not defined in Conditions"));
                }
            }
        }
        walker.walk("Globals", "", template.document().get("Globals"));
        SamTemplate.section(template.document(), "Outputs").forEach((name, output) -> walker.walk("Outputs." + name, "", output));
        template.conditions().forEach((name, condition) -> walker.walk("Conditions." + name, "", condition));
    }

    /** Logical ids SAM's transform adds, which templates may reference. */
    private static Set<String> samGeneratedIds(SamTemplate template) {
        Set<String> ids = new HashSet<>(Set.of("ServerlessHttpApi", "ServerlessRestApi"));
        for (SamTemplate.Resource resource : template.resources().values()) {
            String id = resource.logicalId();
            switch (resource.type()) {
                case SamTemplate.FUNCTION -> ids.addAll(List.of(id + "Role", id + ".Alias", id + ".Version"));
                case SamTemplate.HTTP_API, "AWS::Serverless::Api" -> ids.addAll(List.of(id + ".Stage", id + ".DomainName",
                        id + "ApiGatewayDefaultStage"));
                default -> {
                }
            }
        }
        return ids;
    }

    private static final class ReferenceWalker {
        private final Set<String> names;
        private final Set<String> resources;
        private final Set<String> conditions;
        private final List<Problem> problems;

        ReferenceWalker(Set<String> names, Set<String> resources, Set<String> conditions, List<Problem> problems) {
            this.names = names;
            this.resources = resources;
            this.conditions = conditions;
            this.problems = problems;
        }

        void walk(String owner, String path, Object node) {
            if (node instanceof Map<?, ?> map) {
                if (map.size() == 1) {
                    Map.Entry<?, ?> only = map.entrySet().iterator().next();
                    String key = String.valueOf(only.getKey());
                    Object argument = only.getValue();
                    switch (key) {
                        case "Ref" -> {
                            if (!names.contains(String.valueOf(argument))) {
                                problems.add(new Problem(owner, "Ref '" + argument + "'" + at(path)
                                        + " targets no resource, parameter or pseudo-parameter"));
                            }
                            return;
                        }
                        case "Fn::GetAtt" -> {
                            checkGetAtt(owner, path, argument);
                            return;
                        }
                        case "Fn::Sub" -> {
                            checkSub(owner, path, argument);
                            return;
                        }
                        case "Fn::If" -> {
                            if (argument instanceof List<?> args && !args.isEmpty()) {
                                checkCondition(owner, path, args.get(0), "Fn::If");
                                for (int i = 1; i < args.size(); i++) {
                                    walk(owner, path, args.get(i));
                                }
                                return;
                            }
                        }
                        case "Condition" -> {
                            if (argument instanceof String name) {
                                checkCondition(owner, path, name, "Condition");
                                return;
                            }
                        }
                        default -> {
                        }
                    }
                }
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    if (path.isEmpty() && (key.equals("Condition") || key.equals("DependsOn"))) {
                        continue; // Checked by the caller against conditions/resources.
                    }
                    walk(owner, path.isEmpty() ? key : path + "." + key, entry.getValue());
                }
            } else if (node instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    walk(owner, path + "[" + i + "]", list.get(i));
                }
            }
        }

        private void checkGetAtt(String owner, String path, Object argument) {
            try {
                List<?> parts = Intrinsics.getAttParts(argument);
                if (!resources.contains(String.valueOf(parts.get(0)))) {
                    problems.add(new Problem(owner, "GetAtt '" + parts.get(0) + "." + parts.get(1) + "'" + at(path) + " targets no resource"));
                }
                walk(owner, path, parts.get(1));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(owner, e.getMessage() + at(path)));
            }
        }

        private void checkSub(String owner, String path, Object argument) {
            String text;
            Set<String> local = new HashSet<>();
            if (argument instanceof List<?> args && args.size() == 2 && args.get(1) instanceof Map<?, ?> variables) {
                text = String.valueOf(args.get(0));
                variables.forEach((k, v) -> {
                    local.add(String.valueOf(k));
                    walk(owner, path, v);
                });
            } else {
                text = String.valueOf(argument);
            }
            Matcher matcher = Intrinsics.SUB_VARIABLE.matcher(text);
            while (matcher.find()) {
                String variable = matcher.group(1).trim();
                if (variable.startsWith("!") || local.contains(variable) || names.contains(variable)) {
                    continue;
                }
                int dot = variable.indexOf('.');
                if (dot > 0 && resources.contains(variable.substring(0, dot))) {
                    continue;
                }
                problems.add(new Problem(owner, "Fn::Sub variable '${" + variable + "}'" + at(path)
                        + " targets no resource, parameter or pseudo-parameter"));
            }
        }

        private void checkCondition(String owner, String path, Object name, String function) {
            if (!conditions.contains(String.valueOf(name))) {
                problems.add(new Problem(owner, function + " condition '" + name + "'" + at(path) + " is not defined in Conditions"));
            }
        }

        private static String at(String path) {
            return path.isEmpty() ? "" : " (at " + path + ")";
        }
    }

    // ---------------------------------------------------------------- functions

    private void checkFunctions(SamTemplate template, List<Problem> problems) {
        for (SamTemplate.Resource resource : template.resourcesOfType(SamTemplate.FUNCTION)) {
            SamTemplate.FunctionDefinition function;
            try {
                function = template.function(resource.logicalId()).orElseThrow();
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(resource.logicalId(), e.getMessage()));
                continue;
            }
            Object runtime = resource.properties().getOrDefault("Runtime", template.functionGlobals().get("Runtime"));
            if (runtime != null && String.valueOf(runtime).startsWith("java")) {
                checkHandler(function, problems);
                checkEnvironmentReads(function, problems);
            }
            for (SamTemplate.FunctionEvent event : function.events()) {
                if (event instanceof SamTemplate.SqsEvent sqs && !sqs.functionResponseTypes().contains("ReportBatchItemFailures")) {
                    problems.add(new Problem(function.logicalId(), "SQS event " + sqs.name()
                            + " lacks FunctionResponseTypes: [ReportBatchItemFailures] (partial batch failures would retry the whole batch)"));
                }
                if (event instanceof SamTemplate.EventBridgeRuleEvent rule) {
                    checkPattern(function.logicalId(), "event " + rule.name() + " Pattern", rule.patternJson(), problems);
                }
            }
        }
    }

    private void checkHandler(SamTemplate.FunctionDefinition function, List<Problem> problems) {
        String className = function.handlerClassName();
        Class<?> handler;
        try {
            handler = Class.forName(className, false, handlerClassLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(new Problem(function.logicalId(), "Handler class " + className + " does not exist in the functions code"));
            return;
        }
        List<Class<?>> interfaces = new ArrayList<>();
        for (String name : List.of(REQUEST_HANDLER, REQUEST_STREAM_HANDLER)) {
            try {
                interfaces.add(Class.forName(name, false, handlerClassLoader));
            } catch (ClassNotFoundException | LinkageError e) {
                // Not on this class path; then no handler can implement it.
            }
        }
        if (interfaces.stream().noneMatch(i -> i.isAssignableFrom(handler))) {
            problems.add(new Problem(function.logicalId(), "Handler class " + className
                    + " implements neither RequestHandler nor RequestStreamHandler"));
        }
    }

    private void checkEnvironmentReads(SamTemplate.FunctionDefinition function, List<Problem> problems) {
        String className = function.handlerClassName();
        int dot = className.lastIndexOf('.');
        String packageDirectory = dot < 0 ? "" : className.substring(0, dot).replace('.', '/');
        Map<String, String> reads = new LinkedHashMap<>();
        scan(functionsSources.resolve(packageDirectory), false, reads);
        scan(functionsSources.resolve(SUPPORT_PACKAGE_DIRECTORY), true, reads);
        for (Map.Entry<String, String> read : reads.entrySet()) {
            if (!function.environment().containsKey(read.getKey()) && !RUNTIME_VARIABLES.contains(read.getKey())) {
                problems.add(new Problem(function.logicalId(), "environment variable " + read.getKey() + " is read by "
                        + read.getValue() + " but set neither on the function nor in Globals.Function.Environment"));
            }
        }
    }

    private static void scan(Path directory, boolean recursive, Map<String, String> reads) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = recursive ? Files.walk(directory) : Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher matcher = GETENV.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    reads.putIfAbsent(matcher.group(1), file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + directory + " for environment reads", e);
        }
    }

    // ---------------------------------------------------------------- queues

    private void checkQueues(SamTemplate template, List<Problem> problems) {
        Map<String, SamTemplate.Queue> queues = new LinkedHashMap<>();
        for (SamTemplate.Resource resource : template.resourcesOfType(SamTemplate.QUEUE)) {
            try {
                queues.put(resource.logicalId(), template.queue(resource.logicalId()).orElseThrow());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(resource.logicalId(), e.getMessage()));
            }
        }
        Set<String> deadLetterQueues = new TreeSet<>();
        queues.values().forEach(q -> q.redrive().ifPresent(r -> deadLetterQueues.add(r.deadLetterQueueLogicalId())));
        Map<String, List<SamTemplate.FunctionDefinition>> consumers = new HashMap<>();
        for (SamTemplate.Resource resource : template.resourcesOfType(SamTemplate.FUNCTION)) {
            Optional<SamTemplate.FunctionDefinition> function;
            try {
                function = template.function(resource.logicalId());
            } catch (IllegalArgumentException e) {
                continue; // Reported by checkFunctions.
            }
            function.ifPresent(f -> f.events().stream()
                    .filter(SamTemplate.SqsEvent.class::isInstance).map(SamTemplate.SqsEvent.class::cast)
                    .forEach(e -> e.queueLogicalId().ifPresent(q -> consumers.computeIfAbsent(q, k -> new ArrayList<>()).add(f))));
        }
        for (SamTemplate.Queue queue : queues.values()) {
            if (!deadLetterQueues.contains(queue.logicalId())) {
                checkRedrive(queue, queues, problems);
            }
            for (SamTemplate.FunctionDefinition consumer : consumers.getOrDefault(queue.logicalId(), List.of())) {
                int required = VISIBILITY_TIMEOUT_FACTOR * consumer.timeoutSeconds();
                if (queue.visibilityTimeoutSeconds() < required) {
                    problems.add(new Problem(queue.logicalId(), "VisibilityTimeout " + queue.visibilityTimeoutSeconds()
                            + " s is less than " + VISIBILITY_TIMEOUT_FACTOR + " x the Timeout of its consumer "
                            + consumer.logicalId() + " (" + consumer.timeoutSeconds() + " s); needs >= " + required + " s"));
                }
            }
        }
    }

    private static void checkRedrive(SamTemplate.Queue queue, Map<String, SamTemplate.Queue> queues, List<Problem> problems) {
        if (queue.redrive().isEmpty()) {
            problems.add(new Problem(queue.logicalId(), "queue has no RedrivePolicy: every queue needs a dead-letter queue"
                    + " (maxReceiveCount >= " + MIN_MAX_RECEIVE_COUNT + ")"));
            return;
        }
        SamTemplate.Redrive redrive = queue.redrive().get();
        if (redrive.maxReceiveCount() < MIN_MAX_RECEIVE_COUNT) {
            problems.add(new Problem(queue.logicalId(), "RedrivePolicy.maxReceiveCount " + redrive.maxReceiveCount()
                    + " is below " + MIN_MAX_RECEIVE_COUNT));
        }
        SamTemplate.Queue dlq = queues.get(redrive.deadLetterQueueLogicalId());
        if (dlq == null) {
            problems.add(new Problem(queue.logicalId(), "RedrivePolicy.deadLetterTargetArn targets "
                    + redrive.deadLetterQueueLogicalId() + ", which is not a queue of the template"));
            return;
        }
        if (dlq.fifo() != queue.fifo()) {
            problems.add(new Problem(queue.logicalId(), "dead-letter queue " + dlq.logicalId() + " must be "
                    + (queue.fifo() ? "FIFO" : "standard") + " like its source queue (SQS rule)"));
        }
        int sourceRetention = queue.messageRetentionPeriodSeconds().orElse(DEFAULT_RETENTION_SECONDS);
        int dlqRetention = dlq.messageRetentionPeriodSeconds().orElse(DEFAULT_RETENTION_SECONDS);
        if (dlqRetention < sourceRetention) {
            // SQS keeps a standard message's original enqueue time in the DLQ, so a shorter DLQ retention loses it early.
            problems.add(new Problem(queue.logicalId(), "dead-letter queue " + dlq.logicalId() + " keeps messages "
                    + dlqRetention + " s, less than the source queue's " + sourceRetention + " s"));
        }
    }

    // ---------------------------------------------------------------- event patterns

    private static void checkEventPatterns(SamTemplate template, List<Problem> problems) {
        for (SamTemplate.Resource resource : template.resourcesOfType(SamTemplate.EVENT_RULE)) {
            Object pattern = resource.properties().get("EventPattern");
            if (pattern == null) {
                continue;
            }
            String json;
            try {
                json = pattern instanceof String text ? text : JSON.writeValueAsString(template.evaluateWithDefaults(pattern));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new Problem(resource.logicalId(), "EventPattern cannot be rendered as JSON: " + e.getMessage()));
                continue;
            }
            checkPattern(resource.logicalId(), "EventPattern", json, problems);
        }
    }

    private static void checkPattern(String owner, String what, String json, List<Problem> problems) {
        String error = RuleCompiler.check(json);
        if (error != null) {
            problems.add(new Problem(owner, what + " does not compile in event-ruler: " + error));
        }
    }
}
