package dev.ttsconnector.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Creates and connects integrations the way an operator does, through the public API only:
 * {@code POST /v1/integrations {"name"}} → open the returned {@code authorizeUrl} (the sandbox's consent page
 * approves at once with {@code auto=1}) → follow its redirect to the connector's OAuth callback → when the
 * grant covers several shops, {@code POST /v1/integrations/{id}/shop {"shopId"}} → read back the status.
 * An integration whose name already exists (a {@code --data-dir} from an earlier run) is reused.
 */
final class DemoIntegrations {

    /** One integration to create for one shop. */
    record Wanted(String name, String shopId, String sellerId) {
    }

    /** What happened to one integration. */
    record Result(String name, String shopId, String integrationId, String status, String problem) {
        boolean connected() {
            return "CONNECTED".equals(status);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiBaseUrl;
    private final String apiKey;

    DemoIntegrations(String apiBaseUrl, String apiKey) {
        this.apiBaseUrl = apiBaseUrl;
        this.apiKey = apiKey;
    }

    List<Result> connectAll(List<Wanted> wanted) {
        List<Result> results = new ArrayList<>();
        for (Wanted w : wanted) {
            try {
                results.add(connect(w));
            } catch (IOException | RuntimeException e) {
                results.add(new Result(w.name(), w.shopId(), null, null, e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(new Result(w.name(), w.shopId(), null, null, "interrupted"));
                break;
            }
        }
        return results;
    }

    private Result connect(Wanted w) throws IOException, InterruptedException {
        HttpResponse<String> created = api("POST", "/v1/integrations", "{\"name\":" + LambdaEvents.JSON.writeValueAsString(w.name()) + "}");
        String id;
        String authorizeUrl;
        if (created.statusCode() == 201 || created.statusCode() == 200) {
            JsonNode body = LambdaEvents.JSON.readTree(created.body());
            id = body.path("id").asText(null);
            authorizeUrl = body.path("authorizeUrl").asText(null);
            if ("CONNECTED".equals(body.path("status").asText())) {
                return new Result(w.name(), w.shopId(), id, "CONNECTED", null);
            }
        } else if (created.statusCode() == 409) {
            JsonNode existing = findByName(w.name());
            if (existing == null) {
                return new Result(w.name(), w.shopId(), null, null, "POST /v1/integrations answered 409 and no integration is named " + w.name());
            }
            id = existing.path("id").asText();
            if ("CONNECTED".equals(existing.path("status").asText())) {
                return new Result(w.name(), w.shopId(), id, "CONNECTED", null);
            }
            authorizeUrl = existing.path("authorizeUrl").asText(null);
        } else {
            return new Result(w.name(), w.shopId(), null, null, "POST /v1/integrations answered " + created.statusCode() + ": " + abbreviate(created.body()));
        }
        if (id == null || authorizeUrl == null) {
            return new Result(w.name(), w.shopId(), id, null, "the integration has no id or authorizeUrl: " + abbreviate(created.body()));
        }
        String consent = authorizeUrl + (authorizeUrl.contains("?") ? "&" : "?") + "auto=1"
                + (w.sellerId() == null ? "" : "&seller_id=" + w.sellerId());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(consent)).GET().timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        String callback = page.headers().firstValue("Location").orElse(null);
        if (page.statusCode() / 100 != 3 || callback == null) {
            return new Result(w.name(), w.shopId(), id, null, "the consent page answered " + page.statusCode() + " without a redirect: " + abbreviate(page.body()));
        }
        HttpResponse<String> landed = http.send(HttpRequest.newBuilder(URI.create(callback)).GET().timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (landed.statusCode() >= 400) {
            return new Result(w.name(), w.shopId(), id, null, "the OAuth callback answered " + landed.statusCode() + ": " + abbreviate(landed.body()));
        }
        JsonNode integration = get(id);
        String status = integration == null ? null : integration.path("status").asText(null);
        if (!"CONNECTED".equals(status)) {
            // The grant covers both demo shops: pick this integration's shop, as the callback page asks an operator to.
            HttpResponse<String> picked = api("POST", "/v1/integrations/" + id + "/shop", "{\"shopId\":\"" + w.shopId() + "\"}");
            if (picked.statusCode() >= 400) {
                return new Result(w.name(), w.shopId(), id, status, "POST /v1/integrations/" + id + "/shop answered " + picked.statusCode()
                        + ": " + abbreviate(picked.body()));
            }
            integration = get(id);
            status = integration == null ? null : integration.path("status").asText(null);
        }
        return new Result(w.name(), w.shopId(), id, status, "CONNECTED".equals(status) ? null : "status after connecting: " + status);
    }

    private JsonNode get(String id) throws IOException, InterruptedException {
        HttpResponse<String> r = api("GET", "/v1/integrations/" + id, null);
        return r.statusCode() == 200 ? LambdaEvents.JSON.readTree(r.body()) : null;
    }

    private JsonNode findByName(String name) throws IOException, InterruptedException {
        HttpResponse<String> r = api("GET", "/v1/integrations", null);
        if (r.statusCode() != 200) {
            return null;
        }
        JsonNode body = LambdaEvents.JSON.readTree(r.body());
        JsonNode items = body.isArray() ? body : body.path("items");
        for (JsonNode i : items) {
            if (name.equals(i.path("name").asText())) {
                return i;
            }
        }
        return null;
    }

    private HttpResponse<String> api(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiBaseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    static Map<String, Object> describe(Result r) {
        return r.problem() == null
                ? Map.of("name", r.name(), "shopId", r.shopId(), "integrationId", String.valueOf(r.integrationId()), "status", String.valueOf(r.status()))
                : Map.of("name", r.name(), "shopId", r.shopId(), "problem", r.problem());
    }
}
