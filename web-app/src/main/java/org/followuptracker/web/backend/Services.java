package org.followuptracker.web.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.followuptracker.web.signin.SignedInUser;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The two services, as the pages use them: {@link #read} asks query-service for a view, {@link #record} sends a
 * command to command-service. Both as the signed-in user.
 */
@Component
public class Services {

    private final ServiceCalls query;
    private final ServiceCalls command;

    Services(BackendProperties properties, ObjectMapper json) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(3))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.query = new ServiceCalls("query-service", properties.queryServiceUrl(), properties, http, json);
        this.command = new ServiceCalls("command-service", properties.commandServiceUrl(), properties, http, json);
    }

    /** A view of query-service; parameters that are null or blank are left out. */
    public Map<String, Object> read(SignedInUser user, String path, Map<String, ?> parameters) {
        return query.getObject(user, uri(path, parameters));
    }

    /** A download (CSV or JSON) of query-service, passed on as it came. */
    public HttpResponse<byte[]> download(SignedInUser user, String path, Map<String, ?> parameters) {
        return query.getRaw(user, uri(path, parameters));
    }

    /** Records a fact; a retry with the same {@code idempotencyKey} never records it twice. */
    public Map<String, Object> record(SignedInUser user, String path, Object body, String idempotencyKey) {
        return command.post(user, path, body, idempotencyKey);
    }

    static String uri(String path, Map<String, ?> parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        parameters.forEach((name, value) -> {
            if (value instanceof Iterable<?> values) {
                values.forEach(v -> add(uri, name, v));
            } else {
                add(uri, name, value);
            }
        });
        return uri.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder uri, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            uri.queryParam(name, value.toString().strip());
        }
    }
}
