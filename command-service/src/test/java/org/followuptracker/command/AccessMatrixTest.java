package org.followuptracker.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.followuptracker.command.support.TestDatabase;
import org.followuptracker.command.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the API tried without credentials and with each role: only a coordinator records facts, only an
 * admin adds users, only an auditor or an admin reads the event store's digests; nobody else gets past 401 or 403,
 * and then nothing is recorded. The endpoints are the ones Spring maps, not a list kept by hand: a new endpoint
 * without its row here fails the test. Who recorded a fact is the
 * signed-in user, whatever a header says; no password shows in the logs or the events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=access-matrix-test"})
@EmbeddedKafka(kraft = true, partitions = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AccessMatrixTest {

    static final String PASSWORD = "correct horse battery staple";
    static final List<String> ROLES = List.of("coordinator", "viewer", "auditor", "admin");

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

    private final ObjectMapper json = new ObjectMapper();
    /** Each endpoint, by method and path pattern as Spring maps it, and who may call it. */
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    /**
     * An endpoint of the API: the users it answers (everyone else signed in gets 403), the status it answers them
     * with, and a call of it that succeeds: its path with ids filled in and a body for that call (the n-th call
     * numbered in it where the body must differ each time).
     */
    private record Endpoint(HttpMethod method, String path, Set<String> allowed, int success,
            Function<Integer, HttpEntity<?>> call) {
    }

    @BeforeAll
    void factsToActOn() throws Exception {
        JsonNode letter = json.readTree(post("coordinator", "/api/letters", letter("EUR 0")).getBody());
        String letterId = letter.get("letterId").asText();
        String recommendationId = letter.get("recommendationIds").get(0).asText();
        // A letter and a position of its own to retract, so that the retractions leave the others standing.
        JsonNode retracted = json.readTree(post("coordinator", "/api/letters", letter("EUR R")).getBody());
        String retractedLetter = retracted.get("letterId").asText();
        String retractedRecommendation = retracted.get("recommendationIds").get(0).asText();
        post("coordinator", "/api/recommendations/" + retractedRecommendation + "/positions", """
                {"position": "NOTED", "takenOn": "2010-06-10", "source": "A/HRC/14/10/Add.1"}""");

        command("/api/letters", "/api/letters", letter("EUR %d"));
        command("/api/letters/{letterId}/responses", "/api/letters/" + letterId + "/responses", """
                {"receivedOn": "2012-11-20", "from": "Ministry", "positions": [{"recommendationId": "%s", "position": "NOTED"}]}"""
                .formatted(recommendationId));
        command("/api/letters/{letterId}/follow-ups", "/api/letters/" + letterId + "/follow-ups", """
                {"sentOn": "2013-01-01", "summary": "Reminder"}""");
        command("/api/letters/{letterId}/due-date", "/api/letters/" + letterId + "/due-date", """
                {"responseDueBy": "2013-03-01", "changedOn": "2013-01-02", "reason": "Extended"}""");
        command("/api/letters/{letterId}/publication", "/api/letters/" + letterId + "/publication", """
                {"publishedOn": "2013-01-03", "url": "https://www.amnesty.org/en/documents/eur57/001/2013/en/"}""");
        command("/api/letters/{letterId}/retractions", "/api/letters/" + retractedLetter + "/retractions", """
                {"eventId": "%s", "reason": "Entered by mistake"}""".formatted(eventId(retractedLetter, 0)));
        command("/api/recommendations", "/api/recommendations", """
                {"country": "KAZ", "text": "Abolish the death penalty", "mechanism": "NGO", "sources": []}""");
        command("/api/recommendations/{recommendationId}/positions",
                "/api/recommendations/" + recommendationId + "/positions", """
                {"position": "NOTED", "takenOn": "2010-06-10", "source": "A/HRC/14/10/Add.1"}""");
        command("/api/recommendations/{recommendationId}/implementation",
                "/api/recommendations/" + recommendationId + "/implementation", """
                {"status": "NOT_IMPLEMENTED", "assessedOn": "2014-06-01", "evidence": "No bill"}""");
        command("/api/recommendations/{recommendationId}/retractions",
                "/api/recommendations/" + retractedRecommendation + "/retractions", """
                {"eventId": "%s", "reason": "Entered by mistake"}""".formatted(eventId(retractedRecommendation, 1)));
        endpoint(HttpMethod.POST, "/api/recommendations/imports", "/api/recommendations/imports", Set.of("coordinator"),
                201, n -> {
            LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("file", new ClassPathResource("importing/uhri-sample.csv"));
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            return new HttpEntity<>(form, headers);
        });
        endpoint(HttpMethod.POST, "/api/users", "/api/users", Set.of("admin"), 201, n -> jsonBody("""
                {"username": "new-viewer-%d", "password": "another long password", "roles": ["VIEWER"]}""".formatted(n)));
        endpoint(HttpMethod.GET, "/api/audit/event-store/countries", "/api/audit/event-store/countries",
                Set.of("auditor", "admin"), 200, n -> HttpEntity.EMPTY);
        endpoint(HttpMethod.GET, "/api/audit/event-store/event-ids", "/api/audit/event-store/event-ids?country=KAZ",
                Set.of("auditor", "admin"), 200, n -> HttpEntity.EMPTY);
    }

    @Test
    void everyEndpointSpringMapsHasItsRowInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            info.getPatternValues().stream().filter(pattern -> pattern.startsWith("/api/")).forEach(pattern -> {
                if (methods.isEmpty()) {
                    mapped.add("ANY " + pattern);
                }
                methods.forEach(httpMethod -> mapped.add(httpMethod + " " + pattern));
            });
        });
        assertThat(new TreeSet<>(endpoints.keySet()))
                .as("the endpoints of the matrix; give a new one its row in factsToActOn()")
                .isEqualTo(mapped);
    }

    @Test
    void onlyCoordinatorsRecordFactsOnlyAdminsAddUsersOnlyAuditorsAndAdminsReadTheStoreAndNothingIsRecordedOtherwise(
            CapturedOutput output) {
        int call = 1;
        for (Map.Entry<String, Endpoint> row : endpoints.entrySet()) {
            Endpoint endpoint = row.getValue();
            List<String> callers = new ArrayList<>(List.of("nobody"));
            ROLES.stream().filter(role -> !endpoint.allowed().contains(role)).forEach(callers::add);
            callers.addAll(endpoint.allowed());
            for (String user : callers) {
                long before = eventCount();
                ResponseEntity<String> response = call(user, endpoint, call++);
                String what = user + " " + row.getKey() + " -> " + response.getStatusCode() + " " + response.getBody();
                int expected = user.equals("nobody") ? 401 : endpoint.allowed().contains(user) ? endpoint.success() : 403;
                assertThat(response.getStatusCode().value()).as(what).isEqualTo(expected);
                if (expected != endpoint.success()) {
                    assertThat(response.getHeaders().getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                    assertThat(eventCount()).as("nothing recorded: " + what).isEqualTo(before);
                }
            }
        }
        // No password in the logs (sign-ins, refusals, the new users').
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain("another long password");
        // Nor in any stored event.
        assertThat(jdbc.queryForList("SELECT payload FROM domainevententry", byte[].class))
                .allSatisfy(payload -> assertThat(new String(payload)).doesNotContain(PASSWORD));
    }

    @Test
    void whoRecordedAFactIsTheSignedInUserWhateverAHeaderOrTheBodySays() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Actor", "mallory");
        headers.set("X-Forwarded-User", "mallory");
        headers.set("X-Remote-User", "mallory");
        ResponseEntity<String> response = http.withBasicAuth("coordinator", PASSWORD).postForEntity("/api/recommendations",
                new HttpEntity<>("""
                        {"country": "KAZ", "text": "Set up a torture prevention mechanism", "mechanism": "NGO", "sources": []}""",
                        headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        String id = json.readTree(response.getBody()).get("recommendationId").asText();
        String actor = jdbc.queryForObject("SELECT metadata FROM domainevententry WHERE aggregateidentifier = ?",
                (row, n) -> new String(row.getBytes(1)), id);
        assertThat(actor).contains("\"coordinator\"").doesNotContain("mallory");

        ResponseEntity<String> inBody = http.withBasicAuth("coordinator", PASSWORD).postForEntity("/api/recommendations",
                new HttpEntity<>("""
                        {"country": "KAZ", "text": "X", "mechanism": "NGO", "sources": [], "actor": "mallory"}""", headers),
                String.class);
        assertThat(inBody.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(inBody.getBody()).get("field").asText()).isEqualTo("actor");
    }

    private static String letter(String reference) {
        return """
                {"country": "KAZ", "reference": "%s", "sentOn": "2012-10-18", "sender": "Amnesty International",
                 "recipient": "Minister", "subject": "Candidacy", "copiedTo": [],
                 "recommendations": [{"text": "Ratify OP-CAT.", "sources": []}]}""".formatted(reference);
    }

    /** A command only a coordinator may give: its JSON body, {@code %d} in it numbered with the call. */
    private void command(String pattern, String path, String body) {
        endpoint(HttpMethod.POST, pattern, path, Set.of("coordinator"), 201,
                n -> jsonBody(body.contains("%d") ? body.formatted(n) : body));
    }

    private void endpoint(HttpMethod method, String pattern, String path, Set<String> allowed, int success,
            Function<Integer, HttpEntity<?>> call) {
        endpoints.put(method + " " + pattern, new Endpoint(method, path, allowed, success, call));
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private ResponseEntity<String> call(String user, Endpoint endpoint, int n) {
        TestRestTemplate as = user.equals("nobody") ? http : http.withBasicAuth(user, PASSWORD);
        return as.exchange(endpoint.path(), endpoint.method(), endpoint.call().apply(n), String.class);
    }

    private ResponseEntity<String> post(String user, String path, String body) {
        TestRestTemplate as = user.equals("nobody") ? http : http.withBasicAuth(user, PASSWORD);
        return as.postForEntity(path, jsonBody(body), String.class);
    }

    private String eventId(String aggregateId, int sequence) {
        return jdbc.queryForObject("SELECT eventidentifier FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = ?", String.class, aggregateId, sequence);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
