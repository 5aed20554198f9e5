package dev.ttsconnector.flow.products;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the push knows about one app listing in one integration: the TikTok product it maps to (null before the
 * first create), TikTok SKU ids by seller SKU, the last outcome, the open issues (what "Export Incomplete
 * Products" lists; empty = ready) and the attribute values the push derived itself (with their source).
 */
public record ProductPushRecord(String listingId, String tiktokProductId, Map<String, String> skuIds,
                                String lastOutcome, List<String> issues, List<DerivedAttribute> derived,
                                Instant updatedAt) {

    public ProductPushRecord {
        skuIds = skuIds == null ? Map.of() : Map.copyOf(skuIds);
        issues = issues == null ? List.of() : List.copyOf(issues);
        derived = derived == null ? List.of() : List.copyOf(derived);
    }
}
