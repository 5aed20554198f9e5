package dev.ttsconnector.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small, known world for tests: one seller with a US shop (FBT) and a GB shop, one product per shop. */
final class SandboxFixture {
    final TikTokSandbox sb;
    final String sellerId;
    final ObjectNode us;
    final ObjectNode gb;
    final String usCipher;
    final String gbCipher;
    final String usMainWarehouse;
    final String usSecondWarehouse;
    final ObjectNode product;
    final String skuA;
    final String skuB;
    final TestClient client;

    SandboxFixture(SandboxConfig.Builder config) {
        // Frozen clock: tests move time explicitly and assert exact Unix seconds.
        sb = TikTokSandbox.start(config.generateDemoData(false).clockTicking(false).build());
        var c = sb.control();
        sellerId = c.createSeller("Test Seller", "US").get("id").asText();
        us = c.createShop(sellerId, "Test US", "US", "LOCAL", true);
        gb = c.createShop(sellerId, "Test GB", "GB", "LOCAL", false);
        usCipher = us.get("cipher").asText();
        gbCipher = gb.get("cipher").asText();
        usMainWarehouse = us.get("warehouses").get(0).get("id").asText();
        usSecondWarehouse = us.get("warehouses").get(1).get("id").asText();
        Map<String, Integer> twoWarehouses = new LinkedHashMap<>();
        twoWarehouses.put(usMainWarehouse, 10);
        twoWarehouses.put(usSecondWarehouse, 5);
        product = c.createProduct(us.get("id").asText(), "Test Tee", "Apparel", List.of(
                new SandboxState.SkuSpec("TEE-BLK-M", new BigDecimal("19.99"), List.<String[]>of(new String[] {"Colour", "Black"}), twoWarehouses, 7, null),
                new SandboxState.SkuSpec("TEE-WHT-M", new BigDecimal("19.99"), List.<String[]>of(new String[] {"Colour", "White"}), Map.of(usMainWarehouse, 3), null, null)));
        skuA = product.get("skus").get(0).get("id").asText();
        skuB = product.get("skus").get(1).get("id").asText();
        client = new TestClient(sb, c.issueToken(sellerId).get("access_token").asText());
    }

    String usShopId() {
        return us.get("id").asText();
    }

    /** SEND_BY_SELLER delivery option of the US main warehouse and its first provider id. */
    JsonNode sellerOption() {
        for (JsonNode o : us.get("warehouses").get(0).get("delivery_options")) {
            if ("SEND_BY_SELLER".equals(o.get("type").asText())) {
                return o;
            }
        }
        throw new AssertionError("no SEND_BY_SELLER option");
    }

    String orderUs(Map<String, Integer> units, String status, boolean onHold) {
        return sb.control().createOrder(usShopId(), new SandboxState.OrderSpec(units, status, onHold, false, true, null, null))
                .get("id").asText();
    }
}
