package dev.ttsconnector.flow.returns;

import dev.ttsconnector.app.orders.AppOrder;
import dev.ttsconnector.app.orders.AppOrderId;
import dev.ttsconnector.app.orders.AppOrderStatus;
import dev.ttsconnector.app.orders.InMemoryOrderStore;
import dev.ttsconnector.app.orders.OrderLine;
import dev.ttsconnector.app.returns.InMemoryReturnStore;
import dev.ttsconnector.common.Money;
import dev.ttsconnector.common.MutableClock;
import dev.ttsconnector.integration.ConnectedShop;
import dev.ttsconnector.integration.InMemoryFlowStateStore;
import dev.ttsconnector.integration.Integration;
import dev.ttsconnector.integration.IntegrationStatus;
import dev.ttsconnector.integration.ShopAccess;
import dev.ttsconnector.settings.ConnectorConfig;
import dev.ttsconnector.settings.ConnectorSettings;
import dev.ttsconnector.settings.InMemorySettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.returns.AftersaleLineItem;
import dev.ttsconnector.tiktok.returns.RefundAmount;
import dev.ttsconnector.tiktok.returns.ReturnOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The returns flow wired in memory over a fake TikTok return search, for unit and scenario tests. */
final class ReturnsHarness {

    static final String INT = "int-ret";
    final Instant created = Instant.parse("2026-05-01T00:00:00Z");
    final MutableClock clock = new MutableClock(created.plus(Duration.ofDays(1)));
    final InMemoryReturnStore store = new InMemoryReturnStore();
    final InMemoryOrderStore orders = new InMemoryOrderStore();
    final InMemoryFlowStateStore flowStates = new InMemoryFlowStateStore();
    final SettingsService settings = new SettingsService(new InMemorySettingsStore(), SettingsValidator.standard(),
            clock);
    final FakeReturnSource tiktok = new FakeReturnSource();
    final Integration integration = new Integration(INT, "returns", IntegrationStatus.CONNECTED, null, null, null,
            created, created, 1);
    final ReturnsPullService pull;

    ReturnsHarness(ReturnsPullConfig config) {
        settings.initialize(INT, created, "test");
        pull = new ReturnsPullService(new Shops(this), tiktok, settings, flowStates, new ReturnApplier(store, orders, clock),
                config, clock);
    }

    ReturnsHarness() {
        this(ReturnsPullConfig.DEFAULT);
    }

    /** The harness's one connected integration. */
    record Shops(ReturnsHarness h) implements ShopAccess {
        @Override
        public ConnectedShop connected(String integrationId) {
            return new ConnectedShop(h.integration, new ShopContext(integrationId, "cipher"), null);
        }

        @Override
        public List<String> connectedIntegrationIds() {
            return List.of(INT);
        }
    }

    void settings(ConnectorSettings.Returns returns, ConnectorSettings.Refunds refunds) {
        ConnectorSettings s = settings.require(INT).settings();
        settings.replace(INT, settings.require(INT).version(), ConnectorConfig.of(new ConnectorSettings(s.locations(),
                s.orders(), s.fulfillments(), s.products(), s.inventory(), returns, refunds, s.statements())),
                "test", "test");
    }

    /** A TikTok return order of one line of 10.00 USD, updated at {@code updated}. */
    static ReturnOrder tiktokReturn(String returnId, String orderId, String type, String status, Instant updated) {
        RefundAmount line = new RefundAmount(Money.of("10.00", "USD"), Money.of("10.00", "USD"), null, null);
        RefundAmount total = new RefundAmount(Money.of("12.50", "USD"), Money.of("10.00", "USD"),
                Money.of("2.00", "USD"), Money.of("0.50", "USD"));
        return new ReturnOrder(returnId, orderId, type, status, "BUYER", "ecom_reason_damaged", "Damaged",
                updated.minus(Duration.ofHours(1)), updated, null, "TRK-" + returnId, "UPS", total,
                List.of(new AftersaleLineItem("R" + returnId, "L" + orderId, "sku-1", "TEE-S", "S", "Tee", line)));
    }

    void appOrder(String tiktokOrderId) {
        orders.insert(new AppOrder(AppOrderId.of(INT, tiktokOrderId), INT, tiktokOrderId, AppOrderStatus.DELIVERED,
                "DELIVERED", List.of(new OrderLine("TEE-S", "sku-1", "p-1", "Tee", 1, Money.of("10.00", "USD"),
                Money.of("10.00", "USD"), List.of("L" + tiktokOrderId), null, true)), null, null, null, null, null,
                null, null, null, false, null, created, created, created, created, List.of(), 0));
    }
}
