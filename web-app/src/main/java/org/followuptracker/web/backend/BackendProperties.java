package org.followuptracker.web.backend;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the two services are.
 *
 * @param commandServiceUrl command-service, which records ({@code http://localhost:8081})
 * @param queryServiceUrl   query-service, which answers the views ({@code http://localhost:8082})
 * @param timeout           how long a call may take before the page says the service did not answer
 */
@ConfigurationProperties("tracker.web")
public record BackendProperties(URI commandServiceUrl, URI queryServiceUrl, Duration timeout) {

    public BackendProperties {
        commandServiceUrl = commandServiceUrl == null ? URI.create("http://localhost:8081") : commandServiceUrl;
        queryServiceUrl = queryServiceUrl == null ? URI.create("http://localhost:8082") : queryServiceUrl;
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
    }
}
