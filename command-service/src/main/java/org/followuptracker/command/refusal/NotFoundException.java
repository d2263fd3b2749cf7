package org.followuptracker.command.refusal;

/** The letter or recommendation named in the request's path does not exist. Answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
