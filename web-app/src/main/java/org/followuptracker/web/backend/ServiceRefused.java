package org.followuptracker.web.backend;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service refused a call, with its problem body: {@code status}, the {@code detail} for the user and, for bad
 * input, a message per field at fault ({@code sentOn}, {@code recommendations[1].sources[0].symbol} ...).
 */
public class ServiceRefused extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> fieldErrors;

    public ServiceRefused(int status, String title, String detail, Map<String, String> fieldErrors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

}
