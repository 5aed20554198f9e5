package dev.ttsconnector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request log behind {@code GET/DELETE /sandbox/v1/requests} and the token-call counters. */
class RequestLogFunctionalTest {
    private SandboxFixture f;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        f = new SandboxFixture(SandboxConfig.builder().seed(3));
    }

    @AfterEach
    void stop() {
        f.sb.close();
    }

    private JsonNode control(String method, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(f.sb.controlBaseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return SandboxJson.MAPPER.readTree(r.body());
    }

    @Test
    void apiCall_isLoggedWithQueryHeaderNamesAndBodyFieldPaths() throws Exception {
        f.client.post("/product/202309/inventory/search", "{\"sku_ids\":[\"" + f.skuA + "\"],\"x\":{\"y\":[{\"z\":1}]}}")
                .shop(f.usCipher).send();
        JsonNode log = control("GET", "/requests");
        assertThat(log).hasSize(1);
        JsonNode e = log.get(0);
        assertThat(e.get("host").asText()).isEqualTo("api");
        assertThat(e.get("method").asText()).isEqualTo("POST");
        assertThat(e.get("path").asText()).isEqualTo("/product/202309/inventory/search");
        assertThat(e.get("query").get("shop_cipher").asText()).isEqualTo(f.usCipher);
        assertThat(e.get("query").has("sign")).isTrue();
        assertThat(e.get("header_names")).extracting(JsonNode::asText).contains("x-tts-access-token", "content-type");
        assertThat(e.get("body_fields")).extracting(JsonNode::asText).containsExactly("sku_ids", "x", "x.y", "x.y[].z");
        assertThat(e.get("code").asLong()).isZero();
        assertThat(e.get("http_status").asInt()).isEqualTo(200);

        control("DELETE", "/requests");
        assertThat(control("GET", "/requests")).isEmpty();
    }

    @Test
    void refusedCall_isLoggedWithItsCode_andTokenCallsAreCounted() throws Exception {
        f.client.get("/logistics/202309/warehouses").send();
        String code = f.sb.control().issueAuthCode(f.sellerId);
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(f.sb.authBaseUrl() + "/api/v2/token/get?app_key="
                + f.sb.config().appKey() + "&app_secret=" + f.sb.config().appSecret() + "&auth_code=" + code
                + "&grant_type=authorized_code")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(SandboxJson.MAPPER.readTree(token.body()).get("code").asLong()).isZero();

        var entries = f.sb.control().requests();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).code()).isEqualTo(106013);
        assertThat(entries.get(1).host()).isEqualTo("auth");
        assertThat(entries.get(1).query()).containsEntry("grant_type", "authorized_code");
        assertThat(f.sb.control().calls("GET /api/v2/token/get", 0)).isEqualTo(1);
    }
}
