package dev.ttsconnector.tiktok.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.tiktok.internal.Nodes;
import java.util.List;

/**
 * Order {@code recipient_address} (spec §4). Name and phone are masked for platform logistics;
 * {@code districtInfo} is empty while UNPAID/ON_HOLD.
 */
public record RecipientAddress(String name, String firstName, String lastName, String phoneNumber,
                               String fullAddress, String addressDetail, String addressLine1, String addressLine2,
                               String addressLine3, String addressLine4, String postalCode, String regionCode,
                               String postTown, List<District> districtInfo) {

    /** {@code district_info[]}: level L0 (country) … L4. */
    public record District(String addressLevel, String addressLevelName, String addressName, String isoCode) {
    }

    static RecipientAddress from(JsonNode n) {
        if (n.isMissingNode()) {
            return null;
        }
        return new RecipientAddress(Nodes.str(n, "name"), Nodes.str(n, "first_name"), Nodes.str(n, "last_name"),
                Nodes.str(n, "phone_number"), Nodes.str(n, "full_address"), Nodes.str(n, "address_detail"),
                Nodes.str(n, "address_line1"), Nodes.str(n, "address_line2"), Nodes.str(n, "address_line3"),
                Nodes.str(n, "address_line4"), Nodes.str(n, "postal_code"), Nodes.str(n, "region_code"),
                Nodes.str(n, "post_town"), Nodes.list(n, "district_info", d -> new District(
                Nodes.str(d, "address_level"), Nodes.str(d, "address_level_name"), Nodes.str(d, "address_name"),
                Nodes.str(d, "iso_code"))));
    }
}
