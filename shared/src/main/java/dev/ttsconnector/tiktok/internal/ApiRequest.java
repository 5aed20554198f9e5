package dev.ttsconnector.tiktok.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.tiktok.ShopContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One logical call: operation, resolved path, the shop (or an explicit access token for seller-level calls),
 * endpoint query parameters (arrays already comma-joined, nulls/empties dropped) and the body bytes to send.
 */
public record ApiRequest(Operation operation, String path, ShopContext shop, String explicitAccessToken,
                         Map<String, String> query, byte[] body) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    public static Builder of(Operation operation) {
        return new Builder(operation);
    }

    @Override
    public String toString() {
        // No token in logs (reliability guarantee 7).
        return "ApiRequest[" + operation.name() + " " + path + " query=" + query.keySet() + "]";
    }

    public static final class Builder {
        private final Operation operation;
        private final Map<String, String> pathParams = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private ShopContext shop;
        private String accessToken;
        private byte[] body;

        private Builder(Operation operation) {
            this.operation = operation;
        }

        public Builder shop(ShopContext shop) {
            this.shop = shop;
            return this;
        }

        public Builder accessToken(String token) {
            this.accessToken = token;
            return this;
        }

        public Builder pathParam(String name, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + ": must not be blank");
            }
            pathParams.put(name, value);
            return this;
        }

        /** Adds a query parameter; null, empty strings and empty collections are skipped (spec §2: never send empty). */
        public Builder query(String name, Object value) {
            String text;
            if (value == null) {
                return this;
            } else if (value instanceof Collection<?> c) {
                text = c.stream().map(String::valueOf).collect(Collectors.joining(","));
            } else if (value instanceof Enum<?> e) {
                text = e.name();
            } else {
                text = String.valueOf(value);
            }
            if (!text.isEmpty()) {
                query.put(name, text);
            }
            return this;
        }

        public Builder body(JsonNode json) {
            try {
                this.body = Json.tiktok().writeValueAsBytes(json);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("body: not serializable", e);
            }
            return this;
        }

        public ApiRequest build() {
            Matcher m = PLACEHOLDER.matcher(operation.pathTemplate());
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String value = pathParams.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException(m.group(1) + ": required path parameter missing");
                }
                m.appendReplacement(path, Matcher.quoteReplacement(
                        URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
            }
            m.appendTail(path);
            if (operation.shopScoped() && shop == null) {
                throw new IllegalArgumentException("shop: " + operation.name() + " is shop-scoped and needs a ShopContext");
            }
            if (operation.host() == Operation.Host.API && shop == null && accessToken == null) {
                throw new IllegalArgumentException("accessToken: " + operation.name() + " needs a shop or an access token");
            }
            return new ApiRequest(operation, path.toString(), shop, accessToken, Map.copyOf(query), body);
        }
    }
}
