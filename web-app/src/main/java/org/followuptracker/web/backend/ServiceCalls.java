package org.followuptracker.web.backend;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.followuptracker.web.signin.SignedInUser;

/**
 * HTTP calls to one service as the signed-in user (HTTP Basic, over the local network), with refusals turned into
 * {@link ServiceRefused} and silence into {@link ServiceUnreachable}.
 */
final class ServiceCalls {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final String service;
    private final URI base;
    private final BackendProperties properties;
    private final HttpClient http;
    private final ObjectMapper json;

    ServiceCalls(String service, URI base, BackendProperties properties, HttpClient http, ObjectMapper json) {
        this.service = service;
        this.base = base;
        this.properties = properties;
        this.http = http;
        this.json = json;
    }

    /** A JSON object answer as maps and lists, which the pages read as they are. */
    Map<String, Object> getObject(SignedInUser user, String pathAndQuery) {
        HttpResponse<byte[]> response = send(request(user, pathAndQuery).GET().build());
        return read(response);
    }

    /**
     * An answer to be passed on as it comes, such as a download of every row of a view: the caller reads its body
     * and closes it. A refusal is read whole (a problem body) and thrown.
     */
    HttpResponse<InputStream> getStream(SignedInUser user, String pathAndQuery) {
        HttpResponse<InputStream> response = send(request(user, pathAndQuery).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() >= 400) {
            try (InputStream body = response.body()) {
                throw refusal(response.statusCode(), body.readAllBytes());
            } catch (IOException e) {
                throw new ServiceUnreachable(service, e);
            }
        }
        return response;
    }

    Map<String, Object> post(SignedInUser user, String path, Object body, String idempotencyKey) {
        try {
            HttpRequest.Builder request = request(user, path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            if (idempotencyKey != null && !idempotencyKey.isBlank()) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            return read(send(request.build()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(SignedInUser user, String pathAndQuery) {
        String credentials = user.name() + ":" + user.password();
        return HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(properties.timeout())
                .header("Accept", "application/json")
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new ServiceUnreachable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachable(service, e);
        }
    }

    private Map<String, Object> read(HttpResponse<byte[]> response) {
        if (response.statusCode() >= 400) {
            throw refusal(response);
        }
        if (response.body().length == 0) {
            return Map.of();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) JsonObject.of(json.readValue(response.body(), OBJECT));
            return object;
        } catch (IOException e) {
            throw new ServiceRefused(502, "Unreadable answer", service + " answered something that is not JSON", Map.of());
        }
    }

    private ServiceRefused refusal(HttpResponse<byte[]> response) {
        return refusal(response.statusCode(), response.body());
    }

    private ServiceRefused refusal(int status, byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String title = "Refused";
        String detail = service + " answered " + status;
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject()) {
                title = problem.path("title").asText(title);
                detail = problem.path("detail").asText(detail);
                for (JsonNode error : problem.path("errors")) {
                    fields.putIfAbsent(error.path("field").asText(), error.path("message").asText());
                }
                if (fields.isEmpty() && problem.hasNonNull("field")) {
                    fields.put(problem.get("field").asText(), detail);
                }
            }
        } catch (IOException e) {
            // not a problem body: the status says enough
        }
        return new ServiceRefused(status, title, detail, fields);
    }
}
