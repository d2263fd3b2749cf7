package org.followuptracker.events;

/**
 * An envelope of ours carrying an event type this reader does not know yet: written by a newer command service.
 * Unlike an unreadable message, it must not be passed over; the reader waits until it is upgraded.
 */
public class UnknownEventTypeException extends RuntimeException {

    public UnknownEventTypeException(String type) {
        super("unknown event type " + type + ": upgrade this reader before the command service that writes it");
    }
}
