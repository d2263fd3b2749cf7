package org.followuptracker.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.followuptracker.command.support.Hostile;
import org.followuptracker.command.support.TestDatabase;
import org.followuptracker.command.support.TestUsers;
import org.followuptracker.command.web.BodySizeLimit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile input on every command endpoint, in every content type: JSON (valid commands with one field replaced by a
 * wrong type, a huge string, control or right-to-left characters, an injection string, a far date or deeply nested
 * JSON; fields removed or unknown ones added; bodies cut short or replaced with garbage), JSON in a wrong or unknown
 * charset, multipart (well-formed, malformed, without a boundary), form-urlencoded, text/plain, XML and none; and
 * valid JSON from a client that accepts no JSON answer.
 * Whatever comes: never a 5xx, a refusal is a problem body (naming the field where a field is at fault), and a refused
 * request records nothing. The endpoints are the ones Spring maps, not a list kept by hand: a new endpoint without
 * a valid body here fails the test. The cases are drawn from seeded generators ({@link Hostile}); a failure names its
 * seed and case, and the same seed draws the same cases again. (Reading every view after such a batch, which needs
 * the query service too, is {@code HostileInputIT} in the embedded module.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=hostile-input-test"})
@EmbeddedKafka(kraft = true, partitions = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    static final String PASSWORD = "correct horse battery staple";
    /** Seeds are fixed so that every run tries the same cases; change one to try others. */
    static final long SEED = 20_121_018L;
    static final int JSON_CASES_PER_ENDPOINT = 40;
    static final int OTHER_CASES_PER_ENDPOINT = 16;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("tracker.access.users-file", () -> TestUsers.file(PASSWORD));
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** A command endpoint: who may call it, its path, and a body it takes (JSON, or the multipart import). */
    private record Endpoint(String pattern, String user, String path, String validJson) {
        boolean multipart() {
            return validJson == null;
        }
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final Map<Integer, AtomicInteger> statuses = new TreeMap<>();

    @BeforeAll
    void aLetterToActOn() throws Exception {
        JsonNode letter = json.readTree(post("coordinator", "/api/letters", MediaType.APPLICATION_JSON_VALUE, """
                {"country": "KAZ", "sentOn": "2012-10-18", "sender": "Amnesty International",
                 "recipient": "Minister of Foreign Affairs", "subject": "Candidacy", "copiedTo": [],
                 "recommendations": [{"text": "Ratify OP-CAT.",
                   "sources": [{"symbol": "A/HRC/14/10", "paragraph": "95.42", "recommendingStates": ["Australia"]}]}]}
                """).getBody());
        String letterId = letter.get("letterId").asText();
        String recommendationId = letter.get("recommendationIds").get(0).asText();
        endpoint("/api/letters", "coordinator", "/api/letters", """
                {"country": "KAZ", "reference": "EUR 9", "sentOn": "2013-01-10", "sender": "Amnesty International",
                 "recipient": "Minister", "subject": "Follow-up", "copiedTo": ["Mission"],
                 "responseDueBy": "2013-02-10", "recommendations": [{"recommendationId": "%s"},
                  {"text": "Release the prisoners.", "themes": ["Detention"],
                   "sources": [{"symbol": "CAT/C/KAZ/CO/2", "paragraph": "9", "recommendingStates": []}]}]}"""
                .formatted(recommendationId));
        endpoint("/api/letters/{letterId}/responses", "coordinator", "/api/letters/" + letterId + "/responses", """
                {"receivedOn": "2012-11-20", "from": "Ministry", "summary": "Under review", "source": "Note verbale",
                 "positions": [{"recommendationId": "%s", "position": "SUPPORTED"}]}""".formatted(recommendationId));
        endpoint("/api/letters/{letterId}/follow-ups", "coordinator", "/api/letters/" + letterId + "/follow-ups", """
                {"sentOn": "2013-01-01", "summary": "Reminder", "responseDueBy": "2013-02-01", "source": "Letter"}""");
        endpoint("/api/letters/{letterId}/due-date", "coordinator", "/api/letters/" + letterId + "/due-date", """
                {"responseDueBy": "2013-03-01", "changedOn": "2013-01-02", "reason": "Extended", "source": "Call"}""");
        endpoint("/api/letters/{letterId}/publication", "coordinator", "/api/letters/" + letterId + "/publication", """
                {"publishedOn": "2013-01-03", "url": "https://www.amnesty.org/en/documents/eur57/001/2013/en/",
                 "source": "Press release"}""");
        endpoint("/api/letters/{letterId}/retractions", "coordinator", "/api/letters/" + letterId + "/retractions", """
                {"eventId": "no-such-event", "reason": "Entered by mistake", "source": "Review"}""");
        endpoint("/api/recommendations", "coordinator", "/api/recommendations", """
                {"country": "KAZ", "text": "Abolish the death penalty", "mechanism": "UPR", "themes": ["Death penalty"],
                 "sources": [{"symbol": "A/HRC/14/10", "paragraph": "97.16", "recommendingStates": ["France"]}],
                 "madeOn": "2010-06-10"}""");
        endpoint("/api/recommendations/{recommendationId}/positions", "coordinator",
                "/api/recommendations/" + recommendationId + "/positions", """
                {"position": "NOTED", "takenOn": "2010-06-10", "source": "A/HRC/14/10/Add.1"}""");
        endpoint("/api/recommendations/{recommendationId}/implementation", "coordinator",
                "/api/recommendations/" + recommendationId + "/implementation", """
                {"status": "PARTIALLY_IMPLEMENTED", "assessedOn": "2014-06-01", "evidence": "Bill submitted"}""");
        endpoint("/api/recommendations/{recommendationId}/retractions", "coordinator",
                "/api/recommendations/" + recommendationId + "/retractions", """
                {"eventId": "no-such-event", "reason": "Entered by mistake"}""");
        endpoint("/api/users", "admin", "/api/users", """
                {"username": "amina", "password": "a long enough password", "roles": ["COORDINATOR"]}""");
        endpoint("/api/recommendations/imports", "coordinator", "/api/recommendations/imports", null);
    }

    @AfterAll
    void summary() {
        System.out.printf("Hostile input: %d requests on %d endpoints (seed %d); answers by status: %s%n",
                statuses.values().stream().mapToInt(AtomicInteger::get).sum(), endpoints.size(), SEED, statuses);
    }

    @Test
    void everyCommandEndpointSpringMapsIsTriedHereAndNoOtherOne() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.stream().anyMatch(m -> m != RequestMethod.GET)) {
                info.getPatternValues().stream().filter(pattern -> pattern.startsWith("/api/")).forEach(mapped::add);
            }
        });
        assertThat(new TreeSet<>(endpoints.keySet()))
                .as("the endpoints tried here; give a new one a valid body in aLetterToActOn()")
                .isEqualTo(mapped);
    }

    @TestFactory
    Stream<DynamicTest> everyCommandEndpointRefusesHostileJsonWithAProblemNeverA5xxAndRecordsNothing() {
        return cases("hostile JSON", JSON_CASES_PER_ENDPOINT, (endpoint, hostile) -> endpoint.multipart()
                ? new Request(MediaType.APPLICATION_JSON_VALUE, hostile.jsonValue())
                : new Request(MediaType.APPLICATION_JSON_VALUE, hostile.jsonBody(valid(endpoint))));
    }

    @TestFactory
    Stream<DynamicTest> everyCommandEndpointTakesEveryOtherContentTypeWithoutA5xx() {
        return cases("other content types", OTHER_CASES_PER_ENDPOINT, (endpoint, hostile) -> {
            String body = endpoint.multipart() ? hostile.anyText(100) : valid(endpoint).toString();
            List<Function<Hostile, Request>> kinds = List.of(
                    h -> new Request("multipart/form-data; boundary=zzz", h.multipartBody()),
                    h -> new Request("multipart/form-data", h.multipartBody()),
                    h -> new Request("multipart/form-data; boundary=", "--\r\n"),
                    h -> new Request("multipart/mixed; boundary=zzz", h.multipartBody()),
                    h -> new Request(MediaType.APPLICATION_FORM_URLENCODED_VALUE, "country=KAZ&sentOn=2012-10-18&"
                            + h.anyText(30)),
                    h -> new Request(MediaType.TEXT_PLAIN_VALUE, body),
                    h -> new Request(MediaType.APPLICATION_XML_VALUE, "<letter><country>KAZ</country></letter>"),
                    h -> new Request(null, body),
                    h -> new Request("", body),
                    h -> new Request(";;;", body),
                    h -> new Request("application/json; charset=nonsense", body),
                    h -> new Request("application/json; charset=", body),
                    h -> new Request("application/json; charset=UTF-16", body),
                    h -> new Request("application/json; charset=ISO-8859-1", body),
                    h -> new Request("application/json; charset=UTF-8; boundary=zzz", h.multipartBody()),
                    h -> new Request("application/problem+json", body),
                    h -> new Request(MediaType.APPLICATION_JSON_VALUE, body, MediaType.APPLICATION_XML_VALUE),
                    h -> new Request(MediaType.APPLICATION_JSON_VALUE, body, "text/html;q=0.9, image/*"));
            return hostile.oneOf(kinds).apply(hostile);
        });
    }

    @TestFactory
    Stream<DynamicTest> everyFieldOfEveryCommandTakesAValueOfEveryWrongKindWithoutA5xx() {
        return endpoints.values().stream().filter(endpoint -> !endpoint.multipart()).map(endpoint ->
                DynamicTest.dynamicTest(endpoint.pattern() + ", every field, every wrong kind", () -> {
                    ObjectNode valid = valid(endpoint);
                    List<String> fields = new ArrayList<>();
                    valid.fieldNames().forEachRemaining(fields::add);
                    for (String field : fields) {
                        for (String value : Hostile.wrongKinds()) {
                            ObjectNode copy = valid.deepCopy();
                            copy.put(field, "\u0000PLACEHOLDER\u0000");
                            String body = copy.toString().replace("\"\\u0000PLACEHOLDER\\u0000\"", value);
                            check(endpoint, new Request(MediaType.APPLICATION_JSON_VALUE, body), field + "=" + value);
                        }
                    }
                }));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        long before = eventCount();
        String huge = "{\"country\": \"KAZ\", \"subject\": \"" + "x".repeat(BodySizeLimit.MAX_BODY_BYTES) + "\"}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth("coordinator", PASSWORD).postForEntity("/api/letters",
                new org.springframework.http.HttpEntity<>(huge, headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("field").asText()).isEqualTo("body");
        assertThat(eventCount()).isEqualTo(before);
    }

    /** A request's content type (null: none sent), body, and what it accepts (null: anything). */
    private record Request(String contentType, String body, String accept) {
        Request(String contentType, String body) {
            this(contentType, body, null);
        }
    }

    /** One dynamic test per endpoint, each drawing its cases from a seed of its own. */
    private Stream<DynamicTest> cases(String kind, int count, BiFunction<Endpoint, Hostile, Request> draw) {
        List<DynamicTest> tests = new ArrayList<>();
        int index = 0;
        for (Endpoint endpoint : endpoints.values()) {
            long seed = SEED + 1_000L * index++ + kind.hashCode();
            tests.add(DynamicTest.dynamicTest(endpoint.pattern() + ", " + kind + ", seed " + seed, () -> {
                Hostile hostile = new Hostile(new Random(seed));
                for (int i = 0; i < count; i++) {
                    check(endpoint, draw.apply(endpoint, hostile), "seed " + seed + ", case " + i);
                }
            }));
        }
        return tests.stream();
    }

    private void check(Endpoint endpoint, Request request, String which) throws Exception {
        long before = eventCount();
        ResponseEntity<String> response = post(endpoint.user(), endpoint.path(), request.contentType(), request.body(),
                request.accept());
        int status = response.getStatusCode().value();
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        String what = which + ": " + endpoint.path() + " with " + request.contentType() + " accepting "
                + request.accept() + " " + shorten(request.body())
                + " -> " + status + " " + shorten(response.getBody());
        assertThat(status).as(what).isLessThan(500);
        if (status >= 400) {
            assertThat(response.getHeaders().getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.path("detail").asText()).as(what).isNotBlank();
            if (status == 400) {
                assertThat(problem.hasNonNull("field") || problem.has("errors")).as(what).isTrue();
            }
            assertThat(eventCount()).as("nothing recorded: " + what).isEqualTo(before);
        }
    }

    private void endpoint(String pattern, String user, String path, String validJson) {
        endpoints.put(pattern, new Endpoint(pattern, user, path, validJson));
    }

    private ObjectNode valid(Endpoint endpoint) {
        try {
            return (ObjectNode) json.readTree(endpoint.validJson());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sent as is, by a client that checks neither the content type nor the body (as an attacker's would not). */
    private ResponseEntity<String> post(String user, String path, String contentType, String body) throws Exception {
        return post(user, path, contentType, body, null);
    }

    private ResponseEntity<String> post(String user, String path, String contentType, String body, String accept)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            request.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        HttpHeaders headers = new HttpHeaders();
        response.headers().map().forEach(headers::addAll);
        return ResponseEntity.status(response.statusCode()).headers(headers).body(response.body());
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "(no body)";
        }
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 300 ? printable
                : printable.substring(0, 300) + "... (" + text.length() + " chars)";
    }
}
