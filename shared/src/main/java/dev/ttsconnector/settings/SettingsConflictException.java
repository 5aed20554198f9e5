package dev.ttsconnector.settings;

/** The settings changed since the caller read them (optimistic locking); nothing was written. API: 409. */
public class SettingsConflictException extends RuntimeException {

    private final String integrationId;
    private final long expectedVersion;
    private final long actualVersion;

    public SettingsConflictException(String integrationId, long expectedVersion, long actualVersion) {
        super("settings of integration " + integrationId + " are at version " + actualVersion + ", not "
                + expectedVersion + "; reload and retry");
        this.integrationId = integrationId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String integrationId() {
        return integrationId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version found, or -1 when unknown. */
    public long actualVersion() {
        return actualVersion;
    }
}
