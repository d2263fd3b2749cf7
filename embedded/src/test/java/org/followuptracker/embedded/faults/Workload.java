package org.followuptracker.embedded.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.followuptracker.embedded.HttpService;

/**
 * Commands as coordinators send them (letters urging new recommendations, responses, follow-ups, findings), over
 * HTTP, each with a source of its own so that its events can be told apart in every store, and each remembered
 * with its answer and the events it must have caused if it was accepted. Seeded: a run repeats the same commands.
 */
final class Workload {

    static final List<String> COUNTRIES = List.of("KAZ", "KGZ", "UZB", "TJK", "TKM", "MNG", "AZE");

    /** One command sent, what it must have caused if accepted, and the answer it got. */
    record Outcome(String source, String request, Map<String, Integer> expectedEvents, int status, String body,
            String instance) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }

        boolean unanswered() {
            return status == Http.NO_ANSWER;
        }

        /**
         * Whether the command may or may not have been recorded: no answer came, or the store became unreachable
         * (a 503), which can happen after the commit reached the database and before its acknowledgement came back.
         */
        boolean inDoubt() {
            return unanswered() || status == 503;
        }

        int expectedEventCount() {
            return expectedEvents.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    record SentLetter(String letterId, String country, List<String> recommendationIds) {
    }

    private final String run;
    private final Random random;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<SentLetter> letters = Collections.synchronizedList(new ArrayList<>());

    Workload(String run, long seed) {
        this.run = run;
        this.random = new Random(seed);
    }

    List<Outcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    List<SentLetter> letters() {
        synchronized (letters) {
            return List.copyOf(letters);
        }
    }

    /** The next command of the mix: mostly new letters, then responses, follow-ups and findings on earlier ones. */
    Outcome next(HttpService commandService) {
        int dice;
        SentLetter letter;
        synchronized (random) {
            dice = random.nextInt(10);
            List<SentLetter> known = letters();
            letter = known.isEmpty() ? null : known.get(random.nextInt(known.size()));
        }
        if (letter == null || dice < 5) {
            return sendLetter(commandService, pick(COUNTRIES));
        }
        if (dice < 7) {
            return respond(commandService, letter);
        }
        if (dice < 9) {
            return followUp(commandService, letter, LocalDate.of(2026, 1, 1).plusDays(pick(300)));
        }
        return finding(commandService, letter.recommendationIds().get(0));
    }

    Outcome sendLetter(HttpService commandService, String country) {
        int recommendations = 1 + pick(3);
        String source = source();
        StringBuilder urged = new StringBuilder();
        for (int i = 0; i < recommendations; i++) {
            urged.append(i == 0 ? "" : ",").append("""
                    {"text": "Recommendation %d of %s", "sources": [{"symbol": "A/HRC/14/10", "paragraph": "95.%d"}]}"""
                    .formatted(i, source, i + 1));
        }
        String body = """
                {"country": "%s", "sentOn": "2025-10-%02d", "sender": "Amnesty International",
                 "recipient": "Minister of Foreign Affairs", "subject": "Letter %s",
                 "recommendations": [%s], "source": "%s"}""".formatted(country, 1 + pick(28), source, urged, source);
        Outcome outcome = send(commandService, source, "/api/letters", body,
                Map.of("LetterSent", 1, "RecommendationRecorded", recommendations));
        if (outcome.accepted()) {
            JsonNode recorded = parse(outcome.body());
            List<String> ids = new ArrayList<>();
            recorded.get("recommendationIds").forEach(id -> ids.add(id.asText()));
            letters.add(new SentLetter(recorded.get("letterId").asText(), country, ids));
        }
        return outcome;
    }

    Outcome respond(HttpService commandService, SentLetter letter) {
        String source = source();
        String body = """
                {"receivedOn": "2025-11-%02d", "from": "Ministry of Foreign Affairs", "summary": "Answer %s",
                 "positions": [{"recommendationId": "%s", "position": "%s"}], "source": "%s"}"""
                .formatted(1 + pick(20), source, letter.recommendationIds().get(0),
                        pick(2) == 0 ? "SUPPORTED" : "NOTED", source);
        return send(commandService, source, "/api/letters/" + letter.letterId() + "/responses", body,
                Map.of("ResponseReceived", 1));
    }

    Outcome followUp(HttpService commandService, SentLetter letter, LocalDate responseDueBy) {
        String source = source();
        String body = """
                {"sentOn": "2025-12-01", "summary": "Follow-up %s", "responseDueBy": "%s", "source": "%s"}"""
                .formatted(source, responseDueBy, source);
        return send(commandService, source, "/api/letters/" + letter.letterId() + "/follow-ups", body,
                Map.of("FollowUpSent", 1));
    }

    Outcome finding(HttpService commandService, String recommendationId) {
        String source = source();
        String[][] findings = {{"IMPLEMENTED", "RecommendationImplemented"},
                {"PARTIALLY_IMPLEMENTED", "RecommendationPartiallyImplemented"},
                {"NOT_IMPLEMENTED", "RecommendationNotImplemented"}};
        String[] finding = findings[pick(findings.length)];
        String body = """
                {"status": "%s", "assessedOn": "2026-01-15", "evidence": "Finding %s", "source": "%s"}"""
                .formatted(finding[0], source, source);
        return send(commandService, source, "/api/recommendations/" + recommendationId + "/implementation", body,
                Map.of(finding[1], 1));
    }

    /**
     * Starts {@code clients} threads that send commands one after the other until {@code stop} is set; join them to
     * wait for the commands under way.
     */
    List<Thread> streamUntil(int clients, java.util.concurrent.atomic.AtomicBoolean stop,
            Supplier<? extends HttpService> commandService) {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    next(commandService.get());
                }
            }, "workload-" + c);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    /** Runs {@code count} commands from each of {@code clients} threads, each picking its service as it goes. */
    void stream(int clients, int count, Supplier<? extends HttpService> commandService) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    next(commandService.get());
                }
            }, "workload-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private Outcome send(HttpService commandService, String source, String path, String body,
            Map<String, Integer> expected) {
        Http.Answer answer = Http.post(commandService, path, body, "coordinator");
        Outcome outcome = new Outcome(source, "POST " + path, expected, answer.status(), answer.body(),
                commandService.name());
        outcomes.add(outcome);
        return outcome;
    }

    private String source() {
        return run + " command " + counter.incrementAndGet();
    }

    private int pick(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(pick(values.size()));
    }

    private static JsonNode parse(String body) {
        try {
            return Http.JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a 2xx answer that is not JSON: " + body, e);
        }
    }
}
