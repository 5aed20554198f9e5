package dev.ttsconnector.tiktok.logistics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.internal.Nodes;

/**
 * A seller warehouse ({@code GET /logistics/202309/warehouses}, spec §8). {@code type} SALES_WAREHOUSE |
 * RETURN_WAREHOUSE; {@code effectStatus} ENABLED | DISABLED | RESTRICTED.
 */
public record Warehouse(String id, String name, String type, String subType, Boolean isDefault, String effectStatus,
                        String entityId, Address address) {

    /** Warehouse address; TikTok spells the district field {@code distict}. */
    public record Address(String region, String regionCode, String state, String city, String district,
                          String town, String postalCode, String addressLine1, String addressLine2,
                          String fullAddress, String contactPerson, String phoneNumber) {
    }

    static Warehouse from(JsonNode n) {
        JsonNode a = Nodes.obj(n, "address");
        Address address = a.isMissingNode() ? null : new Address(Nodes.str(a, "region"), Nodes.str(a, "region_code"),
                Nodes.str(a, "state"), Nodes.str(a, "city"), Nodes.str(a, "distict"), Nodes.str(a, "town"),
                Nodes.str(a, "postal_code"), Nodes.str(a, "address_line1"), Nodes.str(a, "address_line2"),
                Nodes.str(a, "full_address"), Nodes.str(a, "contact_person"), Nodes.str(a, "phone_number"));
        return new Warehouse(Nodes.str(n, "id"), Nodes.str(n, "name"), Nodes.str(n, "type"), Nodes.str(n, "sub_type"),
                Nodes.bool(n, "is_default"), Nodes.str(n, "effect_status"), Nodes.str(n, "entity_id"), address);
    }
}
