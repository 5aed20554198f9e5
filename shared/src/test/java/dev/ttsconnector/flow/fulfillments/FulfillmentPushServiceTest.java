package dev.ttsconnector.flow.fulfillments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ttsconnector.app.fulfillments.Fulfillment;
import dev.ttsconnector.app.fulfillments.FulfillmentRequestException;
import dev.ttsconnector.app.fulfillments.FulfillmentState;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.LineItemShipping;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.queue.TransientException;
import dev.ttsconnector.settings.CarrierMapping;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FulfillmentPushServiceTest {

    private static FulfillmentService.LineRequest line(String sku, int quantity) {
        return new FulfillmentService.LineRequest(sku, quantity);
    }

    @Test
    void push_fullShipmentInMarkShippedRegion_createsOnePackageAndOrderIsFulfilled() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("100", 2);

        Fulfillment f = fx.ship("100", null, "UPS", "1Z001");
        assertThat(f.state()).isEqualTo(FulfillmentState.PENDING);
        assertThat(fx.drain()).isEmpty();

        Fulfillment posted = fx.get(f);
        assertThat(posted.state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(posted.packageIds()).hasSize(1);
        assertThat(posted.shippingProviderId()).isEqualTo("p-ups");
        FakeShopFulfillmentApi.FakePackage pkg = fx.tiktok.packages().get(0);
        assertThat(pkg.lineItemIds).containsExactly("100-li1", "100-li2");
        assertThat(pkg.tracking).isEqualTo("1Z001");
        assertThat(fx.appOrder("100").status()).isEqualTo(AppOrderStatus.FULFILLED);
    }

    @Test
    void push_partialShipments_shipOnlyTheirLineItems_andOrderMovesPartialThenFulfilled() {
        FulfillmentFixture fx = new FulfillmentFixture("GB");
        fx.order("200", 3);

        Fulfillment first = fx.ship("200", List.of(line("SKU-2", 1)), "UPS", "T-1");
        fx.drain();
        assertThat(fx.get(first).state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(fx.tiktok.packages()).singleElement()
                .satisfies(p -> assertThat(p.lineItemIds).containsExactly("200-li2"));
        assertThat(fx.appOrder("200").status()).isEqualTo(AppOrderStatus.PARTIALLY_FULFILLED);

        Fulfillment rest = fx.ship("200", null, "USPS", "T-2");
        assertThat(rest.lines()).extracting(l -> l.sku()).containsExactly("SKU-1", "SKU-3");
        fx.drain();
        assertThat(fx.get(rest).state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(fx.get(rest).shippingProviderId()).isEqualTo("p-usps");
        assertThat(fx.tiktok.packages()).hasSize(2);
        assertThat(fx.appOrder("200").status()).isEqualTo(AppOrderStatus.FULFILLED);
    }

    @Test
    void push_outsideMarkShippedRegions_shipsEachExistingPackage_splitAcrossTwo() {
        FulfillmentFixture fx = new FulfillmentFixture("SG");
        fx.order("300", 2);
        String p1 = fx.tiktok.packageOf("300", List.of("300-li1"));
        String p2 = fx.tiktok.packageOf("300", List.of("300-li2"));

        Fulfillment f = fx.ship("300", null, "FedEx", "FX-9");
        fx.drain();

        Fulfillment posted = fx.get(f);
        assertThat(posted.state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(posted.packageIds()).containsExactly(p1, p2);
        assertThat(fx.tiktok.packages()).allSatisfy(p -> {
            assertThat(p.tracking).isEqualTo("FX-9");
            assertThat(p.providerId).isEqualTo("p-fedex");
            assertThat(p.shipCount).isEqualTo(1);
        });
    }

    @Test
    void push_whenPackageHoldsOtherLineItems_failsInsteadOfShippingThem() {
        FulfillmentFixture fx = new FulfillmentFixture("SG");
        fx.order("310", 2);
        fx.tiktok.packageOf("310", List.of("310-li1", "310-li2"));

        Fulfillment f = fx.ship("310", List.of(line("SKU-1", 1)), "UPS", "T-310");
        fx.drain();

        Fulfillment failed = fx.get(f);
        assertThat(failed.state()).isEqualTo(FulfillmentState.FAILED);
        assertThat(failed.errorCode()).isEqualTo(FulfillmentPushService.LINE_ITEMS_NOT_SHIPPABLE);
        assertThat(failed.message()).contains("310-li2");
        assertThat(fx.tiktok.packages().get(0).tracking).isNull();
    }

    @Test
    void push_carrierMappingHit_usesTheMappedProvider() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.carriers(List.of(new CarrierMapping("Acme Freight", "p-other", null)), false, null);
        fx.order("400", 1);

        Fulfillment f = fx.ship("400", null, "acme freight", "AC-1");
        fx.drain();

        assertThat(fx.get(f).state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(fx.get(f).shippingProviderId()).isEqualTo("p-other");
        assertThat(fx.tiktok.packages().get(0).providerId).isEqualTo("p-other");
    }

    @Test
    void push_carrierNameMatch_normalisesCaseAndAliases() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("410", 1);

        Fulfillment f = fx.ship("410", null, "United Parcel Service", "1Z410");
        fx.drain();

        assertThat(fx.get(f).shippingProviderId()).isEqualTo("p-ups");
        assertThat(fx.get(f).shippingProviderName()).isEqualTo("UPS");
    }

    @Test
    void push_unknownCarrierWithFallbackOn_usesFallbackProvider() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.carriers(List.of(), true, "Other carrier");
        fx.order("420", 1);

        Fulfillment f = fx.ship("420", null, "Pony Express", "PE-1");
        fx.drain();

        assertThat(fx.get(f).state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(fx.get(f).shippingProviderId()).isEqualTo("p-other");
    }

    @Test
    void push_unknownCarrierWithFallbackOff_failsNamingCarrierAndAllowedProviders() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("430", 1);

        Fulfillment f = fx.ship("430", null, "Pony Express", "PE-2");
        fx.drain();

        Fulfillment failed = fx.get(f);
        assertThat(failed.state()).isEqualTo(FulfillmentState.FAILED);
        assertThat(failed.errorCode()).isEqualTo(FulfillmentPushService.CARRIER_NOT_SUPPORTED);
        assertThat(failed.message()).contains("'Pony Express'", "UPS (p-ups)", "USPS (p-usps)", "FedEx (p-fedex)",
                "fallback");
        assertThat(fx.tiktok.packages()).isEmpty();
    }

    @Test
    void create_forPlatformShippedOrder_isSkippedAndNeverQueued() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.tiktok.addOrder("500", 1).fulfillmentType = "FULFILLMENT_BY_TIKTOK";
        fx.appOrder("500", List.of(new OrderLine("SKU-1", "sku-id-1", "prod-1", "P", 1, null, null,
                List.of("500-li1"), null, true)), AppOrderStatus.FULFILLED, true);

        Fulfillment f = fx.ship("500", null, "UPS", "1Z500");

        assertThat(f.state()).isEqualTo(FulfillmentState.SKIPPED);
        assertThat(f.errorCode()).isEqualTo(Fulfillment.PLATFORM_SHIPPED);
        assertThat(fx.publisher.sent(FulfillmentFixture.QUEUE)).isEmpty();
        assertThat(fx.tiktok.packages()).isEmpty();
    }

    @Test
    void push_whenTikTokSaysFbt_skipsWithoutShipping() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("510", 1);
        fx.tiktok.fakeOrder("510").fulfillmentType = "FULFILLMENT_BY_TIKTOK";

        Fulfillment f = fx.ship("510", null, "UPS", "1Z510");
        fx.drain();

        assertThat(fx.get(f).state()).isEqualTo(FulfillmentState.SKIPPED);
        assertThat(fx.tiktok.packages()).isEmpty();
    }

    @Test
    void push_whileOrderOnHold_isDeferred_thenPostedAfterRelease() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("600", 1);
        fx.tiktok.fakeOrder("600").status = "ON_HOLD";
        AppOrder onHold = fx.appOrder("600");
        fx.orders.replace(onHold.withStatus(AppOrderStatus.ON_HOLD, fx.clock.now()));

        Fulfillment f = fx.ship("600", null, "UPS", "1Z600");
        assertThat(fx.drain()).isEmpty();
        Fulfillment deferred = fx.get(f);
        assertThat(deferred.state()).isEqualTo(FulfillmentState.PENDING);
        assertThat(deferred.errorCode()).isEqualTo(Fulfillment.DEFERRED_ON_HOLD);
        assertThat(fx.tiktok.packages()).isEmpty();

        // Still on hold: a sync changes nothing.
        assertThat(fx.sync.onOrderChanged(fx.appOrder("600")).requeued()).isZero();

        fx.tiktok.fakeOrder("600").status = "AWAITING_SHIPMENT";
        AppOrder released = fx.orders.replace(fx.appOrder("600").withStatus(AppOrderStatus.NEW, fx.clock.now()));
        assertThat(fx.sync.onOrderChanged(released).requeued()).isEqualTo(1);
        fx.drain();

        assertThat(fx.get(f).state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(fx.tiktok.packages()).singleElement().satisfies(p -> assertThat(p.tracking).isEqualTo("1Z600"));
    }

    @Test
    void correct_withinWindow_updatesShippingInfoInTikTok() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("700", 1);
        Fulfillment f = fx.ship("700", null, "UPS", "1Z-WRONG");
        fx.drain();
        fx.clock.advance(Duration.ofHours(10));

        Fulfillment corrected = fx.service.correct(FulfillmentFixture.INTEGRATION, "700", f.id(), "USPS", "9400-RIGHT");
        assertThat(corrected.state()).isEqualTo(FulfillmentState.PENDING);
        assertThat(corrected.previousTrackingNumber()).isEqualTo("1Z-WRONG");
        fx.drain();

        Fulfillment posted = fx.get(f);
        assertThat(posted.state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(posted.trackingNumber()).isEqualTo("9400-RIGHT");
        assertThat(posted.previousTrackingNumber()).isNull();
        assertThat(posted.shippingProviderId()).isEqualTo("p-usps");
        FakeShopFulfillmentApi.FakePackage pkg = fx.tiktok.packages().get(0);
        assertThat(pkg.tracking).isEqualTo("9400-RIGHT");
        assertThat(pkg.shipCount).isEqualTo(1);
        assertThat(pkg.updateCount).isEqualTo(1);
    }

    @Test
    void correct_after72Hours_isRefusedAndTikTokUntouched() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("710", 1);
        Fulfillment f = fx.ship("710", null, "UPS", "1Z-OLD");
        fx.drain();
        fx.clock.advance(Duration.ofHours(73));

        assertThatThrownBy(() -> fx.service.correct(FulfillmentFixture.INTEGRATION, "710", f.id(), null, "1Z-NEW"))
                .isInstanceOfSatisfying(FulfillmentRequestException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FulfillmentRequestException.Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("72 hours");
                });
        assertThat(fx.tiktok.packages().get(0).tracking).isEqualTo("1Z-OLD");
    }

    @Test
    void push_whenShipCallTimesOutAfterCommit_readsBackAndPostsOnce() {
        FulfillmentFixture fx = new FulfillmentFixture("SG");
        fx.order("800", 1);
        fx.tiktok.packageOf("800", List.of("800-li1"));
        AtomicInteger calls = new AtomicInteger();
        fx.tiktok.timeoutAfterCommit(() -> calls.incrementAndGet() == 1);

        Fulfillment f = fx.ship("800", null, "UPS", "1Z800");
        assertThat(fx.drain()).isEmpty();

        assertThat(fx.get(f).state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(fx.tiktok.writeTimeouts).isEqualTo(1);
        assertThat(fx.tiktok.packages().get(0).shipCount).isEqualTo(1);
        assertThat(fx.redeliveries).isZero();
    }

    @Test
    void push_whenMarkShippedTimesOutAfterCommit_readsBackTheCreatedPackage() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("810", 2);
        AtomicInteger calls = new AtomicInteger();
        fx.tiktok.timeoutAfterCommit(() -> calls.incrementAndGet() == 1);

        Fulfillment f = fx.ship("810", null, "UPS", "1Z810");
        fx.drain();

        Fulfillment posted = fx.get(f);
        assertThat(posted.state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(posted.packageIds()).containsExactly(fx.tiktok.packages().get(0).id);
        assertThat(fx.tiktok.packages()).hasSize(1);
    }

    @Test
    void push_whenTikTokFailsBeforeCommit_isRetriedByRedelivery_thenPosts() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("820", 1);
        AtomicInteger calls = new AtomicInteger();
        fx.tiktok.failBeforeCommit(() -> calls.incrementAndGet() <= 2);

        Fulfillment f = fx.ship("820", null, "UPS", "1Z820");
        assertThatThrownBy(() -> fx.push.push(FulfillmentFixture.INTEGRATION,
                new FulfillmentPushMessage("820", f.id()))).isInstanceOf(TransientException.class);
        assertThat(fx.get(f).state()).isEqualTo(FulfillmentState.PENDING);
        assertThat(fx.drain()).isEmpty();

        assertThat(fx.get(f).state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(fx.tiktok.packages()).singleElement().satisfies(p -> assertThat(p.shipCount).isEqualTo(1));
    }

    @Test
    void push_whenTikTokHoldsOtherTracking_failsWithBothNumbers() {
        FulfillmentFixture fx = new FulfillmentFixture("SG");
        fx.order("830", 1);
        String pkg = fx.tiktok.packageOf("830", List.of("830-li1"));
        fx.tiktok.shipPackage(pkg, new dev.ttsconnector.tiktok.fulfillment.SelfShipment("SOMEONE-ELSE", "p-ups"));

        Fulfillment f = fx.ship("830", null, "UPS", "1Z830");
        fx.drain();

        Fulfillment failed = fx.get(f);
        assertThat(failed.state()).isEqualTo(FulfillmentState.FAILED);
        assertThat(failed.errorCode()).isEqualTo(FulfillmentPushService.TRACKING_CONFLICT);
        assertThat(failed.message()).contains("SOMEONE-ELSE", "1Z830");
    }

    @Test
    void push_redeliveredAfterPosting_changesNothing() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("840", 1);
        Fulfillment f = fx.ship("840", null, "UPS", "1Z840");
        FulfillmentPushMessage message = new FulfillmentPushMessage("840", f.id());
        fx.drain();
        long version = fx.get(f).version();

        assertThat(fx.push.push(FulfillmentFixture.INTEGRATION, message))
                .isEqualTo(FulfillmentPushService.Outcome.UNCHANGED);
        assertThat(fx.get(f).version()).isEqualTo(version);
        assertThat(fx.tiktok.packages()).singleElement().satisfies(p -> assertThat(p.shipCount).isEqualTo(1));
    }

    @Test
    void push_providersAreCachedPerDeliveryOption() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("850", 1);
        fx.order("851", 1);
        fx.ship("850", null, "UPS", "1Z850");
        fx.ship("851", null, "UPS", "1Z851");
        fx.drain();

        assertThat(fx.tiktok.providerCalls).isEqualTo(1);
    }

    @Test
    void orderSync_afterPosting_recordsDeliveryProgress() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("860", 1);
        Fulfillment f = fx.ship("860", null, "UPS", "1Z860");
        fx.drain();

        AppOrder inTransit = fx.orders.replace(fx.appOrder("860").withStatus(AppOrderStatus.IN_TRANSIT,
                fx.clock.now()));
        fx.sync.onOrderChanged(inTransit);
        assertThat(fx.get(f).trackingStatus()).isEqualTo("inTransit");

        AppOrder delivered = fx.orders.replace(fx.appOrder("860").withStatus(AppOrderStatus.DELIVERED,
                fx.clock.now()));
        assertThat(fx.sync.onOrderChanged(delivered).trackingUpdated()).isEqualTo(1);
        assertThat(fx.get(f).trackingStatus()).isEqualTo("delivered");
    }

    @Test
    void push_firstAttempt_costsExactlyOneTikTokCall_theShipCall() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("900", 1);
        fx.order("901", 2);
        fx.ship("900", null, "UPS", "1Z900");
        fx.drain();
        fx.tiktok.clearCalls();

        // Providers of the delivery option are cached now: the next package costs exactly the ship call.
        Fulfillment f = fx.ship("901", null, "UPS", "1Z901");
        fx.drain();

        assertThat(fx.tiktok.calls()).containsExactly("markPackageAsShipped");
        Fulfillment posted = fx.get(f);
        assertThat(posted.state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(posted.shipCallAt()).isNotNull();
        assertThat(fx.appOrder("901").status()).isEqualTo(AppOrderStatus.FULFILLED);
    }

    @Test
    void push_partialShipmentsFromStoredOrder_costOneCallPerPackage() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("902", 2);
        fx.ship("902", List.of(line("SKU-1", 1)), "UPS", "1Z9021");
        fx.drain();
        fx.tiktok.clearCalls();

        fx.ship("902", List.of(line("SKU-2", 1)), "UPS", "1Z9022");
        fx.drain();

        assertThat(fx.tiktok.calls()).containsExactly("markPackageAsShipped");
        assertThat(fx.tiktok.packages()).hasSize(2);
    }

    @Test
    void push_whenOrderWasStoredBeforeLineItemShippingWasKept_readsTheOrderFromTikTokFirst() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.tiktok.addOrder("903", 1);
        fx.appOrder("903", List.of(new OrderLine("SKU-1", "sku-id-1", "prod-1", "Product", 1, null, null,
                List.of("903-li1"), null, true)), AppOrderStatus.NEW, false);
        fx.ship("903", null, "UPS", "1Z903");
        fx.drain();
        fx.tiktok.clearCalls();
        fx.tiktok.addOrder("904", 1);
        fx.appOrder("904", List.of(new OrderLine("SKU-1", "sku-id-1", "prod-1", "Product", 1, null, null,
                List.of("904-li1"), null, true)), AppOrderStatus.NEW, false);

        Fulfillment f = fx.ship("904", null, "UPS", "1Z904");
        fx.drain();

        assertThat(fx.tiktok.calls()).containsExactly("orders.get", "markPackageAsShipped");
        assertThat(fx.get(f).state()).isEqualTo(FulfillmentState.POSTED);
    }

    @Test
    void push_whenStoredLineItemAlreadyCarriesTracking_readsTheOrderFromTikTokBeforeDeciding() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.tiktok.addOrder("905", 1);
        fx.tiktok.markPackageAsShipped("905", List.of("905-li1"),
                new dev.ttsconnector.tiktok.fulfillment.SelfShipment("1Z905", "p-ups"));
        fx.appOrder("905", List.of(new OrderLine("SKU-1", "sku-id-1", "prod-1", "Product", 1, null, null,
                List.of("905-li1"), null, true, List.of(new LineItemShipping("905-li1", "pkg-1", "1Z905", false)))),
                AppOrderStatus.NEW, false);
        fx.tiktok.clearCalls();

        Fulfillment f = fx.ship("905", null, "UPS", "1Z905");
        fx.drain();

        // TikTok already holds this tracking (e.g. shipped in TikTok's seller center): recorded, nothing shipped.
        assertThat(fx.tiktok.calls()).containsExactly("orders.get");
        assertThat(fx.get(f).state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(fx.tiktok.packages()).singleElement().satisfies(p -> assertThat(p.shipCount).isEqualTo(1));
    }

    @Test
    void push_retryAfterUncertainOutcome_readsTheOrderBackBeforeAnyWrite_andShipsOnce() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("910", 1);
        AtomicInteger writes = new AtomicInteger();
        fx.tiktok.timeoutAfterCommit(() -> writes.incrementAndGet() == 1);
        AtomicInteger reads = new AtomicInteger();
        // The in-process read-back fails too, as if the Lambda died right after the timed-out call.
        fx.tiktok.failOrderRead(() -> reads.incrementAndGet() == 1);

        Fulfillment f = fx.ship("910", null, "UPS", "1Z910");
        FulfillmentPushMessage message = new FulfillmentPushMessage("910", f.id());
        assertThatThrownBy(() -> fx.push.push(FulfillmentFixture.INTEGRATION, message))
                .isInstanceOf(TransientException.class);
        Fulfillment uncertain = fx.get(f);
        assertThat(uncertain.state()).isEqualTo(FulfillmentState.PENDING);
        assertThat(uncertain.mayHaveReachedTikTok()).isTrue();
        fx.tiktok.clearCalls();

        assertThat(fx.push.push(FulfillmentFixture.INTEGRATION, message))
                .isEqualTo(FulfillmentPushService.Outcome.POSTED);

        assertThat(fx.tiktok.calls()).containsExactly("orders.get");
        assertThat(fx.get(f).state()).isEqualTo(FulfillmentState.POSTED);
        assertThat(fx.get(f).packageIds()).containsExactly(fx.tiktok.packages().get(0).id);
        assertThat(fx.tiktok.packages()).singleElement().satisfies(p -> assertThat(p.shipCount).isEqualTo(1));
    }

    @Test
    void push_retryAfterUncertainOutcomeThatDidNotCommit_readsBackThenShips() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("911", 1);
        AtomicInteger writes = new AtomicInteger();
        fx.tiktok.failBeforeCommit(() -> writes.incrementAndGet() == 1);

        Fulfillment f = fx.ship("911", null, "UPS", "1Z911");
        FulfillmentPushMessage message = new FulfillmentPushMessage("911", f.id());
        assertThatThrownBy(() -> fx.push.push(FulfillmentFixture.INTEGRATION, message))
                .isInstanceOf(TransientException.class);
        fx.tiktok.clearCalls();

        fx.push.push(FulfillmentFixture.INTEGRATION, message);

        assertThat(fx.tiktok.calls()).containsExactly("orders.get", "markPackageAsShipped");
        assertThat(fx.get(f).state()).isEqualTo(FulfillmentState.POSTED);
    }

    @Test
    void push_whenStoredOrderIsStale_tikTokRefusesShip_readsBackAndDefersOnHold() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("912", 1);
        fx.ship("912", null, "UPS", "1Z912");
        // TikTok put the order on hold after the app stored it (the webhook is not ingested yet).
        fx.tiktok.fakeOrder("912").status = "ON_HOLD";
        fx.tiktok.clearCalls();

        fx.drain();

        Fulfillment deferred = fx.fulfillments.listForOrder(FulfillmentFixture.INTEGRATION, "912").get(0);
        assertThat(fx.tiktok.calls()).containsExactly("shippingProviders", "markPackageAsShipped", "orders.get");
        assertThat(deferred.state()).isEqualTo(FulfillmentState.PENDING);
        assertThat(deferred.errorCode()).isEqualTo(Fulfillment.DEFERRED_ON_HOLD);
        assertThat(fx.tiktok.packages()).isEmpty();
    }

    @Test
    void push_whenStoredOrderIsStale_andTikTokCancelledIt_failsAsCancelled() {
        FulfillmentFixture fx = new FulfillmentFixture("US");
        fx.order("913", 1);
        Fulfillment f = fx.ship("913", null, "UPS", "1Z913");
        fx.tiktok.fakeOrder("913").status = "CANCELLED";

        fx.drain();

        assertThat(fx.get(f).state()).isEqualTo(FulfillmentState.FAILED);
        assertThat(fx.get(f).errorCode()).isEqualTo(FulfillmentPushService.ORDER_CANCELLED);
        assertThat(fx.tiktok.packages()).isEmpty();
    }
}
