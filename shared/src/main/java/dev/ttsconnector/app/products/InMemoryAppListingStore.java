package dev.ttsconnector.app.products;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link AppListingStore} in memory, for tests and the local runner. */
public final class InMemoryAppListingStore implements AppListingStore {
    private final Map<String, AppListing> listings = new ConcurrentHashMap<>();

    @Override
    public void put(AppListing listing) {
        listings.put(listing.listingId(), listing);
    }

    @Override
    public Optional<AppListing> get(String listingId) {
        return Optional.ofNullable(listings.get(listingId));
    }
}
