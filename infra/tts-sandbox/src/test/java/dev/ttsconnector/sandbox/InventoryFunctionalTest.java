package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §7–§8: inventory update rules, inventory search, products, FBT. */
class InventoryFunctionalTest {
    private SandboxFixture f;

    @AfterEach
    void stop() {
        f.sb.close();
    }

    private SandboxFixture start(SandboxConfig.Builder b) {
        f = new SandboxFixture(b);
        return f;
    }

    private TestClient.Reply update(String body) {
        return f.client.post("/product/202309/products/" + f.product.get("id").asText() + "/inventory/update", body).shop(f.usCipher).send();
    }

    private String inv(String wh, int qty) {
        return "{\"warehouse_id\":\"" + wh + "\",\"quantity\":" + qty + "}";
    }

    private String fbtWarehouse() {
        return f.us.get("fbt_warehouses").get(0).get("warehouse_id").asText();
    }

    @Test
    void update_withEveryWarehouse_setsAbsoluteQuantities() {
        start(SandboxConfig.builder());
        TestClient.Reply r = update("{\"skus\":[{\"id\":\"" + f.skuA + "\",\"inventory\":[" + inv(f.usMainWarehouse, 40) + "," + inv(f.usSecondWarehouse, 2) + "]}]}");
        assertThat(r.code()).isZero();
        assertThat(r.data().get("errors")).isEmpty();
        JsonNode wh = f.sb.control().inventory(f.skuA).get("warehouse_inventory");
        assertThat(wh.get(0).get("available_quantity").asInt()).isEqualTo(40);
        assertThat(wh.get(1).get("available_quantity").asInt()).isEqualTo(2);
    }

    @Test
    void update_missingOneOfTheSkusWarehouses_is12019028AndChangesNothing() {
        start(SandboxConfig.builder());
        TestClient.Reply r = update("{\"skus\":[{\"id\":\"" + f.skuA + "\",\"inventory\":[" + inv(f.usMainWarehouse, 40) + "]}]}");
        assertThat(r.code()).isZero();
        JsonNode err = r.data().get("errors").get(0);
        assertThat(err.get("code").asLong()).isEqualTo(12019028);
        assertThat(err.get("message").asText()).startsWith("Multiple warehouses detected. Include all warehouse IDs");
        assertThat(err.get("detail").get("sku_id").asText()).isEqualTo(f.skuA);
        assertThat(f.sb.control().inventory(f.skuA).get("warehouse_inventory").get(0).get("available_quantity").asInt()).isEqualTo(10);
    }

    @Test
    void update_fbtWarehouse_is12052144() {
        start(SandboxConfig.builder());
        TestClient.Reply r = update("{\"skus\":[{\"id\":\"" + f.skuA + "\",\"inventory\":[" + inv(f.usMainWarehouse, 1) + ","
                + inv(f.usSecondWarehouse, 1) + "," + inv(fbtWarehouse(), 9) + "]}]}");
        JsonNode err = r.data().get("errors").get(0);
        assertThat(err.get("code").asLong()).isEqualTo(12052144);
        assertThat(err.get("detail").get("extra_errors").get(0).get("warehouse_id").asText()).isEqualTo(fbtWarehouse());
    }

    @Test
    void update_partialFailure_keepsTheGoodSkuAndReportsTheBadOne() {
        start(SandboxConfig.builder());
        TestClient.Reply r = update("{\"skus\":[{\"id\":\"" + f.skuB + "\",\"inventory\":[" + inv(f.usMainWarehouse, 8) + "]},"
                + "{\"id\":\"" + f.skuA + "\",\"inventory\":[" + inv(f.usMainWarehouse, 1) + "]}]}");
        assertThat(r.code()).isZero();
        assertThat(r.data().get("errors")).hasSize(1);
        assertThat(f.sb.control().inventory(f.skuB).get("warehouse_inventory").get(0).get("available_quantity").asInt()).isEqualTo(8);
    }

    @Test
    void update_partialFailureTopLevelCode_isConfigurable() {
        start(SandboxConfig.builder().inventoryPartialFailureCode(12019028));
        TestClient.Reply r = update("{\"skus\":[{\"id\":\"" + f.skuA + "\",\"inventory\":[" + inv(f.usMainWarehouse, 1) + "]}]}");
        assertThat(r.code()).isEqualTo(12019028);
        assertThat(r.data().get("errors")).hasSize(1);
    }

    @Test
    void update_quantityZero_acceptedByDefault_rejectedWhenConfigured() {
        start(SandboxConfig.builder());
        assertThat(update("{\"skus\":[{\"id\":\"" + f.skuB + "\",\"inventory\":[" + inv(f.usMainWarehouse, 0) + "]}]}").data().get("errors")).isEmpty();
        f.sb.close();
        start(SandboxConfig.builder().inventoryZeroAccepted(false));
        JsonNode errors = update("{\"skus\":[{\"id\":\"" + f.skuB + "\",\"inventory\":[" + inv(f.usMainWarehouse, 0) + "]}]}").data().get("errors");
        assertThat(errors.get(0).get("code").asLong()).isEqualTo(12019024);
    }

