package org.followuptracker.events;

/** A Kafka message that is not an envelope this reader can turn into an event. */
public class UnreadableEnvelopeException extends RuntimeException {

    public UnreadableEnvelopeException(String message) {
        super(message);
    }

    public UnreadableEnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
