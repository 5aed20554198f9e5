package dev.ttsconnector.functions.webhooks;

import dev.ttsconnector.app.exceptions.ParkedItemStore;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.flow.webhooks.WebhookIntake;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.queue.QueuePublisher;
import dev.ttsconnector.queue.SqsQueuePublisher;
import dev.ttsconnector.store.dynamodb.DynamoDbParkedItemStore;
import dev.ttsconnector.tiktok.webhook.WebhookVerifier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

    WebhookIntake intake() {
        AppCredentials credentials = AppCredentials.load(Env.require("TTS_APP_CREDENTIALS_SECRET_ARN"));
        return new WebhookIntake(new WebhookVerifier(credentials.appKey(), credentials.appSecret(), clock), clock);
    }

    QueuePublisher queuePublisher() {
        return new SqsQueuePublisher(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }

    String tableName() {
        return Env.require("TABLE_NAME");
    }

    String orderFetchQueueUrl() {
        return Env.require("ORDER_FETCH_QUEUE_URL");
    }

    DynamoDbClient dynamo() {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    ParkedItemStore parkedItems(DynamoDbClient dynamo) {
        return new DynamoDbParkedItemStore(dynamo, tableName(), clock);
    }
}
