package dev.ttsconnector.functions.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.functions.support.Env;
import dev.ttsconnector.integration.AppEventBus;
import dev.ttsconnector.integration.AuthorizationEvents;
import dev.ttsconnector.integration.EventBridgeAppEventBus;
import dev.ttsconnector.integration.IntegrationComponents;
import dev.ttsconnector.integration.IntegrationConfig;
import dev.ttsconnector.integration.IntegrationService;
import dev.ttsconnector.integration.IntegrationStore;
import dev.ttsconnector.integration.KmsTokenCipher;
import dev.ttsconnector.integration.LocalKeyTokenCipher;
import dev.ttsconnector.integration.TokenCipher;
import dev.ttsconnector.integration.TokenRefresher;
import dev.ttsconnector.integration.TokenVault;
import dev.ttsconnector.integration.VaultShopAccess;
import dev.ttsconnector.log.Secrets;
import dev.ttsconnector.settings.DynamoDbSettingsStore;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.settings.SettingsValidator;
import dev.ttsconnector.store.dynamodb.DynamoDbFlowStateStore;
import dev.ttsconnector.store.dynamodb.DynamoDbIntegrationStore;
import dev.ttsconnector.store.dynamodb.DynamoDbOAuthStateStore;
import dev.ttsconnector.store.dynamodb.DynamoDbTokenVault;
import dev.ttsconnector.tiktok.Sleeper;
import dev.ttsconnector.tiktok.TikTokClientConfig;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.auth.TikTokAuthClient;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the integration side of a function once per container: stores, the encrypted token vault, ONE TikTok
 * client with vault-backed tokens, {@link VaultShopAccess}, {@link IntegrationService} (which is the
 * {@link AuthorizationEvents} implementation) and the {@link TokenRefresher}. Every part is built on first use.
 *
 * <p>Reads its configuration through the function given to the constructor (a handler's {@code Wiring} passes
 * values it read with {@code Env}); names:
 * <ul>
 *   <li>{@code TABLE_NAME} (required), {@code APP_BUS_NAME} (for the integration service)</li>
 *   <li>{@code TOKEN_KMS_KEY_ARN}: KMS key of the vault; or {@code LOCAL_TOKEN_KEY} (base64 32-byte AES key, local
 *       runs only; wins when set)</li>
 *   <li>TikTok app: {@code TTS_APP_KEY} + {@code TTS_APP_SECRET} (local runs) or the Secrets Manager secret
 *       {@code TTS_APP_CREDENTIALS_SECRET_ARN} holding {@code {"app_key", "app_secret"}}; hosts
 *       {@code TTS_API_BASE_URL}, {@code TTS_AUTH_BASE_URL}, {@code TTS_AUTHORIZE_URL}, {@code TTS_SERVICE_ID}</li>
 *   <li>{@code WEBHOOK_PUBLIC_URL} (webhooks registered per shop; unset = none), {@code CONSOLE_URL}</li>
 * </ul>
 * The app secret and every token are registered with {@link Secrets} the moment they are read.
 */
public final class IntegrationWiring {

    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String APP_BUS_NAME = "APP_BUS_NAME";
    public static final String TOKEN_KMS_KEY_ARN = "TOKEN_KMS_KEY_ARN";
    public static final String LOCAL_TOKEN_KEY = "LOCAL_TOKEN_KEY";
    public static final String TTS_APP_CREDENTIALS_SECRET_ARN = "TTS_APP_CREDENTIALS_SECRET_ARN";
    public static final String WEBHOOK_PUBLIC_URL = "WEBHOOK_PUBLIC_URL";
    public static final String CONSOLE_URL = "CONSOLE_URL";
    /** The variables {@link TikTokClientConfig#fromEnvironment} reads. */
    public static final String[] TIKTOK_VARIABLES = {"TTS_APP_KEY", "TTS_APP_SECRET", "TTS_SERVICE_ID",
            "TTS_API_BASE_URL", "TTS_AUTH_BASE_URL", "TTS_AUTHORIZE_URL"};

    private final UnaryOperator<String> env;
    private final Clock clock;
    private final Map<String, Object> built = new HashMap<>();

    public IntegrationWiring(UnaryOperator<String> env, Clock clock) {
        this.env = Objects.requireNonNull(env, "env");
        this.clock = Objects.requireNonNull(clock, "clock");
        require(TABLE_NAME);
    }

    /**
     * From this function's environment: every function that talks to TikTok or the token vault builds its integration
     * side here (literal names: the template test checks each {@code Env.require} name is set on the function).
     */
    public static IntegrationWiring fromEnvironment() {
        Map<String, String> values = new HashMap<>();
        values.put(TABLE_NAME, Env.require("TABLE_NAME"));
        values.put(APP_BUS_NAME, Env.optional("APP_BUS_NAME", ""));
        values.put(TOKEN_KMS_KEY_ARN, Env.optional("TOKEN_KMS_KEY_ARN", ""));
        values.put(LOCAL_TOKEN_KEY, Env.optional("LOCAL_TOKEN_KEY", ""));
        values.put(TTS_APP_CREDENTIALS_SECRET_ARN, Env.optional("TTS_APP_CREDENTIALS_SECRET_ARN", ""));
        values.put(WEBHOOK_PUBLIC_URL, Env.optional("WEBHOOK_PUBLIC_URL", ""));
        values.put(CONSOLE_URL, Env.optional("CONSOLE_URL", ""));
        values.put("TTS_APP_KEY", Env.optional("TTS_APP_KEY", ""));
        values.put("TTS_APP_SECRET", Env.optional("TTS_APP_SECRET", ""));
        values.put("TTS_SERVICE_ID", Env.optional("TTS_SERVICE_ID", ""));
        values.put("TTS_API_BASE_URL", Env.optional("TTS_API_BASE_URL", ""));
        values.put("TTS_AUTH_BASE_URL", Env.optional("TTS_AUTH_BASE_URL", ""));
        values.put("TTS_AUTHORIZE_URL", Env.optional("TTS_AUTHORIZE_URL", ""));
        return new IntegrationWiring(values::get, Clock.system());
    }

