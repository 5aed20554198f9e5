package dev.ttsconnector.integration;

import java.util.List;
import java.util.Objects;

/**
 * What an authorization (OAuth callback) or a shop choice ended in.
 *
 * @param shops for {@link Outcome#CHOOSE_SHOP}: every shop the seller authorized, the operator picks one with
 *              {@code POST /v1/integrations/{id}/shop}; empty otherwise
 */
public record ConnectResult(Outcome outcome, Integration integration, List<ShopChoice> shops) {

    public enum Outcome {
        /** Bound to its shop for the first time. */
        CONNECTED,
        /** Authorized again after AUTH_EXPIRED / DEAUTHORIZED / DISCONNECTED; back-fill and full push requested. */
        RECONNECTED,
        /** The token covers several shops; tokens are kept (encrypted) until the operator picks one. */
        CHOOSE_SHOP
    }

    /** One authorized shop; {@code connectedElsewhere} when another integration already holds it. */
    public record ShopChoice(String shopId, String name, String region, String sellerType, String code,
                             boolean connectedElsewhere) {
    }

    public ConnectResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(integration, "integration");
        shops = List.copyOf(shops);
    }
}
