package org.followuptracker.query.web;

/** A request parameter that cannot be answered, named so the client knows which. Answered with 400. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
