package org.followuptracker.command.refusal;

/** The request contradicts what is already recorded, such as a letter reference its sender already used. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
