package dev.ttsconnector.sandbox.model;

import java.util.ArrayList;
import java.util.List;

/** A seller warehouse (spec §8): SALES_WAREHOUSE ships, RETURN_WAREHOUSE receives returns. */
public final class Warehouse {
    public final String id;
    public final String name;
    public final boolean sales;
    public final boolean isDefault;
    public final String city;
    public final String state;
    public final String postalCode;
    public final String addressLine1;
    public final List<DeliveryOption> deliveryOptions = new ArrayList<>();

    public Warehouse(String id, String name, boolean sales, boolean isDefault, String city, String state,
                     String postalCode, String addressLine1) {
        this.id = id;
        this.name = name;
        this.sales = sales;
        this.isDefault = isDefault;
        this.city = city;
        this.state = state;
        this.postalCode = postalCode;
        this.addressLine1 = addressLine1;
    }
}