    @Test
    void update_quantityAbove99999_is12019024() {
        start(SandboxConfig.builder());
        JsonNode errors = update("{\"skus\":[{\"id\":\"" + f.skuB + "\",\"inventory\":[" + inv(f.usMainWarehouse, 100000) + "]}]}").data().get("errors");
        assertThat(errors.get(0).get("code").asLong()).isEqualTo(12019024);
    }

    @Test
    void update_productOfAnotherShop_is12052048() {
        start(SandboxConfig.builder());
        TestClient.Reply r = f.client.post("/product/202309/products/" + f.product.get("id").asText() + "/inventory/update",
                "{\"skus\":[]}").shop(f.gbCipher).send();
        assertThat(r.code()).isEqualTo(12052048);
    }

    @Test
    void inventorySearch_reportsPerWarehouseAvailableAndCommitted() {
        start(SandboxConfig.builder());
        f.orderUs(java.util.Map.of(f.skuA, 2), null, false);
        TestClient.Reply r = f.client.post("/product/202309/inventory/search", "{\"sku_ids\":[\"" + f.skuA + "\"]}").shop(f.usCipher).send();
        JsonNode sku = r.data().get("inventory").get(0).get("skus").get(0);
        assertThat(sku.get("seller_sku").asText()).isEqualTo("TEE-BLK-M");
        assertThat(sku.get("warehouse_inventory").get(0).get("available_quantity").asInt()).isEqualTo(8);
        assertThat(sku.get("warehouse_inventory").get(0).get("committed_quantity").asInt()).isEqualTo(2);
        assertThat(sku.get("total_committed_quantity").asInt()).isEqualTo(2);
        // FBT stock shows as its own warehouse line.
        assertThat(sku.get("warehouse_inventory")).extracting(w -> w.get("warehouse_id").asText()).contains(fbtWarehouse());
    }

    @Test
    void productSearch_bySellerSku_andGetProduct() {
        start(SandboxConfig.builder());
        TestClient.Reply r = f.client.post("/product/202309/products/search", "{\"seller_skus\":[\"TEE-WHT-M\"]}").q("page_size", "20").shop(f.usCipher).send();
        assertThat(r.data().get("products")).hasSize(1);
        assertThat(r.data().get("total_count").asInt()).isEqualTo(1);
        TestClient.Reply g = f.client.get("/product/202309/products/" + f.product.get("id").asText()).shop(f.usCipher).send();
        assertThat(g.data().get("skus").get(1).get("price").get("amount").asText()).isEqualTo("19.99");
        assertThat(g.data().get("skus").get(0).get("sales_attributes").get(0).get("value_name").asText()).isEqualTo("Black");
    }

    @Test
    void fbtEndpoints_listWarehouseAndStock() {
        start(SandboxConfig.builder());
        JsonNode wh = f.client.get("/fbt/202408/warehouses").shop(f.usCipher).send().data().get("warehouses").get(0);
        assertThat(wh.get("type").asText()).isEqualTo("PLATFORM_WAREHOUSE");
        assertThat(wh.get("warehouse_ids").get(0).asText()).isEqualTo(fbtWarehouse());
        TestClient.Reply inv = f.client.post("/fbt/202408/inventory/search", "{\"sku_ids\":[\"" + f.skuA + "\"]}").q("page_size", "10").shop(f.usCipher).send();
        JsonNode row = inv.data().get("inventory").get(0);
        assertThat(row.get("on_hand_detail").get("available_quantity").asInt()).isEqualTo(7);
        assertThat(row.get("goods").get("skus").get(0).get("id").asText()).isEqualTo(f.skuA);
        assertThat(f.client.post("/fbt/202408/inventory/search", "{}").shop(f.usCipher).send().code()).isEqualTo(98001004);
    }

    @Test
    void warehousesAndDeliveryOptions_followTheSpecShapes() {
        start(SandboxConfig.builder());
        JsonNode whs = f.client.get("/logistics/202309/warehouses").shop(f.usCipher).send().data().get("warehouses");
        assertThat(whs).extracting(w -> w.get("type").asText()).containsExactly("SALES_WAREHOUSE", "SALES_WAREHOUSE", "RETURN_WAREHOUSE");
        assertThat(whs.get(0).get("is_default").asBoolean()).isTrue();
        JsonNode opts = f.client.get("/logistics/202309/warehouses/" + f.usMainWarehouse + "/delivery_options").shop(f.usCipher).send()
                .data().get("delivery_options");
        JsonNode seller = opts.get(1);
        assertThat(seller.get("type").asText()).isEqualTo("SEND_BY_SELLER");
        JsonNode providers = f.client.get("/logistics/202309/delivery_options/" + seller.get("id").asText() + "/shipping_providers")
                .shop(f.usCipher).send().data().get("shipping_providers");
        assertThat(providers).extracting(p -> p.get("name").asText()).contains("USPS", "UPS", "FedEx", "DHL eCommerce");
    }
}
