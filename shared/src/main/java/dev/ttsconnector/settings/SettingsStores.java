package dev.ttsconnector.settings;

/** Argument checks shared by the store implementations. */
final class SettingsStores {

    private SettingsStores() {
    }

    static void checkNext(String integrationId, long expectedVersion, SettingsVersion next) {
        if (!next.integrationId().equals(integrationId)) {
            throw new IllegalArgumentException("version belongs to integration " + next.integrationId()
                    + ", not " + integrationId);
        }
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("next version must be " + (expectedVersion + 1) + ", was "
                    + next.version());
        }
    }
}
