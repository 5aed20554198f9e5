package dev.ttsconnector.app.products;

import java.util.Optional;

/** The app's listings (hub data, keys {@code HUB#LISTINGS}); puts are whole-record upserts by listing id. */
public interface AppListingStore {

    void put(AppListing listing);

    Optional<AppListing> get(String listingId);
}
