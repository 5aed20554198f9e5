package dev.ttsconnector.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ttsconnector.api.ApiRequest;
import dev.ttsconnector.api.ApiResponse;
import dev.ttsconnector.api.Router;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleRoutesTest {

    // No request here carries a key: the console's files are public.
    private final Router router = new Router(token -> {
        throw new AssertionError("console routes must not authenticate");
    }).register(new ConsoleRoutes(ConsoleRoutesTest.class.getClassLoader(), "console-fixture/"));

    private ApiResponse get(String rawPath) {
        return router.dispatch(ApiRequest.of("GET", rawPath, Map.of(), Map.of(), null, "req-1", "127.0.0.1"));
    }

    @Test
    void console_withoutTrailingSlash_redirectsRelativelyToTheFolder() {
        ApiResponse r = get("/console");

        assertThat(r.status()).isEqualTo(308);
        assertThat(r.header("Location")).isEqualTo("console/");
    }

    @Test
    void console_withTrailingSlash_answersIndexHtmlRevalidatedWithSameOriginCsp() {
        ApiResponse r = get("/console/");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(r.body()).contains("<title>Console fixture</title>");
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("http");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void hashedScript_answersJavaScriptCachedAsImmutable() {
        ApiResponse r = get("/console/app-ABCD2345.js");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(r.body()).isEqualTo("console.log(\"fixture app\");\n");
        assertThat(r.header("Content-Security-Policy")).isEqualTo(ConsoleRoutes.CONTENT_SECURITY_POLICY);
    }

    @Test
    void unhashedStylesheet_answersCssRevalidated() {
        ApiResponse r = get("/console/theme.css");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/css; charset=utf-8");
        assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void pageNameWithoutExtension_fallsBackToIndexHtml() {
        ApiResponse r = get("/console/orders");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).contains("<title>Console fixture</title>");
    }

    @Test
    void missingFileWithExtension_is404NotTheIndex() {
        ApiResponse r = get("/console/app-ZZZZ9999.js");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).contains("app-ZZZZ9999.js");
    }

    @Test
    void pathTraversal_encodedInOneSegment_isRefusedEvenWhenTheTargetExists() {
        assertThat(ConsoleRoutesTest.class.getClassLoader().getResource("console-fixture/../console-outside.txt"))
                .as("the fixture outside the folder exists").isNotNull();

        for (String path : List.of("/console/..%2Fconsole-outside.txt", "/console/%2e%2e%2fconsole-outside.txt",
                "/console/..%5Cconsole-outside.txt", "/console/%2E%2E", "/console/.hidden", "/console/a%00.js",
                "/console/C:%2Fwindows.txt")) {
            ApiResponse r = get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("outside the console folder");
        }
    }

    @Test
    void pathTraversal_acrossSegments_findsNoRoute() {
        ApiResponse r = get("/console/../console-outside.txt");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("outside the console folder");
    }

    @Test
    void fileWithAnUnservedExtensionOrBinaryContent_is404() {
        assertThat(get("/console/tool.exe").status()).isEqualTo(404);
        assertThat(get("/console/binary-ABCD2345.svg").status()).isEqualTo(404);
    }

    @Test
    void buildWithoutConsole_answers404SayingSo() {
        Router empty = new Router(token -> {
            throw new AssertionError("no auth");
        }).register(new ConsoleRoutes(ConsoleRoutesTest.class.getClassLoader(), "no-such-console/"));

        ApiResponse r = empty.dispatch(ApiRequest.of("GET", "/console/", Map.of(), Map.of(), null, "req-2", null));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("not part of this build");
    }
}
