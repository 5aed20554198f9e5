package dev.ttsconnector.flow.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.sandbox.SandboxConfig;
import dev.ttsconnector.settings.TikTokOrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per "Orders" setting of the product doc that decides what the pull brings in, through the real pull
 * (OrderPullService, the TikTok client, order search) against the sandbox. The buyer-message / order-card and cancel
 * settings are covered against the sandbox by {@code BuyerMessageServiceFunctionalTest} and
 * {@code OrderCancellationServiceFunctionalTest}. Every test uses its own shop and integration.
 */
class OrderSettingsSandboxTest {

    private static final List<TikTokOrderStatus> AWAITING_ONLY = List.of(TikTokOrderStatus.AWAITING_SHIPMENT);
    private static final List<TikTokOrderStatus> ALL_BUT_UNPAID = List.of(TikTokOrderStatus.AWAITING_SHIPMENT,
            TikTokOrderStatus.PARTIALLY_SHIPPING, TikTokOrderStatus.AWAITING_COLLECTION, TikTokOrderStatus.IN_TRANSIT,
            TikTokOrderStatus.DELIVERED, TikTokOrderStatus.COMPLETED, TikTokOrderStatus.CANCELLED);

    private static OrderSandboxWorld world;

    @BeforeAll
    static void start() {
        world = new OrderSandboxWorld(SandboxConfig.builder().seed(71).webhooksEnabled(false).build());
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static OrderSandboxWorld.ShopWorld shop(Instant cutOff, List<TikTokOrderStatus> statuses,
                                                    boolean platformShipped, boolean onHold, List<String> onlyIds,
                                                    boolean bundles) {
        return world.connectShop(o -> OrderSandboxWorld.with(o, cutOff, statuses, platformShipped, onHold, onlyIds,
                bundles));
    }

    private static Instant dayAgo() {
        return world.tts.now().minus(Duration.ofDays(1));
    }

    private static AppOrder inApp(OrderSandboxWorld.ShopWorld shop, String orderId) {
        return world.orders.get(shop.integrationId(), orderId)
                .orElseThrow(() -> new AssertionError("order " + orderId + " is not in the app"));
    }

    private static boolean absent(OrderSandboxWorld.ShopWorld shop, String orderId) {
        return world.orders.get(shop.integrationId(), orderId).isEmpty();
    }

    @Test
    void pull_creationCutOff_excludesOrdersCreatedBeforeIt_andAdmitsLaterOnes() {
        Instant cutOff = world.tts.now().minus(Duration.ofHours(1));
        var shop = shop(cutOff, ALL_BUT_UNPAID, false, false, List.of(), true);
        String before = world.createOrder(shop, Map.of(shop.teeS(), 1), null, false, false,
                cutOff.minus(Duration.ofMinutes(5)).getEpochSecond());
        String after = world.createOrder(shop, Map.of(shop.teeS(), 1), null, false, false,
                cutOff.plus(Duration.ofMinutes(5)).getEpochSecond());

        PullResult result = world.pullAll(shop.integrationId());

        assertThat(absent(shop, before)).as("created before the cut-off").isTrue();
        assertThat(inApp(shop, after).status()).isEqualTo(AppOrderStatus.NEW);
        assertThat(result.excluded()).isEqualTo(1);
    }

    @Test
    void pull_statusList_admitsOnlySelectedStatuses() {
        var shop = shop(dayAgo(), AWAITING_ONLY, false, false, List.of(), true);
        String awaiting = world.createOrder(shop, Map.of(shop.teeS(), 1), "AWAITING_SHIPMENT", false, false, null);
        String inTransit = world.createOrder(shop, Map.of(shop.teeS(), 1), "IN_TRANSIT", false, false, null);
        String unpaid = world.createOrder(shop, Map.of(shop.teeS(), 1), "UNPAID", false, false, null);

        world.pullAll(shop.integrationId());

        assertThat(inApp(shop, awaiting).tiktokStatus()).isEqualTo("AWAITING_SHIPMENT");
        assertThat(absent(shop, inTransit)).as("IN_TRANSIT is not selected").isTrue();
        assertThat(absent(shop, unpaid)).as("UNPAID is not selected").isTrue();
    }

    @Test
    void pull_platformShippedOn_admitsFbtOrdersAsFulfilled_flaggedPlatformShipped() {
        var shop = shop(dayAgo(), ALL_BUT_UNPAID, true, false, List.of(), true);
        String fbt = world.createOrder(shop, Map.of(shop.teeS(), 2), null, false, true, null);
        String seller = world.createOrder(shop, Map.of(shop.teeS(), 1), null, false, false, null);

        world.pullAll(shop.integrationId());

        AppOrder fbtOrder = inApp(shop, fbt);
        assertThat(fbtOrder.platformShipped()).isTrue();
        assertThat(fbtOrder.status()).isEqualTo(AppOrderStatus.FULFILLED);
        assertThat(fbtOrder.fulfillmentType()).isEqualTo("FULFILLMENT_BY_TIKTOK");
        AppOrder sellerOrder = inApp(shop, seller);
        assertThat(sellerOrder.platformShipped()).isFalse();
        assertThat(sellerOrder.status()).isEqualTo(AppOrderStatus.NEW);
    }

    @Test
    void pull_platformShippedOff_excludesFbtOrders_andAdmitsSellerShippedOnes() {
        var shop = shop(dayAgo(), ALL_BUT_UNPAID, false, false, List.of(), true);
        String fbt = world.createOrder(shop, Map.of(shop.teeS(), 1), null, false, true, null);
        String seller = world.createOrder(shop, Map.of(shop.teeS(), 1), null, false, false, null);

        PullResult result = world.pullAll(shop.integrationId());

        assertThat(absent(shop, fbt)).as("FBT order with the setting off").isTrue();
        assertThat(inApp(shop, seller).status()).isEqualTo(AppOrderStatus.NEW);
        assertThat(result.excluded()).isEqualTo(1);
    }

    @Test
    void pull_onHoldOn_admitsAsOnHold_thenTheReleaseAfterAnHourMovesTheSameRecordToNew() {
        var shop = shop(dayAgo(), ALL_BUT_UNPAID, false, true, List.of(), true);
        String held = world.createOrder(shop, Map.of(shop.teeM(), 3), null, true, false, null);

        world.pullAll(shop.integrationId());
        AppOrder onHold = inApp(shop, held);
        assertThat(onHold.status()).isEqualTo(AppOrderStatus.ON_HOLD);
        assertThat(onHold.tiktokStatus()).isEqualTo("ON_HOLD");

        world.advance(Duration.ofMinutes(61));
        world.tts.order(held); // the sandbox runs due releases when its state is read
        world.pullAll(shop.integrationId());

        AppOrder released = inApp(shop, held);
        assertThat(released.status()).isEqualTo(AppOrderStatus.NEW);
        assertThat(released.id()).isEqualTo(onHold.id());
        assertThat(released.history()).extracting(h -> h.status())
                .containsExactly(AppOrderStatus.ON_HOLD, AppOrderStatus.NEW);
        assertThat(world.events.published()).filteredOn(e -> e.toString().contains(held)).hasSize(2);
    }

    @Test
    void pull_onHoldOff_keepsHeldOrdersOut_untilTikTokReleasesThem() {
        var shop = shop(dayAgo(), ALL_BUT_UNPAID, false, false, List.of(), true);
        String held = world.createOrder(shop, Map.of(shop.teeS(), 1), null, true, false, null);

        PullResult first = world.pullAll(shop.integrationId());
        assertThat(absent(shop, held)).as("on hold with the setting off").isTrue();
        assertThat(first.excluded()).isEqualTo(1);

        world.advance(Duration.ofMinutes(61));
        world.tts.order(held);
        world.pullAll(shop.integrationId());
        assertThat(inApp(shop, held).status()).isEqualTo(AppOrderStatus.NEW);
        assertThat(inApp(shop, held).history()).extracting(h -> h.status()).containsExactly(AppOrderStatus.NEW);
    }

    @Test
    void pull_onlySpecificOrderIds_admitsOnlyListedIds_stillByModificationTime() {
        var shop = shop(dayAgo(), ALL_BUT_UNPAID, false, false, List.of(), true);
        String wanted = world.createOrder(shop, Map.of(shop.teeS(), 1), null, false, false, null);
        String other = world.createOrder(shop, Map.of(shop.teeS(), 1), null, false, false, null);
        world.changeOrderSettings(shop.integrationId(), o -> OrderSandboxWorld.with(o, o.excludeOrdersCreatedBefore(),
                o.pullStatuses(), false, false, List.of(wanted), true));

        PullResult first = world.pullAll(shop.integrationId());
        assertThat(inApp(shop, wanted).status()).isEqualTo(AppOrderStatus.NEW);
        assertThat(absent(shop, other)).as("not in the id list").isTrue();
        assertThat(first.written()).isEqualTo(1);

        // By modification time: the next pull re-reads the overlap window and writes nothing; once the window moved
        // past them, unchanged orders are not read at all...
        world.advance(Duration.ofMinutes(15));
        assertThat(world.pullAll(shop.integrationId()).written()).isZero();
        world.advance(Duration.ofMinutes(15));
        PullResult idle = world.pullAll(shop.integrationId());
        assertThat(idle.seen()).isZero();
        // ...and a change to it is.
        world.tts.setOrderStatus(wanted, "CANCELLED");
        world.advance(Duration.ofSeconds(1));
        world.pullAll(shop.integrationId());
        assertThat(inApp(shop, wanted).status()).isEqualTo(AppOrderStatus.CANCELLED);
        assertThat(absent(shop, other)).isTrue();
    }

    @Test
    void pull_virtualBundlesOn_expandsTheBundleLineIntoComponentsKeepingTheTikTokLine() {
        var shop = shop(dayAgo(), ALL_BUT_UNPAID, false, false, List.of(), true);
        String order = world.createOrder(shop, Map.of(shop.pack(), 2, shop.teeM(), 1), null, false, false, null);

        world.pullAll(shop.integrationId());

        AppOrder app = inApp(shop, order);
        List<String> packLineIds = new java.util.ArrayList<>();
        world.tts.order(order).path("line_items").forEach(li -> {
            if (shop.pack().equals(li.path("sku_id").asText())) {
                packLineIds.add(li.path("id").asText());
            }
        });
        assertThat(packLineIds).hasSize(2);
        assertThat(app.lines()).extracting(OrderLine::sku, OrderLine::quantity, OrderLine::bundleSkuId)
                .contains(tuple("TEE-S", 4, shop.pack()), tuple("TEE-M", 2, shop.pack()),
                        tuple("TEE-M", 1, null));
        assertThat(app.lines()).filteredOn(l -> shop.pack().equals(l.bundleSkuId()))
                .allSatisfy(l -> assertThat(l.tiktokLineItemIds()).hasSize(2).isSubsetOf(packLineIds));
    }

    @Test
    void pull_virtualBundlesOff_keepsTheBundleAsOneLineOfItsOwnSku() {
        var shop = shop(dayAgo(), ALL_BUT_UNPAID, false, false, List.of(), false);
        String order = world.createOrder(shop, Map.of(shop.pack(), 2), null, false, false, null);

        world.pullAll(shop.integrationId());

        assertThat(inApp(shop, order).lines()).extracting(OrderLine::sku, OrderLine::quantity, OrderLine::bundleSkuId)
                .containsExactly(tuple("PACK", 2, null));
    }

    @Test
    void pull_orderAlreadyInApp_receivesCancellation_evenWhenCancelledIsNotSelected() {
        var shop = shop(dayAgo(), AWAITING_ONLY, false, false, List.of(), true);
        String ingested = world.createOrder(shop, Map.of(shop.teeS(), 1), null, false, false, null);
        world.pullAll(shop.integrationId());
        assertThat(inApp(shop, ingested).status()).isEqualTo(AppOrderStatus.NEW);
        String neverIn = world.createOrder(shop, Map.of(shop.teeS(), 1), null, false, false, null);
        world.tts.setOrderStatus(neverIn, "CANCELLED");

        world.advance(Duration.ofSeconds(1));
        world.tts.setOrderStatus(ingested, "CANCELLED");
        world.pullAll(shop.integrationId());

        AppOrder cancelled = inApp(shop, ingested);
        assertThat(cancelled.status()).isEqualTo(AppOrderStatus.CANCELLED);
        assertThat(cancelled.tiktokStatus()).isEqualTo("CANCELLED");
        assertThat(absent(shop, neverIn)).as("cancelled before it ever came in, CANCELLED not selected").isTrue();
    }
}
