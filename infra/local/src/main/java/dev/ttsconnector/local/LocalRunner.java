package dev.ttsconnector.local;

import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.localaws.RepositoryLayout;
import dev.ttsconnector.localaws.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole connector on one machine, in one process tree, wired from {@code template.yaml}: the local AWS
 * stack ({@code infra/local-aws}), TikTok (the sandbox with a demo seller, or an external endpoint), and every
 * function of the template with its events: {@code HttpApi} routes on {@code http://127.0.0.1:<port>},
 * {@code SQS} event source mappings, {@code Schedule}/{@code ScheduleV2} rates and {@code EventBridgeRule}
 * patterns. Then it connects the demo integrations through the public API and the OAuth callback, prints the
 * URLs and the local API key, and one line per report interval with what flowed. {@link #close()} (and
 * Ctrl-C, through a shutdown hook) stops everything it started.
 *
 * <p>In-process handlers read {@code System.getenv}; every function of this template shares the Globals
 * environment, so the runner sets the union of the functions' environments as the process environment
 * ({@link ProcessEnvironment}) and refuses to start in-process when two functions need different values for
 * one variable ({@code --runtime=ric} gives each function its own JVM and environment).
 */
public final class LocalRunner implements AutoCloseable {

    /** Where the connector's OAuth callback is (issue 4: {@code GET /oauth/tiktok/callback}). */
    static final String OAUTH_CALLBACK_PATH = "/oauth/tiktok/callback";
    /** Where TikTok delivers webhooks (issue 5: {@code POST /webhooks/tiktok}). */
    static final String WEBHOOK_PATH = "/webhooks/tiktok";

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Object lock = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, Object> health = new LinkedHashMap<>();
    private final PrintStream out;
    private HttpApiGateway gateway;
    private String apiKey;
    private volatile boolean closed;

    private LocalRunner(PrintStream out) {
        this.out = out;
        health.put("status", "starting");
    }

    public static void main(String[] args) {
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(List.of(args));
        } catch (RunnerOptions.UsageException e) {
            System.err.print((e.getMessage().isEmpty() ? "" : e.getMessage() + "\n") + RunnerOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        LocalRunner runner = new LocalRunner(System.out);
        // Registered before anything starts, so Ctrl-C during start-up also stops what was started so far.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[local] stopping ...");
            runner.close();
            System.out.println("[local] stopped");
        }, "local-runner-shutdown"));
        try {
            runner.startAll(options, System.getenv());
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // Configuration problems (missing variables, port taken, dynalite not installed): the message says what to do.
            System.err.println("[local] start failed: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("[local] start failed: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
            return;
        }
        try {
            runner.stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts everything; on failure stops what was started and rethrows. */
    public static LocalRunner start(RunnerOptions options, Map<String, String> processEnvironment, PrintStream out) {
        LocalRunner runner = new LocalRunner(out);
        try {
            runner.startAll(options, processEnvironment);
            return runner;
        } catch (RuntimeException | Error e) {
            runner.close();
            throw e;
        }
    }

    private void startAll(RunnerOptions options, Map<String, String> processEnvironment) {
        long t0 = System.nanoTime();
        RepositoryLayout layout = RepositoryLayout.fromWorkingDirectory();
        Path templatePath = options.template().orElse(layout.template());
        SamTemplate template = SamTemplate.load(templatePath);
        apiKey = Optional.ofNullable(processEnvironment.get("LOCAL_API_KEY")).filter(k -> !k.isBlank()).map(String::strip)
                .orElseGet(LocalRunner::randomApiKey);
        try {
            gateway = new HttpApiGateway(options.port(), this::health);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + options.port() + " (--port picks another)", e);
        }
        track(gateway);
        String apiBase = gateway.baseUrl();

        out.println("[local] starting the local AWS stack (DynamoDB, SQS, EventBridge) from " + templatePath + " ...");
        LocalAwsStack.Builder stackBuilder = LocalAwsStack.builder().template(templatePath).localAwsDirectory(layout.localAwsDirectory());
        options.dataDirectory().ifPresent(stackBuilder::dataDirectory);
        if (template.parameters().containsKey("Stage") && !options.parameters().containsKey("Stage")) {
            stackBuilder.parameter("Stage", "dev"); // a local run is a dev stage (resource and bus names)
        }
        options.parameters().forEach(stackBuilder::parameter);
        // The stack (ElasticMQ's actor system, dynalite's Node) is the slow part: start it while TikTok starts.
        CompletableFuture<LocalAwsStack> stackStart = CompletableFuture.supplyAsync(stackBuilder::start);
        TikTokSide tiktok;
        try {
            tiktok = options.tiktok() == RunnerOptions.TikTok.EXTERNAL
                    ? TikTokSide.external(processEnvironment)
                    : SandboxTikTok.start(apiBase + OAUTH_CALLBACK_PATH, apiBase + WEBHOOK_PATH);
        } catch (RuntimeException e) {
            stackStart.thenAccept(LocalAwsStack::close);
            throw e;
        }
        track(tiktok);
        LocalAwsStack stack;
        try {
            stack = stackStart.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        track(stack);
        out.println("[local] AWS stack up; wiring " + template.functions().size() + " function(s) of the template ...");

        Map<String, String> overrides = new LinkedHashMap<>(stack.sdkEnvironment());
        overrides.putAll(tiktok.environment());
        overrides.put("BOOTSTRAP_ADMIN_KEY_SHA256", sha256Hex(apiKey));
        // Local runs encrypt stored TikTok tokens with this AES key instead of KMS (integrations' IntegrationWiring).
        overrides.put("LOCAL_TOKEN_KEY", localTokenKey(processEnvironment, options.dataDirectory()));
        List<SamTemplate.FunctionDefinition> functions = template.functions();
        Function<String, Map<String, String>> environmentOf = id -> {
            Map<String, String> env = new LinkedHashMap<>(stack.environmentFor(id));
            env.putAll(overrides);
            return env;
        };

        FunctionInvoker invoker;
        Map<String, String> initErrors = Map.of();
        if (options.runtime() == RunnerOptions.Runtime.IN_PROCESS) {
            ProcessEnvironment.putAll(sharedEnvironment(functions, environmentOf));
            InProcessInvoker inProcess = new InProcessInvoker(functions, options.concurrency());
            track(inProcess);
            initErrors = inProcess.initialize();
            invoker = inProcess;
        } else {
            RicInvoker ric = new RicInvoker(functions, environmentOf, System.getProperty("java.class.path"));
            track(ric);
            ric.startAll();
            invoker = ric;
        }

        FlowReport report = new FlowReport(() -> tiktok.successfulCalls().orElse(null), () -> deadLetterDepth(stack));
        Wiring wiring = wire(template, stack, invoker, options, report);
        gateway.serve(new HttpRouteTable(wiring.routes()), invoker);

        List<DemoIntegrations.Result> demo = List.of();
        if (options.demo() && !tiktok.demoShops().isEmpty()) {
            demo = new DemoIntegrations(apiBase, apiKey).connectAll(tiktok.demoShops());
            tiktok.startDemoOrders(options.speed());
            report.ordersInApp(new AppOrderCount(apiBase, apiKey, demo.stream().filter(DemoIntegrations.Result::connected)
                    .map(DemoIntegrations.Result::integrationId).toList()));
        }
        // Schedules start once the demo integrations exist, so the first run (at start) already has work.
        if (!wiring.schedules().isEmpty()) {
            track(new ScheduleDriver(wiring.schedules(), options.speed(), invoker, report::invocation));
        }

        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flow-report");
            t.setDaemon(true);
            return t;
        });
        track(reporter::shutdownNow);
        reporter.scheduleAtFixedRate(() -> out.println("[local] " + java.time.LocalTime.now().withNano(0) + " " + report.line()),
                options.reportEvery(), options.reportEvery(), TimeUnit.SECONDS);

        long startupMillis = (System.nanoTime() - t0) / 1_000_000;
        synchronized (health) {
            health.put("status", "ready");
            health.put("apiBaseUrl", apiBase);
            health.put("runtime", options.runtime() == RunnerOptions.Runtime.RIC ? "ric" : "in-process");
            health.put("functions", functions.stream().map(SamTemplate.FunctionDefinition::logicalId).toList());
            health.put("initErrors", initErrors);
            health.put("integrations", demo.stream().map(DemoIntegrations::describe).toList());
            health.put("startupMillis", startupMillis);
            Map<String, String> endpoints = new LinkedHashMap<>();
            endpoints.put("dynamoDb", stack.dynamoDbEndpoint().toString());
            endpoints.put("sqs", stack.sqsEndpoint().toString());
            endpoints.put("eventBridge", stack.eventBridgeEndpoint().toString());
            tiktok.environment().forEach((k, v) -> {
                if (k.endsWith("_URL")) {
                    endpoints.put(k, v);
                }
            });
            tiktok.controlUrl().ifPresent(u -> endpoints.put("tiktokSandboxControl", u));
            health.put("endpoints", endpoints);
        }
        banner(apiBase, tiktok, wiring, initErrors, demo, startupMillis);
    }

    /** What the template wired: routes, queue pollers, schedules, rules (kept for the banner). */
    private record Wiring(List<HttpRouteTable.Route> routes, List<ScheduleDriver.Schedule> schedules, List<String> lines) {
    }

    private Wiring wire(SamTemplate template, LocalAwsStack stack, FunctionInvoker invoker, RunnerOptions options, FlowReport report) {
        List<HttpRouteTable.Route> routes = new ArrayList<>();
        List<ScheduleDriver.Schedule> schedules = new ArrayList<>();
        List<EventRuleDispatcher.FunctionRule> rules = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (SamTemplate.FunctionDefinition f : template.functions()) {
            for (SamTemplate.FunctionEvent event : f.events()) {
                switch (event) {
                    case SamTemplate.HttpApiEvent http -> {
                        routes.add(new HttpRouteTable.Route(f.logicalId(), http.method(), http.path()));
                        lines.add(f.logicalId() + " <- HTTP " + (http.path().equals("$default") ? "$default" : http.method() + " " + http.path()));
                    }
                    case SamTemplate.SqsEvent sqs -> {
                        String queueId = sqs.queueLogicalId().orElseThrow(() -> new IllegalArgumentException(f.logicalId() + "."
                                + sqs.name() + ": Queue must be !GetAtt <Queue>.Arn of a queue of the template to run locally"));
                        boolean partial = sqs.functionResponseTypes().contains("ReportBatchItemFailures");
                        SqsEventSource source = new SqsEventSource(f.logicalId(), queueId, stack.queueUrl(queueId), stack.queueArn(queueId),
                                LocalAwsStack.REGION, sqs.batchSize(), Duration.ofSeconds(sqs.maximumBatchingWindowSeconds()), partial,
                                stack.sqs(), invoker, report::batch).start();
                        track(source);
                        lines.add(f.logicalId() + " <- SQS " + queueId + " (batch " + sqs.batchSize() + ", window "
                                + sqs.maximumBatchingWindowSeconds() + " s" + (partial ? ", partial batch responses" : "") + ")");
                    }
                    case SamTemplate.ScheduleEvent schedule -> {
                        if (!schedule.enabled()) {
                            lines.add(f.logicalId() + " <- " + schedule.expression() + " (disabled in the template)");
                        } else if (schedule.rate().isEmpty()) {
                            String zone = scheduleProperty(template, f.logicalId(), schedule.name(), "ScheduleExpressionTimezone");
                            Optional<CronExpression> cron = CronExpression.parse(schedule.expression(), zone);
                            if (cron.isPresent()) {
                                schedules.add(new ScheduleDriver.Schedule(f.logicalId(), schedule.name(), schedule.type(),
                                        schedule.expression(), null, scheduleInput(template, f.logicalId(), schedule.name()), cron.get()));
                                lines.add(f.logicalId() + " <- " + schedule.expression() + (zone == null ? " UTC" : " " + zone)
                                        + " (wall clock, not sped up)");
                            } else {
                                lines.add(f.logicalId() + " <- " + schedule.expression() + " (not driven locally: only rate() and cron())");
                            }
                        } else {
                            schedules.add(new ScheduleDriver.Schedule(f.logicalId(), schedule.name(), schedule.type(), schedule.expression(),
                                    schedule.rate().get(), scheduleInput(template, f.logicalId(), schedule.name())));
                            lines.add(f.logicalId() + " <- " + schedule.expression()
                                    + (options.speed() == 1 ? "" : " ×" + options.speed()) + " (fires at start, then every period)");
                        }
                    }
                    case SamTemplate.EventBridgeRuleEvent rule -> {
                        rules.add(new EventRuleDispatcher.FunctionRule(f.logicalId(), rule.name(),
                                EventRuleDispatcher.compile(f.logicalId(), rule.patternJson())));
                        lines.add(f.logicalId() + " <- EventBridge " + rule.patternJson());
                    }
                    case SamTemplate.OtherEvent other ->
                            lines.add(f.logicalId() + " <- " + other.type() + " " + other.name() + " (not emulated locally)");
                }
            }
        }
        if (!rules.isEmpty()) {
            track(new EventRuleDispatcher(stack, rules, invoker, report::invocation));
        }
        for (SamTemplate.EventRule rule : template.eventRules()) {
            rule.eventPatternJson().ifPresent(p -> rule.targets().forEach(t -> t.queueLogicalId().ifPresent(q ->
                    lines.add(q + " <- EventBridge rule " + rule.logicalId() + " " + p))));
        }
        return new Wiring(routes, schedules, lines);
    }

    /** A schedule event's {@code Input} (a JSON string in SAM), if the template gives one. */
    private static String scheduleInput(SamTemplate template, String functionId, String eventName) {
        Object input = rawScheduleProperty(template, functionId, eventName, "Input");
        return input == null ? null : input instanceof String s ? s : LambdaEvents.write(input);
    }

    private static String scheduleProperty(SamTemplate template, String functionId, String eventName, String property) {
        Object value = rawScheduleProperty(template, functionId, eventName, property);
        return value == null ? null : String.valueOf(value);
    }

    private static Object rawScheduleProperty(SamTemplate template, String functionId, String eventName, String property) {
        Object events = template.resources().get(functionId).properties().get("Events");
        if (events instanceof Map<?, ?> e && e.get(eventName) instanceof Map<?, ?> ev && ev.get("Properties") instanceof Map<?, ?> p
                && p.get(property) != null) {
            return template.evaluateWithDefaults(p.get(property));
        }
        return null;
    }

    /**
     * One process environment for every in-process function: the union of their environments. A variable two
     * functions need with different values cannot be served in one JVM.
     */
    static Map<String, String> sharedEnvironment(List<SamTemplate.FunctionDefinition> functions,
                                                 Function<String, Map<String, String>> environmentOf) {
        Map<String, String> shared = new LinkedHashMap<>();
        Map<String, String> owner = new LinkedHashMap<>();
        for (SamTemplate.FunctionDefinition f : functions) {
            for (Map.Entry<String, String> e : environmentOf.apply(f.logicalId()).entrySet()) {
                String previous = shared.putIfAbsent(e.getKey(), e.getValue());
                if (previous != null && !previous.equals(e.getValue())) {
                    throw new IllegalStateException("environment variable " + e.getKey() + " differs between " + owner.get(e.getKey())
                            + " and " + f.logicalId() + "; in-process handlers share one environment: use --runtime=ric");
                }
                owner.putIfAbsent(e.getKey(), f.logicalId());
            }
        }
        return shared;
    }

    private static long deadLetterDepth(LocalAwsStack stack) {
        long total = 0;
        for (SamTemplate.Queue q : stack.template().queues()) {
            if (q.redrive().isEmpty()) {
                continue;
            }
            String dlq = q.redrive().get().deadLetterQueueLogicalId();
            try {
                total += Long.parseLong(stack.sqs().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(dlq))
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                        .getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
            } catch (RuntimeException e) {
                return -1;
            }
        }
        return total;
    }

    private void banner(String apiBase, TikTokSide tiktok, Wiring wiring, Map<String, String> initErrors,
                        List<DemoIntegrations.Result> demo, long startupMillis) {
        out.println();
        out.println("TikTok Shop connector running locally (started in " + startupMillis + " ms)");
        out.println("  Console:     " + consoleUrl(apiBase).orElse("not served by this build (" + apiBase + "/ answers no HTML page)"));
        out.println("  API:         " + apiBase + "   (readiness: " + apiBase + HttpApiGateway.HEALTH_PATH + ")");
        out.println("  API key:     " + apiKey + "   (admin; curl -H 'Authorization: Bearer " + apiKey + "' " + apiBase + "/v1/...)");
        tiktok.describe().forEach(l -> out.println("  " + l));
        if (wiring.lines().isEmpty()) {
            out.println("  Functions:   none in the template yet");
        } else {
            out.println("  Wiring:");
            wiring.lines().forEach(l -> out.println("    " + l));
        }
        initErrors.forEach((fn, error) -> out.println("  INIT ERROR   " + fn + ": " + error));
        for (DemoIntegrations.Result r : demo) {
            out.println("  Integration: " + r.name() + " "
                    + (r.problem() == null ? r.integrationId() + " " + r.status() : "NOT CONNECTED: " + r.problem()));
        }
        out.println("Ctrl-C stops everything.");
        out.println();
        out.flush();
    }

    private static Optional<String> consoleUrl(String apiBase) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String path : List.of("/console/", "/")) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(apiBase + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200 && r.headers().firstValue("content-type").orElse("").contains("text/html")) {
                    return Optional.of(apiBase + path);
                }
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Map<String, Object> health() {
        synchronized (health) {
            return new LinkedHashMap<>(health);
        }
    }

    /** The API base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String apiBaseUrl() {
        return gateway.baseUrl();
    }

    /** The local admin API key (LOCAL_API_KEY or a random one). */
    public String apiKey() {
        return apiKey;
    }

    /**
     * The base64 AES-256 key for tokens: {@code LOCAL_TOKEN_KEY} from the environment, else the one kept in the
     * {@code --data-dir} (so stored tokens stay readable across runs), else a fresh one for this in-memory run.
     */
    static String localTokenKey(Map<String, String> processEnvironment, Optional<Path> dataDirectory) {
        String given = processEnvironment.get("LOCAL_TOKEN_KEY");
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String fresh = Base64.getEncoder().encodeToString(bytes);
        if (dataDirectory.isEmpty()) {
            return fresh;
        }
        Path file = dataDirectory.get().resolve("local-token-key");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(dataDirectory.get());
            Files.writeString(file, fresh + "\n", StandardCharsets.US_ASCII);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the local token key " + file, e);
        }
    }

    static String randomApiKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "ttsk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keeps what was just started for {@link #close()}; when the runner is already stopping (Ctrl-C during start-up)
     * it is closed at once and the start is abandoned.
     */
    private void track(AutoCloseable resource) {
        synchronized (lock) {
            if (!closed) {
                started.add(resource);
                return;
            }
        }
        closeQuietly(resource);
        throw new IllegalStateException("stopped during start-up");
    }

    /** Stops everything started, newest first; safe to call twice and from a shutdown hook during start-up. */
    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(started);
            started.clear();
        }
        // Stop every queue poller first, all at once: each may be mid-batch, and joining them one by one adds up.
        for (AutoCloseable resource : toClose) {
            if (resource instanceof SqsEventSource source) {
                source.signalStop();
            }
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            closeQuietly(toClose.get(i));
        }
        stopped.countDown();
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("[local] stopping " + resource.getClass().getSimpleName() + ": " + e);
        }
    }
}
