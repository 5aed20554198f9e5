package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every malformed-call case of the gateway: HTTP status, code and message (spec §1, §2, §13). */
class GatewayFunctionalTest {
    private static SandboxFixture f;
    private static TestClient c;

    @BeforeAll
    static void start() {
        f = new SandboxFixture(SandboxConfig.builder().seed(7).qpsLimit(1000));
        c = f.client;
    }

    @AfterAll
    static void stop() {
        f.sb.close();
    }

    private static void assertError(TestClient.Reply r, int status, long code, String message) {
        assertThat(r.status()).as("HTTP status").isEqualTo(status);
        assertThat(r.code()).as("code").isEqualTo(code);
        assertThat(r.message()).as("message").isEqualTo(message);
        assertThat(r.json().path("request_id").asText()).isNotBlank();
        assertThat(r.json().get("data").isNull()).isTrue();
    }

    private static TestClient.Call search() {
        return c.post("/order/202309/orders/search", "{}").q("page_size", "10").shop(f.usCipher);
    }

    @Test
    void validCall_answersSuccessEnvelope() {
        TestClient.Reply r = search().send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.code()).isZero();
        assertThat(r.message()).isEqualTo("success");
        assertThat(r.data().has("orders")).isTrue();
    }

    @Test
    void everyResponse_hasAFreshRequestId() {
        String a = search().send().json().get("request_id").asText();
        String b = search().send().json().get("request_id").asText();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void unknownAppKey_is400_36009004() {
        assertError(search().q("app_key", "nope").send(), 400, 36009004, "Invalid credentials. Invalid `app_key` query parameter.");
    }

    @Test
    void missingSign_is400_36009004MissingSignature() {
        assertError(search().unsigned().send(), 400, 36009004,
                "Missing credentials. The request does not include a required signature in the query.");
    }

    @Test
    void wrongSign_is401_106001() {
        assertError(search().signature("0".repeat(64)).send(), 401, 106001, "Invalid credentials. The `sign` query parameter is invalid.");
    }

    @Test
    void bodyChangedAfterSigning_is401_106001() {
        TestClient.Reply r = c.post("/order/202309/orders/search", "{\"order_status\":\"UNPAID\"}").q("page_size", "10")
                .shop(f.usCipher).sendInstead("{\"order_status\": \"UNPAID\"}").send();
        assertError(r, 401, 106001, "Invalid credentials. The `sign` query parameter is invalid.");
    }

    @Test
    void timestampMoreThanFiveMinutesOld_is400_36009004() {
        long now = f.sb.control().now().getEpochSecond();
        assertError(search().q("timestamp", Long.toString(now - 301)).send(), 400, 36009004,
                "Invalid timestamp. The `timestamp` query parameter must not be earlier than 5 minutes before the current time.");
        assertThat(search().q("timestamp", Long.toString(now - 290)).send().code()).isZero();
    }

    @Test
    void timestampMoreThanThirtySecondsAhead_is400_36009004() {
        long now = f.sb.control().now().getEpochSecond();
        assertError(search().q("timestamp", Long.toString(now + 31)).send(), 400, 36009004,
                "Invalid timestamp. The `timestamp` query parameter must not exceed the current time by more than 30 seconds.");
        assertThat(search().q("timestamp", Long.toString(now + 25)).send().code()).isZero();
    }

    @Test
    void missingAccessToken_is400_36009004() {
        assertError(search().token(null).send(), 400, 36009004, "Invalid credentials. The `x-tts-access-token` header is invalid.");
    }

    @Test
    void unknownAccessToken_is400_36009004() {
        assertError(search().token("ROW_forged").send(), 400, 36009004, "Invalid credentials. The `x-tts-access-token` header is invalid.");
    }

    @Test
    void expiredAccessToken_is105002() {
        SandboxFixture short_ = new SandboxFixture(SandboxConfig.builder().accessTokenLifetime(Duration.ofHours(1)));
        try {
            TestClient sc = short_.client;
            assertThat(sc.get("/authorization/202309/shops").send().code()).isZero();
            short_.sb.control().advanceClock(Duration.ofHours(1));
            TestClient.Reply r = sc.get("/authorization/202309/shops").send();
            assertError(r, 401, 105002, "Expired credentials. The `access_token` or `x-tts-access-token` header has expired.");
        } finally {
            short_.sb.close();
        }
    }

    @Test
    void shopCipherMissingOnShopEndpoint_is106013() {
        assertError(search().without("shop_cipher").send(), 400, 106013,
                "Missing identifier. The `shop_cipher` query parameter is required to identify the target shop.");
    }

    @Test
    void shopCipherOnSellerLevelEndpoint_is36009004Unexpected() {
        assertError(c.get("/authorization/202309/shops").shop(f.usCipher).send(), 400, 36009004,
                "Unexpected identifier. The `shop_cipher` query parameter is not required for this request.");
    }

    @Test
    void shopCipherOfNoShop_is36009004Invalid() {
        assertError(search().shop("ROW_unknown").send(), 400, 36009004, "Invalid identifier. The `shop_cipher` query parameter is invalid.");
    }

    @Test
    void unknownPath_is404_36009009() {
        assertError(c.get("/order/202309/nothing").shop(f.usCipher).send(), 404, 36009009,
                "Invalid path. The specified path does not match any available endpoint.");
    }

    @Test
    void wrongMethod_is36009010() {
        assertError(c.get("/order/202309/orders/search").q("page_size", "10").shop(f.usCipher).send(), 405, 36009010,
                "Invalid method. The HTTP method used is not supported by this endpoint.");
    }

    @Test
    void pageSizeOutOfRange_is98001004() {
        TestClient.Reply zero = search().q("page_size", "0").send();
        assertThat(zero.code()).isEqualTo(98001004);
        assertThat(zero.message()).isEqualTo("Parameter page_size is invalid. Reason: 0 is out of range. Expected: an integer in [1, 100]");
        assertThat(search().q("page_size", "101").send().code()).isEqualTo(98001004);
        assertThat(search().q("page_size", "100").send().code()).isZero();
    }

    @Test
    void pageSizeMissingOnOrderSearch_is98001004() {
        TestClient.Reply r = search().without("page_size").send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).startsWith("Parameter page_size is invalid. Reason: page_size is required");
    }

    @Test
    void returnSearchPageSizeBelowTen_is98001004() {
        TestClient.Reply r = c.post("/return_refund/202309/returns/search", "{}").q("page_size", "9").shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).contains("[10, 50]");
    }

    @Test
    void orderDetailWithMoreThanFiftyIds_is98001004() {
        String ids = IntStream.range(0, 51).mapToObj(i -> Long.toString(576000000000000000L + i)).collect(Collectors.joining(","));
        TestClient.Reply r = c.get("/order/202309/orders").q("ids", ids).shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).isEqualTo("Parameter ids is invalid. Reason: 51 ids were given. Expected: at most 50 order ids");
    }

    @Test
    void inventorySearchWithMoreThan600SkuIds_is98001004() {
        String ids = IntStream.range(0, 601).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        TestClient.Reply r = c.post("/product/202309/inventory/search", "{\"sku_ids\":[" + ids + "]}").shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).isEqualTo("Parameter sku_ids is invalid. Reason: 601 ids were given. Expected: at most 600 sku ids");
    }

    @Test
    void negativeTimestamp_is400_36009004() {
        assertError(search().q("timestamp", "-1").send(), 400, 36009004,
                "Invalid timestamp. The `timestamp` query parameter must not be lesser than 0.");
    }

    @Test
    void inventorySearchWithMoreThan100ProductIds_is98001004() {
        String ids = IntStream.range(0, 101).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        TestClient.Reply r = c.post("/product/202309/inventory/search", "{\"product_ids\":[" + ids + "]}").shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).isEqualTo("Parameter product_ids is invalid. Reason: 101 ids were given. Expected: at most 100 product ids");
    }

    @Test
    void fbtInventorySearchWithMoreThan100SkuIds_is98001004() {
        String ids = IntStream.range(0, 101).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        TestClient.Reply r = c.post("/fbt/202408/inventory/search", "{\"sku_ids\":[" + ids + "]}").q("page_size", "10")
                .shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).isEqualTo("Parameter sku_ids is invalid. Reason: 101 ids were given. Expected: at most 100 sku ids");
    }

    @Test
    void fbtInventorySearchWithoutPageSize_is98001004() {
        TestClient.Reply r = c.post("/fbt/202408/inventory/search", "{}").shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).startsWith("Parameter page_size is invalid. Reason: page_size is required");
    }

    @Test
    void cancellationSearchPageSizeAbove50_is98001004() {
        TestClient.Reply r = c.post("/return_refund/202309/cancellations/search", "{}").q("page_size", "51").shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).contains("[1, 50]");
        assertThat(c.post("/return_refund/202309/cancellations/search", "{}").q("page_size", "50").shop(f.usCipher).send().code())
                .isZero();
    }

    @Test
    void packageSearchPageSizeAbove50_is98001004() {
        TestClient.Reply r = c.post("/fulfillment/202309/packages/search", "{}").q("page_size", "51").shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).contains("[1, 50]");
    }

    @Test
    void webhookAddressLongerThan255_is98001004() {
        String address = "https://example.com/" + "a".repeat(236);
        TestClient.Reply r = c.put("/event/202309/webhooks", "{\"event_type\":\"ORDER_STATUS_CHANGE\",\"address\":\"" + address + "\"}")
                .shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(98001004);
        assertThat(r.message()).startsWith("Parameter address is invalid");
    }

    @Test
    void productSearchWithMoreThanTenSellerSkus_is12019027() {
        String skus = IntStream.range(0, 11).mapToObj(i -> "\"S" + i + "\"").collect(Collectors.joining(","));
        TestClient.Reply r = c.post("/product/202309/products/search", "{\"seller_skus\":[" + skus + "]}")
                .q("page_size", "10").shop(f.usCipher).send();
        assertThat(r.code()).isEqualTo(12019027);
        assertThat(r.message()).isEqualTo("The number of seller_skus cannot exceed 10.");
    }

    @Test
    void bodyWithoutJsonContentType_is36009022() throws Exception {
        // Built by hand: the test client always sends application/json.
        var q = new java.util.LinkedHashMap<String, String>();
        q.put("app_key", f.sb.config().appKey());
        q.put("timestamp", Long.toString(f.sb.control().now().getEpochSecond()));
        q.put("shop_cipher", f.usCipher);
        q.put("page_size", "10");
        String body = "{}";
        String sign = SandboxSigner.sign(f.sb.config().appSecret(), "/order/202309/orders/search", q, body.getBytes());
        StringBuilder url = new StringBuilder(f.sb.apiBaseUrl() + "/order/202309/orders/search?sign=" + sign);
        q.forEach((k, v) -> url.append('&').append(k).append('=').append(TestClient.enc(v)));
        var resp = c.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.toString()))
                .header("Content-Type", "text/plain").header("x-tts-access-token", c.accessToken)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(400);
        assertThat(SandboxJson.MAPPER.readTree(resp.body()).get("code").asLong()).isEqualTo(36009022);
    }

    @Test
    void overQpsLimit_is429_36009002_withRetryAfter() {
        SandboxFixture limited = new SandboxFixture(SandboxConfig.builder().qpsLimit(3));
        try {
            List<TestClient.Reply> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(limited.client.get("/logistics/202309/warehouses").shop(limited.usCipher).send());
            }
            TestClient.Reply throttled = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            assertThat(throttled.code()).isEqualTo(36009002);
            assertThat(throttled.message()).isEqualTo("Too many requests. You've made too many requests in a short period of time.");
            assertThat(throttled.raw().headers().firstValue("Retry-After")).contains("1");
            assertThat(replies.stream().filter(r -> r.status() == 200).count()).isLessThanOrEqualTo(6);
            // Another endpoint of the same shop has its own budget.
            assertThat(limited.client.get("/authorization/202309/shops").send().status()).isEqualTo(200);
        } finally {
            limited.sb.close();
        }
    }
}
