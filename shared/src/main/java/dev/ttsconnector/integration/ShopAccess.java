package dev.ttsconnector.integration;

import java.util.List;

/**
 * The door from a flow to TikTok for one integration. Flows never build clients or read tokens themselves.
 */
public interface ShopAccess {

    /**
     * @throws IntegrationNotConnectedException when the integration does not exist or is not {@code CONNECTED}
     *                                          (flows stop for it; cursors stay where they are)
     */
    ConnectedShop connected(String integrationId);

    /** Ids of every integration that runs flows now (status CONNECTED). */
    List<String> connectedIntegrationIds();
}
