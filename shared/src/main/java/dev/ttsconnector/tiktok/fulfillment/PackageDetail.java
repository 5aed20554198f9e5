package dev.ttsconnector.tiktok.fulfillment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.internal.Nodes;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /fulfillment/202309/packages/{package_id}} (spec §5). {@code packageStatus} is TO_FULFILL (the doc
 * also spells it "TO FULFILL"), PROCESSING, FULFILLING, COMPLETED or CANCELLED.
 */
public record PackageDetail(String packageId, String packageStatus, String packageSubStatus, String shippingType,
                            String handoverMethod, String trackingNumber, String shippingProviderId,
                            String shippingProviderName, String deliveryOptionId, String deliveryOptionName,
                            List<String> orderLineItemIds, List<String> orderIds, String splitAndCombineTag,
                            Instant createTime, Instant updateTime) {

    static PackageDetail from(JsonNode n) {
        return new PackageDetail(Nodes.str(n, "package_id"), Nodes.str(n, "package_status"),
                Nodes.str(n, "package_sub_status"), Nodes.str(n, "shipping_type"), Nodes.str(n, "handover_method"),
                Nodes.str(n, "tracking_number"), Nodes.str(n, "shipping_provider_id"),
                Nodes.str(n, "shipping_provider_name"), Nodes.str(n, "delivery_option_id"),
                Nodes.str(n, "delivery_option_name"), Nodes.strings(n, "order_line_item_ids"),
                Nodes.list(n, "orders", o -> Nodes.str(o, "id")), Nodes.str(n, "split_and_combine_tag"),
                Nodes.instant(n, "create_time"), Nodes.instant(n, "update_time"));
    }
}
