package dev.ttsconnector.functions.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.log.Secrets;
import java.io.IOException;
import java.util.Objects;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The TikTok app key and secret, read once per container from the Secrets Manager secret named by
 * {@code TTS_APP_CREDENTIALS_SECRET_ARN} (JSON {@code {"app_key": "...", "app_secret": "..."}}, see template.yaml
 * AppCredentialsSecret). The secret is registered with the log redactor so it can never be logged.
 */
record AppCredentials(String appKey, String appSecret) {

    AppCredentials {
        if (appKey == null || appKey.isBlank()) {
            throw new IllegalStateException("app credentials secret: app_key is missing");
        }
        if (appSecret == null || appSecret.isBlank()) {
            throw new IllegalStateException("app credentials secret: app_secret is missing");
        }
    }

    static AppCredentials load(String secretArn) {
        Objects.requireNonNull(secretArn, "secretArn");
        try (SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            return parse(client.getSecretValue(b -> b.secretId(secretArn)).secretString());
        }
    }

    static AppCredentials parse(String secretJson) {
        JsonNode node;
        try {
            node = Json.tiktok().readTree(secretJson == null ? "" : secretJson);
        } catch (IOException e) {
            throw new IllegalStateException("app credentials secret is not JSON {\"app_key\", \"app_secret\"}");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalStateException("app credentials secret is not JSON {\"app_key\", \"app_secret\"}");
        }
        AppCredentials credentials = new AppCredentials(node.path("app_key").asText(null),
                node.path("app_secret").asText(null));
        Secrets.register(credentials.appSecret());
        return credentials;
    }
}
