package dev.ttsconnector.settings;

/** The integration has no settings yet, or the requested version does not exist. API: 404. */
public class SettingsNotFoundException extends RuntimeException {

    public SettingsNotFoundException(String message) {
        super(message);
    }
}
