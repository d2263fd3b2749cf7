package org.followuptracker.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for command-service or query-service: answers each path with a canned status and JSON body, and keeps
 * every request it got (method, path and query, headers, body) for the test to look at.
 */
final class FakeService implements AutoCloseable {

    record Answer(int status, String contentType, String body, long delayMillis, Map<String, String> headers) {

        Answer(int status, String contentType, String body, long delayMillis) {
            this(status, contentType, body, delayMillis, Map.of());
        }
    }

    record Request(String method, String uri, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                    new Answer(404, "application/problem+json", "{\"title\":\"Not found\",\"detail\":\"nothing here\"}", 0));
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answer(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, new Answer(status, status >= 400 ? "application/problem+json" : "application/json", json, 0));
    }

    /** Answers only after {@code delayMillis}: longer than the web app waits, it is a service that did not answer. */
    void answerLate(String methodAndPath, long delayMillis, int status, String json) {
        answers.put(methodAndPath, new Answer(status, "application/json", json, delayMillis));
    }

    /** Answers with a download: its content type, its file name, its bytes. */
    void answerDownload(String methodAndPath, String contentType, String filename, String body) {
        answers.put(methodAndPath, new Answer(200, contentType, body, 0,
                Map.of("Content-Disposition", "attachment; filename=\"" + filename + "\"")));
    }

    List<Request> requestsTo(String methodAndPathPrefix) {
        return requests.stream().filter(r -> (r.method() + " " + r.uri()).startsWith(methodAndPathPrefix)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
