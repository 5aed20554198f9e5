package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** One TikTok endpoint: method, path template with {@code {name}} segments, shop scope and handler. */
public record Route(String method, String template, ShopScope scope, Handler handler) {

    /** Computes the {@code data} object; runs under the state lock; throws {@link dev.ttsconnector.sandbox.TtsError}. */
    @FunctionalInterface
    public interface Handler {
        JsonNode handle(ApiCall call);
    }

    /** Path parameters when {@code path} matches the template, else null. */
    public Map<String, String> match(String path) {
        String[] t = template.split("/");
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                if (p[i].isEmpty()) {
                    return null;
                }
                params.put(t[i].substring(1, t[i].length() - 1), p[i]);
            } else if (!t[i].equals(p[i])) {
                return null;
            }
        }
        return params;
    }

    /** Counter key, e.g. {@code POST /order/202309/orders/search}. */
    public String key() {
        return method + " " + template;
    }
}
