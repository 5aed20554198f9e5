package dev.ttsconnector.localaws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.event.ruler.Machine;

/**
 * A local EventBridge that answers the JSON-1.1 {@code AWSEvents.PutEvents} call of the AWS SDK on a
 * loopback port. Each entry is wrapped in the EventBridge envelope
 * ({@code version, id, detail-type, source, account, time, region, resources, detail}), matched with
 * event-ruler against the rules of its bus, and sent to the rules' SQS targets (FIFO targets get the
 * rule's {@code SqsParameters.MessageGroupId} and the event id as deduplication id).
 * Not covered: input transformers, target retries and DLQs, archive/replay, bus policies, IAM,
 * non-SQS targets (those are proven only by a deploy smoke test).
 */
final class EventBridgeStandIn implements AutoCloseable {

    /** A rule's SQS target, resolved to a local queue. */
    record QueueTarget(String ruleName, String queueUrl, boolean fifo, Optional<String> messageGroupId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ENTRIES = 10;
    private static final int MAX_REMEMBERED_EVENTS = 1000;

    private final Map<String, Machine> machinesByBus;
    private final Map<String, List<QueueTarget>> targetsByRule;
    private final SqsClient sqs;
    private final String region;
    private final String account;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<String> published = new ArrayDeque<>();
    private final List<String> deliveryFailures = new ArrayList<>();

    EventBridgeStandIn(Map<String, Machine> machinesByBus, Map<String, List<QueueTarget>> targetsByRule, SqsClient sqs,
                       String region, String account) throws IOException {
        this.machinesByBus = machinesByBus;
        this.targetsByRule = targetsByRule;
        this.sqs = sqs;
        this.region = region;
        this.account = account;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "eventbridge-stand-in");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Envelopes accepted so far (most recent last, at most 1000), as JSON. */
    synchronized List<String> publishedEvents() {
        return List.copyOf(published);
    }

    /** Deliveries to targets that failed (EventBridge would retry them or send them to the target DLQ). */
    synchronized List<String> deliveryFailures() {
        return List.copyOf(deliveryFailures);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
            if (!"POST".equals(exchange.getRequestMethod()) || !target.equals("AWSEvents.PutEvents")) {
                respond(exchange, 400, error("UnknownOperationException",
                        "the local EventBridge stand-in answers only AWSEvents.PutEvents, got " + exchange.getRequestMethod() + " " + target));
                return;
            }
            JsonNode request;
            try (InputStream body = exchange.getRequestBody()) {
                request = JSON.readTree(body);
            } catch (IOException e) {
                respond(exchange, 400, error("SerializationException", "request body is not JSON: " + e.getMessage()));
                return;
            }
            JsonNode entries = request == null ? null : request.get("Entries");
            if (entries == null || !entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
                respond(exchange, 400, error("ValidationException", "Entries must hold 1 to " + MAX_ENTRIES + " entries"));
                return;
            }
            ObjectNode response = JSON.createObjectNode();
            ArrayNode results = response.putArray("Entries");
            int failed = 0;
            for (JsonNode entry : entries) {
                ObjectNode result = results.addObject();
                String problem = problem(entry);
                if (problem != null) {
                    failed++;
                    result.put("ErrorCode", "InvalidArgument");
                    result.put("ErrorMessage", problem);
                    continue;
                }
                result.put("EventId", accept(entry));
            }
            response.put("FailedEntryCount", failed);
            respond(exchange, 200, response);
        } catch (RuntimeException e) {
            respond(exchange, 500, error("InternalException", e.toString()));
        }
    }

    private static String problem(JsonNode entry) {
        for (String field : List.of("Source", "DetailType", "Detail")) {
            if (!entry.hasNonNull(field) || entry.get(field).asText().isBlank()) {
                return "Parameter " + field + " is not valid. Reason: " + field + " is a required argument.";
            }
        }
        try {
            if (!JSON.readTree(entry.get("Detail").asText()).isObject()) {
                return "Detail is malformed: it must be a JSON object.";
            }
        } catch (IOException e) {
            return "Detail is malformed: " + e.getMessage();
        }
        return null;
    }

    private String accept(JsonNode entry) {
        String id = UUID.randomUUID().toString();
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", id);
        envelope.put("detail-type", entry.get("DetailType").asText());
        envelope.put("source", entry.get("Source").asText());
        envelope.put("account", account);
        envelope.put("time", DateTimeFormatter.ISO_INSTANT.format(time(entry.get("Time")).truncatedTo(ChronoUnit.SECONDS)));
        envelope.put("region", region);
        ArrayNode resources = envelope.putArray("resources");
        if (entry.get("Resources") != null) {
            entry.get("Resources").forEach(r -> resources.add(r.asText()));
        }
        try {
            envelope.set("detail", JSON.readTree(entry.get("Detail").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("Detail was validated as JSON", e);
        }
        String json = envelope.toString();
        String bus = busName(entry.get("EventBusName"));
        synchronized (this) {
            published.addLast(json);
            if (published.size() > MAX_REMEMBERED_EVENTS) {
                published.removeFirst();
            }
        }
        Machine machine = machinesByBus.get(bus);
        if (machine != null) {
            for (String rule : matches(machine, json)) {
                for (QueueTarget target : targetsByRule.getOrDefault(rule, List.of())) {
                    deliver(target, id, json);
                }
            }
        }
        return id;
    }

    private static List<String> matches(Machine machine, String json) {
        try {
            return machine.rulesForJSONEvent(json);
        } catch (Exception e) {
            throw new IllegalStateException("event-ruler cannot match " + json, e);
        }
    }

    private void deliver(QueueTarget target, String eventId, String json) {
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(target.queueUrl()).messageBody(json);
        if (target.fifo()) {
            if (target.messageGroupId().isEmpty()) {
                recordFailure(target.ruleName() + " -> " + target.queueUrl() + ": FIFO target without SqsParameters.MessageGroupId");
                return;
            }
            request.messageGroupId(target.messageGroupId().get()).messageDeduplicationId(eventId);
        }
        try {
            sqs.sendMessage(request.build());
        } catch (RuntimeException e) {
            recordFailure(target.ruleName() + " -> " + target.queueUrl() + ": " + e.getMessage());
        }
    }

    private synchronized void recordFailure(String failure) {
        deliveryFailures.add(failure);
    }

    private static String busName(JsonNode node) {
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return "default";
        }
        String value = node.asText();
        int slash = value.lastIndexOf('/');
        return value.startsWith("arn:") && slash >= 0 ? value.substring(slash + 1) : value;
    }

    private static Instant time(JsonNode node) {
        if (node == null || node.isNull()) {
            return Instant.now();
        }
        if (node.isNumber()) {
            // The SDK's JSON protocol sends timestamps as epoch seconds with a fraction.
            return Instant.ofEpochMilli(Math.round(node.asDouble() * 1000));
        }
        return Instant.parse(node.asText());
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", type);
        error.put("message", message);
        return error;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
