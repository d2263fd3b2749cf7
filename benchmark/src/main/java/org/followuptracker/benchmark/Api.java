package org.followuptracker.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.followuptracker.embedded.ServiceProcess;

/** The services' HTTP API as a signed-in user sees it. */
final class Api {

    record Answer(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Answer post(ServiceProcess service, String path, String json, String user) {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(DEFAULT_TIMEOUT), user);
    }

    Answer post(ServiceProcess service, String path, String user) {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(DEFAULT_TIMEOUT), user);
    }

    Answer get(ServiceProcess service, String path, String user) {
        return get(service, path, user, DEFAULT_TIMEOUT);
    }

    /** As {@link #get(ServiceProcess, String, String)}, waiting up to {@code timeout} for the answer. */
    Answer get(ServiceProcess service, String path, String user, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).GET().timeout(timeout), user);
    }

    private Answer send(HttpRequest.Builder request, String user) {
        String credentials = user + ":" + BenchmarkStack.PASSWORD;
        request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }
}
