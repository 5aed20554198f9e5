package dev.ttsconnector.flow.orders.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.app.exceptions.InMemoryParkedItemStore;
import dev.ttsconnector.app.exceptions.ParkedItem;
import dev.ttsconnector.app.exceptions.ParkedItemQuery;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.flow.orders.SandboxShopFixture;
import dev.ttsconnector.log.LogLevel;
import dev.ttsconnector.log.StructuredLogger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BuyerMessageService} against the TikTok sandbox, one test per setting: "Send a Message to the buyer once an
 * Order is created" with its template, "Send Order card to buyer", "Send messages to certain buyer ID's only", and
 * the once-only guarantee; failures are parked, never thrown.
 */
class BuyerMessageServiceFunctionalTest {

    private static final String CONVERSATIONS = "POST /customer_service/202309/conversations";
    private static final String MESSAGES = "POST /customer_service/202309/conversations/{conversation_id}/messages";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private static SandboxShopFixture fixture;

    private final InMemoryBuyerMessageMarkerStore markers = new InMemoryBuyerMessageMarkerStore();
    private final InMemoryParkedItemStore parked = new InMemoryParkedItemStore(CLOCK);
    private final List<String> disconnected = new ArrayList<>();
    private final List<String> logLines = new ArrayList<>();
    private BuyerMessageService service;

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
        service = new BuyerMessageService(markers, fixture.settings(), fixture.shopAccess(disconnected), parked, CLOCK,
                StructuredLogger.create("test", LogLevel.INFO, logLines::add, CLOCK));
    }

    private AppOrder order(String integrationId, String buyerUserId) {
        Map<String, String> skus = fixture.createSkus("MUG");
        JsonNode tt = fixture.createTikTokOrder(Map.of(skus.get("MUG"), 2), null, buyerUserId);
        return fixture.appOrder(integrationId, tt.path("id").asText(), AppOrderStatus.NEW);
    }

    private static long calls(String endpoint) {
        return fixture.settledCalls(endpoint);
    }

    private static String settings(boolean text, String template, boolean card, String buyerIdsJson) {
        return "{\"orders\":{\"sendBuyerMessage\":" + text + ",\"messageTemplate\":\"" + template + "\","
                + "\"sendOrderCard\":" + card + ",\"messageBuyerIds\":" + buyerIdsJson + "}}";
    }

    @Test
    void send_whenBothSwitchesAreOff_sendsNothing() {
        String integration = fixture.newIntegration(null);
        AppOrder order = order(integration, null);
        long before = calls(CONVERSATIONS);

        assertThat(service.send(order)).isEqualTo(BuyerMessageService.Outcome.DISABLED);

        assertThat(calls(CONVERSATIONS)).isEqualTo(before);
        assertThat(markers.get(integration, order.tiktokOrderId())).isEmpty();
    }

    @Test
    void send_withMessageSwitchOn_sendsTheRenderedTemplateAsText_only() {
        String integration = fixture.newIntegration(settings(true, "Thanks {buyerName} for order {orderId} at {shopName}",
                false, "[]"));
        AppOrder order = order(integration, null);
        long messagesBefore = calls(MESSAGES);

        assertThat(service.send(order)).isEqualTo(BuyerMessageService.Outcome.SENT);

        BuyerMessageMarker marker = markers.get(integration, order.tiktokOrderId()).orElseThrow();
        assertThat(marker.state()).isEqualTo(BuyerMessageMarker.State.SENT);
        assertThat(marker.conversationId()).isNotBlank();
        assertThat(marker.textMessageId()).isNotBlank();
        assertThat(marker.orderCardMessageId()).isNull();
        assertThat(calls(MESSAGES)).isEqualTo(messagesBefore + 1);
    }

    @Test
    void send_withOrderCardSwitchOn_sendsTheOrderCard_only() {
        String integration = fixture.newIntegration(settings(false, "", true, "[]"));
        AppOrder order = order(integration, null);
        long messagesBefore = calls(MESSAGES);

        assertThat(service.send(order)).isEqualTo(BuyerMessageService.Outcome.SENT);

        BuyerMessageMarker marker = markers.get(integration, order.tiktokOrderId()).orElseThrow();
        assertThat(marker.textMessageId()).isNull();
        assertThat(marker.orderCardMessageId()).isNotBlank();
        assertThat(calls(MESSAGES)).isEqualTo(messagesBefore + 1);
    }

    @Test
    void send_withBuyerIdList_sendsOnlyToListedBuyers() {
        String integration = fixture.newIntegration(settings(true, "Hello", true, "[\"buyer-vip-1\"]"));
        AppOrder listed = order(integration, "buyer-vip-1");
        AppOrder other = order(integration, "buyer-other-2");
        long messagesBefore = calls(MESSAGES);

        assertThat(service.send(other)).isEqualTo(BuyerMessageService.Outcome.BUYER_NOT_LISTED);
        assertThat(service.send(listed)).isEqualTo(BuyerMessageService.Outcome.SENT);

        assertThat(calls(MESSAGES)).isEqualTo(messagesBefore + 2);
        assertThat(markers.get(integration, other.tiktokOrderId())).isEmpty();
        assertThat(markers.get(integration, listed.tiktokOrderId()).orElseThrow().orderCardMessageId()).isNotBlank();
    }

    @Test
    void onCreated_calledAgainForTheSameOrder_neverSendsTwice() {
        String integration = fixture.newIntegration(settings(true, "Hello {buyerName}", true, "[]"));
        AppOrder order = order(integration, null);
        long conversationsBefore = calls(CONVERSATIONS);
        long messagesBefore = calls(MESSAGES);

        service.onCreated(order);
        service.onCreated(order);
        BuyerMessageService.Outcome third = service.send(order);

        assertThat(third).isEqualTo(BuyerMessageService.Outcome.ALREADY_HANDLED);
        assertThat(calls(CONVERSATIONS)).isEqualTo(conversationsBefore + 1);
        assertThat(calls(MESSAGES)).isEqualTo(messagesBefore + 2);
    }

    @Test
    void send_forAnOrderCreatedCancelled_sendsNothing() {
        String integration = fixture.newIntegration(settings(true, "Hello", true, "[]"));
        AppOrder order = order(integration, null).withStatus(AppOrderStatus.CANCELLED, CLOCK.now());
        long before = calls(CONVERSATIONS);

        assertThat(service.send(order)).isEqualTo(BuyerMessageService.Outcome.NOT_APPLICABLE);
        assertThat(calls(CONVERSATIONS)).isEqualTo(before);
    }

    @Test
    void onCreated_whenTikTokRefuses_parksTheOrderAndMarksItFailed_withoutThrowing() {
        String integration = fixture.newIntegration(settings(false, "", true, "[]"));
        // A buyer TikTok does not know: the conversation cannot be created.
        AppOrder real = order(integration, null);
        AppOrder order = new AppOrder(real.id(), integration, real.tiktokOrderId(),
                AppOrderStatus.NEW, "AWAITING_SHIPMENT", List.of(), null, "buyer-unknown-to-tiktok", null, null, null,
                null, null, null, false, null, CLOCK.now(), CLOCK.now(), CLOCK.now(), CLOCK.now(), List.of(), 1);

        service.onCreated(order);

        BuyerMessageMarker marker = markers.get(integration, order.tiktokOrderId()).orElseThrow();
        assertThat(marker.state()).isEqualTo(BuyerMessageMarker.State.FAILED);
        assertThat(marker.error()).contains("buyer_user_id");
        List<ParkedItem> items = parked.list(integration, ParkedItemQuery.all()).items();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.flow()).isEqualTo(BuyerMessageService.FLOW);
            assertThat(item.reasonCode()).isEqualTo(BuyerMessageService.REASON_FAILED);
            assertThat(item.entityId()).isEqualTo(order.tiktokOrderId());
        });
        // Once only also after a failure: a redelivered creation does not try again.
        assertThat(service.send(order)).isEqualTo(BuyerMessageService.Outcome.ALREADY_HANDLED);
    }

    @Test
    void send_whenTheRenderedMessageExceeds2000Characters_failsAndParks_withoutCallingTikTok() {
        // 1,997 characters as stored (within the setting's limit); three order ids make it longer than 2,000.
        String template = "x".repeat(1970) + "{orderId}{orderId}{orderId}";
        String integration = fixture.newIntegration(settings(true, template, false, "[]"));
        AppOrder order = order(integration, null);
        long before = calls(CONVERSATIONS);

        assertThat(service.send(order)).isEqualTo(BuyerMessageService.Outcome.FAILED);

        assertThat(calls(CONVERSATIONS)).isEqualTo(before);
        assertThat(markers.get(integration, order.tiktokOrderId()).orElseThrow().error())
                .contains("orders.messageTemplate").contains("2000");
    }

    @Test
    void onCreated_whenTheIntegrationIsNotConnected_parksInsteadOfThrowing() {
        String integration = fixture.newIntegration(settings(true, "Hello", false, "[]"));
        AppOrder order = order(integration, null);
        disconnected.add(integration);

        service.onCreated(order);

        assertThat(parked.list(integration, ParkedItemQuery.all()).items()).hasSize(1);
    }
}
