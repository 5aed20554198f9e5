package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.sandbox.SandboxState;
import dev.ttsconnector.sandbox.TtsError;
import dev.ttsconnector.sandbox.model.Grant;
import dev.ttsconnector.sandbox.model.Shop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One authenticated API call as a handler sees it. {@code shop} is null for seller-level endpoints. */
public record ApiCall(SandboxState state, String method, String path, Map<String, String> pathParams,
                      Map<String, String> query, JsonNode body, Grant grant, Shop shop) {

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public String queryParam(String name) {
        String v = query.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /**
     * Reads {@code page_size} within [min, max]. The spec gives ranges per endpoint but no error code for a value
     * out of range, so the generic 98001004 "Parameter … is invalid" (spec §13) is used.
     */
    public int pageSize(int min, int max, Integer defaultValue) {
        String raw = queryParam("page_size");
        if (raw == null) {
            if (defaultValue == null) {
                throw TtsError.invalidParam("page_size", "page_size is required", "an integer in [" + min + ", " + max + "]");
            }
            return defaultValue;
        }
        int v;
        try {
            v = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw TtsError.invalidParam("page_size", "'" + raw + "' is not an integer", "an integer in [" + min + ", " + max + "]");
        }
        if (v < min || v > max) {
            throw TtsError.invalidParam("page_size", v + " is out of range", "an integer in [" + min + ", " + max + "]");
        }
        return v;
    }

    /** A comma-joined id list query parameter (spec §1: arrays are comma-joined). */
    public List<String> idList(String name) {
        String raw = queryParam(name);
        if (raw == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    public long now() {
        return state.now();
    }
}
