package org.followuptracker.query.web;

/** The request cannot be carried out now, as things stand (a rebuild already running). Answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
