package dev.ttsconnector.app.locations;

/**
 * Kind of app location. {@code FBT} locations mirror one TikTok FBT warehouse each and {@code FBT_CONSOLIDATED} holds
 * the sum of all of them (doc: Locations settings); both are created by the connector and never feed the
 * seller-fulfilled inventory push (no double counting).
 */
public enum LocationType {
    WAREHOUSE,
    FBT,
    FBT_CONSOLIDATED;

    public boolean isFbt() {
        return this != WAREHOUSE;
    }
}
