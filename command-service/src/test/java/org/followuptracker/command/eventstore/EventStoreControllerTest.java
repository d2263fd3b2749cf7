package org.followuptracker.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the event store holds per country, as an auditor asks it: each country's events counted and digested as the
 * query service digests its audit chains, straight from the stored events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=event-store-test"})
@EmbeddedKafka(kraft = true, partitions = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStoreControllerTest {

    static final String PASSWORD = "correct horse battery staple";

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
    private String uzbekRecommendation;

    @BeforeAll
    void record() throws Exception {
        for (String reference : List.of("EUR 1/2012", "EUR 2/2012")) {
            assertThat(post("/api/letters", """
                    {"country": "KAZ", "reference": "%s", "sentOn": "2012-10-18", "sender": "Amnesty International",
                     "recipient": "Minister", "subject": "Candidacy", "copiedTo": [],
                     "recommendations": [{"text": "Ratify the Optional Protocol.", "sources": []}]}"""
                    .formatted(reference)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
        ResponseEntity<String> recommendation = post("/api/recommendations",
                "{\"country\": \"UZB\", \"text\": \"Abolish forced labour.\", \"mechanism\": \"NGO\"}");
        assertThat(recommendation.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        uzbekRecommendation = json.readTree(recommendation.getBody()).get("recommendationId").asText();
    }

    @Test
    void eachCountrysEventsAreCountedAndDigestedOverTheirIdsInAscendingOrder() throws Exception {
        ResponseEntity<String> answer = http.withBasicAuth("auditor", PASSWORD)
                .getForEntity("/api/audit/event-store/countries", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(answer.getBody());
        List<String> kazakh = storedIds("aggregateidentifier <> ?");
        List<String> uzbek = storedIds("aggregateidentifier = ?");
        // Two letters, each with the recommendation it recorded; one recommendation on its own.
        assertThat(kazakh).hasSize(4);
        assertThat(uzbek).hasSize(1);
        assertThat(body.get("events").asLong()).isEqualTo(5);
        assertThat(body.get("countries")).hasSize(2);
        JsonNode kaz = body.get("countries").get(0);
        assertThat(kaz.get("country").asText()).isEqualTo("KAZ");
        assertThat(kaz.get("events").asLong()).isEqualTo(4);
        assertThat(kaz.get("digest").asText()).isEqualTo(digest(kazakh));
        JsonNode uzb = body.get("countries").get(1);
        assertThat(uzb.get("country").asText()).isEqualTo("UZB");
        assertThat(uzb.get("digest").asText()).isEqualTo(digest(uzbek));
    }

    @Test
    void theIdsOfTheCountriesAskedAreListedInAscendingOrder() throws Exception {
        ResponseEntity<String> answer = http.withBasicAuth("admin", PASSWORD)
                .getForEntity("/api/audit/event-store/event-ids?country=KAZ&country=MNG", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode countries = json.readTree(answer.getBody()).get("countries");
        assertThat(countries).hasSize(2);
        assertThat(countries.get(0).get("country").asText()).isEqualTo("KAZ");
        List<String> listed = new ArrayList<>();
        countries.get(0).get("eventIds").forEach(id -> listed.add(id.asText()));
        List<String> expected = storedIds("aggregateidentifier <> ?");
        expected.sort(null);
        assertThat(listed).isEqualTo(expected);
        assertThat(countries.get(1).get("country").asText()).isEqualTo("MNG");
        assertThat(countries.get(1).get("events").asLong()).isZero();
        assertThat(countries.get(1).get("eventIds")).isEmpty();
    }

    @Test
    void aCountryThatIsNoCountryCodeIsRefusedNamingTheParameter() throws Exception {
        for (String query : List.of("?country=kaz", "?country=KAZ&country=XXX", "")) {
            ResponseEntity<String> answer = http.withBasicAuth("auditor", PASSWORD)
                    .getForEntity("/api/audit/event-store/event-ids" + query, String.class);

            assertThat(answer.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(answer.getBody()).get("field").asText()).isEqualTo("country");
        }
    }

    @Test
    void onlyAuditorsAndAdminsMayAsk() {
        for (String path : List.of("/api/audit/event-store/countries", "/api/audit/event-store/event-ids?country=KAZ")) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            for (String user : List.of("coordinator", "viewer")) {
                assertThat(http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class).getStatusCode())
                        .as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
            }
            for (String user : List.of("auditor", "admin")) {
                assertThat(http.withBasicAuth(user, PASSWORD).getForEntity(path, String.class).getStatusCode())
                        .as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
        }
    }

    private List<String> storedIds(String whereUzbekRecommendation) {
        return new ArrayList<>(jdbc.queryForList("SELECT eventidentifier FROM domainevententry WHERE "
                + whereUzbekRecommendation, String.class, uzbekRecommendation));
    }

    private static String digest(List<String> ids) throws Exception {
        List<String> ascending = new ArrayList<>(ids);
        ascending.sort(null);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String id : ascending) {
            sha256.update((id + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("coordinator", PASSWORD).postForEntity(path, new HttpEntity<>(body, headers),
                String.class);
    }
}
