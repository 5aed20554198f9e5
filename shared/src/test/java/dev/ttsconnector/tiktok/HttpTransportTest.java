package dev.ttsconnector.tiktok;

import static dev.ttsconnector.tiktok.StubTikTokServer.error;
import static dev.ttsconnector.tiktok.StubTikTokServer.ok;
import static dev.ttsconnector.tiktok.StubTikTokServer.withHeader;
import static dev.ttsconnector.tiktok.TestSupport.APP_SECRET;
import static dev.ttsconnector.tiktok.TestSupport.SHOP;
import static dev.ttsconnector.tiktok.TestSupport.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.tiktok.TestSupport.FakeTokens;
import dev.ttsconnector.tiktok.TestSupport.RecordingSleeper;
import dev.ttsconnector.tiktok.internal.ApiRequest;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.internal.Operation;
import dev.ttsconnector.tiktok.orders.OrderSearchRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transport behaviour (spec §1, §2, §13) against a stub server on loopback. */
class HttpTransportTest {

    private static final Operation SHOP_GET = Operation.shop("test.shopGet", "GET", "/order/202309/orders");
    private static final Operation SELLER_GET = Operation.seller("test.sellerGet", "GET", "/authorization/202309/shops");

    private final MutableClock clock = new MutableClock(T0);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final FakeTokens tokens = new FakeTokens("tok-1");
    private final List<TransportListener.CallFinished> events = new CopyOnWriteArrayList<>();
    private StubTikTokServer stub;
    private HttpTransport transport;

    @BeforeEach
    void start() throws Exception {
        stub = new StubTikTokServer(clock, APP_SECRET);
        transport = transport(TestSupport.config(stub.baseUrl()));
    }

