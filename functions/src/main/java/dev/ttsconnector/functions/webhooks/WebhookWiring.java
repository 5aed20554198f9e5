package dev.ttsconnector.functions.webhooks;

import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.webhooks.WebhookIntake;
import dev.ttsconnector.flow.webhooks.WebhookRouter;
import dev.ttsconnector.flow.returns.ReturnSource;
import dev.ttsconnector.flow.returns.ReturnsPullConfig;
import dev.ttsconnector.functions.auth.IntegrationWiring;
import dev.ttsconnector.functions.returns.ReturnsWiring;
import dev.ttsconnector.integration.AuthorizationEvents;
import dev.ttsconnector.integration.IntegrationStateMemo;
import dev.ttsconnector.metrics.MetricsLogger;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.queue.QueuePublisher;
import dev.ttsconnector.queue.SqsQueuePublisher;
import dev.ttsconnector.store.dynamodb.DynamoDbParkedItemStore;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.webhook.WebhookVerifier;
import java.time.Instant;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the webhook functions' dependencies once per container. Environment (all set in template.yaml Globals):
 * {@code WEBHOOK_QUEUE_URL}, {@code TTS_APP_CREDENTIALS_SECRET_ARN} (the HMAC key), {@code TABLE_NAME},
 * {@code ORDER_FETCH_QUEUE_URL}. Each getter builds only what its function needs, so the HTTP function never creates
 * a DynamoDB client.
 */
final class WebhookWiring {

    private final Clock clock = Clock.system();
    private final String webhookQueueUrl;

    private WebhookWiring(String webhookQueueUrl) {
        this.webhookQueueUrl = webhookQueueUrl;
    }

    static WebhookWiring fromEnvironment() {
        return new WebhookWiring(Env.require("WEBHOOK_QUEUE_URL"));
    }

    String webhookQueueUrl() {
        return webhookQueueUrl;
    }

    Clock clock() {
        return clock;
    }

    /** The verifier keyed with the TikTok app key/secret (read once, from the integration wiring's secret). */
    WebhookIntake intake() {
        TikTokClientConfig app = IntegrationWiring.fromEnvironment().tiktokConfig();
        return new WebhookIntake(new WebhookVerifier(app.appKey(), app.appSecret(), clock), clock);
    }

    /**
     * The consumer's router: integrations by shop (seen through {@code memo}, whose scope the consumer opens per
     * invocation), receipts, OrderFetchQueue, the integration service, and the returns flow's targeted fetch for
     * RETURN_STATUS_CHANGE.
     */
    WebhookRouter router(IntegrationWiring integrations, IntegrationStateMemo memo) {
        ReturnsWiring returns = new ReturnsWiring(integrations.dynamo(), integrations.tableName(),
                integrations.shopAccess(), ReturnSource.tiktok(), ReturnsPullConfig.DEFAULT, clock,
                MetricsLogger.stdout());
        return new WebhookRouter(memo.integrations(integrations.integrationStore()),
                new DynamoDbWebhookReceipts(integrations.dynamo(), integrations.tableName()), queuePublisher(),
                orderFetchQueueUrl(), forgetting(integrations.authorizationEvents(), memo), clock,
                (integrationId, returnIds) -> returns.pull.fetch(integrationId, returnIds));
    }

    /**
     * {@code events} writing the integration through the integration service's own store, not the memo's view: the
     * memo forgets what it holds after each, so later webhooks of the batch read the changed integration.
     */
    static AuthorizationEvents forgetting(AuthorizationEvents events, IntegrationStateMemo memo) {
        return new AuthorizationEvents() {
            @Override
            public void deauthorized(String integrationId, String message, Instant at) {
                try {
                    events.deauthorized(integrationId, message, at);
                } finally {
                    memo.forget();
                }
            }

            @Override
            public void authorizationExpiring(String integrationId, Instant expiresAt, Instant at) {
                try {
                    events.authorizationExpiring(integrationId, expiresAt, at);
                } finally {
                    memo.forget();
                }
            }
        };
    }



    QueuePublisher queuePublisher() {
        return new SqsQueuePublisher(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }


    String orderFetchQueueUrl() {
        return Env.require("ORDER_FETCH_QUEUE_URL");
    }

    ParkedItemStore parkedItems(IntegrationWiring integrations) {
        return new DynamoDbParkedItemStore(integrations.dynamo(), integrations.tableName(), clock);
    }
}
