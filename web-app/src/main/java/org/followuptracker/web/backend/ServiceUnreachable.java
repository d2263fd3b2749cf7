package org.followuptracker.web.backend;

/** A service did not answer at all (not running, or too slow). */
public class ServiceUnreachable extends RuntimeException {

    private final String service;

    public ServiceUnreachable(String service, Throwable cause) {
        super(service + " did not answer: " + cause.getMessage(), cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
