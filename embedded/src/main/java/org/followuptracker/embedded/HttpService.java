package org.followuptracker.embedded;

/** A service that answers HTTP at a base address, whoever started its process. */
public interface HttpService {

    /** Such as {@code http://127.0.0.1:8081}. */
    String baseUrl();

    /** Which service, or which instance of it, for logs and reports. */
    String name();
}
