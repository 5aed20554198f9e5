package dev.ttsconnector.flow.orders.messages;

import dev.ttsconnector.app.exceptions.ParkRequest;
import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.tiktok.messaging.MessagingClient;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Orders settings "Send a Message to the buyer once an Order is created" (TEXT from the "Message Template", see
 * {@link BuyerMessageTemplate}) and "Send Order card to buyer once an Order is created" (ORDER_CARD), limited to
 * "Send messages to certain buyer ID's only" when that list is not empty (spec §10: create the conversation with
 * {@code buyer_user_id} = the order's {@code user_id}, then send).
 *
 * <p>Once only per order: a {@link BuyerMessageMarker} is claimed with a conditional write before anything is sent
 * (see its contract: at-most-once). Orders created already cancelled get no message. Failures (TikTok refused or
 * unreachable, rendered text longer than 2,000 characters, integration not connected) never reach the caller: the
 * marker turns FAILED and the order is parked as an exception (flow {@value #FLOW}, entity {@code order}, reason
 * {@value #REASON_FAILED}) for an operator to see. Such an item holds the order reference, not a queue message, so
 * it cannot be replayed; nothing is re-sent automatically.
 */
public final class BuyerMessageService implements OrderCreatedListener {

    public static final String FLOW = "orders";
    public static final String REASON_FAILED = "BUYER_MESSAGE_FAILED";

    /** What {@link #send} did. */
    public enum Outcome {
        /** The due message(s) went out now. */
        SENT,
        /** Neither switch is on. */
        DISABLED,
        /** The buyer-id list is set and this buyer is not on it. */
        BUYER_NOT_LISTED,
        /** The order has no buyer user id or arrived cancelled: nothing to send. */
        NOT_APPLICABLE,
        /** A marker exists: sent (or attempted) before. */
        ALREADY_HANDLED,
        /** Sending failed; marker FAILED and the order parked. */
        FAILED
    }

    private final BuyerMessageMarkerStore markers;
    private final SettingsService settings;
    private final ShopAccess shops;
    private final ParkedItemStore parked;
    private final Clock clock;
    private final StructuredLogger log;

    public BuyerMessageService(BuyerMessageMarkerStore markers, SettingsService settings, ShopAccess shops,
                               ParkedItemStore parked, Clock clock, StructuredLogger log) {
        this.markers = Objects.requireNonNull(markers, "markers");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shops = Objects.requireNonNull(shops, "shops");
        this.parked = Objects.requireNonNull(parked, "parked");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = log != null ? log : StructuredLogger.forClass(BuyerMessageService.class);
    }

    /** Never throws: anything unexpected is logged so that ingestion goes on. */
    @Override
    public void onCreated(AppOrder order) {
        try {
            send(order);
        } catch (RuntimeException e) {
            log.error("buyer message handling failed", e, "integrationId", order.integrationId(),
                    "tiktokOrderId", order.tiktokOrderId());
        }
    }

    /** Sends the creation message(s) of the order if the settings ask for them and none were sent before. */
    public Outcome send(AppOrder order) {
        ConnectorSettings.Orders s = settings.require(order.integrationId()).settings().orders();
        boolean text = s.sendBuyerMessage() && !s.messageTemplate().isBlank();
        boolean card = s.sendOrderCard();
        if (!text && !card) {
            return Outcome.DISABLED;
        }
        String buyer = order.buyerUserId();
        if (buyer == null || buyer.isBlank() || order.status() == AppOrderStatus.CANCELLED) {
            return Outcome.NOT_APPLICABLE;
        }
        if (!s.messageBuyerIds().isEmpty() && !s.messageBuyerIds().contains(buyer)) {
            return Outcome.BUYER_NOT_LISTED;
        }
        if (!markers.claim(BuyerMessageMarker.claim(order.integrationId(), order.tiktokOrderId(), buyer, clock.now()))) {
            return Outcome.ALREADY_HANDLED;
        }
        BuyerMessageMarker marker = markers.get(order.integrationId(), order.tiktokOrderId()).orElseThrow();
        try {
            ConnectedShop shop = shops.connected(order.integrationId());
            String rendered = text ? render(s.messageTemplate(), order, shop) : null;
            if (rendered != null && rendered.codePointCount(0, rendered.length()) > MessagingClient.MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("orders.messageTemplate: the message for order " + order.tiktokOrderId()
                        + " is " + rendered.codePointCount(0, rendered.length()) + " characters after filling in"
                        + " placeholders; TikTok accepts at most " + MessagingClient.MAX_TEXT_LENGTH);
            }
            MessagingClient messaging = shop.client().messaging();
            String conversation = messaging.createConversation(shop.shop(), buyer);
            marker = markers.replace(marker.withProgress(conversation, null, null, clock.now()));
            String textId = null;
            if (rendered != null) {
                textId = messaging.sendText(shop.shop(), conversation, rendered);
                marker = markers.replace(marker.withProgress(conversation, textId, null, clock.now()));
            }
            String cardId = card ? messaging.sendOrderCard(shop.shop(), conversation, order.tiktokOrderId()) : null;
            markers.replace(marker.withProgress(conversation, textId, cardId, clock.now())
                    .withState(BuyerMessageMarker.State.SENT, null, clock.now()));
            return Outcome.SENT;
        } catch (RuntimeException e) {
            fail(order, marker, e);
            return Outcome.FAILED;
        }
    }

    private static String render(String template, AppOrder order, ConnectedShop shop) {
        Map<String, String> values = new HashMap<>();
        values.put(BuyerMessageTemplate.ORDER_ID, order.tiktokOrderId());
        String name = order.shipTo() == null ? null : order.shipTo().name();
        // Platform-shipped orders carry masked names (spec §4, "desensitized"); a star-filled name reads badly.
        values.put(BuyerMessageTemplate.BUYER_NAME, name == null || name.isBlank() || name.contains("*")
                ? BuyerMessageTemplate.BUYER_NAME_FALLBACK : name);
        String shopName = shop.integration().shop() == null ? null : shop.integration().shop().name();
        values.put(BuyerMessageTemplate.SHOP_NAME, shopName == null ? shop.integration().name() : shopName);
        return BuyerMessageTemplate.render(template, values);
    }

    private void fail(AppOrder order, BuyerMessageMarker marker, RuntimeException error) {
        String message = "Buyer message for order " + order.tiktokOrderId() + " failed: " + error.getMessage();
        try {
            BuyerMessageMarker latest = markers.get(order.integrationId(), order.tiktokOrderId()).orElse(marker);
            markers.replace(latest.withState(BuyerMessageMarker.State.FAILED, message, clock.now()));
        } catch (RuntimeException markerFailure) {
            error.addSuppressed(markerFailure);
        }
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("type", "order.buyerMessage");
        reference.put("integrationId", order.integrationId());
        reference.put("orderId", order.id());
        reference.put("tiktokOrderId", order.tiktokOrderId());
        try {
            parked.park(order.integrationId(), new ParkRequest(FLOW, "order", order.tiktokOrderId(), REASON_FAILED,
                    message, Json.app().writeValueAsString(reference), null));
        } catch (Exception parkFailure) {
            error.addSuppressed(parkFailure);
        }
        log.warn("buyer message failed", error, "integrationId", order.integrationId(),
                "tiktokOrderId", order.tiktokOrderId());
    }
}
