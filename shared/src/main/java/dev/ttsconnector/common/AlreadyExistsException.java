package dev.ttsconnector.common;

/** A unique value (an integration name, a bound shop) is already taken; {@code field} names the value's field. */
public class AlreadyExistsException extends RuntimeException {

    private final String field;

    public AlreadyExistsException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
