package dev.ttsconnector.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Builds the JSON documents AWS sends to a Lambda function, so both runtimes (in-process and RIC) receive
 * exactly what Lambda would: the SQS event source mapping's {@code Records}, the EventBridge "Scheduled Event"
 * and the API Gateway HTTP API payload format 2.0. Field names follow the AWS documentation of each event.
 */
public final class LambdaEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter API_GATEWAY_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private LambdaEvents() {
    }

    /**
     * An SQS event ({@code {"Records": [...]}}) for messages received with all system attributes and message
     * attributes; {@code ApproximateReceiveCount} and friends come from the queue, as in Lambda.
     */
    public static String sqs(List<Message> messages, String queueArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            m.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = r.putObject("messageAttributes");
            m.messageAttributes().forEach((name, value) -> messageAttributes.set(name, messageAttribute(value)));
            r.put("md5OfBody", m.md5OfBody());
            if (m.md5OfMessageAttributes() != null) {
                r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
            }
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
            r.put("awsRegion", region);
        }
        return write(event);
    }

    private static ObjectNode messageAttribute(MessageAttributeValue value) {
        ObjectNode a = JSON.createObjectNode();
        if (value.stringValue() != null) {
            a.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            a.put("binaryValue", java.util.Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
        }
        a.putArray("stringListValues");
        a.putArray("binaryListValues");
        a.put("dataType", value.dataType());
        return a;
    }

    /** The "Scheduled Event" a {@code Schedule} ({@code aws.events}) or {@code ScheduleV2} ({@code aws.scheduler}) event without {@code Input} delivers. */
    public static String scheduled(String ruleArn, String source, Instant time, String region, String account) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", source);
        event.put("account", account);
        event.put("time", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add(ruleArn);
        event.putObject("detail");
        return write(event);
    }

    /** One HTTP request as API Gateway HTTP API sends it with payload format 2.0. */
    public record HttpRequest(String method, String rawPath, String rawQueryString, Map<String, List<String>> headers,
                              byte[] body, String sourceIp, String host, String protocol) {
    }

    /**
     * The payload 2.0 event: header names lower-cased, repeated headers and query parameters comma-joined,
     * cookies moved to {@code cookies}, a body that is not text base64-encoded with {@code isBase64Encoded}.
     */
    public static String httpApi(HttpRequest request, HttpRouteTable.Match match, String requestId, Instant time) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQueryString() == null ? "" : request.rawQueryString());
        ObjectNode headers = event.putObject("headers");
        ArrayNode cookies = null;
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                cookies = cookies == null ? event.putArray("cookies") : cookies;
                for (String v : h.getValue()) {
                    for (String c : v.split(";")) {
                        if (!c.isBlank()) {
                            cookies.add(c.strip());
                        }
                    }
                }
                continue;
            }
            String joined = String.join(",", h.getValue());
            headers.put(name, headers.has(name) ? headers.get(name).asText() + "," + joined : joined);
        }
        ObjectNode query = queryParameters(request.rawQueryString());
        if (!query.isEmpty()) {
            event.set("queryStringParameters", query);
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode path = event.putObject("pathParameters");
            match.pathParameters().forEach(path::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", dev.ttsconnector.localaws.LocalAwsStack.ACCOUNT_ID);
        context.put("apiId", "local");
        context.put("domainName", request.host());
        context.put("domainPrefix", request.host().split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        List<String> agent = request.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("user-agent")).map(Map.Entry::getValue).findFirst().orElse(List.of());
        http.put("userAgent", agent.isEmpty() ? "" : agent.get(0));
        context.put("requestId", requestId);
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", API_GATEWAY_TIME.format(time));
        context.put("timeEpoch", time.toEpochMilli());
        byte[] body = request.body();
        if (body != null && body.length > 0) {
            String contentType = headers.path("content-type").asText("");
            if (isText(contentType) && isUtf8(body)) {
                event.put("body", new String(body, java.nio.charset.StandardCharsets.UTF_8));
                event.put("isBase64Encoded", false);
            } else {
                event.put("body", java.util.Base64.getEncoder().encodeToString(body));
                event.put("isBase64Encoded", true);
            }
        } else {
            event.put("isBase64Encoded", false);
        }
        return write(event);
    }

    /** Repeated parameters are comma-joined, as API Gateway does in {@code queryStringParameters}. */
    private static ObjectNode queryParameters(String rawQuery) {
        ObjectNode out = JSON.createObjectNode();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.put(name, out.has(name) ? out.get(name).asText() + "," + value : value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // API Gateway passes undecodable escapes through; the handler sees rawQueryString anyway.
        }
    }

    /** Textual media types are passed as text; anything else (images, octet-stream, ...) as base64. */
    static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("javascript") || type.startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event JSON", e);
        }
    }
}