    private HttpTransport transport(TikTokClientConfig config) {
        TransportListener listener = new TransportListener() {
            @Override
            public void callFinished(CallFinished event) {
                events.add(event);
            }
        };
        return new HttpTransport(config, tokens, clock, sleeper, listener, null, new SplittableRandom(7));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private JsonNode callShop() {
        return transport.call(ApiRequest.of(SHOP_GET).shop(SHOP).query("ids", List.of("1", "2")).build());
    }

    @Test
    void call_signsExactBytesWithCommonParamsInSortedOrder() {
        stub.enqueue(ok("{\"orders\":[],\"total_count\":0}"));
        TikTokShopClient client = TikTokShopClient.builder(TestSupport.config(stub.baseUrl()), tokens).clock(clock)
                .sleeper(sleeper).build();
        OrderSearchRequest request = new OrderSearchRequest("UNPAID", null, null, null, null, null, null, null, null,
                20, "update_time", SortOrder.ASC);

        client.orders().searchPage(SHOP, request, null);

        StubTikTokServer.Recorded r = stub.requests().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/order/202309/orders/search");
        assertThat(r.bodyText()).isEqualTo("{\"order_status\":\"UNPAID\"}");
        // Written by hand from spec §2: secret + path + sorted key/value pairs + body + secret.
        String stringToSign = "test_app_secret/order/202309/orders/search"
                + "app_keytest_app_keypage_size20shop_cipherROW_cipher1sort_fieldupdate_timesort_orderASC"
                + "timestamp1700000000{\"order_status\":\"UNPAID\"}test_app_secret";
        String expectedSign = StubTikTokServer.hmacHex(APP_SECRET, stringToSign.getBytes(StandardCharsets.UTF_8));
        assertThat(r.rawQuery()).isEqualTo("app_key=test_app_key&page_size=20&shop_cipher=ROW_cipher1"
                + "&sort_field=update_time&sort_order=ASC&timestamp=1700000000&sign=" + expectedSign);
        assertThat(r.header("x-tts-access-token")).isEqualTo("tok-1");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(stub.badSignatures()).isZero();
    }

    @Test
    void call_joinsArrayParamsWithCommasAndSignsThem() {
        stub.enqueue(ok("{}"));
        callShop();
        StubTikTokServer.Recorded r = stub.requests().get(0);
        assertThat(r.query().get("ids")).isEqualTo("1,2");
        assertThat(r.rawQuery()).startsWith("app_key=test_app_key&ids=1%2C2&shop_cipher=ROW_cipher1&timestamp=");
        assertThat(r.body()).isEmpty();
        assertThat(stub.badSignatures()).isZero();
    }

    @Test
    void call_sellerLevelOperation_omitsShopCipherAndUsesExplicitToken() {
        stub.enqueue(ok("{\"shops\":[]}"));
        transport.call(ApiRequest.of(SELLER_GET).accessToken("seller-token").build());
        StubTikTokServer.Recorded r = stub.requests().get(0);
        assertThat(r.query()).containsOnlyKeys("app_key", "timestamp", "sign");
        assertThat(r.header("x-tts-access-token")).isEqualTo("seller-token");
    }

    @Test
    void call_whenTikTokReturns429WithRetryAfter_waitsThatLongThenSucceeds() {
        stub.enqueue(withHeader(error(429, 36009002, "Too many requests."), "Retry-After", "7"), ok("{\"x\":1}"));
        JsonNode data = callShop();
        assertThat(data.get("x").asInt()).isEqualTo(1);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(stub.requests()).hasSize(2);
        // The retry is stamped with the moved clock and re-signed.
        assertThat(stub.requests().get(1).query().get("timestamp")).isEqualTo(String.valueOf(T0.getEpochSecond() + 7));
        assertThat(stub.badSignatures()).isZero();
    }

    @Test
    void call_whenCode36009002WithoutRetryAfter_backsOffAndRetries() {
        stub.enqueue(error(200, 36009002, "Too many requests."), ok("{}"));
        callShop();
        assertThat(sleeper.sleeps).hasSize(1);
        assertThat(sleeper.sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void call_whenRetryAfterExceedsPolicy_throwsRateLimitedWithoutWaiting() {
        stub.enqueue(withHeader(error(429, 36009002, "Too many requests."), "Retry-After", "120"));
        TikTokRateLimitedException e = catchThrowableOfType(TikTokRateLimitedException.class, this::callShop);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(e.retryable()).isTrue();
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void call_when5xxTwice_retriesWithGrowingJitteredBackoffThenSucceeds() {
        stub.enqueue(error(503, 36009003, "Internal error."), error(500, 36009003, "Internal error."), ok("{}"));
        callShop();
        assertThat(stub.requests()).hasSize(3);
        assertThat(sleeper.sleeps).hasSize(2);
        assertThat(sleeper.sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeper.sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(events).extracting(TransportListener.CallFinished::outcome)
                .containsExactly("RETRY", "RETRY", "SUCCESS");
    }

    @Test
    void call_whenTransientCodeOn200_retries() {
        stub.enqueue(error(200, 36009007, "Request timeout."), ok("{}"));
        callShop();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void call_whenTransientFailuresReachTheCap_throwsTransientAfterMaxAttempts() {
        stub.respondWith(r -> error(502, 36009003, "Internal error."));
        TikTokTransientException e = catchThrowableOfType(TikTokTransientException.class, this::callShop);
        assertThat(stub.requests()).hasSize(4);
        assertThat(sleeper.sleeps).hasSize(3);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.code()).isEqualTo(36009003);
        assertThat(e.operation()).isEqualTo("test.shopGet");
        assertThat(e.requestId()).isEqualTo("req-err-36009003");
    }

    @Test
    void call_backoffIsCappedAtMaxDelay() {
        TikTokClientConfig cfg = TestSupport.config(stub.baseUrl()).withRetryPolicy(
                new RetryPolicy(8, Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(30)));
        transport = transport(cfg);
        stub.respondWith(r -> error(500, 36009003, "Internal error."));
        assertThatThrownBy(this::callShop).isInstanceOf(TikTokTransientException.class);
        assertThat(sleeper.sleeps).hasSize(7).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(300)));
    }

    @Test
    void call_whenConnectionRefused_retriesThenThrowsTransient() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        transport = transport(TestSupport.config(URI.create("http://127.0.0.1:" + freePort)));
        TikTokTransientException e = catchThrowableOfType(TikTokTransientException.class, this::callShop);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.code()).isNull();
        assertThat(sleeper.sleeps).hasSize(3);
    }

    @Test
    void call_whenTokenExpired_refreshesOnceAndRetriesWithNewToken() {
        stub.enqueue(error(200, 105002, "Expired credentials."), ok("{}"));
        callShop();
        assertThat(tokens.refreshes.get()).isEqualTo(1);
        assertThat(stub.requests()).extracting(r -> r.header("x-tts-access-token"))
                .containsExactly("tok-1", "tok-1-refreshed");
        assertThat(sleeper.sleeps).isEmpty();
    }

    @Test
    void call_whenStillExpiredAfterRefresh_throwsAuthWithoutSecondRefresh() {
        stub.respondWith(r -> error(200, 105002, "Expired credentials."));
        TikTokAuthException e = catchThrowableOfType(TikTokAuthException.class, this::callShop);
        assertThat(tokens.refreshes.get()).isEqualTo(1);
        assertThat(stub.requests()).hasSize(2);
        assertThat(e.code()).isEqualTo(105002);
        assertThat(e.getMessage()).doesNotContain("tok-1").doesNotContain(APP_SECRET);
    }

    @Test
    void call_whenRefreshIsRefusedPermanently_laterCallersWithTheSameStaleTokenFailFastWithoutRefreshing() {
        java.util.concurrent.atomic.AtomicInteger refreshCalls = new java.util.concurrent.atomic.AtomicInteger();
        TokenProvider revoked = new TokenProvider() {
            @Override
            public String accessToken(ShopContext shop) {
                return "tok-old";
            }

            @Override
            public String refresh(ShopContext shop, String staleToken) {
                refreshCalls.incrementAndGet();
                throw new TikTokAuthException("auth.tokenRefresh", 200, 36004004, "Invalid refresh token.", "r1");
            }
        };
        transport = new HttpTransport(TestSupport.config(stub.baseUrl()), revoked, clock, sleeper, null, null, null);
        stub.respondWith(r -> error(200, 105002, "Expired credentials."));
        assertThatThrownBy(this::callShop).isInstanceOf(TikTokAuthException.class);
        assertThatThrownBy(this::callShop).isInstanceOf(TikTokAuthException.class)
                .hasMessageContaining("refresh already failed");
        assertThat(refreshCalls.get()).isEqualTo(1);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void call_when36009004TimestampMessage_retriesOnceWithFreshTimestamp() {
        stub.enqueue(error(400, 36009004,
                "Invalid timestamp. The timestamp must not be earlier than 5 minutes before the current time."), ok("{}"));
        callShop();
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void call_when36009004TimestampTwice_isPermanent() {
        stub.respondWith(r -> error(400, 36009004, "Invalid timestamp. The timestamp must not exceed the current time by more than 30 seconds."));
        assertThatThrownBy(this::callShop).isInstanceOf(TikTokPermanentException.class)
                .isNotInstanceOf(TikTokAuthException.class);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void call_when36009004CredentialsMessage_isAuthFailureNotRetried() {
        stub.enqueue(error(400, 36009004, "Invalid credentials. The `x-tts-access-token` header is invalid."));
        TikTokAuthException e = catchThrowableOfType(TikTokAuthException.class, this::callShop);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(stub.requests()).hasSize(1);
        assertThat(tokens.refreshes.get()).isZero();
    }

    @Test
    void call_when36009004IdentifierMessage_isPermanentNotRetried() {
        stub.enqueue(error(400, 36009004,
                "Unexpected identifier. The `shop_cipher` query parameter is not required for this request."));
        assertThatThrownBy(this::callShop).isInstanceOf(TikTokPermanentException.class)
                .isNotInstanceOf(TikTokAuthException.class);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void call_whenBusinessError_isPermanentNotRetriedAndDescribed() {
        stub.enqueue(error(200, 21008111, "The order or package does not belong to the current seller."));
        TikTokPermanentException e = catchThrowableOfType(TikTokPermanentException.class, this::callShop);
        assertThat(stub.requests()).hasSize(1);
        assertThat(e.retryable()).isFalse();
        assertThat(e.code()).isEqualTo(21008111);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.requestId()).isEqualTo("req-err-21008111");
        assertThat(e.getMessage()).contains("test.shopGet").contains("21008111").doesNotContain("tok-1");
    }

    @Test
    void call_whenScopeMissing_isAuthFailure() {
        stub.enqueue(error(200, 105005, "Access denied."));
        assertThatThrownBy(this::callShop).isInstanceOf(TikTokAuthException.class);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void call_whenSuccessHasNoData_returnsEmptyObject() {
        stub.enqueue(new StubTikTokServer.Response(200, java.util.Map.of(),
                "{\"code\":0,\"message\":\"success\",\"request_id\":\"r\"}"));
        assertThat(callShop().isObject()).isTrue();
    }

    @Test
    void listener_receivesEveryAttemptWithStatusAndCode() {
        stub.enqueue(error(503, 36009003, "Internal error."), ok("{}"));
        callShop();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).attempt()).isEqualTo(1);
        assertThat(events.get(0).httpStatus()).isEqualTo(503);
        assertThat(events.get(0).code()).isEqualTo(36009003);
        assertThat(events.get(1).attempt()).isEqualTo(2);
        assertThat(events.get(1).code()).isZero();
        assertThat(events.get(1).operation()).isEqualTo("test.shopGet");
    }

    @Test
    void shopScopedOperation_withoutShop_isRejectedBeforeSending() {
        assertThatThrownBy(() -> ApiRequest.of(SHOP_GET).accessToken("t").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shop");
    }
}
