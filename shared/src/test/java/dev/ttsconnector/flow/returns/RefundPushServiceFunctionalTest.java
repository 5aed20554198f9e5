package dev.ttsconnector.flow.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.returns.AppRefund;
import dev.ttsconnector.app.returns.InMemoryReturnStore;
import dev.ttsconnector.app.returns.ReturnStore;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.orders.SandboxShopFixture;
import dev.ttsconnector.flow.orders.cancel.InMemoryCancellationStore;
import dev.ttsconnector.flow.orders.cancel.OrderCancellationService;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.settings.TikTokCodes;
import dev.ttsconnector.tiktok.returns.AftersaleSearchRequest;
import dev.ttsconnector.tiktok.returns.ReturnOrder;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RefundPushService} against the TikTok sandbox through the real client: the default reason per order status
 * (Refunds settings), the cancellation of unshipped orders, TikTok's calculated amount, refusals naming the field,
 * and idempotency (a retried push, also after a crash between TikTok's answer and the app record, opens no second
 * return in TikTok).
 */
class RefundPushServiceFunctionalTest {

    private static final String CREATE = "POST /return_refund/202309/returns";
    private static final String CALCULATE = "POST /return_refund/202309/refunds/calculate";
    private static final String CANCEL = "POST /return_refund/202309/cancellations";
    private static final MutableClock CLOCK = new MutableClock(Instant.now());
    private static SandboxShopFixture fixture;

