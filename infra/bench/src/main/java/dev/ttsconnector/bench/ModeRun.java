package dev.ttsconnector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ttsconnector.common.EfficiencyMode;
import dev.ttsconnector.local.HttpRouteTable;
import dev.ttsconnector.local.LambdaEvents;
import dev.ttsconnector.local.ProcessEnvironment;
import dev.ttsconnector.localaws.LocalAwsStack;
import dev.ttsconnector.localaws.RepositoryLayout;
import dev.ttsconnector.localaws.SamTemplate;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TikTokSandbox;
import dev.ttsconnector.sandbox.control.SandboxControl;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One mode of the benchmark, from nothing to numbers: a fresh local AWS stack from {@code template.yaml}, a fresh
 * TikTok sandbox with the workload's seed, the template's functions in this JVM behind an API Gateway stand-in and
 * SQS event source mappings with the template's batch sizes and windows (batch size 1 when the mode says one
 * invocation per message), the schedules fired as EventBridge Scheduler events. Setup (integrations, catalog, first
 * catalog sync) runs lean and is not measured; then the mode's handlers are created, a warm-up slice of the workload
 * runs and is discarded, and the measured workload runs: orders walked through their lifecycle (webhooks, duplicates,
 * pull ticks, fulfilments pushed by the connector), then stock changes.
 */
