package org.followuptracker.embedded.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.followuptracker.embedded.HttpService;

/** Requests to the services as a signed-in user; a connection that fails is an answer too ({@link #NO_ANSWER}). */
final class Http {

    /** The status of a request that got no answer: the connection failed or the service died meanwhile. */
    static final int NO_ANSWER = -1;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private Http() {
    }

    static Answer post(HttpService service, String path, String json, String user) {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    static Answer get(HttpService service, String path, String user) {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).GET(), user);
    }

    /** A GET that must succeed. */
    static JsonNode read(HttpService service, String path) {
        Answer answer = get(service, path, "admin");
        if (!answer.ok()) {
            throw new IllegalStateException("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    /** A POST without a body, as an admin, that must succeed. */
    static JsonNode readPost(HttpService service, String path) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()), "admin");
        if (!answer.ok()) {
            throw new IllegalStateException("POST " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    private static Answer send(HttpRequest.Builder request, String user) {
        String credentials = user + ":" + TrackerStack.PASSWORD;
        request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        request.timeout(Duration.ofSeconds(90));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(NO_ANSWER, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(NO_ANSWER, "interrupted");
        }
    }
}
