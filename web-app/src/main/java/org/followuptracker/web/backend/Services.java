package org.followuptracker.web.backend;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.followuptracker.web.signin.SignedInUser;
import org.springframework.stereotype.Component;

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

    /** A download (CSV or JSON) of query-service, to be passed on as it comes; the caller closes its body. */
    public HttpResponse<InputStream> download(SignedInUser user, String path, Map<String, ?> parameters) {
        return query.getStream(user, uri(path, parameters));
    }

    /** Records a fact; a retry with the same {@code idempotencyKey} never records it twice. */
    public Map<String, Object> record(SignedInUser user, String path, Object body, String idempotencyKey) {
        return command.post(user, path, body, idempotencyKey);
    }

    /** The path, and the parameters encoded one by one (so that a "+" or a "{" typed in a filter stays what it was). */
    static String uri(String path, Map<String, ?> parameters) {
        StringBuilder uri = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, ?> parameter : parameters.entrySet()) {
            Iterable<?> values = parameter.getValue() instanceof Iterable<?> many ? many
                    : java.util.Collections.singletonList(parameter.getValue());
            for (Object value : values) {
                if (value != null && !value.toString().isBlank()) {
                    uri.append(separator).append(encode(parameter.getKey())).append('=')
                            .append(encode(value.toString().strip()));
                    separator = '&';
                }
            }
        }
        return uri.toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
