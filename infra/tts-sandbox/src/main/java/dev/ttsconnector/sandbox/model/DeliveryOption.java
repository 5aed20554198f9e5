package dev.ttsconnector.sandbox.model;

import java.util.ArrayList;
import java.util.List;

/** A delivery option of a warehouse (spec §5) with the shipping providers it accepts. */
public final class DeliveryOption {
    public final String id;
    public final String name;
    /** STANDARD | EXPRESS | ECONOMY | SEND_BY_SELLER. */
    public final String type;
    public final List<ShippingProvider> providers = new ArrayList<>();

    public DeliveryOption(String id, String name, String type) {
        this.id = id;
        this.name = name;
        this.type = type;
    }

    public boolean sendBySeller() {
        return "SEND_BY_SELLER".equals(type);
    }

    public ShippingProvider provider(String providerId) {
        return providers.stream().filter(p -> p.id().equals(providerId)).findFirst().orElse(null);
    }
}
