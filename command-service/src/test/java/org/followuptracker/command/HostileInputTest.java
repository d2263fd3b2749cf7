package org.followuptracker.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.followuptracker.command.support.TestDatabase;
import org.followuptracker.command.support.TestUsers;
import org.followuptracker.command.web.BodySizeLimit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile input on every command endpoint, generated with jqwik: valid commands with one field replaced by a wrong
 * type, a huge string, control or right-to-left characters, an injection string or deeply nested JSON; fields
 * removed or unknown ones added; bodies cut short or replaced with garbage. Whatever comes: never a 5xx, a refusal
 * is a problem body (naming the field where a field is at fault), and a refused request records nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=hostile-input-test"})
@EmbeddedKafka(kraft = true, partitions = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    static final String PASSWORD = "correct horse battery staple";
    static final int SAMPLES_PER_ENDPOINT = 70;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tracker.access.users-file", () -> TestUsers.file(PASSWORD));
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> validBodies = new LinkedHashMap<>();

    @BeforeAll
    void aLetterToActOn() throws Exception {
        JsonNode letter = json.readTree(post("/api/letters", """
                {"country": "KAZ", "sentOn": "2012-10-18", "sender": "Amnesty International",
                 "recipient": "Minister of Foreign Affairs", "subject": "Candidacy", "copiedTo": [],
                 "recommendations": [{"text": "Ratify OP-CAT.",
                   "sources": [{"symbol": "A/HRC/14/10", "paragraph": "95.42", "recommendingStates": ["Australia"]}]}]}
                """).getBody());
        String letterId = letter.get("letterId").asText();
        String recommendationId = letter.get("recommendationIds").get(0).asText();
        validBodies.put("/api/letters", """
                {"country": "KAZ", "reference": "EUR 9", "sentOn": "2013-01-10", "sender": "Amnesty International",
                 "recipient": "Minister", "subject": "Follow-up", "copiedTo": ["Mission"], "responseDueBy": "2013-02-10",
                 "recommendations": [{"recommendationId": "%s"}, {"text": "Release the prisoners.", "themes": ["Detention"],
                   "sources": [{"symbol": "CAT/C/KAZ/CO/2", "paragraph": "9", "recommendingStates": []}]}]}"""
                .formatted(recommendationId));
        validBodies.put("/api/letters/" + letterId + "/responses", """
                {"receivedOn": "2012-11-20", "from": "Ministry", "summary": "Under review", "source": "Note verbale",
                 "positions": [{"recommendationId": "%s", "position": "SUPPORTED"}]}""".formatted(recommendationId));
        validBodies.put("/api/letters/" + letterId + "/follow-ups", """
                {"sentOn": "2013-01-01", "summary": "Reminder", "responseDueBy": "2013-02-01", "source": "Letter"}""");
        validBodies.put("/api/letters/" + letterId + "/due-date", """
                {"responseDueBy": "2013-03-01", "changedOn": "2013-01-02", "reason": "Extended", "source": "Call"}""");
        validBodies.put("/api/letters/" + letterId + "/retractions", """
                {"eventId": "no-such-event", "reason": "Entered by mistake", "source": "Review"}""");
        validBodies.put("/api/recommendations", """
                {"country": "KAZ", "text": "Abolish the death penalty", "mechanism": "UPR", "themes": ["Death penalty"],
                 "sources": [{"symbol": "A/HRC/14/10", "paragraph": "97.16", "recommendingStates": ["France"]}],
                 "madeOn": "2010-06-10"}""");
        validBodies.put("/api/recommendations/" + recommendationId + "/positions", """
                {"position": "NOTED", "takenOn": "2010-06-10", "source": "A/HRC/14/10/Add.1"}""");
        validBodies.put("/api/recommendations/" + recommendationId + "/implementation", """
                {"status": "PARTIALLY_IMPLEMENTED", "assessedOn": "2014-06-01", "evidence": "Bill submitted"}""");
        validBodies.put("/api/recommendations/" + recommendationId + "/retractions", """
                {"eventId": "no-such-event", "reason": "Entered by mistake"}""");
    }

    @Test
    void everyCommandEndpointRefusesHostileInputWithAProblemNamingTheFieldNeverA5xxAndRecordsNothing() throws Exception {
        int requests = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Map.Entry<String, String> endpoint : validBodies.entrySet()) {
            List<String> bodies = hostileBodies((ObjectNode) json.readTree(endpoint.getValue()))
                    .sampleStream().limit(SAMPLES_PER_ENDPOINT).toList();
            for (String body : bodies) {
                long before = eventCount();
                ResponseEntity<String> response = post(endpoint.getKey(), body);
                int status = response.getStatusCode().value();
                statuses.merge(status, 1, Integer::sum);
                requests++;
                String what = endpoint.getKey() + " with " + shorten(body) + " -> " + status + " " + shorten(response.getBody());
                assertThat(status).as(what).isLessThan(500);
                if (status >= 400) {
                    assertThat(response.getHeaders().getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                    JsonNode problem = json.readTree(response.getBody());
                    assertThat(problem.path("detail").asText()).as(what).isNotBlank();
                    if (status == 400) {
                        assertThat(problem.has("field") || problem.has("errors")).as(what).isTrue();
                    }
                    assertThat(eventCount()).as("nothing recorded: " + what).isEqualTo(before);
                }
            }
        }
        System.out.printf("Hostile input: %d requests on %d endpoints; answers by status: %s%n", requests,
                validBodies.size(), statuses);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        long before = eventCount();
        String huge = "{\"country\": \"KAZ\", \"subject\": \"" + "x".repeat(BodySizeLimit.MAX_BODY_BYTES) + "\"}";
        ResponseEntity<String> response = post("/api/letters", huge);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("field").asText()).isEqualTo("body");
        assertThat(eventCount()).isEqualTo(before);
    }

    /** The valid body, changed in one hostile way. */
    private Arbitrary<String> hostileBodies(ObjectNode valid) {
        List<String> fields = new ArrayList<>();
        valid.fieldNames().forEachRemaining(fields::add);
        Arbitrary<String> field = Arbitraries.of(fields);
        Arbitrary<String> replaced = Combinators.combine(field, hostileValues()).as((name, value) -> {
            ObjectNode copy = valid.deepCopy();
            copy.put(name, "\u0000PLACEHOLDER\u0000");
            return copy.toString().replace("\"\\u0000PLACEHOLDER\\u0000\"", value);
        });
        Arbitrary<String> removed = field.map(name -> {
            ObjectNode copy = valid.deepCopy();
            copy.remove(name);
            return copy.toString();
        });
        Arbitrary<String> unknownAdded = Arbitraries.of("actor", "recordedBy", "eventId", "aggregateId", "__proto__", "")
                .map(name -> {
                    ObjectNode copy = valid.deepCopy();
                    copy.put(name, "someone else");
                    return copy.toString();
                });
        Arbitrary<String> cutShort = Arbitraries.integers().between(0, valid.toString().length() - 1)
                .map(at -> valid.toString().substring(0, at));
        Arbitrary<String> garbage = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("null", "[]", "\"text\"", "42", "true", "{}", "{\"a\":", "{{}}", "{\"country\": \"KAZ\",}",
                        "\uFEFF{}", "[" + valid + "]"),
                Arbitraries.integers().between(500, 100_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(500, 100_000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, replaced),
                net.jqwik.api.Tuple.of(2, removed),
                net.jqwik.api.Tuple.of(1, unknownAdded),
                net.jqwik.api.Tuple.of(1, cutShort),
                net.jqwik.api.Tuple.of(2, garbage));
    }

    /** A JSON value (as text) of the wrong kind, or of the right kind with hostile content. */
    private Arbitrary<String> hostileValues() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars('\u0000', '\u001B', '\u007F', '\u202E', '\u200F', '\u2066', '\uFEFF',
                        '\n', '\r', '\t', '"', '\\', '<', '>', '\'', '&', 'a').ofMinLength(1).ofMaxLength(60),
                Arbitraries.of("'; DROP TABLE domainevententry; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
                        "{{7*7}}", "../../etc/passwd", "=HYPERLINK(\"http://x\")", "\u202Egnp.exe", "KAZ\u0000",
                        "2012-13-45", "2999-01-01", "0000-00-00", "+999999999-12-31", "1970-01-01T00:00:00Z",
                        "SUPPORTED ", "supported", "kaz", "XXX", " ", ""),
                Arbitraries.integers().between(10_000, 600_000).map("y"::repeat));
        return Arbitraries.oneOf(
                text.map(value -> {
                    try {
                        return json.writeValueAsString(value);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                }),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("1e309", "-0", "9223372036854775808", "1.5", "NaN", "true", "false", "null", "{}", "[]",
                        "[null]", "[1, 2]", "{\"text\": 1}", "[{\"recommendationId\": null}]", "[\"\"]"),
                Arbitraries.integers().between(100, 5_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)));
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("coordinator", PASSWORD).postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "(no body)";
        }
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 300 ? printable : printable.substring(0, 300) + "... (" + text.length() + " chars)";
    }
}
