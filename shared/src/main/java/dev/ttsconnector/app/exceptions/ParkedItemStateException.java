package dev.ttsconnector.app.exceptions;

/** The parked item is not in a state that allows the requested action (e.g. replaying an item not OPEN). */
public class ParkedItemStateException extends IllegalStateException {

    public ParkedItemStateException(String message) {
        super(message);
    }
}
