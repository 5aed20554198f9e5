package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §7 product writes and §11 promotions as the sandbox implements them: validation codes, idempotency key, full
 * edit deleting omitted SKUs, audit on content edits, immediate price updates, price lock during a promotion.
 */
class ProductListingsFunctionalTest {
    private SandboxFixture f;
    private TestClient c;

    @BeforeEach
    void start() {
        f = new SandboxFixture(SandboxConfig.builder().seed(21));
        c = f.client;
    }

    @AfterEach
    void stop() {
        f.sb.close();
    }

    /** A valid US create body: T-shirts (leaf 601226), Material = Cotton, one SKU per seller SKU given. */
    private ObjectNode body(String... sellerSkus) {
        ObjectNode b = SandboxJson.object();
        b.put("title", "Sandbox Tee");
        b.put("description", "<p>Tee</p>");
        b.put("category_id", "601226");
        b.put("category_version", "v2");
        b.putArray("main_images").addObject().put("uri", "img-1");
        ObjectNode attr = b.putArray("product_attributes").addObject().put("id", "101100");
        attr.putArray("values").addObject().put("id", "2000001");
        ArrayNode skus = b.putArray("skus");
        for (String s : sellerSkus) {
            ObjectNode sku = skus.addObject().put("seller_sku", s);
            sku.putObject("price").put("amount", "10.00").put("currency", "USD");
            sku.putArray("inventory").addObject().put("warehouse_id", f.usMainWarehouse).put("quantity", 5);
        }
        return b;
    }

    private TestClient.Reply create(ObjectNode body) {
        return c.post("/product/202309/products", body.toString()).shop(f.usCipher).send();
    }

