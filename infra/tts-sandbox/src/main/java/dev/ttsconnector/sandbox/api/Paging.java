package dev.ttsconnector.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.sandbox.TtsError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Cursor pagination (spec §1): opaque {@code page_token}, {@code next_page_token} empty on the last page. */
final class Paging {
    private Paging() {
    }

    static <T> List<T> page(List<T> all, int pageSize, String pageToken, ObjectNode data) {
        int offset = 0;
        if (pageToken != null && !pageToken.isEmpty()) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
                if (!decoded.startsWith("sbx-offset:")) {
                    throw new IllegalArgumentException(decoded);
                }
                offset = Integer.parseInt(decoded.substring("sbx-offset:".length()));
            } catch (IllegalArgumentException e) {
                throw TtsError.invalidParam("page_token", "the token was not issued by a previous page", "next_page_token of the previous response");
            }
        }
        int end = Math.min(all.size(), offset + pageSize);
        List<T> slice = offset >= all.size() ? List.of() : all.subList(offset, end);
        data.put("next_page_token", end < all.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(("sbx-offset:" + end).getBytes(StandardCharsets.UTF_8))
                : "");
        data.put("total_count", all.size());
        return slice;
    }
}
