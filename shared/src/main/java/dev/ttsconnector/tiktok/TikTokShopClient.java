package dev.ttsconnector.tiktok;

import dev.ttsconnector.common.Clock;
import dev.ttsconnector.tiktok.auth.TikTokAuthClient;
import dev.ttsconnector.tiktok.fbt.FbtClient;
import dev.ttsconnector.tiktok.finance.FinanceClient;
import dev.ttsconnector.tiktok.fulfillment.FulfillmentClient;
import dev.ttsconnector.tiktok.internal.HttpTransport;
import dev.ttsconnector.tiktok.inventory.InventoryClient;
import dev.ttsconnector.tiktok.logistics.LogisticsClient;
import dev.ttsconnector.tiktok.messaging.MessagingClient;
import dev.ttsconnector.tiktok.orders.OrdersClient;
import dev.ttsconnector.tiktok.products.ProductsClient;
import dev.ttsconnector.tiktok.returns.ReturnsClient;
import dev.ttsconnector.tiktok.webhook.WebhookClient;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The TikTok Shop API client: one sub-client per API area over one shared {@link HttpTransport} (signing,
 * retries, rate limiting and token refresh, see its contract). Thread-safe; build one per process (Lambda
 * container) in {@code Wiring}. All failures surface as {@link TikTokApiException} subclasses; argument
 * mistakes as {@link IllegalArgumentException} naming the field.
 */
public final class TikTokShopClient {

    private final HttpTransport transport;
    private final OrdersClient orders;
    private final FulfillmentClient fulfillment;
    private final LogisticsClient logistics;
    private final ProductsClient products;
    private final InventoryClient inventory;
    private final ReturnsClient returns;
    private final MessagingClient messaging;
    private final FbtClient fbt;
    private final FinanceClient finance;
    private final WebhookClient webhooks;
    private final TikTokAuthClient auth;

    private TikTokShopClient(HttpTransport transport) {
        this.transport = transport;
        this.orders = new OrdersClient(transport);
        this.fulfillment = new FulfillmentClient(transport);
        this.logistics = new LogisticsClient(transport);
        this.products = new ProductsClient(transport);
        this.inventory = new InventoryClient(transport);
        this.returns = new ReturnsClient(transport);
        this.messaging = new MessagingClient(transport);
        this.fbt = new FbtClient(transport);
        this.finance = new FinanceClient(transport);
        this.webhooks = new WebhookClient(transport);
        this.auth = new TikTokAuthClient(transport);
    }

    /** Production defaults: system clock, real sleeping, no listener. */
    public static TikTokShopClient create(TikTokClientConfig config, TokenProvider tokens) {
        return builder(config, tokens).build();
    }

    public static Builder builder(TikTokClientConfig config, TokenProvider tokens) {
        return new Builder(config, tokens);
    }

    public OrdersClient orders() {
        return orders;
    }

    public FulfillmentClient fulfillment() {
        return fulfillment;
    }

    public LogisticsClient logistics() {
        return logistics;
    }

    public ProductsClient products() {
        return products;
    }

    public InventoryClient inventory() {
        return inventory;
    }

    public ReturnsClient returns() {
        return returns;
    }

    public MessagingClient messaging() {
        return messaging;
    }

    public FbtClient fbt() {
        return fbt;
    }

    /** Finance: statements and their transactions (spec §9). */
    public FinanceClient finance() {
        return finance;
    }

    public WebhookClient webhooks() {
        return webhooks;
    }

    /** Authorization: consent URL, token get/refresh, authorized shops (shares this client's transport). */
    public TikTokAuthClient auth() {
        return auth;
    }

    public TikTokClientConfig config() {
        return transport.config();
    }

    /** Optional collaborators; anything not set gets the production default. */
    public static final class Builder {
        private final TikTokClientConfig config;
        private final TokenProvider tokens;
        private Clock clock = Clock.system();
        private Sleeper sleeper = Sleeper.system();
        private TransportListener listener = TransportListener.NONE;
        private HttpClient httpClient;
        private RandomGenerator random;

        private Builder(TikTokClientConfig config, TokenProvider tokens) {
            this.config = Objects.requireNonNull(config, "config");
            this.tokens = Objects.requireNonNull(tokens, "tokens");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder listener(TransportListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** Source of back-off jitter (seed it in tests for reproducible delays). */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        public TikTokShopClient build() {
            return new TikTokShopClient(new HttpTransport(config, tokens, clock, sleeper, listener, httpClient, random));
        }
    }
}
