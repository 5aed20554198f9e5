package dev.ttsconnector.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Orders in": how many orders the app holds for the given integrations, counted through the public API
 * ({@code GET /v1/orders?integrationId=&limit=&cursor=}, issue 5), page by page. Empty while the API does not
 * serve orders (404) or answers something else.
 */
final class AppOrderCount implements Supplier<Optional<Long>> {

    private static final int MAX_PAGES = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String apiBaseUrl;
    private final String apiKey;
    private final List<String> integrationIds;

    AppOrderCount(String apiBaseUrl, String apiKey, List<String> integrationIds) {
        this.apiBaseUrl = apiBaseUrl;
        this.apiKey = apiKey;
        this.integrationIds = List.copyOf(integrationIds);
    }

    @Override
    public Optional<Long> get() {
        if (integrationIds.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;
        try {
            for (String id : integrationIds) {
                String cursor = null;
                for (int page = 0; page < MAX_PAGES; page++) {
                    String query = "?integrationId=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&limit=100"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(apiBaseUrl + "/v1/orders" + query))
                            .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        return Optional.empty();
                    }
                    JsonNode body = LambdaEvents.JSON.readTree(r.body());
                    total += body.path("items").size();
                    cursor = body.path("nextCursor").isTextual() ? body.path("nextCursor").asText() : null;
                    if (cursor == null || cursor.isEmpty()) {
                        break;
                    }
                }
            }
            return Optional.of(total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
