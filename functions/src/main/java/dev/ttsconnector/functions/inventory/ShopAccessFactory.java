package dev.ttsconnector.functions.inventory;

import dev.ttsconnector.integration.ShopAccess;

import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

/**
 * Builds the production {@link ShopAccess} (token vault + TikTok client) for the inventory functions. The
 * implementation belongs to the integrations side; it is found with {@link ServiceLoader} (register it in
 * {@code META-INF/services/dev.ttsconnector.functions.inventory.ShopAccessFactory}), so these functions do not depend
 * on how tokens are stored.
 */
public interface ShopAccessFactory {

    /** @param environment the function's environment variables by name */
    ShopAccess create(UnaryOperator<String> environment);

    /**
     * The registered factory's {@link ShopAccess}.
     *
     * @throws IllegalStateException when no factory is registered (the deployable jar is missing the integrations
     *                               module's registration)
     */
    static ShopAccess load(UnaryOperator<String> environment) {
        return ServiceLoader.load(ShopAccessFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + ShopAccessFactory.class.getName()
                        + " registered in META-INF/services: the integrations wiring must provide the ShopAccess"))
                .create(environment);
    }
}
