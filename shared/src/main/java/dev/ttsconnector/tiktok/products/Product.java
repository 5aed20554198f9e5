package dev.ttsconnector.tiktok.products;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.internal.Nodes;
import java.time.Instant;
import java.util.List;

/**
 * A product from search or detail (spec §7). {@code status} combines lifecycle and audit (DRAFT, PENDING,
 * FAILED, ACTIVATE, SELLER_DEACTIVATED, PLATFORM_DEACTIVATED, FREEZE, DELETED, SCHEDULED).
 */
public record Product(String id, String title, String status, Instant createTime, Instant updateTime,
                      List<ProductSku> skus) {

    static Product from(JsonNode n) {
        return new Product(Nodes.str(n, "id"), Nodes.str(n, "title"),
                Nodes.str(n, n.has("status") ? "status" : "product_status"), Nodes.instant(n, "create_time"),
                Nodes.instant(n, "update_time"), Nodes.list(n, "skus", ProductSku::from));
    }
}
