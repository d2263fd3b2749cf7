package org.followuptracker.query.web;

/** Something a reader asked for by its id does not exist. Answered with 404, naming it. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
