package org.followuptracker.command.refusal;

/**
 * A command the domain refuses, and the request field that made it refuse, so the client is told which one.
 * Answered with 400 and a problem body.
 */
public class CommandRefusedException extends RuntimeException {

    private final String field;

    public CommandRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
