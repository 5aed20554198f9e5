package dev.ttsconnector.functions.resync;

import dev.ttsconnector.functions.inventory.InventoryWiring;

/** Test access to {@link ResyncHandler}'s wiring constructor from other test packages. */
public final class ResyncHandlerAccess {

    private ResyncHandlerAccess() {
    }

    public static ResyncHandler handler(InventoryWiring wiring, String queueUrl) {
        return new ResyncHandler(wiring, queueUrl);
    }
}