    private final InMemoryOrderStore orders = new InMemoryOrderStore();
    private final InMemoryReturnStore records = new InMemoryReturnStore();
    private RefundPushService service;

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
        service = service(records);
    }

    private RefundPushService service(ReturnStore store) {
        return new RefundPushService(orders, store, new OrderCancellationService(orders,
                new InMemoryCancellationStore(), fixture.settings(), fixture.shopAccess(List.of()),
                TikTokCodes.standard(), CLOCK), fixture.settings(), fixture.shopAccess(List.of()),
                TikTokCodes.standard(), CLOCK);
    }

    /** A TikTok order (2 units of TEE, 1 of CAP) in {@code status} and its app order. */
    private AppOrder order(String integrationId, String status) {
        Map<String, String> skus = fixture.createSkus("TEE", "CAP");
        JsonNode tt = fixture.createTikTokOrder(Map.of(skus.get("TEE"), 2, skus.get("CAP"), 1), status, null);
        AppOrderStatus app = status == null ? AppOrderStatus.NEW : switch (status) {
            case "DELIVERED" -> AppOrderStatus.DELIVERED;
            case "IN_TRANSIT" -> AppOrderStatus.IN_TRANSIT;
            default -> AppOrderStatus.NEW;
        };
        return orders.insert(fixture.appOrder(integrationId, tt.path("id").asText(), app)).orElseThrow();
    }

    private static List<ReturnOrder> sellerReturns(AppOrder order) {
        ConnectedShop shop = fixture.shopAccess(List.of()).connected("probe");
        return shop.client().returns().searchReturns(shop.shop(), AftersaleSearchRequest.forOrders(
                List.of(order.tiktokOrderId())), null).toList().stream()
                .filter(r -> "SELLER".equals(r.role())).toList();
    }

    private static ApiException refusal(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("expected an ApiException");
    }

    private static CreateRefundRequest whole() {
        return new CreateRefundRequest(null, List.of(), null, null, null);
    }

    @Test
    void refund_deliveredOrderWithoutReasonOrAmount_usesDeliveredDefaultAndTikTokCalculatedAmount() {
        String integration = fixture.newIntegration(null);
        AppOrder order = order(integration, "DELIVERED");
        long calculated = fixture.settledCalls(CALCULATE);

        RefundPushResult result = service.create(integration, order.tiktokOrderId(), whole());

        assertThat(result.kind()).isEqualTo(RefundPushResult.Kind.REFUND);
        assertThat(result.created()).isTrue();
        AppRefund refund = result.refund();
        assertThat(refund.origin()).isEqualTo(AppRefund.ORIGIN_APP);
        assertThat(refund.reason()).isEqualTo(TikTokCodes.REFUND_REASON_DAMAGED);
        assertThat(refund.refundType()).isEqualTo("REFUND");
        assertThat(refund.tiktokUpdateTime()).isEqualTo(Instant.EPOCH);
        assertThat(refund.lines()).hasSize(3);
        assertThat(fixture.settledCalls(CALCULATE)).isEqualTo(calculated + 1);
        ReturnOrder inTikTok = sellerReturns(order).get(0);
        assertThat(inTikTok.returnId()).isEqualTo(refund.tiktokReturnId());
        assertThat(inTikTok.returnReason()).isEqualTo(TikTokCodes.REFUND_REASON_DAMAGED);
        assertThat(refund.total()).isEqualTo(inTikTok.refundAmount().refundTotal());
        assertThat(records.getRefund(integration, refund.tiktokReturnId())).contains(refund);
    }

    @Test
    void refund_retriedWithTheSameRequest_opensNoSecondTikTokReturn_andAnswersTheFirstRecord() {
        String integration = fixture.newIntegration(null);
        AppOrder order = order(integration, "DELIVERED");
        String sku = SandboxShopFixture.sellerSku(order, "TEE");
        CreateRefundRequest request = new CreateRefundRequest("REFUND",
                List.of(new CreateRefundRequest.Line(sku, 1)), new CreateRefundRequest.Amount(new BigDecimal("1.50"),
                "USD"), null, "refund-42");
        long creates = fixture.settledCalls(CREATE);

        RefundPushResult first = service.create(integration, order.tiktokOrderId(), request);
        RefundPushResult again = service.create(integration, order.tiktokOrderId(), request);

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.refund()).isEqualTo(first.refund());
        assertThat(first.refund().total()).isEqualTo(Money.of("1.50", "USD"));
        assertThat(first.refund().lines()).singleElement().satisfies(l -> assertThat(l.sku()).isEqualTo(sku));
        // The repeat is answered from the app record: TikTok is called once.
        assertThat(fixture.settledCalls(CREATE)).isEqualTo(creates + 1);
        assertThat(sellerReturns(order)).hasSize(1);
    }

    @Test
    void refund_anotherRequestForTheSameSku_takesTheNextUnit_andNoUnitsLeftIs422NamingTheQuantity() {
        String integration = fixture.newIntegration(null);
        AppOrder order = order(integration, "DELIVERED");
        String tee = SandboxShopFixture.sellerSku(order, "TEE");
        List<CreateRefundRequest.Line> oneTee = List.of(new CreateRefundRequest.Line(tee, 1));

        RefundPushResult first = service.create(integration, order.tiktokOrderId(),
                new CreateRefundRequest(null, oneTee, null, null, "first"));
        RefundPushResult second = service.create(integration, order.tiktokOrderId(),
                new CreateRefundRequest(null, oneTee, null, null, "second"));
        ApiException third = refusal(() -> service.create(integration, order.tiktokOrderId(),
                new CreateRefundRequest(null, oneTee, null, null, "third")));

        assertThat(second.created()).isTrue();
        assertThat(second.refund().tiktokReturnId()).isNotEqualTo(first.refund().tiktokReturnId());
        assertThat(second.refund().lines().get(0).orderLineItemId())
                .isNotEqualTo(first.refund().lines().get(0).orderLineItemId());
        assertThat(sellerReturns(order)).hasSize(2);
        assertThat(third.status()).isEqualTo(422);
        assertThat(third.field()).isEqualTo("lines[0].quantity");
    }

    @Test
    void refund_crashAfterTikTokAcceptedBeforeTheRecordWasWritten_retryOpensNoSecondReturn() {
        String integration = fixture.newIntegration(null);
        AppOrder order = order(integration, "DELIVERED");
        List<String> inserts = new ArrayList<>();
        ReturnStore crashing = (ReturnStore) Proxy.newProxyInstance(ReturnStore.class.getClassLoader(),
                new Class<?>[] {ReturnStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("insertRefund") && inserts.isEmpty()) {
                        inserts.add("died");
                        throw new IllegalStateException("process died before the record was written");
                    }
                    try {
                        return method.invoke(records, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        RefundPushService dying = service(crashing);

        assertThat(refusalOrCrash(() -> dying.create(integration, order.tiktokOrderId(), whole())))
                .hasMessageContaining("process died");
        assertThat(sellerReturns(order)).hasSize(1);

        RefundPushResult retried = dying.create(integration, order.tiktokOrderId(), whole());

        assertThat(retried.created()).isTrue();
        assertThat(sellerReturns(order)).hasSize(1);
        assertThat(retried.refund().tiktokReturnId()).isEqualTo(sellerReturns(order).get(0).returnId());
    }

    private static RuntimeException refusalOrCrash(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void refund_inTransitOrder_usesTheInTransitDefaultReason_forTheRequestedUnitsOnly() {
        String integration = fixture.newIntegration(null);
        AppOrder order = order(integration, "IN_TRANSIT");
        String tee = SandboxShopFixture.sellerSku(order, "TEE");

        RefundPushResult result = service.create(integration, order.tiktokOrderId(),
                new CreateRefundRequest(null, List.of(new CreateRefundRequest.Line(tee, 1)), null, null, null));

        assertThat(result.refund().reason()).isEqualTo(TikTokCodes.REFUND_REASON_MISSED_DELIVERY_DATE);
        ReturnOrder inTikTok = sellerReturns(order).get(0);
        assertThat(inTikTok.returnReason()).isEqualTo(TikTokCodes.REFUND_REASON_MISSED_DELIVERY_DATE);
        assertThat(inTikTok.lineItems()).singleElement()
                .satisfies(l -> assertThat(l.sellerSku()).isEqualTo(tee));
    }

    @Test
    void refund_awaitingShipmentOrder_isACancellationWithTheAwaitingShipmentReason() {
        String integration = fixture.newIntegration("{\"orders\":{\"cancelInTikTokWhenCanceled\":true},"
                + "\"refunds\":{\"awaitingShipmentCancelReason\":\"seller_cancel_reason_wrong_price\"}}");
        AppOrder order = order(integration, null);
        long creates = fixture.settledCalls(CREATE);

        RefundPushResult result = service.create(integration, order.tiktokOrderId(), whole());

        assertThat(result.kind()).isEqualTo(RefundPushResult.Kind.CANCELLATION);
        assertThat(result.created()).isTrue();
        assertThat(result.cancellation().cancellation().reason()).isEqualTo("seller_cancel_reason_wrong_price");
        assertThat(fixture.sandbox().control().order(order.tiktokOrderId()).path("status").asText())
                .isEqualTo("CANCELLED");
        assertThat(fixture.settledCalls(CREATE)).isEqualTo(creates);
    }

    @Test
    void refund_awaitingShipmentWithRejectBuyerRequestsOn_rejectsThePendingBuyerCancellationFirst() {
        String integration = fixture.newIntegration("{\"orders\":{\"cancelInTikTokWhenCanceled\":true},"
                + "\"refunds\":{\"rejectBuyerRequestsOnSellerCancel\":true}}");
        AppOrder order = order(integration, null);
        String buyerCancel = fixture.sandbox().control().requestBuyerCancellation(order.tiktokOrderId(), null)
                .path("cancel_id").asText();

        RefundPushResult result = service.create(integration, order.tiktokOrderId(), whole());

        assertThat(result.kind()).isEqualTo(RefundPushResult.Kind.CANCELLATION);
        assertThat(result.cancellation().cancellation().rejectedBuyerRequests()).containsExactly(buyerCancel);
        assertThat(result.cancellation().cancellation().reason()).isEqualTo(TikTokCodes.CANCEL_REASON_OUT_OF_STOCK);
        assertThat(fixture.sandbox().control().order(order.tiktokOrderId()).path("status").asText())
                .isEqualTo("CANCELLED");
    }

    @Test
    void refund_awaitingShipmentWithCancelSwitchOff_isRefusedNamingTheSetting() {
        String integration = fixture.newIntegration(null);
        AppOrder order = order(integration, null);
        long cancels = fixture.settledCalls(CANCEL);

        ApiException e = refusal(() -> service.create(integration, order.tiktokOrderId(), whole()));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.field()).isEqualTo("settings.orders.cancelInTikTokWhenCanceled");
        assertThat(fixture.settledCalls(CANCEL)).isEqualTo(cancels);
    }

    @Test
    void refund_unpaidOrder_isRefused409NamingTheOrder_withoutCallingTikTok() {
        String integration = fixture.newIntegration(null);
        AppOrder order = order(integration, "UNPAID");
        long creates = fixture.settledCalls(CREATE);

        ApiException e = refusal(() -> service.create(integration, order.tiktokOrderId(), whole()));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("refund_not_allowed");
        assertThat(e.field()).isEqualTo("id");
        assertThat(fixture.settledCalls(CREATE)).isEqualTo(creates);
    }

    @Test
    void refund_reasonOutsideTheStatusList_is422NamingReason() {
        String integration = fixture.newIntegration(null);
        AppOrder order = order(integration, "DELIVERED");

        ApiException e = refusal(() -> service.create(integration, order.tiktokOrderId(),
                new CreateRefundRequest(null, List.of(), null, TikTokCodes.REFUND_REASON_MISSED_DELIVERY_DATE, null)));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.field()).isEqualTo("reason");
    }

    @Test
    void refund_amountAboveWhatIsRefundable_tiktokRefusesIt_422NamingRefundTotal() {
        String integration = fixture.newIntegration(null);
        AppOrder order = order(integration, "DELIVERED");

        ApiException e = refusal(() -> service.create(integration, order.tiktokOrderId(), new CreateRefundRequest(
                null, List.of(), new CreateRefundRequest.Amount(new BigDecimal("99999"), "USD"), null, null)));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo("tiktok_refused");
        assertThat(e.field()).isEqualTo("refundTotal");
        assertThat(sellerReturns(order)).isEmpty();
    }

    @Test
    void refund_unknownSku_is422NamingTheLine() {
        String integration = fixture.newIntegration(null);
        AppOrder order = order(integration, "DELIVERED");

        ApiException e = refusal(() -> service.create(integration, order.tiktokOrderId(), new CreateRefundRequest(
                null, List.of(new CreateRefundRequest.Line("NOPE", 1)), null, null, null)));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.field()).isEqualTo("lines[0].sku");
    }
}
