package dev.ttsconnector.integration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttsconnector.api.ApiError;
import dev.ttsconnector.api.ApiException;
import dev.ttsconnector.common.AlreadyExistsException;
import dev.ttsconnector.common.Clock;
import dev.ttsconnector.common.Json;
import dev.ttsconnector.common.Page;
import dev.ttsconnector.log.StructuredLogger;
import dev.ttsconnector.settings.SettingsService;
import dev.ttsconnector.tiktok.ShopContext;
import dev.ttsconnector.tiktok.TikTokApiException;
import dev.ttsconnector.tiktok.TikTokAuthException;
import dev.ttsconnector.tiktok.TikTokShopClient;
import dev.ttsconnector.tiktok.auth.AuthorizedShop;
import dev.ttsconnector.tiktok.logistics.Warehouse;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Connects integrations to their TikTok shop and keeps their authorization state (spec §3, §12):
 * <ul>
 *   <li>{@link #create}: a unique name, default settings, and an authorize link whose {@code state} is random,
 *       single-use, bound to the integration and expires after {@link IntegrationConfig#stateTtl()}.</li>
 *   <li>{@link #completeAuthorization}: the OAuth callback. Consumes the state (conditional delete), exchanges the
 *       code, reads the authorized shops and binds the shop (unique shop claim; a shop held by another integration
 *       is refused). Several shops: tokens are kept encrypted and the operator picks with {@link #selectShop}.
 *       Connecting registers the shop's webhooks. Authorizing again after AUTH_EXPIRED / DEAUTHORIZED /
 *       DISCONNECTED restores CONNECTED (cursors untouched) and publishes {@code IntegrationReconnected} and an
 *       inventory {@code ResyncRequested} on the app bus.</li>
 *   <li>{@link #disconnect}: deregisters webhooks, releases the shop claim, deletes the tokens, keeps app records.</li>
 *   <li>{@link AuthorizationEvents} for webhook types 6 and 7 (idempotent; unknown integrations ignored).</li>
 * </ul>
 * Caller mistakes are {@link ApiException}s naming the field and the reason. Tokens never leave this class except
 * into the {@link TokenVault} and never reach a log.
 */
public final class IntegrationService implements AuthorizationEvents {

    public static final String RESYNC_REQUESTED = "ResyncRequested";
    public static final String INTEGRATION_RECONNECTED = "IntegrationReconnected";
    public static final int MAX_NAME_LENGTH = 100;

    private static final StructuredLogger LOG = StructuredLogger.forClass(IntegrationService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IntegrationStore integrations;
    private final OAuthStateStore states;
    private final TokenVault vault;
    private final TikTokShopClient tiktok;
    private final SettingsService settings;
    private final FlowStateStore flows;
    private final AppEventBus bus;
    private final IntegrationConfig config;
    private final Clock clock;
    private final Supplier<String> ids;

    public IntegrationService(IntegrationStore integrations, OAuthStateStore states, TokenVault vault,
                              TikTokShopClient tiktok, SettingsService settings, FlowStateStore flows,
                              AppEventBus bus, IntegrationConfig config, Clock clock) {
        this(integrations, states, vault, tiktok, settings, flows, bus, config, clock,
                () -> "int_" + HexFormat.of().formatHex(randomBytes(8)));
    }

    /** With an id generator (tests). */
    public IntegrationService(IntegrationStore integrations, OAuthStateStore states, TokenVault vault,
                              TikTokShopClient tiktok, SettingsService settings, FlowStateStore flows,
                              AppEventBus bus, IntegrationConfig config, Clock clock, Supplier<String> ids) {
        this.integrations = Objects.requireNonNull(integrations, "integrations");
        this.states = Objects.requireNonNull(states, "states");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.tiktok = Objects.requireNonNull(tiktok, "tiktok");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.flows = Objects.requireNonNull(flows, "flows");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public IntegrationConfig config() {
        return config;
    }

    // ---- create / authorize ----

    /**
     * Creates an integration waiting for authorization, with default settings (cut-offs = now).
     *
     * @throws ApiException 400 {@code name} blank or too long; 409 {@code name} taken
     */
    public CreatedIntegration create(String name, String actor) {
        String trimmed = name == null ? "" : name.strip();
        List<ApiError.FieldError> errors = new ArrayList<>();
        if (trimmed.isEmpty()) {
            errors.add(new ApiError.FieldError("name", "is required and must not be blank"));
        } else if (trimmed.length() > MAX_NAME_LENGTH) {
            errors.add(new ApiError.FieldError("name",
                    "must be at most " + MAX_NAME_LENGTH + " characters, was " + trimmed.length()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Instant now = clock.now();
        Integration stored;
        try {
            stored = integrations.create(Integration.pending(ids.get(), trimmed, now));
        } catch (AlreadyExistsException e) {
            throw ApiException.conflict(e.field(), e.getMessage());
        }
        settings.initialize(stored.id(), stored.createdAt(), actor);
        LOG.info("integration created", "integrationId", stored.id());
        return new CreatedIntegration(stored, newAuthorizeUrl(stored));
    }

    /** A fresh authorize link for an existing integration (expired link, reconnect, re-authorization). */
    public URI authorizeUrl(String integrationId) {
        return newAuthorizeUrl(require(integrationId));
    }

    private URI newAuthorizeUrl(Integration integration) {
        Instant now = clock.now();
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        states.put(new OAuthState(state, integration.id(), now, now.plus(config.stateTtl())));
        return tiktok.auth().authorizeUrl(state);
    }

    // ---- OAuth callback ----

    /**
     * The OAuth callback ({@code GET /oauth/tiktok/callback?code=&state=}).
     *
     * @throws ApiException 400 unknown/used/expired state, missing or refused code, no shops; 409 shop bound to
     *                      another integration or not the integration's shop; 502 webhook registration failed
     */
    public ConnectResult completeAuthorization(String code, String state) {
        if (state == null || state.isBlank()) {
            throw new ApiException(400, "invalid_state", "The authorization answer has no state; start the "
                    + "connection again from the console", "state");
        }
        OAuthState consumed = states.consume(state).orElseThrow(() -> new ApiException(400, "invalid_state",
                "This authorization link is unknown or was already used; start the connection again from the console",
                "state"));
        if (consumed.expiredAt(clock.now())) {
            throw new ApiException(400, "expired_state", "This authorization link expired at "
                    + consumed.expiresAt() + "; start the connection again from the console", "state");
        }
        if (code == null || code.isBlank()) {
            throw new ApiException(400, "missing_code", "TikTok returned no authorization code (the seller may "
                    + "have declined); start the connection again from the console", "code");
        }
        Integration integration = require(consumed.integrationId());
        ShopTokens tokens;
        try {
            tokens = ShopTokens.of(tiktok.auth().getAccessToken(code));
        } catch (TikTokAuthException e) {
            throw new ApiException(400, "invalid_code", "TikTok refused the authorization code (" + e.code() + " "
                    + e.tiktokMessage() + "); authorization codes are single-use and expire after about 30 minutes",
                    "code");
        }
        List<AuthorizedShop> shops = tiktok.auth().authorizedShops(tokens.accessToken());
        if (shops.isEmpty()) {
            throw new ApiException(400, "no_shops", "The seller authorized no shop; authorize a shop in TikTok",
                    null);
        }
        if (integration.shop() != null) {
            AuthorizedShop same = shops.stream().filter(s -> s.id().equals(integration.shop().shopId())).findFirst()
                    .orElseThrow(() -> ApiException.conflict("shopId", "Integration '" + integration.name()
                            + "' belongs to TikTok shop " + describe(integration.shop()) + ", which this seller "
                            + "did not authorize; sign in to TikTok as that shop's seller (a different shop needs a "
                            + "new integration)"));
            return connect(integration, same, tokens);
        }
        if (shops.size() == 1) {
            return connect(integration, shops.get(0), tokens);
        }
        vault.save(integration.id(), tokens, TokenVault.ANY_VERSION);
        List<ConnectResult.ShopChoice> choices = shops.stream().map(s -> new ConnectResult.ShopChoice(s.id(),
                s.name(), s.region(), s.sellerType(), s.code(), integrations.findByShopId(s.id())
                .map(holder -> !holder.id().equals(integration.id())).orElse(false))).toList();
        return new ConnectResult(ConnectResult.Outcome.CHOOSE_SHOP, integration, choices);
    }

    /**
     * Completes an authorization that covered several shops ({@code POST /v1/integrations/{id}/shop}).
     *
     * @throws ApiException 400 {@code shopId} not among the authorized shops; 409 no pending authorization, already
     *                      connected, or the shop is bound to another integration
     */
    public ConnectResult selectShop(String integrationId, String shopId) {
        Integration integration = require(integrationId);
        if (shopId == null || shopId.isBlank()) {
            throw ApiException.validation("shopId", "is required");
        }
        if (integration.status() == IntegrationStatus.CONNECTED) {
            throw ApiException.conflict("status", "Integration '" + integration.name() + "' is already connected to "
                    + describe(integration.shop()));
        }
        StoredTokens tokens = vault.load(integrationId).orElseThrow(() -> ApiException.conflict("status",
                "Integration '" + integration.name() + "' has no pending authorization; open its authorize link first"));
        List<AuthorizedShop> shops;
        try {
            shops = tiktok.auth().authorizedShops(tokens.tokens().accessToken());
        } catch (TikTokAuthException e) {
            throw ApiException.conflict("status", "The pending authorization is no longer valid; open a new "
                    + "authorize link");
        }
        AuthorizedShop chosen = shops.stream().filter(s -> s.id().equals(shopId.strip())).findFirst()
                .orElseThrow(() -> ApiException.validation("shopId", "'" + shopId + "' is not one of the shops the "
                        + "seller authorized: " + shops.stream().map(AuthorizedShop::id).toList()));
        if (integration.shop() != null && !integration.shop().shopId().equals(chosen.id())) {
            throw ApiException.conflict("shopId", "Integration '" + integration.name() + "' belongs to TikTok shop "
                    + describe(integration.shop()) + "; a different shop needs a new integration");
        }
        return connect(integration, chosen, tokens.tokens());
    }

    private ConnectResult connect(Integration integration, AuthorizedShop shop, ShopTokens tokens) {
        try {
            integrations.claimShop(integration.id(), shop.id());
        } catch (AlreadyExistsException e) {
            throw ApiException.conflict("shopId", "TikTok shop " + shop.name() + " (" + shop.id() + ") is already "
                    + "connected to another integration; disconnect it there first or use that integration");
        }
        vault.save(integration.id(), tokens, TokenVault.ANY_VERSION);
        ShopContext context = new ShopContext(integration.id(), shop.cipher());
        registerWebhooks(context);
        boolean reconnect = integration.shop() != null;
        Instant now = clock.now();
        ShopBinding binding = new ShopBinding(shop.id(), shop.cipher(), shop.code(), shop.name(), shop.region(),
                shop.sellerType());
        Integration connected = IntegrationUpdates.update(integrations, integration.id(), i -> i
                        .withShop(binding, now)
                        .withAuthorizationExpiresAt(tokens.refreshTokenExpiresAt(), now)
                        .withStatus(IntegrationStatus.CONNECTED, null, now))
                .orElseThrow(() -> ApiException.notFound("integration", integration.id()));
        LOG.info(reconnect ? "integration reconnected" : "integration connected", "integrationId",
                integration.id(), "shopId", shop.id());
        if (reconnect) {
            publishReconnected(connected, now);
        }
        // Match the shop's catalog to the app's SKUs at once (not at the next hourly sync); new matches queue the
        // first inventory pushes.
        bus.publish(RESYNC_REQUESTED, resyncDetail(integration.id(), ResyncFlow.PRODUCTS, List.of(),
                reconnect ? "system:reconnect" : "system:connect", now));
        return new ConnectResult(reconnect ? ConnectResult.Outcome.RECONNECTED : ConnectResult.Outcome.CONNECTED,
                connected, List.of());
    }

    private void registerWebhooks(ShopContext context) {
        if (config.webhookUrl() == null) {
            return;
        }
        for (String topic : config.webhookTopics()) {
            try {
                tiktok.webhooks().register(context, topic, config.webhookUrl().toString());
            } catch (TikTokApiException e) {
                throw new ApiException(502, "webhook_registration_failed", "TikTok refused to register the "
                        + topic + " webhook (" + e.code() + " " + e.tiktokMessage() + "); authorize again to retry",
                        null);
            }
        }
    }

    private void publishReconnected(Integration integration, Instant now) {
        Instant lastGoodCursor = flows.get(integration.id(), FlowName.ORDERS).map(FlowState::cursor).orElse(null);
        ObjectNode reconnected = Json.app().createObjectNode();
        reconnected.put("integrationId", integration.id());
        reconnected.put("lastGoodCursor", lastGoodCursor == null ? null : lastGoodCursor.toString());
        reconnected.put("reconnectedAt", now.toString());
        bus.publish(INTEGRATION_RECONNECTED, reconnected);
        bus.publish(RESYNC_REQUESTED, resyncDetail(integration.id(), ResyncFlow.INVENTORY, List.of(),
                "system:reconnect", now));
    }

    // ---- read ----

    public IntegrationDetails get(String integrationId) {
        Integration integration = require(integrationId);
        return new IntegrationDetails(integration, flows.list(integrationId));
    }

    public Page<Integration> list(int limit, String cursor) {
        return integrations.list(limit, cursor);
    }

    /** The TikTok warehouse ids of the integration's shop; empty when it is not connected. */
    public Set<String> warehouseIds(String integrationId) {
        Integration integration = require(integrationId);
        if (integration.status() != IntegrationStatus.CONNECTED || integration.shop() == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (Warehouse w : tiktok.logistics().warehouses(new ShopContext(integrationId, integration.shop().cipher()))) {
            out.add(w.id());
        }
        return out;
    }

    // ---- disconnect ----

    /**
     * Disconnects: deregisters the shop's webhooks (best effort: a revoked authorization cannot deregister), releases
     * the shop claim, deletes the tokens and sets DISCONNECTED. App records, settings and cursors are kept.
     * Idempotent.
     */
    public Integration disconnect(String integrationId, String actor) {
        Integration integration = require(integrationId);
        if (integration.status() == IntegrationStatus.DISCONNECTED) {
            return integration;
        }
        if (integration.shop() != null) {
            if (vault.load(integrationId).isPresent()) {
                ShopContext context = new ShopContext(integrationId, integration.shop().cipher());
                for (String topic : config.webhookTopics()) {
                    try {
                        tiktok.webhooks().unregister(context, topic);
                    } catch (TikTokApiException e) {
                        LOG.warn("webhook not deregistered", "integrationId", integrationId, "topic", topic,
                                "code", e.code());
                    }
                }
            }
            integrations.releaseShop(integrationId, integration.shop().shopId());
        }
        vault.delete(integrationId);
        Instant now = clock.now();
        return IntegrationUpdates.update(integrations, integrationId, i -> i.withStatus(
                        IntegrationStatus.DISCONNECTED, "Disconnected by " + actor, now))
                .orElseThrow(() -> ApiException.notFound("integration", integrationId));
    }

    // ---- resync ----

    /** The flows a resync can be requested for. */
    public enum ResyncFlow {
        INVENTORY, PRODUCTS, ORDERS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Puts a {@code ResyncRequested} event on the app bus (routed to ResyncQueue by the template's rule).
     *
     * @throws ApiException 409 when the integration is not connected
     */
    public ObjectNode requestResync(String integrationId, ResyncFlow flow, List<String> skus, String actor) {
        Integration integration = require(integrationId);
        if (integration.status() != IntegrationStatus.CONNECTED) {
            throw ApiException.conflict("status", "Integration '" + integration.name() + "' is "
                    + integration.status() + "; reconnect it before requesting a resync");
        }
        ObjectNode detail = resyncDetail(integrationId, flow, skus, actor, clock.now());
        bus.publish(RESYNC_REQUESTED, detail);
        return detail;
    }

    private static ObjectNode resyncDetail(String integrationId, ResyncFlow flow, List<String> skus, String actor,
                                           Instant now) {
        ObjectNode detail = Json.app().createObjectNode();
        detail.put("integrationId", integrationId);
        detail.put("flow", flow.code());
        ArrayNode list = detail.putArray("skus");
        skus.forEach(list::add);
        detail.put("requestedBy", actor);
        detail.put("requestedAt", now.toString());
        return detail;
    }

    // ---- AuthorizationEvents (webhooks 6 and 7) ----

    @Override
    public void deauthorized(String integrationId, String message, Instant at) {
        String reason = "TikTok: seller deauthorized the app" + (message == null || message.isBlank() ? ""
                : " (" + message.strip() + ")");
        Optional<Integration> current = integrations.get(integrationId);
        if (current.isPresent() && isStale(current.get(), at)) {
            LOG.info("stale deauthorization ignored: the shop is authorized again", "integrationId", integrationId,
                    "eventAt", at.toString(), "updatedAt", current.get().updatedAt().toString());
            return;
        }
        Instant now = clock.now();
        IntegrationUpdates.update(integrations, integrationId, i -> {
            boolean active = i.status() == IntegrationStatus.CONNECTED || i.status() == IntegrationStatus.AUTH_EXPIRED;
            return active ? i.withStatus(IntegrationStatus.DEAUTHORIZED, reason, now) : i;
        }).ifPresentOrElse(
                i -> LOG.info("deauthorization handled", "integrationId", integrationId, "status", i.status().name()),
                () -> LOG.warn("deauthorization for unknown integration ignored", "integrationId", integrationId));
    }

    /**
     * A deauthorization event older than the integration's last change may predate a reconnect (TikTok retries an
     * unacknowledged webhook for up to 12 h: spec "Delivery / retry"): it is stale when the stored token still reaches the shop. One TikTok call,
     * only for such late events; if the check itself fails the event is applied, as the seller asked.
     */
    private boolean isStale(Integration integration, Instant eventAt) {
        if (eventAt == null || integration.status() != IntegrationStatus.CONNECTED || integration.shop() == null
                || !eventAt.isBefore(integration.updatedAt())) {
            return false;
        }
        try {
            Optional<StoredTokens> tokens = vault.load(integration.id());
            return tokens.isPresent() && tiktok.auth().authorizedShops(tokens.get().tokens().accessToken()).stream()
                    .anyMatch(s -> s.id().equals(integration.shop().shopId()));
        } catch (RuntimeException e) {
            LOG.warn("could not check a late deauthorization; applying it", e, "integrationId", integration.id());
            return false;
        }
    }

    @Override
    public void authorizationExpiring(String integrationId, Instant expiresAt, Instant at) {
        if (expiresAt == null) {
            return;
        }
        Instant now = clock.now();
        IntegrationUpdates.update(integrations, integrationId, i -> expiresAt.equals(i.authorizationExpiresAt())
                ? i : i.withAuthorizationExpiresAt(expiresAt, now));
    }

    // ---- helpers ----

    /** @throws ApiException 404 when the integration does not exist */
    public Integration require(String integrationId) {
        return integrations.get(integrationId).orElseThrow(() -> ApiException.notFound("integration", integrationId));
    }

    public Optional<Integration> find(String integrationId) {
        return integrations.get(integrationId);
    }

    private static String describe(ShopBinding shop) {
        return shop == null ? "(none)" : (shop.name() == null ? shop.shopId() : shop.name() + " (" + shop.shopId()
                + ")");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
