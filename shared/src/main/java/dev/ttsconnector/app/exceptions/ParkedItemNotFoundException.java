package dev.ttsconnector.app.exceptions;

/** No parked item with that id exists for that integration. */
public class ParkedItemNotFoundException extends RuntimeException {

    public ParkedItemNotFoundException(String integrationId, String id) {
        super("parked item '" + id + "' not found for integration '" + integrationId + "'");
    }
}
