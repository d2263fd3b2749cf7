package org.followuptracker.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followuptracker.command.support.TestDatabase;
import org.followuptracker.command.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every command endpoint tried without credentials and with each role: only a coordinator records facts, only an
 * admin adds users; nobody else gets past 401 or 403, and then nothing is recorded. Who recorded a fact is the
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

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> commands = new LinkedHashMap<>();

    @BeforeAll
    void aLetterToActOn() throws Exception {
        JsonNode letter = json.readTree(post("coordinator", "/api/letters", letter("EUR 0")).getBody());
        String letterId = letter.get("letterId").asText();
        String recommendationId = letter.get("recommendationIds").get(0).asText();
        commands.put("/api/letters", letter("EUR %d"));
        commands.put("/api/letters/" + letterId + "/responses", """
                {"receivedOn": "2012-11-20", "from": "Ministry", "positions": [{"recommendationId": "%s", "position": "NOTED"}]}"""
                .formatted(recommendationId));
        commands.put("/api/letters/" + letterId + "/follow-ups", """
                {"sentOn": "2013-01-01", "summary": "Reminder"}""");
        commands.put("/api/letters/" + letterId + "/due-date", """
                {"responseDueBy": "2013-03-01", "changedOn": "2013-01-02", "reason": "Extended"}""");
        commands.put("/api/recommendations", """
                {"country": "KAZ", "text": "Abolish the death penalty", "mechanism": "NGO", "sources": []}""");
        commands.put("/api/recommendations/" + recommendationId + "/positions", """
                {"position": "NOTED", "takenOn": "2010-06-10", "source": "A/HRC/14/10/Add.1"}""");
        commands.put("/api/recommendations/" + recommendationId + "/implementation", """
                {"status": "NOT_IMPLEMENTED", "assessedOn": "2014-06-01", "evidence": "No bill"}""");
    }

    @Test
    void onlyCoordinatorsRecordFactsAndOnlyAdminsAddUsersEveryoneElseIsRefusedAndNothingIsRecorded(CapturedOutput output) {
        int reference = 1;
        for (Map.Entry<String, String> command : commands.entrySet()) {
            for (String user : List.of("nobody", "viewer", "auditor", "admin", "coordinator")) {
                String body = command.getValue().contains("%d") ? command.getValue().formatted(reference++) : command.getValue();
                long before = eventCount();
                ResponseEntity<String> response = post(user, command.getKey(), body);
                String what = user + " POST " + command.getKey() + " -> " + response.getStatusCode() + " " + response.getBody();
                int expected = switch (user) {
                    case "nobody" -> 401;
                    case "coordinator" -> 201;
                    default -> 403;
                };
                assertThat(response.getStatusCode().value()).as(what).isEqualTo(expected);
                if (expected != 201) {
                    assertThat(response.getHeaders().getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                    assertThat(eventCount()).as("nothing recorded: " + what).isEqualTo(before);
                }
            }
        }
        String newUser = """
                {"username": "new-viewer-%s", "password": "another long password", "roles": ["VIEWER"]}""";
        for (String user : List.of("nobody", "viewer", "auditor", "coordinator", "admin")) {
            int expected = switch (user) {
                case "nobody" -> 401;
                case "admin" -> 201;
                default -> 403;
            };
            assertThat(post(user, "/api/users", newUser.formatted(user)).getStatusCode().value()).as(user + " adds a user")
                    .isIn(expected, expected == 201 ? 200 : expected);
        }
        // No password in the logs (sign-ins, refusals, the new user's).
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

    private ResponseEntity<String> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate as = user.equals("nobody") ? http : http.withBasicAuth(user, PASSWORD);
        return as.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
