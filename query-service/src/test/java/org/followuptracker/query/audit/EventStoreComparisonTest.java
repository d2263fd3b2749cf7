package org.followuptracker.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.followuptracker.events.CountryEventIds;
import org.followuptracker.query.audit.AuditVerification.EventStoreCheck;
import org.junit.jupiter.api.Test;

class EventStoreComparisonTest {

    @Test
    void aCommandServiceThatCannotBeReachedIsSaidSoNotFailed() {
        // Port 1: nothing listens there; the connection is refused at once.
        EventStoreCheck check = compare("http://127.0.0.1:1");

        assertThat(check.reachable()).isFalse();
        assertThat(check.agrees()).isNull();
        assertThat(check.problem()).contains("cannot be reached");
        assertThat(check.countries()).isEmpty();
    }

    @Test
    void aRefusalOrAnAnswerThatCannotBeReadIsSaidSoNotFailed() throws Exception {
        HttpServer commandService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();
        commandService.createContext("/", exchange -> {
            String answer = answers.get("body");
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(answers.get("status")), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        commandService.start();
        String url = "http://127.0.0.1:" + commandService.getAddress().getPort();
        try {
            for (String[] answer : new String[][] {{"401", "{}"}, {"200", "not json"}, {"200", "null"},
                    {"200", "{\"countries\": null}"}, {"200", "{\"countries\": [{\"events\": 1}]}"}}) {
                answers.put("status", answer[0]);
                answers.put("body", answer[1]);

                EventStoreCheck check = compare(url);

                assertThat(check.reachable()).as(answer[1]).isTrue();
                assertThat(check.agrees()).as(answer[1]).isNull();
                assertThat(check.problem()).as(answer[1]).contains("/api/audit/event-store/countries");
            }
        } finally {
            commandService.stop(0);
        }
    }

    private static EventStoreCheck compare(String url) {
        EventStoreComparison comparison = new EventStoreComparison(new EventStoreClient(url, new ObjectMapper()));
        CountryEventIds kazakhstan = new CountryEventIds();
        kazakhstan.add("0a000000-0000-4000-8000-000000000002");
        return comparison.compare(Map.of("KAZ", kazakhstan), "Basic YXVkaXRvcjpzZWNyZXQ=", null);
    }
}
