package org.followuptracker.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.followuptracker.command.support.TestDatabase;
import org.followuptracker.command.support.TestUsers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bodies are read as strictly as docs/api.md says: a date is a string written {@code 2012-10-18} in the years 1900
 * to 2200, on every date field of every command; a text holds no control character but tab and line breaks; an
 * upload that cannot be read, and a path that cannot be taken, are refused with a problem body naming what is at
 * fault. Nothing refused is recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=strict-reading-test"})
@EmbeddedKafka(kraft = true, partitions = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictReadingTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String EXPECTED_DATE = "must be a date written as 2012-10-18, in the years 1900 to 2200";

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
    /** A valid body for each command taking dates, and the date fields of each (a path in the body). */
    private final Map<String, ObjectNode> bodies = new LinkedHashMap<>();
    private final Map<String, List<String>> dateFields = new LinkedHashMap<>();
    private String letterId;

    @BeforeAll
    void aLetterToActOn() throws Exception {
        JsonNode letter = json.readTree(post("/api/letters", """
                {"country": "KAZ", "sentOn": "2012-10-18", "sender": "Amnesty International", "recipient": "Minister",
                 "subject": "Candidacy", "responseDueBy": "2012-11-12", "recommendations": [{"text": "Ratify OP-CAT."}]}
                """).getBody());
        letterId = letter.get("letterId").asText();
        String recommendationId = letter.get("recommendationIds").get(0).asText();
        command("/api/letters", List.of("sentOn", "responseDueBy"), """
                {"country": "KAZ", "sentOn": "2013-01-10", "sender": "Amnesty International", "recipient": "Minister",
                 "subject": "Follow-up", "responseDueBy": "2013-02-10",
                 "recommendations": [{"text": "Release them."}]}""");
        command("/api/letters/" + letterId + "/follow-ups", List.of("sentOn", "responseDueBy"), """
                {"sentOn": "2013-01-01", "summary": "Reminder", "responseDueBy": "2013-02-01"}""");
        command("/api/letters/" + letterId + "/due-date", List.of("responseDueBy", "changedOn"), """
                {"responseDueBy": "2013-03-01", "changedOn": "2013-01-02", "reason": "Extended"}""");
        command("/api/letters/" + letterId + "/responses", List.of("receivedOn"), """
                {"receivedOn": "2012-11-20", "from": "Ministry", "positions": []}""");
        command("/api/recommendations", List.of("madeOn"), """
                {"country": "KAZ", "text": "Abolish the death penalty", "mechanism": "UPR", "madeOn": "2010-06-10"}""");
        command("/api/recommendations/" + recommendationId + "/positions", List.of("takenOn"), """
                {"position": "NOTED", "takenOn": "2010-06-10", "source": "A/HRC/14/10/Add.1"}""");
        command("/api/recommendations/" + recommendationId + "/implementation", List.of("assessedOn"), """
                {"status": "PARTIALLY_IMPLEMENTED", "assessedOn": "2014-06-01", "evidence": "Bill submitted"}""");
    }

    @Test
    void everyDateOfEveryCommandIsAStringInTheYears1900To2200AndNothingElse() {
        List<String> refused = List.of("\"+9999999-12-31\"", "\"-9999999-01-01\"", "\"1899-12-31\"", "\"2201-01-01\"",
                "[]", "[2013, 1, 1]", "[\"2013-01-01\"]", "{}", "20130101", "true", "\"\"", "\" 2013-01-01\"",
                "\"2013-01-01\\n\"", "\"2013-01-01 \"", "\"2013-02-30\"", "\"2013-1-1\"", "\"2013-01-01T00:00:00Z\"",
                "\"+2013-01-01\"");
        long before = eventCount();
        int refusals = 0;
        for (Map.Entry<String, List<String>> command : dateFields.entrySet()) {
            for (String field : command.getValue()) {
                for (String date : refused) {
                    String body = with(bodies.get(command.getKey()), field, date);
                    ResponseEntity<String> response = post(command.getKey(), body);
                    String what = command.getKey() + " " + field + "=" + date + " -> " + response.getBody();
                    assertThat(response.getStatusCode().value()).as(what).isEqualTo(400);
                    assertThat(response.getHeaders().getContentType()).as(what)
                            .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                    JsonNode problem = read(response);
                    assertThat(problem.get("field").asText()).as(what).isEqualTo(field);
                    assertThat(problem.get("errors").get(0).get("message").asText()).as(what).isEqualTo(EXPECTED_DATE);
                    refusals++;
                }
            }
        }
        assertThat(refusals).isEqualTo(10 * refused.size());
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anEmptyListIsNotANullDueDateAndWithdrawsNothing() {
        long before = eventCount();

        ResponseEntity<String> response = post("/api/letters/" + letterId + "/due-date", """
                {"responseDueBy": [], "changedOn": "2012-10-20", "reason": "Withdrawn?"}""");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(read(response).get("field").asText()).isEqualTo("responseDueBy");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theFirstAndLastDaysOfTheRangeAreTaken() {
        ResponseEntity<String> response = post("/api/recommendations", """
                {"country": "KAZ", "text": "Keep the records of 1900", "mechanism": "NGO", "madeOn": "1900-01-01"}""");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        response = post("/api/letters", """
                {"country": "KAZ", "sentOn": "2012-10-18", "sender": "Amnesty International", "recipient": "Minister",
                 "subject": "Long view", "responseDueBy": "2200-12-31",
                 "recommendations": [{"text": "Plan ahead."}]}""");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    }

    @Test
    void aControlCharacterOrHalfACharacterInAnyTextIsRefusedNamingItsField() {
        Map<String, String> refused = Map.of(
                "{\"country\": \"KAZ\", \"text\": \"Ratify\\u0000 it\", \"mechanism\": \"NGO\"}", "text",
                "{\"country\": \"KAZ\", \"text\": \"Ratify\", \"mechanism\": \"NGO\", \"themes\": [\"a\\u001bb\"]}",
                "themes[0]",
                "{\"country\": \"KAZ\", \"text\": \"Ratify\", \"mechanism\": \"NGO\", \"source\": \"x\\u007f\"}",
                "source",
                "{\"country\": \"KAZ\", \"text\": \"Ratify \\u0085\", \"mechanism\": \"NGO\"}", "text",
                "{\"country\": \"KAZ\", \"text\": \"Ratify \\ud800\", \"mechanism\": \"NGO\"}", "text",
                "{\"country\": \"KAZ\", \"text\": \"Ratify \\udc00 it\", \"mechanism\": \"NGO\"}", "text",
                "{\"country\": \"KAZ\", \"text\": \"Ratify\", \"mechanism\": \"NGO\", \"sources\": [{\"symbol\": "
                        + "\"A/HRC/14/10\", \"recommendingStates\": [\"Fra\\u0000nce\"]}]}",
                "sources[0].recommendingStates[0]");
        long before = eventCount();
        refused.forEach((body, field) -> {
            ResponseEntity<String> response = post("/api/recommendations", body);
            assertThat(response.getStatusCode().value()).as(body + " -> " + response.getBody()).isEqualTo(400);
            assertThat(read(response).get("field").asText()).as(body).isEqualTo(field);
            assertThat(read(response).get("detail").asText()).as(body).contains("must not hold");
        });
        assertThat(eventCount()).isEqualTo(before);

        ResponseEntity<String> multiLine = post("/api/recommendations", """
                {"country": "KAZ", "text": "Ratify\\tit:\\r\\n1. soon \ud83d\ude00 \u202e", "mechanism": "NGO"}""");
        assertThat(multiLine.getStatusCode().value()).as(multiLine.getBody()).isEqualTo(201);
    }

    @Test
    void aNullAmongTheRolesOfANewUserIsRefusedNamingTheRoles() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth("admin", PASSWORD).postForEntity("/api/users",
                new HttpEntity<>("{\"username\": \"amina\", \"password\": \"a long enough password\", "
                        + "\"roles\": [null]}", headers), String.class);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(read(response).get("field").asText()).startsWith("roles");
    }

    @Test
    void aMultipartBodyThatCannotBeReadIsRefusedWithAProblemNamingTheFile() {
        for (String contentType : List.of("multipart/form-data; boundary=zzz", "multipart/form-data")) {
            long before = eventCount();
            ResponseEntity<String> upload = send("/api/recommendations/imports", contentType, "--zzz\r\ngarbage");
            String what = contentType + " -> " + upload.getBody();
            assertThat(upload.getStatusCode().value()).as(what).isEqualTo(400);
            assertThat(upload.getHeaders().getContentType()).as(what).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(read(upload).get("field").asText()).as(what).isEqualTo("file");

            ResponseEntity<String> letter = send("/api/letters", contentType, "--zzz\r\ngarbage");
            assertThat(letter.getStatusCode().value()).as(letter.getBody()).isEqualTo(415);
            assertThat(letter.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(eventCount()).isEqualTo(before);
        }
        ResponseEntity<String> noFile = send("/api/recommendations/imports", "multipart/form-data; boundary=zzz",
                "--zzz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--zzz--\r\n");
        assertThat(noFile.getStatusCode().value()).as(noFile.getBody()).isEqualTo(400);
        assertThat(read(noFile).get("field").asText()).isEqualTo("file");
    }

    @Test
    void aPathWithAnEmptySegmentIsRefusedWithAProblemNamingThePath() {
        for (String path : List.of("/api/letters//responses", "/api/letters;x=1", "/api/letters/%2e%2e/responses",
                "/api/letters/a%2Fb/responses")) {
            for (String accept : List.of("application/json", "text/html", "application/xml")) {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_JSON);
                headers.set("Accept", accept);
                ResponseEntity<String> response = http.withBasicAuth("coordinator", PASSWORD)
                        .exchange(java.net.URI.create(http.getRootUri() + path), HttpMethod.POST,
                                new HttpEntity<>("{}", headers), String.class);
                String what = path + " (" + accept + ") -> " + response.getBody();
                assertThat(response.getStatusCode().value()).as(what).isEqualTo(400);
                assertThat(response.getHeaders().getContentType()).as(what)
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(read(response).get("field").asText()).as(what).isEqualTo("path");
            }
        }
    }

    @Test
    void aClientThatTakesNoJsonAnswerIsRefusedBeforeAnythingIsRecorded() {
        for (String accept : List.of("application/xml", "text/html")) {
            long before = eventCount();
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.set("Accept", accept);
            ResponseEntity<String> response = http.withBasicAuth("coordinator", PASSWORD).postForEntity("/api/letters",
                    new HttpEntity<>(bodies.get("/api/letters").toString(), headers), String.class);

            assertThat(response.getStatusCode().value()).as(accept + " -> " + response.getBody()).isEqualTo(406);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(eventCount()).as(accept).isEqualTo(before);
        }
    }

    @Test
    void aMethodAPathDoesNotTakeIsAProblemToo() {
        ResponseEntity<String> response = post("/actuator/health", "{}");
        assertThat(response.getStatusCode().value()).isEqualTo(405);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        for (String path : List.of("/api/nothing-here", "/error")) {
            ResponseEntity<String> response = post(path, "{}");
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(response.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(read(response).get("detail").asText()).as(path).isNotBlank();
        }
    }

    private void command(String path, List<String> dates, String body) throws Exception {
        bodies.put(path, (ObjectNode) json.readTree(body));
        dateFields.put(path, dates);
    }

    /** The body with one field's value replaced by raw JSON text. */
    private static String with(ObjectNode valid, String field, String rawValue) {
        ObjectNode copy = valid.deepCopy();
        copy.put(field, "@@REPLACED@@");
        return copy.toString().replace("\"@@REPLACED@@\"", rawValue);
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private ResponseEntity<String> post(String path, String body) {
        return send(path, MediaType.APPLICATION_JSON_VALUE, body);
    }

    private ResponseEntity<String> send(String path, String contentType, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Type", contentType);
        return http.withBasicAuth("coordinator", PASSWORD).postForEntity(path, new HttpEntity<>(body, headers),
                String.class);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
