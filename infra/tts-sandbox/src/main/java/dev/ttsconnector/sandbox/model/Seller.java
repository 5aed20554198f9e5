package dev.ttsconnector.sandbox.model;

import java.util.ArrayList;
import java.util.List;

/** A seller account; one authorization (token) covers all of its shops (spec §3.5). */
public final class Seller {
    public final String id;
    public final String name;
    public final String baseRegion;
    public final String openId;
    public final List<String> shopIds = new ArrayList<>();

    public Seller(String id, String name, String baseRegion, String openId) {
        this.id = id;
        this.name = name;
        this.baseRegion = baseRegion;
        this.openId = openId;
    }
}