    @Test
    void create_valid_answersIdsAndGoesToAudit() {
        TestClient.Reply r = create(body("SB-1", "SB-2"));
        assertThat(r.code()).isZero();
        assertThat(r.data().get("skus")).hasSize(2);
        JsonNode p = f.sb.control().product(r.data().get("product_id").asText());
        assertThat(p.get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void create_nonLeafCategory_is12052024() {
        ObjectNode b = body("SB-1");
        b.put("category_id", "600001");
        assertThat(create(b).code()).isEqualTo(12052024);
    }

    @Test
    void create_usShopWithoutCategoryVersionV2_is12052217() {
        ObjectNode b = body("SB-1");
        b.remove("category_version");
        assertThat(create(b).code()).isEqualTo(12052217);
    }

    @Test
    void create_titleLongerThan255InUs_isRefusedNamingTitle() {
        ObjectNode b = body("SB-1");
        b.put("title", "x".repeat(256));
        TestClient.Reply r = create(b);
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).startsWith("Parameter title is invalid");
    }

    @Test
    void create_tenImages_isRefused() {
        ObjectNode b = body("SB-1");
        ArrayNode images = b.putArray("main_images");
        for (int i = 0; i < 10; i++) {
            images.addObject().put("uri", "img-" + i);
        }
        assertThat(create(b).message()).startsWith("Parameter main_images is invalid");
    }

    @Test
    void create_morethan300SkusInUs_is12052050() {
        String[] skus = new String[301];
        for (int i = 0; i < skus.length; i++) {
            skus[i] = "SB-" + i;
        }
        assertThat(create(body(skus)).code()).isEqualTo(12052050);
    }

    @Test
    void create_skuWithoutWarehouse_is12019022() {
        ObjectNode b = body("SB-1");
        ((ObjectNode) b.get("skus").get(0)).remove("inventory");
        assertThat(create(b).code()).isEqualTo(12019022);
    }

    @Test
    void create_missingRequiredAttribute_isRefusedForListing_butAcceptedAsDraft() {
        ObjectNode b = body("SB-1");
        b.remove("product_attributes");
        TestClient.Reply r = create(b);
        assertThat(r.message()).contains("required attribute Material (101100) is missing");
        b.put("save_mode", "AS_DRAFT");
        TestClient.Reply draft = create(b);
        assertThat(draft.code()).isZero();
        assertThat(f.sb.control().product(draft.data().get("product_id").asText()).get("status").asText())
                .isEqualTo("DRAFT");
    }

    @Test
    void create_sameIdempotencyKeyTwice_answersTheSameProduct() {
        ObjectNode b = body("SB-1");
        b.put("idempotency_key", "k-1");
        String first = create(b).data().get("product_id").asText();
        String second = create(b).data().get("product_id").asText();
        assertThat(second).isEqualTo(first);
        assertThat(c.post("/product/202309/products/search", "{\"seller_skus\":[\"SB-1\"]}").q("page_size", "10")
                .shop(f.usCipher).send().data().get("products")).hasSize(1);
    }

    @Test
    void edit_deletesOmittedSkus_andContentChangeGoesToAudit() {
        JsonNode created = create(body("SB-1", "SB-2")).data();
        String id = created.get("product_id").asText();
        f.sb.control().completeAudit(id, true, null);
        ObjectNode b = body("SB-1");
        b.put("title", "Renamed Tee");
        ((ObjectNode) b.get("skus").get(0)).put("id", created.get("skus").get(0).get("id").asText());
        TestClient.Reply r = c.put("/product/202309/products/" + id, b.toString()).shop(f.usCipher).send();
        assertThat(r.code()).isZero();
        JsonNode p = f.sb.control().product(id);
        assertThat(p.get("skus")).hasSize(1);
        assertThat(p.get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void priceUpdate_isImmediateWithoutAudit_andLockedDuringAnOngoingPromotion() {
        JsonNode created = create(body("SB-1")).data();
        String id = created.get("product_id").asText();
        String sku = created.get("skus").get(0).get("id").asText();
        f.sb.control().completeAudit(id, true, null);
        String price = "{\"skus\":[{\"id\":\"" + sku + "\",\"price\":{\"amount\":\"12.00\",\"currency\":\"USD\"}}]}";
        assertThat(c.post("/product/202309/products/" + id + "/prices/update", price).shop(f.usCipher).send().code()).isZero();
        assertThat(f.sb.control().product(id).get("status").asText()).isEqualTo("ACTIVATE");

        long begin = f.sb.control().now().getEpochSecond() + 60;
        String activity = c.post("/promotion/202309/activities", "{\"title\":\"promo-1\",\"activity_type\":\"FIXED_PRICE\","
                + "\"begin_time\":" + begin + ",\"end_time\":" + (begin + 3600) + ",\"product_level\":\"VARIATION\"}")
                .shop(f.usCipher).send().data().get("activity_id").asText();
        TestClient.Reply products = c.put("/promotion/202309/activities/" + activity + "/products", "{\"activity_id\":\""
                + activity + "\",\"products\":[{\"id\":\"" + id + "\",\"quantity_limit\":-1,\"quantity_per_user\":-1,"
                + "\"skus\":[{\"id\":\"" + sku + "\",\"activity_price_amount\":\"9.00\"}]}]}").shop(f.usCipher).send();
        assertThat(products.code()).isZero();
        f.sb.control().advanceClock(Duration.ofSeconds(120));
        assertThat(c.post("/product/202309/products/" + id + "/prices/update", price).shop(f.usCipher).send().code())
                .isEqualTo(12019045);
    }

    @Test
    void promotion_titleMustBeUniqueInTheShop() {
        long begin = f.sb.control().now().getEpochSecond() + 60;
        String body = "{\"title\":\"dup\",\"activity_type\":\"FIXED_PRICE\",\"begin_time\":" + begin + ",\"end_time\":"
                + (begin + 60) + ",\"product_level\":\"VARIATION\"}";
        assertThat(c.post("/promotion/202309/activities", body).shop(f.usCipher).send().code()).isZero();
        assertThat(c.post("/promotion/202309/activities", body).shop(f.usCipher).send().message())
                .startsWith("Parameter title is invalid");
    }

    @Test
    void deactivateThenRecover_followTheSpecStatuses_andMoreThan20IdsAreRefused() {
        String id = f.product.get("id").asText();
        assertThat(c.post("/product/202309/products/deactivate", "{\"product_ids\":[\"" + id + "\"]}").shop(f.usCipher)
                .send().data().get("errors")).isEmpty();
        assertThat(f.sb.control().product(id).get("status").asText()).isEqualTo("SELLER_DEACTIVATED");
        JsonNode recoverActive = c.post("/product/202309/products/recover", "{\"product_ids\":[\"" + id + "\"]}")
                .shop(f.usCipher).send().data().get("errors");
        assertThat(recoverActive).singleElement().satisfies(e -> assertThat(e.get("code").asInt()).isEqualTo(12019113));
        List<String> ids = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "\"" + id + "\"").toList();
        assertThat(c.post("/product/202309/products/activate", "{\"product_ids\":[" + String.join(",", ids) + "]}")
                .shop(f.usCipher).send().code()).isEqualTo(98001004);
    }

    @Test
    void categoryAttributes_spellIsRequriedAsTikTokDoes() {
        JsonNode attrs = c.get("/product/202309/categories/602118/attributes").shop(f.usCipher).send().data()
                .get("attributes");
        assertThat(attrs.findValues("is_requried")).isNotEmpty();
        assertThat(attrs.findValues("is_required")).isEmpty();
    }
}
