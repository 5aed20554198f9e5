package dev.ttsconnector.app.exceptions;

/** Life of a parked item: OPEN until replayed or resolved; parking it again reopens it. */
public enum ParkedItemStatus {
    /** Waiting for an operator (or a fix followed by a replay). */
    OPEN,
    /** Its message was sent again to its queue; if it fails again it is parked again and reopens. */
    REPLAYED,
    /** Closed by an operator without replay (fixed elsewhere, or not worth replaying). */
    RESOLVED
}