    /** With AWS clients built elsewhere (tests against the local AWS stack). */
    public IntegrationWiring(UnaryOperator<String> env, Clock clock, DynamoDbClient dynamo, EventBridgeClient events) {
        this(env, clock);
        built.put("dynamo", Objects.requireNonNull(dynamo, "dynamo"));
        built.put("events", Objects.requireNonNull(events, "events"));
    }

    private String require(String name) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is required but not set");
        }
        return value.strip();
    }

    private String optional(String name) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> T once(String key, Supplier<T> factory) {
        Object value = built.get(key);
        if (value == null) {
            value = factory.get();
            built.put(key, value);
        }
        return (T) value;
    }

    public DynamoDbClient dynamo() {
        return once("dynamo", () -> DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }

    public String tableName() {
        return require(TABLE_NAME);
    }

    public IntegrationStore integrationStore() {
        return once("integrations", () -> new DynamoDbIntegrationStore(dynamo(), tableName()));
    }

    public TokenCipher tokenCipher() {
        return once("cipher", () -> {
            String localKey = optional(LOCAL_TOKEN_KEY);
            if (localKey != null) {
                return LocalKeyTokenCipher.fromBase64(localKey);
            }
            String keyArn = require(TOKEN_KMS_KEY_ARN);
            return new KmsTokenCipher(KmsClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                    keyArn);
        });
    }

    public TokenVault tokenVault() {
        return once("vault", () -> new DynamoDbTokenVault(dynamo(), tableName(), tokenCipher()));
    }

    /** The TikTok app configuration; the app secret is registered for log masking. */
    public TikTokClientConfig tiktokConfig() {
        return once("tiktokConfig", () -> {
            Map<String, String> values = new HashMap<>();
            for (String name : TIKTOK_VARIABLES) {
                String value = optional(name);
                if (value != null) {
                    values.put(name, value);
                }
            }
            if (!values.containsKey("TTS_APP_KEY") || !values.containsKey("TTS_APP_SECRET")) {
                values.putAll(readAppCredentials(require(TTS_APP_CREDENTIALS_SECRET_ARN)));
            }
            Secrets.register(values.get("TTS_APP_SECRET"));
            return TikTokClientConfig.fromEnvironment(values);
        });
    }

    private static Map<String, String> readAppCredentials(String secretArn) {
        String json;
        try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            json = secrets.getSecretValue(b -> b.secretId(secretArn)).secretString();
        }
        return parseAppCredentials(json, secretArn);
    }

    /** {@code {"app_key", "app_secret"}} → TTS_APP_KEY / TTS_APP_SECRET; never echoes the secret in errors. */
    static Map<String, String> parseAppCredentials(String json, String secretArn) {
        JsonNode node;
        try {
            node = json == null ? null : Json.app().readTree(json);
        } catch (Exception e) {
            node = null;
        }
        String key = node == null ? null : node.path("app_key").asText(null);
        String secret = node == null ? null : node.path("app_secret").asText(null);
        Secrets.register(secret);
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalStateException("secret " + secretArn + " must hold JSON {\"app_key\": \"...\", "
                    + "\"app_secret\": \"...\"} (set it once per region)");
        }
        return Map.of("TTS_APP_KEY", key, "TTS_APP_SECRET", secret);
    }

    /** ONE TikTok client per container, tokens from the vault (shared by ShopAccess and the services). */
    public TikTokShopClient shopClient() {
        return once("client", () -> VaultShopAccess.client(tiktokConfig(), integrationStore(), tokenVault(), clock));
    }

    public VaultShopAccess shopAccess() {
        return once("shopAccess", () -> new VaultShopAccess(integrationStore(), shopClient()));
    }

    public TokenRefresher tokenRefresher() {
        return once("refresher", () -> new TokenRefresher(tokenVault(),
                TikTokAuthClient.create(tiktokConfig(), clock, Sleeper.system()), integrationStore(), clock));
    }

    public SettingsService settingsService() {
        return once("settings", () -> new SettingsService(new DynamoDbSettingsStore(dynamo(), tableName()),
                SettingsValidator.standard(), clock));
    }

    public AppEventBus appEventBus() {
        return once("bus", () -> new EventBridgeAppEventBus(once("events", () -> EventBridgeClient.builder()
                .httpClient(UrlConnectionHttpClient.create()).build()), require(APP_BUS_NAME)));
    }

    public IntegrationConfig integrationConfig() {
        return once("config", () -> {
            String webhook = optional(WEBHOOK_PUBLIC_URL);
            return IntegrationConfig.of(webhook == null ? null : URI.create(webhook), optional(CONSOLE_URL));
        });
    }

    public IntegrationService integrationService() {
        return once("service", () -> new IntegrationService(integrationStore(),
                new DynamoDbOAuthStateStore(dynamo(), tableName()), tokenVault(), shopClient(), settingsService(),
                new DynamoDbFlowStateStore(dynamo(), tableName()), appEventBus(), integrationConfig(), clock));
    }

    /** What the webhook consumer calls for webhook types 6 and 7. */
    public AuthorizationEvents authorizationEvents() {
        return integrationService();
    }

    public IntegrationComponents components() {
        return new IntegrationComponents(integrationService(), settingsService());
    }
}