final class ModeRun implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_KEY = "bench_admin_key_0123456789abcdef0123456789";
    static final String LOCATION = "BENCH-WH";
    /** Concurrent pollers (= concurrent executions) per SQS mapping in the measured phases, the same in both modes. */
    static final int POLLERS = 2;
    /** Setup (first catalog push of every SKU) is not measured: more pollers shorten it. */
    static final int SETUP_POLLERS = 4;
    private final Workload workload;
    private final EfficiencyMode mode;
    private final PrintStream out;
    private final SamTemplate template;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final LatencyRecorder webhookToPersisted = new LatencyRecorder();
    private final PhaseTimer phases = new PhaseTimer();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<QueueDriver> drivers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Webhook deliveries seen by the gateway this round (candidates for duplicates). */
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    /** "PK@updateTime" → when the announcing webhook arrived (first one). */
    private final Map<String, Long> announced = new ConcurrentHashMap<>();
    private final Map<String, String> integrationByShop = new LinkedHashMap<>();
    private final Map<String, List<String>> skusByShop = new LinkedHashMap<>();
    private final Map<String, String> productOfSku = new LinkedHashMap<>();
    private final Map<String, String> tiktokSkuOf = new LinkedHashMap<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private LocalAwsStack stack;
    private TikTokSandbox sandbox;
    private SandboxControl control;
    private MeasuredInvoker invoker;
    private SwitchingInvoker switching;
    private BenchGateway gateway;
    private TikTokCallCounter tiktokCalls;
    private Map<String, String> environment;
    private volatile boolean tapping;
    private final long created = System.nanoTime();
    private static final Instant SCHEDULE_EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private int ticksFired;
    private List<Delivery> lastRound = List.of();

    private record Delivery(byte[] body, Map<String, String> headers) {
    }

    ModeRun(Workload workload, EfficiencyMode mode, PrintStream out) {
        this.workload = workload;
        this.mode = mode;
        this.out = out;
        this.template = SamTemplate.load(RepositoryLayout.fromWorkingDirectory().template());
    }

    SamTemplate template() {
        return template;
    }

    Map<String, String> environment() {
        return environment;
    }

    MeasuredInvoker invoker() {
        return invoker;
    }

    LatencyRecorder latency() {
        return latency;
    }

    /** Wall time per phase of this mode so far (the probes are added by {@link Benchmark}). */
    PhaseTimer phases() {
        return phases;
    }

    /** Runs setup, warm-up and the measured workload; returns the measured counters. */
    ModeResult run() {
        EfficiencyMode previous = EfficiencyMode.installProcessWide(EfficiencyMode.LEAN);
        try {
            long t0 = System.nanoTime();
            phases.time("start", this::start);
            phases.time("setup", this::setUp);
            log("setup done in " + (System.nanoTime() - t0) / 1_000_000 + " ms; creating " + mode.label() + " handlers");
            EfficiencyMode.installProcessWide(mode);
            phases.time("switch_handlers", this::switchHandlers);
            Random random = new Random(workload.seed() ^ 0x5eed);
            List<String> skus = new ArrayList<>(productOfSku.keySet());
            ZipfSampler zipf = new ZipfSampler(skus.size(), workload.zipfExponent(), new Random(workload.seed()));
            // Warm-up: the same kind of work, discarded (the quick smoke run has none: its numbers are not results).
            if (workload.warmupFraction() > 0) {
                phases.time("warmup_orders", () -> orderPhase(workload.warmupOrders(), random, "warm-up"));
                phases.time("warmup_stock", () -> stockPhase(workload.warmupStockChanges(), skus, zipf, random, "warm-up"));
            }
            resetCounters();
            JsonNode callsBefore = control.counters().deepCopy();
            Map<String, Long> byFunctionBefore = tiktokCalls.snapshot();
            Map<String, Long> awsBefore = AwsRequestCounter.snapshot();

            // Measured: orders (ingest + fulfilment).
            long ordersStart = System.nanoTime();
            OrderPhaseResult orders = phases.time("measured_orders", () -> orderPhase(workload.orders(), random, "measured"));
            long ordersNanos = System.nanoTime() - ordersStart;
            JsonNode callsAfterOrders = control.counters().deepCopy();
            Map<String, Long> byFunctionAfterOrders = tiktokCalls.snapshot();
            Map<String, Long> awsAfterOrders = AwsRequestCounter.snapshot();
            Map<String, Double> orderLambdaMillis = lambdaMillis();
            Map<String, Long> orderInvocations = invocations();

            // Measured: stock changes.
            long stockStart = System.nanoTime();
            StockPhaseResult stock = phases.time("measured_stock", () -> stockPhase(workload.stockChanges(), skus, zipf, random, "measured"));
            long stockNanos = System.nanoTime() - stockStart;
            JsonNode callsAfterStock = control.counters().deepCopy();
            Map<String, Long> byFunctionAfterStock = tiktokCalls.snapshot();
            Map<String, Long> awsAfterStock = AwsRequestCounter.snapshot();
            Map<String, Double> allLambdaMillis = lambdaMillis();
            Map<String, Long> allInvocations = invocations();

            details.put("ddb_wru_per_duplicate_webhook", phases.time("duplicate_probe", this::duplicateWebhookWrites));
            log("phases (ms): " + phases.summary());
            details.put("failedMessagesPerFunction", failedMessages());
            details.put("functionErrors", invoker.errors());
            return new ModeResult(mode, workload, orders, stock, ordersNanos, stockNanos,
                    SandboxCalls.between(callsBefore, callsAfterOrders), SandboxCalls.between(callsAfterOrders, callsAfterStock),
                    diff(awsBefore, awsAfterOrders), diff(awsAfterOrders, awsAfterStock),
                    orderLambdaMillis, subtract(allLambdaMillis, orderLambdaMillis),
                    orderInvocations, subtractLong(allInvocations, orderInvocations),
                    diff(byFunctionBefore, byFunctionAfterOrders), diff(byFunctionAfterOrders, byFunctionAfterStock),
                    latency, webhookToPersisted, memorySizes(), details);
        } finally {
            EfficiencyMode.installProcessWide(previous);
        }
    }

    // ---------------------------------------------------------------- infrastructure

    private void start() {
        RepositoryLayout layout = RepositoryLayout.fromWorkingDirectory();
        stack = LocalAwsStack.builder().template(layout.template()).localAwsDirectory(layout.localAwsDirectory())
                .parameter("Stage", "dev").start();
        resources.add(stack);
        switching = new SwitchingInvoker();
        invoker = new MeasuredInvoker(switching, latency);
        HttpRouteTable routes = new HttpRouteTable(httpRoutes());
        try {
            gateway = new BenchGateway(routes, invoker, this::webhookArrived);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the API Gateway stand-in", e);
        }
        resources.add(gateway);
        sandbox = TikTokSandbox.start(SandboxConfig.builder().seed(workload.seed())
                .redirectUrl(gateway.baseUrl() + "/oauth/tiktok/callback")
                .appWebhookAddress(gateway.baseUrl() + BenchGateway.WEBHOOK_PATH)
                .webhookThreads(4).build());
        resources.add(sandbox);
        control = sandbox.control();
        try {
            tiktokCalls = new TikTokCallCounter(sandbox.apiBaseUrl());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the TikTok call counter", e);
        }
        resources.add(tiktokCalls);
        Map<String, String> overrides = new LinkedHashMap<>(stack.sdkEnvironment());
        overrides.put("TTS_API_BASE_URL", sandbox.apiBaseUrl());
        overrides.put("TTS_AUTH_BASE_URL", sandbox.authBaseUrl());
        overrides.put("TTS_AUTHORIZE_URL", sandbox.authorizeUrl());
        overrides.put("TTS_APP_KEY", sandbox.config().appKey());
        overrides.put("TTS_APP_SECRET", sandbox.config().appSecret());
        overrides.put("TTS_SERVICE_ID", sandbox.config().serviceId());
        overrides.put("WEBHOOK_PUBLIC_URL", gateway.baseUrl() + BenchGateway.WEBHOOK_PATH);
        overrides.put("BOOTSTRAP_ADMIN_KEY_SHA256", sha256Hex(API_KEY));
        // Handlers' INFO lines (one per message) would flood the console; warnings and errors still show.
        overrides.put("LOG_LEVEL", "WARN");
        overrides.put("LOCAL_TOKEN_KEY", Base64.getEncoder().encodeToString(new Random(workload.seed()).ints(32, 0, 256)
                .collect(java.io.ByteArrayOutputStream::new, (b, i) -> b.write(i), (a, b) -> a.writeBytes(b.toByteArray()))
                .toByteArray()));
        environment = new LinkedHashMap<>();
        for (SamTemplate.FunctionDefinition f : template.functions()) {
            Map<String, String> env = new LinkedHashMap<>(stack.environmentFor(f.logicalId()));
            env.putAll(overrides);
            env.forEach(environment::putIfAbsent);
        }
        ProcessEnvironment.putAll(environment);
        AwsRequestCounter.onOrderWrite(this::orderWritten);
        switching.use(newHandlers());
        startDrivers(false, SETUP_POLLERS);
    }

    private BenchInvoker newHandlers() {
        return new BenchInvoker(template.functions(), SETUP_POLLERS, environment, tiktokCalls);
    }

    /** After setup: the mode's handlers and event source mappings replace the lean setup ones. */
    private void switchHandlers() {
        awaitIdle("before switching handlers");
        // Stop every mapping first, then wait: each poller may sit in a 1 s long poll, so waiting one by one adds up.
        drivers.forEach(QueueDriver::stop);
        drivers.forEach(QueueDriver::close);
        drivers.clear();
        switching.use(newHandlers());
        startDrivers(mode.oneInvocationPerMessage(), POLLERS);
    }

    private void startDrivers(boolean oneMessagePerInvocation, int pollers) {
        for (SamTemplate.FunctionDefinition f : template.functions()) {
            for (SamTemplate.FunctionEvent e : f.events()) {
                if (e instanceof SamTemplate.SqsEvent sqs && sqs.queueLogicalId().isPresent()) {
                    String queue = sqs.queueLogicalId().get();
                    int batch = oneMessagePerInvocation ? 1 : sqs.batchSize();
                    Duration window = oneMessagePerInvocation ? Duration.ZERO : Duration.ofSeconds(sqs.maximumBatchingWindowSeconds());
                    drivers.add(new QueueDriver(f.logicalId(), queue, stack.queueUrl(queue), stack.queueArn(queue), LocalAwsStack.REGION,
                            batch, window, sqs.functionResponseTypes().contains("ReportBatchItemFailures"), stack.sqs(), invoker, pollers,
                            this::producersBusy).start());
                }
            }
        }
    }

    /** Whether anything could still add messages to a queue: a running invocation or a webhook the sandbox has not sent. */
    private boolean producersBusy() {
        if (invoker.inFlight() > 0) {
            return true;
        }
        try {
            return !control.awaitWebhooks(Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<HttpRouteTable.Route> httpRoutes() {
        List<HttpRouteTable.Route> routes = new ArrayList<>();
        for (SamTemplate.FunctionDefinition f : template.functions()) {
            for (SamTemplate.FunctionEvent e : f.events()) {
                if (e instanceof SamTemplate.HttpApiEvent h) {
                    routes.add(new HttpRouteTable.Route(f.logicalId(), h.method(), h.path()));
                }
            }
        }
        return routes;
    }

    private Map<String, Integer> memorySizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        template.functions().forEach(f -> sizes.put(f.logicalId(), f.memorySizeMb()));
        return sizes;
    }

    // ---------------------------------------------------------------- setup

    private void setUp() {
        String sellerId = control.createSeller("Bench seller", "US").get("id").asText();
        List<String> shopIds = new ArrayList<>();
        for (int s = 0; s < workload.shops(); s++) {
            shopIds.add(control.createShop(sellerId, "Bench shop " + (s + 1), "US", "LOCAL", false).get("id").asText());
        }
        for (int s = 0; s < shopIds.size(); s++) {
            integrationByShop.put(shopIds.get(s), connect("Bench shop " + (s + 1), shopIds.get(s), sellerId));
        }
        api("POST", "/v1/locations", "{\"id\":\"" + LOCATION + "\",\"name\":\"Bench warehouse\"}", 201, 200);
        List<String> appProducts = new ArrayList<>();
        int perShop = workload.products() / workload.shops();
        for (int s = 0; s < shopIds.size(); s++) {
            String shop = shopIds.get(s);
            List<String> skus = new ArrayList<>();
            for (int p = 0; p < perShop; p++) {
                List<SandboxState.SkuSpec> specs = new ArrayList<>();
                List<String> sellerSkus = new ArrayList<>();
                for (int k = 0; k < workload.skusPerProduct(); k++) {
                    String sellerSku = "B" + s + "-P" + p + "-" + k;
                    sellerSkus.add(sellerSku);
                    specs.add(new SandboxState.SkuSpec(sellerSku, new BigDecimal("19.99"), null, Map.of(), null, null));
                }
                JsonNode product = control.createProduct(shop, "Bench product " + s + "-" + p, "Home", specs);
                for (JsonNode sku : product.get("skus")) {
                    skus.add(sku.get("id").asText());
                    tiktokSkuOf.put(sku.path("seller_sku").asText(), sku.get("id").asText());
                }
                for (String sellerSku : sellerSkus) {
                    productOfSku.put(sellerSku, product.get("id").asText());
                    appProducts.add("{\"sku\":\"" + sellerSku + "\",\"title\":\"Bench " + sellerSku + "\"}");
                }
            }
            skusByShop.put(shop, skus);
        }
        for (int i = 0; i < appProducts.size(); i += 1000) {
            api("PUT", "/v1/products", "{\"items\":[" + String.join(",", appProducts.subList(i, Math.min(appProducts.size(), i + 1000)))
                    + "]}", 200, 201, 204);
        }
        fireSchedule("CatalogSyncFunction", null);
        awaitIdle("catalog sync");
    }

    /** Connects one integration the way an operator does: create, consent (auto-approved), callback, pick the shop. */
    private String connect(String name, String shopId, String sellerId) {
        JsonNode created = api("POST", "/v1/integrations", "{\"name\":\"" + name + "\"}", 201, 200);
        String id = created.path("id").asText();
        String consent = created.path("authorizeUrl").asText() + "&auto=1&seller_id=" + sellerId;
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(consent)).GET().build());
        String callback = page.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("consent page answered " + page.statusCode() + " without a redirect: " + page.body()));
        HttpResponse<String> landed = send(HttpRequest.newBuilder(URI.create(callback)).GET().build());
        if (landed.statusCode() >= 400) {
            throw new IllegalStateException("OAuth callback answered " + landed.statusCode() + ": " + landed.body());
        }
        if (!"CONNECTED".equals(api("GET", "/v1/integrations/" + id, null, 200).path("status").asText())) {
            api("POST", "/v1/integrations/" + id + "/shop", "{\"shopId\":\"" + shopId + "\"}", 200, 201, 204);
        }
        String status = api("GET", "/v1/integrations/" + id, null, 200).path("status").asText();
        if (!"CONNECTED".equals(status)) {
            throw new IllegalStateException("integration " + name + " is " + status + " after connecting");
        }
        return id;
    }

    // ---------------------------------------------------------------- workload

    /** What the order phase did (the denominators of the per-order metrics). */
    record OrderPhaseResult(int orders, int fulfilled, int webhooks, int duplicates, int pullTicks, long orderVersionsWritten) {
    }

    /** What the stock phase did. */
    record StockPhaseResult(int changesSent, int changesAccepted, int requests, long changedProductWindows, int mismatches) {
    }

    private final java.util.concurrent.atomic.AtomicLong orderWrites = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Creates {@code count} orders over the shops (awaiting shipment, seller shipping, 1-2 lines), then walks them:
     * the connector fulfils {@code fulfilledRate} of them through the API (pushed to TikTok), TikTok ships the rest;
     * then delivered, then completed. Each round re-sends {@code duplicateRate} of its webhooks and ends with one pull
     * tick once everything is idle.
     */
    private OrderPhaseResult orderPhase(int count, Random random, String label) {
        long writesBefore = orderWrites.get();
        List<String> shops = new ArrayList<>(skusByShop.keySet());
        List<String[]> orders = new ArrayList<>(); // {shopId, orderId}
        int webhooksBefore = 0;
        int duplicates = 0;
        int ticks = 0;
        tapping = true;
        deliveries.clear();
        for (int i = 0; i < count; i++) {
            String shop = shops.get(i % shops.size());
            List<String> skus = skusByShop.get(shop);
            Map<String, Integer> units = new LinkedHashMap<>();
            int lines = 1 + random.nextInt(2);
            for (int l = 0; l < lines; l++) {
                units.merge(skus.get(random.nextInt(skus.size())), 1, Integer::sum);
            }
            String id = phases.time("x_create_orders", () -> control.createOrder(shop, new SandboxState.OrderSpec(units, "AWAITING_SHIPMENT", false, false, true, null, null))
                    .get("id").asText());
            orders.add(new String[]{shop, id});
        }
        int[] round = endRound(random, label + " created");
        webhooksBefore += round[0];
        duplicates += round[1];
        ticks++;
        // Round 2: the connector fulfils a share (app API -> FulfillmentPushQueue -> TikTok), TikTok ships the rest.
        int fulfilled = 0;
        for (String[] o : orders) {
            if (random.nextDouble() < workload.fulfilledRate()) {
                String appOrderId = "ord_" + integrationByShop.get(o[0]) + "_" + o[1];
                phases.time("x_fulfil_api", () -> api("POST", "/v1/orders/" + appOrderId + "/fulfillments",
                        "{\"carrier\":\"UPS\",\"trackingNumber\":\"1ZBENCH" + o[1].substring(Math.max(0, o[1].length() - 10)) + "\"}",
                        201, 200, 202));
                fulfilled++;
            } else {
                phases.time("x_advance_orders", () -> control.setOrderStatus(o[1], "IN_TRANSIT"));
            }
        }
        round = endRound(random, label + " shipped");
        webhooksBefore += round[0];
        duplicates += round[1];
        ticks++;
        for (String[] o : orders) {
            advance(o[1], "DELIVERED");
        }
        round = endRound(random, label + " delivered");
        webhooksBefore += round[0];
        duplicates += round[1];
        ticks++;
        for (String[] o : orders) {
            advance(o[1], "COMPLETED");
        }
        round = endRound(random, label + " completed");
        webhooksBefore += round[0];
        duplicates += round[1];
        ticks++;
        tapping = false;
        return new OrderPhaseResult(count, fulfilled, webhooksBefore, duplicates, ticks, orderWrites.get() - writesBefore);
    }

    private void advance(String orderId, String status) {
        try {
            phases.time("x_advance_orders", () -> control.setOrderStatus(orderId, status));
        } catch (IllegalStateException | IllegalArgumentException e) {
            // An order the connector's push has not shipped (refused, parked) stays where it is; counted in details.
            details.merge("ordersNotAdvanced", 1, (a, b) -> (Integer) a + (Integer) b);
        }
    }

    /** Waits for the round's webhooks and work, re-sends duplicates, fires one pull tick, waits again. */
    private int[] endRound(Random random, String label) {
        awaitWebhooks();
        List<Delivery> round = new ArrayList<>(deliveries);
        deliveries.clear();
        lastRound = round;
        int duplicates = 0;
        for (Delivery d : round) {
            if (random.nextDouble() < workload.duplicateRate()) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + BenchGateway.WEBHOOK_PATH))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
                d.headers().forEach(b::header);
                HttpResponse<String> r = phases.time("x_resend_duplicates", () -> send(b.build()));
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("duplicate webhook answered " + r.statusCode() + ": " + r.body());
                }
                duplicates++;
            }
        }
        // EventBridge Scheduler's scheduled time of the next rate(5 minutes) tick: the benchmark compresses time, so
        // ticks get distinct 5-minute slots (the jobs' FIFO dedupe ids are per tick minute).
        Instant tick = SCHEDULE_EPOCH.plus(Duration.ofMinutes(5L * ticksFired++));
        phases.time("x_pull_tick", () -> fireSchedule("OrderPullSchedulerFunction", "{\"scheduledTime\":\"" + tick + "\"}"));
        awaitIdle(label);
        awaitWebhooks();
        awaitIdle(label);
        log(label + ": " + round.size() + " webhooks, " + duplicates + " duplicates re-sent");
        return new int[]{round.size(), duplicates};
    }

    /**
     * Sends {@code count} stock changes (absolute levels at the bench location) in requests of {@code stockBatch}
     * items, SKUs drawn Zipf-skewed; waits until every push is done and checks that TikTok holds the app's levels.
     */
    private StockPhaseResult stockPhase(int count, List<String> skus, ZipfSampler zipf, Random random, String label) {
        Map<String, Integer> level = new LinkedHashMap<>();
        int sent = 0;
        int accepted = 0;
        int requests = 0;
        long productWindows = 0;
        while (sent < count) {
            Map<String, Integer> items = new LinkedHashMap<>();
            int want = Math.min(workload.stockBatch(), count - sent);
            int guard = 0;
            while (items.size() < want && guard++ < want * 20) {
                items.putIfAbsent(skus.get(zipf.next()), random.nextInt(100));
            }
            StringBuilder body = new StringBuilder("{\"items\":[");
            java.util.Set<String> products = new java.util.HashSet<>();
            int i = 0;
            for (Map.Entry<String, Integer> e : items.entrySet()) {
                body.append(i++ == 0 ? "" : ",").append("{\"sku\":\"").append(e.getKey()).append("\",\"locationId\":\"")
                        .append(LOCATION).append("\",\"available\":").append(e.getValue()).append('}');
                Integer before = level.put(e.getKey(), e.getValue());
                if (before == null || !before.equals(e.getValue())) {
                    accepted++;
                    products.add(productOfSku.get(e.getKey()));
                }
            }
            body.append("]}");
            phases.time("x_stock_api", () -> api("PUT", "/v1/inventory", body.toString(), 200, 201, 204));
            requests++;
            sent += items.size();
            productWindows += products.size();
        }
        awaitIdle(label + " stock");
        long verifyStart = System.nanoTime();
        // Convergence: TikTok's quantity of every SKU changed in this phase equals the app's last level.
        int mismatches = 0;
        for (Map.Entry<String, Integer> e : level.entrySet()) {
            JsonNode warehouses = control.inventory(tiktokSkuOf.get(e.getKey())).path("warehouse_inventory");
            int total = 0;
            for (JsonNode w : warehouses) {
                total += w.path("available_quantity").asInt();
            }
            if (total != e.getValue()) {
                mismatches++;
            }
        }
        phases.add("x_stock_verify", (System.nanoTime() - verifyStart) / 1_000_000);
        log(label + " stock: " + sent + " changes in " + requests + " requests; " + mismatches + " SKUs differ on TikTok");
        return new StockPhaseResult(sent, accepted, requests, productWindows, mismatches);
    }

    /**
     * Write units a duplicate webhook costs: re-sends up to 50 deliveries of the last round (already handled), waits
     * until everything they caused is done, and divides the write units counted meanwhile by their number.
     */
    private double duplicateWebhookWrites() {
        List<Delivery> sample = lastRound.subList(0, Math.min(50, lastRound.size()));
        if (sample.isEmpty()) {
            return Double.NaN;
        }
        Map<String, Long> before = AwsRequestCounter.snapshot();
        for (Delivery d : sample) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + BenchGateway.WEBHOOK_PATH))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()));
            d.headers().forEach(b::header);
            send(b.build());
        }
        awaitIdle("duplicate webhooks");
        double writes = ModeResult.wru(diff(before, AwsRequestCounter.snapshot()));
        log("duplicate webhooks: " + sample.size() + " re-sent, " + writes + " write units");
        return writes / sample.size();
    }

    // ---------------------------------------------------------------- observation

    private void webhookArrived(byte[] body, Map<String, List<String>> headers, long nanoTime) {
        if (!tapping) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode data = root.path("data");
            String shop = root.path("shop_id").asText();
            String integration = integrationByShop.get(shop);
            if (integration != null && root.path("type").asInt() == 1 && data.has("order_id") && data.has("update_time")) {
                String key = "INT#" + integration + "#ORDER#" + data.get("order_id").asText() + "@" + data.get("update_time").asLong();
                announced.putIfAbsent(key, nanoTime);
            }
        } catch (IOException e) {
            // not JSON: the handler refuses it
        }
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            String name = k.toLowerCase(java.util.Locale.ROOT);
            if (!List.of("host", "content-length", "connection", "upgrade", "http2-settings", "expect").contains(name)) {
                copy.put(k, String.join(",", v));
            }
        });
        deliveries.add(new Delivery(body, copy));
    }

    private void orderWritten(String pk, long updateTime) {
        orderWrites.incrementAndGet();
        Long sent = announced.remove(pk + "@" + updateTime);
        if (sent != null) {
            webhookToPersisted.record("webhook_to_persisted", System.nanoTime() - sent);
        }
    }

    private void resetCounters() {
        AwsRequestCounter.reset();
        latency.reset();
        webhookToPersisted.reset();
        invoker.reset();
        announced.clear();
        details.clear();
        drivers.forEach(d -> d.resetCounts());
    }

    private Map<String, Double> lambdaMillis() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String name : latency.names()) {
            m.put(name, latency.totalMillis(name));
        }
        return m;
    }

    private Map<String, Long> invocations() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String name : latency.names()) {
            m.put(name, latency.count(name));
        }
        return m;
    }

    private Map<String, Long> failedMessages() {
        Map<String, Long> m = new LinkedHashMap<>();
        drivers.forEach(d -> m.merge(d.functionId(), d.failedMessages(), Long::sum));
        return m;
    }

    private static Map<String, Long> diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }

    private static Map<String, Double> subtract(Map<String, Double> all, Map<String, Double> part) {
        Map<String, Double> d = new LinkedHashMap<>();
        all.forEach((k, v) -> d.put(k, v - part.getOrDefault(k, 0.0)));
        return d;
    }

    private static Map<String, Long> subtractLong(Map<String, Long> all, Map<String, Long> part) {
        Map<String, Long> d = new LinkedHashMap<>();
        all.forEach((k, v) -> d.put(k, v - part.getOrDefault(k, 0L)));
        return d;
    }

    // ---------------------------------------------------------------- waiting

    private void awaitWebhooks() {
        phases.time("x_await_webhooks", this::awaitWebhooksNow);
    }

    private void awaitWebhooksNow() {
        try {
            if (!control.awaitWebhooks(Duration.ofMinutes(5))) {
                throw new IllegalStateException("the sandbox did not deliver its webhooks within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Until every queue of the template is empty (nothing visible, in flight or delayed) twice in a row. */
    void awaitIdle(String label) {
        phases.time("x_await_idle", () -> awaitIdleNow(label));
    }

    private void awaitIdleNow(String label) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        int quiet = 0;
        while (quiet < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(label + ": queues not idle after 10 minutes");
            }
            quiet = invoker.inFlight() == 0 && AwsRequestCounter.as(AwsRequestCounter.Category.HARNESS, this::queuesEmpty)
                    ? quiet + 1 : 0;
            if (quiet < 2) {
                // Short: the check is cheap and every wait here is time the run does no work.
                sleep(20);
            }
        }
    }

    private boolean queuesEmpty() {
        for (SamTemplate.Queue q : stack.template().queues()) {
            if (q.logicalId().endsWith("DeadLetterQueue")) {
                continue; // dead letters stay; their count is reported from the functions' failures
            }
            Map<QueueAttributeName, String> a = stack.sqs().getQueueAttributes(b -> b.queueUrl(stack.queueUrl(q.logicalId()))
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            long visible = Long.parseLong(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
            long hidden = Long.parseLong(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
            long delayed = Long.parseLong(a.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "0"));
            if (visible + hidden + delayed > 0) {
                return false;
            }
        }
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---------------------------------------------------------------- calls

    private void fireSchedule(String functionId, String input) {
        String event = input != null ? input : LambdaEvents.scheduled("arn:aws:scheduler:" + LocalAwsStack.REGION + ":"
                + LocalAwsStack.ACCOUNT_ID + ":schedule/default/" + functionId, "aws.scheduler", Instant.now(),
                LocalAwsStack.REGION, LocalAwsStack.ACCOUNT_ID);
        try {
            invoker.invoke(functionId, event);
        } catch (dev.ttsconnector.local.FunctionInvoker.FunctionErrorException e) {
            throw new IllegalStateException(functionId + " failed: " + e.errorType() + ": " + e.getMessage(), e);
        }
    }

    private JsonNode api(String method, String path, String json, int... okStatuses) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + API_KEY);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> r = send(b.build());
        for (int ok : okStatuses) {
            if (r.statusCode() == ok) {
                try {
                    return r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
                } catch (IOException e) {
                    return JSON.createObjectNode();
                }
            }
        }
        throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void log(String line) {
        out.println("[bench " + mode.label() + " +" + (System.nanoTime() - created) / 1_000_000_000 + "s] " + line);
        out.flush();
    }

    @Override
    public void close() {
        // Stop every mapping first, then wait: each poller may sit in a 1 s long poll, so waiting one by one adds up.
        drivers.forEach(QueueDriver::stop);
        drivers.forEach(QueueDriver::close);
        drivers.clear();
        if (switching != null) {
            switching.close();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                out.println("[bench] closing " + resources.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
        resources.clear();
        AwsRequestCounter.onOrderWrite((pk, t) -> { });
    }
}
