package org.followuptracker.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Asks the command service what its event store holds per country ({@code /api/audit/event-store/...}), with the
 * credentials of the auditor who asked for the verification: the command service decides, and logs, who asked.
 */
@Component
class EventStoreClient {

    /** The command service reads every stored event to answer: the time grows with the store (not measured). */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);

    private final String baseUrl;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    EventStoreClient(@Value("${tracker.command-service-url}") String baseUrl, ObjectMapper json) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.json = json;
    }

    Digests digests(String authorization) throws Unavailable {
        String path = "/api/audit/event-store/countries";
        Digests digests = get(path, authorization, Digests.class);
        if (digests.countries() == null || digests.countries().stream().anyMatch(country -> country == null
                || country.country() == null || country.digest() == null)) {
            throw new Unavailable(true, "the command service's answer to " + path + " lacks a country or digest");
        }
        return digests;
    }

    EventIds eventIds(Collection<String> countries, String authorization) throws Unavailable {
        String path = "/api/audit/event-store/event-ids?" + countries.stream()
                .map(country -> "country=" + URLEncoder.encode(country, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        EventIds ids = get(path, authorization, EventIds.class);
        if (ids.countries() == null || ids.countries().stream().anyMatch(country -> country == null
                || country.country() == null || country.eventIds() == null)) {
            throw new Unavailable(true, "the command service's answer to " + path + " lacks a country or its ids");
        }
        return ids;
    }

    private <T> T get(String path, String authorization, Class<T> type) throws Unavailable {
        HttpResponse<byte[]> answer;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(ANSWER_TIMEOUT)
                    .header("Accept", "application/json").GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new Unavailable(false, "the command service at " + baseUrl + " cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(false, "interrupted while waiting for the command service");
        }
        if (answer.statusCode() != 200) {
            throw new Unavailable(true, "the command service answered " + answer.statusCode() + " to " + path);
        }
        try {
            T read = json.readValue(answer.body(), type);
            if (read == null) {
                throw new IOException("it is empty");
            }
            return read;
        } catch (IOException e) {
            throw new Unavailable(true, "the command service's answer to " + path + " cannot be read: " + e);
        }
    }

    /** The event store could not be asked: not reached, or it refused or gave an answer that cannot be read. */
    static final class Unavailable extends Exception {

        private final boolean reachable;

        Unavailable(boolean reachable, String message) {
            super(message);
            this.reachable = reachable;
        }

        boolean reachable() {
            return reachable;
        }
    }

    record Digests(long events, List<CountryDigest> countries) {
    }

    record CountryDigest(String country, long events, String digest) {
    }

    record EventIds(List<CountryIds> countries) {
    }

    record CountryIds(String country, long events, List<String> eventIds) {
    }
}
