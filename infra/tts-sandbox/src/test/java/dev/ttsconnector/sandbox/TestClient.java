package dev.ttsconnector.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test-only caller of the sandbox: builds TikTok requests (common params, signature over the exact bytes sent)
 * with the sandbox's own signer, and lets tests break any part of the request on purpose.
 */
final class TestClient {
    final TikTokSandbox sb;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String accessToken;

    TestClient(TikTokSandbox sb, String accessToken) {
        this.sb = sb;
        this.accessToken = accessToken;
    }

    /** A response: HTTP status, parsed envelope, headers. */
    record Reply(int status, JsonNode json, HttpResponse<String> raw) {
        long code() {
            return json.path("code").asLong();
        }

        String message() {
            return json.path("message").asText();
        }

        JsonNode data() {
            return json.path("data");
        }
    }

    /** Mutable request under construction. */
    final class Call {
        final String method;
        final String path;
        final Map<String, String> query = new LinkedHashMap<>();
        String body;
        String token = accessToken;
        boolean sign = true;
        String signOverride;
        String bodySentOverride;

        Call(String method, String path) {
            this.method = method;
            this.path = path;
            query.put("app_key", sb.config().appKey());
            query.put("timestamp", Long.toString(sb.control().now().getEpochSecond()));
        }

        Call q(String k, String v) {
            query.put(k, v);
            return this;
        }

        Call shop(String cipher) {
            return q("shop_cipher", cipher);
        }

        Call body(String json) {
            this.body = json;
            return this;
        }

        Call token(String t) {
            this.token = t;
            return this;
        }

        Call without(String param) {
            query.remove(param);
            return this;
        }

        Call unsigned() {
            this.sign = false;
            return this;
        }

        Call signature(String s) {
            this.signOverride = s;
            return this;
        }

        /** Signs {@code body} but transmits these bytes instead (tampering in transit). */
        Call sendInstead(String bodySent) {
            this.bodySentOverride = bodySent;
            return this;
        }

        Reply send() {
            try {
                return sendOrThrow();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        Reply sendOrThrow() throws IOException {
            Map<String, String> q = new LinkedHashMap<>(query);
            byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
            if (sign) {
                q.put("sign", signOverride != null ? signOverride
                        : SandboxSigner.sign(sb.config().appSecret(), path, query, bytes));
            }
            StringBuilder url = new StringBuilder(sb.apiBaseUrl()).append(path);
            String sep = "?";
            for (Map.Entry<String, String> e : q.entrySet()) {
                url.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
                sep = "&";
            }
            byte[] sent = bodySentOverride != null ? bodySentOverride.getBytes(StandardCharsets.UTF_8) : bytes;
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(10));
            if (sent != null) {
                rb.header("Content-Type", "application/json");
                rb.method(method, HttpRequest.BodyPublishers.ofByteArray(sent));
            } else {
                rb.method(method, HttpRequest.BodyPublishers.noBody());
            }
            if (token != null) {
                rb.header("x-tts-access-token", token);
            }
            try {
                HttpResponse<String> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(r.statusCode(), SandboxJson.MAPPER.readTree(r.body()), r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    Call get(String path) {
        return new Call("GET", path);
    }

    Call post(String path, String body) {
        return new Call("POST", path).body(body);
    }

    Call put(String path, String body) {
        return new Call("PUT", path).body(body);
    }

    Call delete(String path, String body) {
        return new Call("DELETE", path).body(body);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
