package dev.ttsconnector.flow.orders.cancel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.ChangeSource;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.orders.SandboxShopFixture;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.sandbox.FaultPlan;
import dev.ttsconnector.settings.TikTokCodes;
import dev.ttsconnector.tiktok.returns.AftersaleSearchRequest;
import dev.ttsconnector.tiktok.returns.Cancellation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderCancellationService} against the TikTok sandbox: one test per setting involved ("Cancel order in TikTok
 * Shop when order is canceled in Pipe17", the two default cancel reasons, "Reject Buyer Refund Requests for
 * Seller-Initiated Cancellations"), idempotency, and TikTok refusing or timing out.
 */
class OrderCancellationServiceFunctionalTest {

    private static final String CANCEL = "POST /return_refund/202309/cancellations";
    private static final String REJECT_CANCELLATION = "POST /return_refund/202309/cancellations/{cancel_id}/reject";
    private static final String REJECT_RETURN = "POST /return_refund/202309/returns/{return_id}/reject";
    private static final String ON = "{\"orders\":{\"cancelInTikTokWhenCanceled\":true,"
            + "\"lineItemCancelReason\":\"seller_cancel_reason_out_of_stock\","
            + "\"fullOrderCancelReason\":\"seller_cancel_reason_wrong_price\"}";
    private static final String ON_WITH_REJECT = ON + ",\"refunds\":{\"rejectBuyerRequestsOnSellerCancel\":true}}";

    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static SandboxShopFixture fixture;

    private final InMemoryOrderStore orders = new InMemoryOrderStore();
    private final InMemoryCancellationStore records = new InMemoryCancellationStore();
    private final List<String> disconnected = new ArrayList<>();
    private OrderCancellationService service;

    @BeforeAll
    static void startSandbox() {
        fixture = new SandboxShopFixture(CLOCK);
    }

    @AfterAll
    static void stopSandbox() {
        fixture.close();
    }

    @BeforeEach
    void setUp() {
        CLOCK.set(Instant.now());
        fixture.sandbox().control().configureFaults(FaultPlan.none(), 1);
        service = new OrderCancellationService(orders, records, fixture.settings(),
                fixture.shopAccess(disconnected), TikTokCodes.standard(), CLOCK);
    }

    /** A TikTok order (3 units of TEE, 1 of CAP) in AWAITING_SHIPMENT and its app order (status new). */
    private AppOrder order(String integrationId) {
        Map<String, String> skus = fixture.createSkus("TEE", "CAP");
        JsonNode tt = fixture.createTikTokOrder(Map.of(skus.get("TEE"), 3, skus.get("CAP"), 1), null, null);
        AppOrder order = fixture.appOrder(integrationId, tt.path("id").asText(), AppOrderStatus.NEW);
        return orders.insert(order).orElseThrow();
    }

    private static JsonNode tiktok(AppOrder order) {
        return fixture.sandbox().control().order(order.tiktokOrderId());
    }

    private static List<JsonNode> lineItems(AppOrder order, String sku) {
        List<JsonNode> out = new ArrayList<>();
        tiktok(order).path("line_items").forEach(li -> {
            if (li.path("seller_sku").asText().equals(sku)) {
                out.add(li);
            }
        });
        return out;
    }

    private static long calls(String endpoint) {
        return fixture.settledCalls(endpoint);
    }

    private static ApiException refusal(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("expected an ApiException");
    }

    private static Cancellation buyerCancellation(AppOrder order, String cancelId) {
        ConnectedShop shop = fixture.shopAccess(List.of()).connected("probe");
        AftersaleSearchRequest byId = new AftersaleSearchRequest(List.of(cancelId), List.of(order.tiktokOrderId()),
                null, null, null, null, null, null, 10, null, null);
        return shop.client().returns().searchCancellations(shop.shop(), byId, null).toList().stream().findFirst()
                .orElseThrow();
    }

    @Test
    void cancel_whenCancelSettingIsOff_isRefusedNamingTheSettingWithoutCallingTikTok() {
        String integration = fixture.newIntegration(null);
        AppOrder order = order(integration);
        long before = calls(CANCEL);

        ApiException e = refusal(() -> service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder()));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("cancel_disabled");
        assertThat(e.field()).isEqualTo("settings.orders.cancelInTikTokWhenCanceled");
        assertThat(calls(CANCEL)).isEqualTo(before);
        assertThat(tiktok(order).path("status").asText()).isEqualTo("AWAITING_SHIPMENT");
    }

    @Test
    void cancel_fullOrderWithoutReason_usesTheFullOrderDefaultReason_andTheOrderIsCancelledInTikTokAndTheApp() {
        String integration = fixture.newIntegration(ON + "}");
        AppOrder order = order(integration);

        CancellationResult result = service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder());

        assertThat(result.created()).isTrue();
        assertThat(result.cancellation().state()).isEqualTo(CancellationState.SUBMITTED);
        assertThat(result.cancellation().reason()).isEqualTo("seller_cancel_reason_wrong_price");
        assertThat(result.cancellation().tiktokCancelId()).isNotBlank();
        JsonNode tt = tiktok(order);
        assertThat(tt.path("status").asText()).isEqualTo("CANCELLED");
        tt.path("line_items").forEach(li ->
                assertThat(li.path("cancel_reason").asText()).isEqualTo("seller_cancel_reason_wrong_price"));
        AppOrder stored = orders.get(integration, order.tiktokOrderId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(AppOrderStatus.CANCELLED);
        assertThat(result.order().status()).isEqualTo(AppOrderStatus.CANCELLED);
        assertThat(stored.history()).last().satisfies(h -> assertThat(h.source()).isEqualTo(ChangeSource.API));
    }

    @Test
    void cancel_linesWithoutReason_usesTheLineItemDefaultReason_andCancelsOnlyTheRequestedUnits() {
        String integration = fixture.newIntegration(ON + "}");
        AppOrder order = order(integration);
        String tee = SandboxShopFixture.sellerSku(order, "TEE");
        String cap = SandboxShopFixture.sellerSku(order, "CAP");

        CancellationResult result = service.cancel(integration, order.tiktokOrderId(),
                new CancelOrderRequest(List.of(new CancelOrderRequest.Line(tee, 2)), null));

        assertThat(result.cancellation().scope()).isEqualTo(CancellationScope.LINES);
        assertThat(result.cancellation().reason()).isEqualTo("seller_cancel_reason_out_of_stock");
        assertThat(result.cancellation().skuQuantities()).containsExactlyEntriesOf(Map.of(tee, 2));
        assertThat(lineItems(order, tee)).extracting(li -> li.path("display_status").asText())
                .containsExactlyInAnyOrder("CANCELLED", "CANCELLED", "AWAITING_SHIPMENT");
        assertThat(lineItems(order, tee)).filteredOn(li -> li.path("display_status").asText().equals("CANCELLED"))
                .allSatisfy(li -> assertThat(li.path("cancel_reason").asText())
                        .isEqualTo("seller_cancel_reason_out_of_stock"));
        assertThat(lineItems(order, cap)).extracting(li -> li.path("display_status").asText())
                .containsExactly("AWAITING_SHIPMENT");
        assertThat(tiktok(order).path("status").asText()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(orders.get(integration, order.tiktokOrderId()).orElseThrow().status()).isEqualTo(AppOrderStatus.NEW);
    }

    @Test
    void cancel_withExplicitReason_sendsThatReasonInsteadOfTheDefault() {
        String integration = fixture.newIntegration(ON + "}");
        AppOrder order = order(integration);

        CancellationResult result = service.cancel(integration, order.tiktokOrderId(),
                new CancelOrderRequest(null, "seller_cancel_paid_reason_address_not_deliver"));

        assertThat(result.cancellation().reason()).isEqualTo("seller_cancel_paid_reason_address_not_deliver");
        tiktok(order).path("line_items").forEach(li ->
                assertThat(li.path("cancel_reason").asText()).isEqualTo("seller_cancel_paid_reason_address_not_deliver"));
    }

    @Test
    void cancel_withUnknownReasonOrBadLines_isRefusedNamingTheField() {
        String integration = fixture.newIntegration(ON + "}");
        AppOrder order = order(integration);
        String tee = SandboxShopFixture.sellerSku(order, "TEE");
        long before = calls(CANCEL);

        ApiException reason = refusal(() -> service.cancel(integration, order.tiktokOrderId(),
                new CancelOrderRequest(null, "because")));
        ApiException tooMany = refusal(() -> service.cancel(integration, order.tiktokOrderId(),
                new CancelOrderRequest(List.of(new CancelOrderRequest.Line(tee, 4)), null)));
        ApiException unknownSku = refusal(() -> service.cancel(integration, order.tiktokOrderId(),
                new CancelOrderRequest(List.of(new CancelOrderRequest.Line(tee, 1),
                        new CancelOrderRequest.Line("NOPE", 1)), null)));
        ApiException zero = refusal(() -> service.cancel(integration, order.tiktokOrderId(),
                new CancelOrderRequest(List.of(new CancelOrderRequest.Line(tee, 0)), null)));

        assertThat(reason.status()).isEqualTo(422);
        assertThat(reason.field()).isEqualTo("reason");
        assertThat(reason.getMessage()).contains("seller_cancel_reason_out_of_stock");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.field()).isEqualTo("lines[0].quantity");
        assertThat(tooMany.getMessage()).contains("3 unit(s)");
        assertThat(unknownSku.status()).isEqualTo(422);
        assertThat(unknownSku.field()).isEqualTo("lines[1].sku");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.field()).isEqualTo("lines[0].quantity");
        assertThat(calls(CANCEL)).isEqualTo(before);
    }

    @Test
    void cancel_repeatedForTheSameOrder_answersTheExistingCancellationWithoutASecondTikTokCall() {
        String integration = fixture.newIntegration(ON + "}");
        AppOrder order = order(integration);
        CancellationResult first = service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder());
        long after = calls(CANCEL);

        CancellationResult again = service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder());
        CancellationResult lines = service.cancel(integration, order.tiktokOrderId(), new CancelOrderRequest(
                List.of(new CancelOrderRequest.Line(SandboxShopFixture.sellerSku(order, "TEE"), 1)), null));

        assertThat(again.created()).isFalse();
        assertThat(again.cancellation()).isEqualTo(first.cancellation());
        assertThat(lines.created()).isFalse();
        assertThat(calls(CANCEL)).isEqualTo(after);
        assertThat(records.list(integration, order.tiktokOrderId())).hasSize(1);
    }

    @Test
    void cancel_linesWithAHigherTotalLater_cancelsOnlyTheDifference_andTheSameTotalAgainNothing() {
        String integration = fixture.newIntegration(ON + "}");
        AppOrder order = order(integration);
        String tee = SandboxShopFixture.sellerSku(order, "TEE");
        service.cancel(integration, order.tiktokOrderId(),
                new CancelOrderRequest(List.of(new CancelOrderRequest.Line(tee, 1)), null));
        long afterFirst = calls(CANCEL);

        CancellationResult second = service.cancel(integration, order.tiktokOrderId(),
                new CancelOrderRequest(List.of(new CancelOrderRequest.Line(tee, 2)), null));
        CancellationResult repeat = service.cancel(integration, order.tiktokOrderId(),
                new CancelOrderRequest(List.of(new CancelOrderRequest.Line(tee, 2)), null));

        assertThat(second.created()).isTrue();
        assertThat(second.cancellation().lineItemIds()).hasSize(1);
        assertThat(second.cancellation().sequence()).isEqualTo(2);
        assertThat(repeat.created()).isFalse();
        assertThat(repeat.cancellation().sequence()).isEqualTo(2);
        assertThat(calls(CANCEL)).isEqualTo(afterFirst + 1);
        assertThat(lineItems(order, tee)).filteredOn(li -> li.path("display_status").asText().equals("CANCELLED"))
                .hasSize(2);
    }

    @Test
    void cancel_withPendingBuyerCancellationAndRejectSettingOn_rejectsItWithAFetchedReasonThenCancels() {
        String integration = fixture.newIntegration(ON_WITH_REJECT);
        AppOrder order = order(integration);
        String buyerCancelId = fixture.sandbox().control().requestBuyerCancellation(order.tiktokOrderId(), null)
                .path("cancel_id").asText();
        long rejectsBefore = calls(REJECT_CANCELLATION);

        CancellationResult result = service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder());

        assertThat(result.cancellation().rejectedBuyerRequests()).containsExactly(buyerCancelId);
        assertThat(tiktok(order).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(buyerCancellation(order, buyerCancelId).cancelStatus()).isEqualTo("CANCELLATION_REQUEST_CANCEL");
        assertThat(calls(REJECT_CANCELLATION)).isEqualTo(rejectsBefore + 1);
    }

    @Test
    void cancel_withPendingBuyerCancellationAndRejectSettingOff_leavesTheBuyerRequestAlone() {
        String integration = fixture.newIntegration(ON + "}");
        AppOrder order = order(integration);
        String buyerCancelId = fixture.sandbox().control().requestBuyerCancellation(order.tiktokOrderId(), null)
                .path("cancel_id").asText();
        long rejectsBefore = calls(REJECT_CANCELLATION);

        CancellationResult result = service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder());

        assertThat(result.cancellation().rejectedBuyerRequests()).isEmpty();
        assertThat(calls(REJECT_CANCELLATION)).isEqualTo(rejectsBefore);
        assertThat(buyerCancellation(order, buyerCancelId).cancelStatus()).isEqualTo("CANCELLATION_REQUEST_PENDING");
    }

    @Test
    void cancel_withPendingReturnAndRejectSettingOn_rejectsTheReturnFirst_thenReportsTikTokRefusingTheCancel() {
        String integration = fixture.newIntegration(ON_WITH_REJECT);
        AppOrder order = order(integration);
        fixture.sandbox().control().setOrderStatus(order.tiktokOrderId(), "IN_TRANSIT");
        fixture.sandbox().control().setOrderStatus(order.tiktokOrderId(), "DELIVERED");
        String returnId = fixture.sandbox().control().createReturn(order.tiktokOrderId(), "REFUND", null)
                .path("return_id").asText();
        long rejectsBefore = calls(REJECT_RETURN);

        // The app still thinks the order is new (ingestion lags): TikTok is the judge of what is cancellable.
        ApiException e = refusal(() -> service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder()));

        assertThat(calls(REJECT_RETURN)).isEqualTo(rejectsBefore + 1);
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("tiktok_refused");
        assertThat(e.getMessage()).contains("DELIVERED");
        assertThat(records.list(integration, order.tiktokOrderId())).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(CancellationState.FAILED);
            assertThat(r.rejectedBuyerRequests()).containsExactly(returnId);
        });
    }

    @Test
    void cancel_whenTikTokStatusNoLongerAllowsIt_isRefusedWithTikToksReason_andNothingCountsAsCancelled() {
        String integration = fixture.newIntegration(ON + "}");
        AppOrder order = order(integration);
        fixture.sandbox().control().setOrderStatus(order.tiktokOrderId(), "IN_TRANSIT");

        ApiException first = refusal(() -> service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder()));
        long afterFirst = calls(CANCEL);
        ApiException second = refusal(() -> service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder()));

        assertThat(first.status()).isEqualTo(409);
        assertThat(first.code()).isEqualTo("tiktok_refused");
        assertThat(first.getMessage()).contains("IN_TRANSIT").contains("can no longer be cancelled");
        // A refusal is not remembered as a cancellation: the next request asks TikTok again.
        assertThat(second.code()).isEqualTo("tiktok_refused");
        assertThat(calls(CANCEL)).isEqualTo(afterFirst + 1);
        assertThat(orders.get(integration, order.tiktokOrderId()).orElseThrow().status()).isEqualTo(AppOrderStatus.NEW);
    }

    @Test
    void cancel_whenAppOrderIsAlreadyInTransit_isRefusedWithoutCallingTikTok() {
        String integration = fixture.newIntegration(ON + "}");
        AppOrder order = order(integration);
        orders.replace(order.withStatus(AppOrderStatus.IN_TRANSIT, CLOCK.now()));
        long before = calls(CANCEL);

        ApiException e = refusal(() -> service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder()));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("order_not_cancellable");
        assertThat(calls(CANCEL)).isEqualTo(before);
    }

    @Test
    void cancel_whenTikTokAppliedItButTheAnswerWasLost_isAdoptedOnTheNextRequestWithoutCancellingTwice() {
        String integration = fixture.newIntegration(ON + "}");
        AppOrder order = order(integration);
        fixture.sandbox().control().configureFaults(new FaultPlan(0, 0, 1, 0, 0, 0, 1.0, 0, 0, 0), 3);
        ApiException lost;
        try {
            lost = refusal(() -> service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder()));
        } finally {
            fixture.sandbox().control().configureFaults(FaultPlan.none(), 3);
        }
        assertThat(tiktok(order).path("status").asText()).isEqualTo("CANCELLED");
        long cancelsAfterFault = calls(CANCEL);
        // TikTok's answers were lost (and so was the look-up): 503, and the record stays PENDING.
        assertThat(lost.status()).isEqualTo(503);
        assertThat(lost.code()).isEqualTo("tiktok_unavailable");
        assertThat(records.list(integration, order.tiktokOrderId())).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(CancellationState.PENDING));
        assertThat(refusal(() -> service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder()))
                .code()).isEqualTo("cancellation_in_progress");
        CLOCK.advance(OrderCancellationService.PENDING_LEASE.plus(Duration.ofSeconds(1)));

        CancellationResult result = service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder());

        assertThat(result.created()).isTrue();
        assertThat(result.cancellation().state()).isEqualTo(CancellationState.SUBMITTED);
        assertThat(result.cancellation().tiktokCancelId()).isNotBlank();
        assertThat(calls(CANCEL)).isEqualTo(cancelsAfterFault);
        assertThat(orders.get(integration, order.tiktokOrderId()).orElseThrow().status())
                .isEqualTo(AppOrderStatus.CANCELLED);
    }

    @Test
    void cancel_sentTwiceAtOnce_reachesTikTokOnce() throws Exception {
        String integration = fixture.newIntegration(ON + "}");
        AppOrder order = order(integration);
        long before = calls(CANCEL);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    try {
                        return service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder());
                    } catch (ApiException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : answers) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }

            assertThat(results).filteredOn(r -> r instanceof CancellationResult c && c.created()).hasSize(1);
            assertThat(results).filteredOn(r -> !(r instanceof CancellationResult c && c.created()))
                    .singleElement().satisfies(other -> {
                        if (other instanceof ApiException e) {
                            assertThat(e.code()).isEqualTo("cancellation_in_progress");
                        } else {
                            assertThat(((CancellationResult) other).created()).isFalse();
                        }
                    });
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls(CANCEL)).isEqualTo(before + 1);
        assertThat(records.list(integration, order.tiktokOrderId())).hasSize(1);
    }

    @Test
    void cancel_whenIntegrationIsNotConnected_isRefusedNamingTheIntegration() {
        String integration = fixture.newIntegration(ON + "}");
        AppOrder order = order(integration);
        disconnected.add(integration);

        ApiException e = refusal(() -> service.cancel(integration, order.tiktokOrderId(), CancelOrderRequest.fullOrder()));

        assertThat(e.code()).isEqualTo("integration_not_connected");
        assertThat(e.field()).isEqualTo("integrationId");
        assertThat(records.list(integration, order.tiktokOrderId())).isEmpty();
    }

    @Test
    void cancel_forAnOrderNotInTheApp_isNotFound() {
        String integration = fixture.newIntegration(ON + "}");

        assertThatThrownBy(() -> service.cancel(integration, "576000000000000001", CancelOrderRequest.fullOrder()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
