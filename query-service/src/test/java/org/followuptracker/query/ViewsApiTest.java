package org.followuptracker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.followuptracker.query.TestTopic.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.Position;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.events.UnSource;
import org.followuptracker.query.store.Generations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What readers and auditors see, over HTTP, for one realistic history: two letters to Kyrgyzstan, a response later
 * retracted, a finding, a follow-up. Every view, as of now and as of earlier moments; filters, pages, exports; the
 * overdue list as the clock moves; the audit chain, and a tampered entry found; a rebuild, and live = rebuilt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=views-api-test"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = "views-api-test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewsApiTest {

    static final String COUNTRY = "KGZ";
    static final String PASSWORD = QueryApiTest.PASSWORD;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2013-02-01T12:00:00Z"));

    private static final TestReadStore READ_STORE = new TestReadStore();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tracker.access.users-file", QueryApiTest::usersFile);
        registry.add("spring.data.mongodb.uri", () -> READ_STORE.uri("views-api-test"));
    }

    @TestConfiguration
    static class MovableClock {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Generations generations;
    @Autowired
    MeterRegistry meters;
    TestRestTemplate viewer;
    TestRestTemplate auditor;
    TestRestTemplate admin;

    private final ObjectMapper json = new ObjectMapper();
    private TestTopic topic;

    // The history, in the order it was recorded.
    final EventEnvelope rec1 = envelope("rec-1", "Recommendation", 0, "2026-01-01T10:00:00Z", new RecommendationRecorded(
            "rec-1", COUNTRY, "Abolish the death penalty", Mechanism.UPR,
            List.of(new UnSource("A/HRC/15/2", "76.12", List.of("France", "Spain"))), List.of("Death penalty")));
    final EventEnvelope rec2 = envelope("rec-2", "Recommendation", 0, "2026-01-01T10:00:01Z", new RecommendationRecorded(
            "rec-2", COUNTRY, "Investigate every allegation of torture", Mechanism.TREATY_BODY,
            List.of(new UnSource("CAT/C/KGZ/CO/2", "9", List.of())), List.of("Torture")));
    final EventEnvelope rec3 = envelope("rec-3", "Recommendation", 0, "2026-01-01T10:00:02Z", new RecommendationRecorded(
            "rec-3", COUNTRY, "=HYPERLINK(\"http://evil.example\",\"click\")", Mechanism.NGO, List.of(), List.of()));
    final EventEnvelope letter1 = envelope("letter-1", "Letter", 0, "2026-01-01T10:05:00Z", new LetterSent("letter-1",
            COUNTRY, "EUR 58/001/2012", LocalDate.of(2012, 10, 18), "Amnesty International", "Minister",
            "Candidacy, \"pledges\" and\nrecommendations", List.of(), LocalDate.of(2012, 12, 1), List.of("rec-1", "rec-2")));
    final EventEnvelope response1 = envelope("letter-1", "Letter", 1, "2026-01-02T09:00:00Z", new ResponseReceived(
            "letter-1", "resp-1", COUNTRY, LocalDate.of(2012, 11, 20), "Ministry", "Supports abolition",
            List.of(new PositionTaken("rec-1", Position.SUPPORTED))));
    final EventEnvelope finding2 = envelope("rec-2", "Recommendation", 1, "2026-01-03T09:00:00Z",
            new RecommendationImplemented("rec-2", COUNTRY, LocalDate.of(2013, 5, 1), "Law of 1 May 2013"));
    final EventEnvelope letter2 = envelope("letter-2", "Letter", 0, "2026-01-04T09:00:00Z", new LetterSent("letter-2",
            COUNTRY, null, LocalDate.of(2013, 1, 10), "Amnesty International", "Minister",
            "=HYPERLINK(\"http://evil.example\",\"click\")", List.of(), LocalDate.of(2013, 2, 10), List.of("rec-3")));
    final EventEnvelope followUp2 = envelope("letter-2", "Letter", 1, "2026-01-04T12:00:00Z", new FollowUpSent(
            "letter-2", "follow-up-1", COUNTRY, LocalDate.of(2013, 3, 1), "Reminder", LocalDate.of(2013, 4, 1)));
    final EventEnvelope retraction1 = envelope("letter-1", "Letter", 2, "2026-01-05T09:00:00Z", new FactRetracted(
            "letter-1", COUNTRY, response1.id(), "ResponseReceived", "The answer was to another letter",
            LocalDate.of(2026, 1, 5)));
    final EventEnvelope marker = envelope("rec-marker", "Recommendation", 0, "2026-01-06T09:00:00Z",
            new RecommendationRecorded("rec-marker", "MNG", "Marker", Mechanism.NGO, List.of(), List.of()));

    @BeforeAll
    void recordTheHistory() throws Exception {
        viewer = anonymous.withBasicAuth("viewer", PASSWORD);
        auditor = anonymous.withBasicAuth("auditor", PASSWORD);
        admin = anonymous.withBasicAuth("admin", PASSWORD);
        topic = new TestTopic(broker, "views-api-test");
        // Delivered with duplicates, as Kafka may: each must count once.
        for (EventEnvelope envelope : List.of(rec1, rec2, rec3, letter1, rec1, response1, finding2, letter2, letter1,
                followUp2, retraction1, response1, retraction1, marker)) {
            topic.publish(envelope);
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> get(viewer, "/api/recommendations?country=MNG").get("total").asInt() == 1);
        await().atMost(30, TimeUnit.SECONDS).until(() -> get(viewer, "/api/countries/KGZ/timeline").get("total").asInt() == 6);
    }

    @AfterAll
    void close() {
        topic.close();
        READ_STORE.stop();
    }

    @Test
    @Order(1)
    void theTimelineShowsEveryFactInTheOrderItHappenedWithTheRetractedResponseMarkedNotDropped() throws Exception {
        JsonNode timeline = get(viewer, "/api/countries/KGZ/timeline");
        assertThat(timeline.get("entries")).extracting(e -> e.get("type").asText()).containsExactly(
                "LetterSent", "ResponseReceived", "LetterSent", "FollowUpSent", "RecommendationImplemented", "FactRetracted");
        JsonNode response = timeline.get("entries").get(1);
        assertThat(response.get("retracted").get("reason").asText()).isEqualTo("The answer was to another letter");
        assertThat(timeline.get("entries").get(5).get("summary").asText()).startsWith("Retracted: Response from Ministry");
        // The response is retracted: the first letter awaits an answer again.
        assertThat(timeline.get("openLetters")).extracting(l -> l.get("letterId").asText())
                .containsExactly("letter-1", "letter-2");
    }

    @Test
    @Order(2)
    void asOfAMomentTheViewsShowWhatWasKnownThenAndALaterCorrectionDoesNotRewriteIt() throws Exception {
        // On 2 January, the response had come and was not yet retracted.
        JsonNode then = get(viewer, "/api/countries/KGZ/timeline?asOf=2026-01-02T12:00:00Z");
        assertThat(then.get("asOf").asText()).isEqualTo("2026-01-02T12:00:00Z");
        assertThat(then.get("entries")).extracting(e -> e.get("type").asText())
                .containsExactly("LetterSent", "ResponseReceived");
        assertThat(then.get("entries").get(1).has("retracted")).isFalse();
        assertThat(then.get("openLetters")).isEmpty();
        JsonNode boardThen = get(viewer, "/api/recommendations?country=KGZ&asOf=2026-01-02T12:00:00Z");
        assertThat(find(boardThen, "rec-1").get("latestPosition").asText()).isEqualTo("SUPPORTED");
        assertThat(find(boardThen, "rec-2").get("implementationStatus").asText()).isEqualTo("NOT_ASSESSED");
        JsonNode summaryThen = get(viewer, "/api/countries/KGZ?asOf=2026-01-02");
        assertThat(summaryThen.get("letters").asInt()).isEqualTo(1);
        assertThat(summaryThen.get("answered").asInt()).isEqualTo(1);
        assertThat(summaryThen.get("responseRate").asDouble()).isEqualTo(1.0);
        assertThat(summaryThen.get("medianDaysToAnswer").asDouble()).isEqualTo(33.0);

        // Now the response is retracted: the position is gone from the board, and the letter unanswered.
        JsonNode boardNow = get(viewer, "/api/recommendations?country=KGZ");
        assertThat(find(boardNow, "rec-1").get("latestPosition").isNull()).isTrue();
        JsonNode summaryNow = get(viewer, "/api/countries/KGZ");
        assertThat(summaryNow.get("letters").asInt()).isEqualTo(2);
        assertThat(summaryNow.get("answered").asInt()).isZero();
        assertThat(summaryNow.get("responseRate").asDouble()).isZero();

        // Before anything about the letters was recorded: the recommendations, urged by nobody yet.
        assertThat(get(viewer, "/api/countries/KGZ/timeline?asOf=2026-01-01T10:01:00Z").get("entries")).isEmpty();
        JsonNode early = get(viewer, "/api/recommendations?country=KGZ&asOf=2026-01-01T10:01:00Z");
        assertThat(early.get("total").asInt()).isEqualTo(3);
        assertThat(find(early, "rec-1").get("timesUrged").asInt()).isZero();
        assertThat(get(viewer, "/api/recommendations?country=KGZ&asOf=2025-12-31").get("total").asInt()).isZero();
    }

    @Test
    @Order(3)
    void theTimelineFiltersByTypeDateAndRecommendationAndPages() throws Exception {
        assertThat(get(viewer, "/api/countries/KGZ/timeline?type=ResponseReceived").get("entries"))
                .extracting(e -> e.get("eventId").asText()).containsExactly(response1.id());
        assertThat(get(viewer, "/api/countries/KGZ/timeline?type=LetterSent&type=FollowUpSent").get("total").asInt())
                .isEqualTo(3);
        assertThat(get(viewer, "/api/countries/KGZ/timeline?from=2013-01-01&to=2013-03-31").get("entries"))
                .extracting(e -> e.get("type").asText()).containsExactly("LetterSent", "FollowUpSent");
        assertThat(get(viewer, "/api/countries/KGZ/timeline?recommendation=rec-2").get("entries"))
                .extracting(e -> e.get("type").asText()).containsExactly("LetterSent", "RecommendationImplemented");
        JsonNode page = get(viewer, "/api/countries/KGZ/timeline?page=1&size=2");
        assertThat(page.get("total").asInt()).isEqualTo(6);
        assertThat(page.get("entries")).extracting(e -> e.get("type").asText()).containsExactly("LetterSent", "FollowUpSent");
        assertThat(get(viewer, "/api/countries/KGZ/timeline?page=3&size=2").get("entries")).isEmpty();
    }

    @Test
    @Order(4)
    void theBoardFiltersCountsPerStatusAndShowsEachRecommendationsHistory() throws Exception {
        JsonNode board = get(viewer, "/api/recommendations?country=KGZ");
        assertThat(board.get("total").asInt()).isEqualTo(3);
        assertThat(board.get("counts").get("NOT_ASSESSED").asInt()).isEqualTo(2);
        assertThat(board.get("counts").get("IMPLEMENTED").asInt()).isEqualTo(1);
        assertThat(ids("/api/recommendations?country=KGZ&status=implemented")).containsExactly("rec-2");
        assertThat(ids("/api/recommendations?country=KGZ&mechanism=TREATY_BODY")).containsExactly("rec-2");
        assertThat(ids("/api/recommendations?country=KGZ&theme=death penalty")).containsExactly("rec-1");
        assertThat(ids("/api/recommendations?state=Spain")).containsExactly("rec-1");
        assertThat(ids("/api/recommendations?symbol=CAT/C/KGZ/CO/2")).containsExactly("rec-2");
        // Search, as the web app's picker does: every word, in the text, a symbol or a theme, regardless of case.
        assertThat(ids("/api/recommendations?q=TORTURE allegation")).containsExactly("rec-2");
        assertThat(ids("/api/recommendations?q=cat/c/kgz")).containsExactly("rec-2");
        assertThat(ids("/api/recommendations?q=death torture")).isEmpty();
        // By id, as the web app's letter cards ask for the items each letter urged.
        assertThat(ids("/api/recommendations?id=rec-2&id=rec-1&id=no-such-one")).containsExactly("rec-1", "rec-2");
        assertThat(ids("/api/recommendations?id=rec-2&country=KAZ")).isEmpty();
        assertThat(ids("/api/recommendations?country=KGZ&position=SUPPORTED")).isEmpty();
        assertThat(ids("/api/recommendations?country=KGZ&position=SUPPORTED&asOf=2026-01-02T12:00:00Z"))
                .containsExactly("rec-1");

        JsonNode history = get(viewer, "/api/recommendations/rec-1").get("history");
        assertThat(history).extracting(h -> h.get("kind").asText()).containsExactly("URGED", "POSITION");
        assertThat(history.get(1).get("value").asText()).isEqualTo("SUPPORTED");
        assertThat(history.get(1).get("retracted").asBoolean()).isTrue();
        assertThat(get(viewer, "/api/recommendations/rec-1?asOf=2026-01-02T12:00:00Z").get("history").get(1)
                .get("retracted").asBoolean()).isFalse();
        assertThat(viewer.getForEntity("/api/recommendations/no-such-one", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @Order(5)
    void theOverdueListCountsDaysFromTheClockAndMovesWithIt() throws Exception {
        CLOCK.set(Instant.parse("2013-02-01T12:00:00Z"));
        JsonNode awaiting = get(viewer, "/api/letters/awaiting");
        assertThat(awaiting.get("today").asText()).isEqualTo("2013-02-01");
        assertThat(awaiting.get("letters")).extracting(l -> l.get("letterId").asText()).containsExactly("letter-1", "letter-2");
        JsonNode first = awaiting.get("letters").get(0);
        assertThat(first.get("daysWaited").asInt()).isEqualTo(106);
        assertThat(first.get("daysOverdue").asInt()).isEqualTo(62);
        assertThat(awaiting.get("letters").get(1).get("overdue").asBoolean()).isFalse();
        assertThat(get(viewer, "/api/letters/awaiting?overdue=true").get("letters")).hasSize(1);

        // The follow-up moved the second letter's answer to 1 April: ten days later, it is overdue too.
        CLOCK.set(Instant.parse("2013-04-11T08:00:00Z"));
        JsonNode later = get(viewer, "/api/letters/awaiting?overdue=true&country=KGZ");
        assertThat(later.get("letters")).extracting(l -> l.get("letterId").asText()).containsExactly("letter-1", "letter-2");
        assertThat(later.get("letters").get(1).get("daysOverdue").asInt()).isEqualTo(10);
        assertThat(later.get("letters").get(1).get("followUps").asInt()).isEqualTo(1);
        JsonNode countries = get(viewer, "/api/countries").get("countries");
        assertThat(countries).extracting(c -> c.get("country").asText()).containsExactly("KGZ");
        assertThat(countries.get(0).get("overdue").asInt()).isEqualTo(2);
        assertThat(get(viewer, "/api/countries?q=kg&overdue=true").get("total").asInt()).isEqualTo(1);
        assertThat(get(viewer, "/api/countries?q=KAZ").get("total").asInt()).isZero();
        // In 2012 none of this had been recorded yet (it was recorded in 2026).
        assertThat(get(viewer, "/api/countries?overdue=true&asOf=2012-11-30").get("total").asInt()).isZero();
    }

    @Test
    @Order(6)
    void theAuditTrailIsForAuditorsAndShowsWhoRecordedWhatWhenInFull() throws Exception {
        assertThat(viewer.getForEntity("/api/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.getForEntity("/api/audit/verification", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.getForEntity("/api/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        JsonNode trail = get(auditor, "/api/audit?country=KGZ");
        assertThat(trail.get("total").asInt()).isEqualTo(9);
        JsonNode first = trail.get("entries").get(0);
        assertThat(first.get("eventId").asText()).isEqualTo(rec1.id());
        assertThat(first.get("actor").asText()).isEqualTo("coordinator");
        assertThat(first.get("source").asText()).isEqualTo("a source");
        assertThat(first.get("recordedAt").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(first.get("payload").get("text").asText()).isEqualTo("Abolish the death penalty");
        assertThat(first.get("previousHash").asText()).isEqualTo("0".repeat(64));
        assertThat(trail.get("entries").get(1).get("previousHash").asText()).isEqualTo(first.get("hash").asText());
        assertThat(get(auditor, "/api/audit?type=FactRetracted").get("total").asInt()).isEqualTo(1);
        assertThat(get(admin, "/api/audit?type=org.followuptracker.LetterSent&from=2026-01-04&to=2026-01-04")
                .get("total").asInt()).isEqualTo(1);
        assertThat(get(auditor, "/api/audit?actor=someone-else").get("total").asInt()).isZero();
        // A page is the trail's entries in its order from where the page starts; past the end, none, the total kept.
        JsonNode whole = get(auditor, "/api/audit");
        JsonNode page = get(auditor, "/api/audit?page=1&size=3");
        assertThat(page.get("total").asInt()).isEqualTo(10);
        JsonNode all = whole.get("entries");
        assertThat(page.get("entries")).extracting(e -> e.get("eventId").asText()).containsExactly(
                all.get(3).get("eventId").asText(), all.get(4).get("eventId").asText(),
                all.get(5).get("eventId").asText());
        assertThat(get(auditor, "/api/audit?page=3&size=3").get("entries")).hasSize(1);
        JsonNode beyond = get(auditor, "/api/audit?page=4&size=3");
        assertThat(beyond.get("entries")).isEmpty();
        assertThat(beyond.get("total").asInt()).isEqualTo(10);
        JsonNode verification = get(auditor, "/api/audit/verification");
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("entries").asInt()).isEqualTo(10);
    }

    @Test
    @Order(7)
    void exportsAreEveryRowSelectedAsCsvThatASpreadsheetOpensSafelyOrAsJson() throws Exception {
        ResponseEntity<byte[]> csv = viewer.getForEntity("/api/letters/awaiting?format=csv", byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("awaiting.csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFcountry,reference,subject,");
        // Quotes doubled, the line break kept inside the quoted cell, the formula neutralised.
        assertThat(text).contains("\"Candidacy, \"\"pledges\"\" and\nrecommendations\"");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
        assertThat(text.split("\r\n")).hasSize(3);

        String board = new String(viewer.getForEntity("/api/recommendations?country=KGZ&format=csv", byte[].class)
                .getBody(), StandardCharsets.UTF_8);
        assertThat(board).contains("\"'=HYPERLINK(").doesNotContain(",=HYPERLINK(");
        assertThat(board.split("\r\n")).hasSize(4);

        String timeline = new String(viewer.getForEntity("/api/countries/KGZ/timeline?format=csv&type=LetterSent",
                byte[].class).getBody(), StandardCharsets.UTF_8);
        assertThat(timeline.split("\r\n")).hasSize(3);

        JsonNode exported = get(viewer, "/api/countries/KGZ/timeline?format=json&size=1");
        assertThat(exported.isArray()).isTrue();
        assertThat(exported).hasSize(6);
        // The audit trail's export is written as the store's replies come: the same rows, in the trail's order.
        JsonNode auditJson = get(auditor, "/api/audit?format=json");
        List<String> trailOrder = new ArrayList<>();
        get(auditor, "/api/audit").get("entries").forEach(e -> trailOrder.add(e.get("eventId").asText()));
        assertThat(auditJson).extracting(e -> e.get("eventId").asText()).containsExactlyElementsOf(trailOrder);
        assertThat(auditJson.get(0).get("payload").isObject()).isTrue();
        ResponseEntity<byte[]> auditCsv = auditor.getForEntity("/api/audit?format=csv&country=KGZ", byte[].class);
        assertThat(auditCsv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(auditCsv.getHeaders().getContentDisposition().getFilename()).isEqualTo("audit-trail.csv");
        String audit = new String(auditCsv.getBody(), StandardCharsets.UTF_8);
        assertThat(audit).startsWith("\uFEFFrecordedAt,actor,country,type,");
        assertThat(audit.split("\r\n")).hasSize(10);
        assertThat(viewer.getForEntity("/api/audit?format=csv", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @Order(8)
    void badParametersAreRefusedWithAProblemNamingThem() throws Exception {
        for (String[] bad : new String[][] {
                {"/api/countries/KGZ/timeline?asOf=yesterday", "asOf"},
                {"/api/countries/KGZ/timeline?asOf=+999999999-12-31", "asOf"},
                {"/api/countries/KGZ/timeline?asOf=+999999999-12-31T23:59:59-18:00", "asOf"},
                {"/api/countries/KGZ/timeline?from=0001-01-01", "from"},
                {"/api/countries/KGZ/timeline?page=-1", "page"},
                {"/api/countries/KGZ/timeline?size=100000", "size"},
                {"/api/countries/KGZ/timeline?size=abc", "size"},
                {"/api/countries/KGZ/timeline?type=Bogus", "type"},
                {"/api/countries/KGZ/timeline?from=2013-02-01&to=2013-01-01", "to"},
                {"/api/recommendations?format=xml", "format"},
                {"/api/letters/awaiting?overdue=perhaps", "overdue"},
                {"/api/recommendations?country=Kyrgyzstan", "country"}}) {
            ResponseEntity<String> response = viewer.getForEntity(bad[0], String.class);
            assertThat(response.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(response.getHeaders().getContentType()).as(bad[0]).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(response.getBody()).get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
        }
        ResponseEntity<String> badType = auditor.getForEntity("/api/audit?type=Nonsense", String.class);
        assertThat(json.readTree(badType.getBody()).get("field").asText()).isEqualTo("type");
        ResponseEntity<String> farFuture = auditor.getForEntity("/api/audit?from=+300000000-01-01", String.class);
        assertThat(farFuture.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(farFuture.getBody()).get("field").asText()).isEqualTo("from");
    }

    @Test
    @Order(9)
    void aRebuildReplacesTheReadModelsWithoutChangingWhatReadersSeeAndLiveEqualsRebuilt() throws Exception {
        assertThat(viewer.postForEntity("/api/admin/rebuilds", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode before = get(viewer, "/api/countries/KGZ/timeline");
        JsonNode boardBefore = get(viewer, "/api/recommendations");

        ResponseEntity<String> started = admin.postForEntity("/api/admin/rebuilds", null, String.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        int generation = json.readTree(started.getBody()).get("generation").asInt();
        JsonNode done = await().atMost(30, TimeUnit.SECONDS).until(() -> get(admin, "/api/admin/rebuilds/latest"),
                p -> !p.get("state").asText().equals("RUNNING"));
        assertThat(done.get("state").asText()).isEqualTo("LIVE");
        assertThat(done.get("generation").asInt()).isEqualTo(generation);
        assertThat(done.get("eventsDone").asInt()).isEqualTo(14);
        assertThat(done.get("lag").asInt()).isZero();

        assertThat(get(viewer, "/api/countries/KGZ/timeline")).isEqualTo(before);
        assertThat(get(viewer, "/api/recommendations")).isEqualTo(boardBefore);
        JsonNode check = check();
        assertThat(check.get("equal").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("documents").get("audit").asInt()).isEqualTo(10);
        assertThat(check.get("eventsRead").asInt()).isEqualTo(14);
    }

    @Test
    @Order(10)
    void aCheckAfterMoreRedeliveriesStillFindsLiveEqualToRebuilt() throws Exception {
        for (EventEnvelope envelope : List.of(letter2, retraction1, rec3, finding2)) {
            topic.publish(envelope);
        }
        JsonNode check = check();
        assertThat(check.get("equal").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("eventsRead").asInt()).isEqualTo(18);
    }

    @Test
    @Order(11)
    void aTamperedAuditEntryIsDetectedAndSoIsTheDifferenceFromARebuild() throws Exception {
        String collection = generations.live().orElseThrow().collection("audit");
        Document original = mongo.findById(finding2.id(), Document.class, collection);
        mongo.getCollection(collection).updateOne(new Document("_id", finding2.id()),
                new Document("$set", new Document("actor", "someone-else")));
        try {
            JsonNode verification = get(auditor, "/api/audit/verification");
            assertThat(verification.get("valid").asBoolean()).isFalse();
            JsonNode kyrgyzstan = verification.get("countries").get(0);
            assertThat(kyrgyzstan.get("country").asText()).isEqualTo("KGZ");
            assertThat(kyrgyzstan.get("valid").asBoolean()).isFalse();
            assertThat(kyrgyzstan.get("firstBrokenEventId").asText()).isEqualTo(finding2.id());
            assertThat(kyrgyzstan.get("problem").asText()).contains("changed after it was recorded");
            assertThat(verification.get("countries").get(1).get("valid").asBoolean()).isTrue();

            JsonNode check = check();
            assertThat(check.get("equal").asBoolean()).isFalse();
            assertThat(check.get("differenceCount").asInt()).isEqualTo(1);
            assertThat(check.get("differences").get(0).get("id").asText()).isEqualTo(finding2.id());
        } finally {
            mongo.save(original, collection);
        }
        assertThat(get(auditor, "/api/audit/verification").get("valid").asBoolean()).isTrue();
    }

    @Test
    @Order(12)
    void aReaderWhoReadACountryBeforeItChangedSeesTheChange() throws Exception {
        // Read, and so kept in memory: the board, the timeline's open letters, the letters awaiting an answer.
        assertThat(find(get(viewer, "/api/recommendations?country=KGZ"), "rec-3").path("latestPosition").textValue()).isNull();
        assertThat(get(viewer, "/api/countries/KGZ/timeline").get("openLetters")).hasSize(2);
        assertThat(get(viewer, "/api/letters/awaiting").get("letters")).hasSize(2);
        assertThat(get(viewer, "/api/countries/KGZ").get("answered").asInt()).isZero();
        // A page of the timeline names the open letters its own entries concern, and counts them all.
        int entries = get(viewer, "/api/countries/KGZ/timeline").get("total").asInt();
        java.util.Set<String> named = new java.util.HashSet<>();
        for (int page = 0; page < entries; page++) {
            JsonNode one = get(viewer, "/api/countries/KGZ/timeline?size=1&page=" + page);
            assertThat(one.get("openLettersTotal").asInt()).isEqualTo(2);
            List<String> concerned = new java.util.ArrayList<>();
            one.get("entries").forEach(entry -> concerned.add(entry.path("letterId").asText()));
            assertThat(letterIds(one.get("openLetters"))).isSubsetOf(concerned);
            named.addAll(letterIds(one.get("openLetters")));
        }
        assertThat(named).containsExactlyInAnyOrder("letter-1", "letter-2");

        topic.publish(envelope("letter-2", "Letter", 2, "2026-01-07T09:00:00Z", new ResponseReceived("letter-2",
                "resp-2", COUNTRY, LocalDate.of(2013, 4, 20), "Ministry", "Will consider it",
                List.of(new PositionTaken("rec-3", Position.NOTED)))));

        // The timeline is written after everything else the response changed, and after the country's audit head.
        await().atMost(30, TimeUnit.SECONDS).until(() -> get(viewer, "/api/countries/KGZ/timeline").get("total").asInt() == 7);
        assertThat(find(get(viewer, "/api/recommendations?country=KGZ"), "rec-3").get("latestPosition").asText())
                .isEqualTo("NOTED");
        assertThat(get(viewer, "/api/countries/KGZ/timeline").get("openLetters"))
                .extracting(l -> l.get("letterId").asText()).containsExactly("letter-1");
        assertThat(get(viewer, "/api/letters/awaiting").get("letters"))
                .extracting(l -> l.get("letterId").asText()).containsExactly("letter-1");
        assertThat(get(viewer, "/api/countries/KGZ").get("answered").asInt()).isEqualTo(1);
    }

    @Test
    @Order(13)
    void aReaderWhoKeptACountryBringsItUpToDateFromWhatChangedRatherThanReadingItWhole() throws Exception {
        assertThat(find(get(viewer, "/api/recommendations?country=KGZ"), "rec-1").get("timesUrged").asInt()).isEqualTo(1);
        assertThat(get(viewer, "/api/countries/KGZ/timeline").get("openLetters")).hasSize(1);
        assertThat(get(viewer, "/api/letters/awaiting").get("letters")).hasSize(1);
        assertThat(get(viewer, "/api/countries/KGZ").get("letters").asInt()).isEqualTo(2);
        double refreshes = meters.counter("tracker.read.cache", "result", "refresh").count();
        double misses = meters.counter("tracker.read.cache", "result", "miss").count();

        // A recommendation new to the board, a letter urging it, and the first letter retracted: each reader's kept
        // country gains one, loses one, and sees the retracted letter's urgings retracted.
        topic.publish(envelope("rec-4", "Recommendation", 0, "2026-01-08T09:00:00Z", new RecommendationRecorded("rec-4",
                COUNTRY, "Ratify the Optional Protocol to the Convention against Torture", Mechanism.NGO, List.of(),
                List.of("Torture"))));
        topic.publish(envelope("letter-3", "Letter", 0, "2026-01-08T10:00:00Z", new LetterSent("letter-3", COUNTRY,
                "EUR 58/002/2013", LocalDate.of(2013, 6, 1), "Amnesty International", "Minister", "Torture", List.of(),
                LocalDate.of(2013, 7, 1), List.of("rec-4", "rec-3"))));
        topic.publish(envelope("letter-1", "Letter", 3, "2026-01-08T11:00:00Z", new FactRetracted("letter-1", COUNTRY,
                letter1.id(), "LetterSent", "Sent to the wrong ministry", LocalDate.of(2026, 1, 8))));

        await().atMost(30, TimeUnit.SECONDS).until(() -> List.of("letter-3").equals(letterIds(
                get(viewer, "/api/countries/KGZ/timeline").get("openLetters"))));
        JsonNode board = get(viewer, "/api/recommendations?country=KGZ");
        assertThat(find(board, "rec-4").get("timesUrged").asInt()).isEqualTo(1);
        assertThat(find(board, "rec-3").get("timesUrged").asInt()).isEqualTo(2);
        assertThat(find(board, "rec-1").get("timesUrged").asInt()).isZero();
        assertThat(letterIds(get(viewer, "/api/letters/awaiting").get("letters"))).containsExactly("letter-3");
        assertThat(get(viewer, "/api/countries/KGZ").get("letters").asInt()).isEqualTo(2);
        assertThat(meters.counter("tracker.read.cache", "result", "refresh").count()).isGreaterThan(refreshes);
        assertThat(meters.counter("tracker.read.cache", "result", "miss").count()).isEqualTo(misses);
    }

    private static List<String> letterIds(JsonNode letters) {
        List<String> ids = new java.util.ArrayList<>();
        letters.forEach(letter -> ids.add(letter.get("letterId").asText()));
        return ids;
    }

    private JsonNode check() throws Exception {
        ResponseEntity<String> response = admin.postForEntity("/api/admin/read-model-checks", null, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private List<String> ids(String path) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        get(viewer, path).get("recommendations").forEach(r -> ids.add(r.get("recommendationId").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode board, String recommendationId) {
        for (JsonNode recommendation : board.get("recommendations")) {
            if (recommendation.get("recommendationId").asText().equals(recommendationId)) {
                return recommendation;
            }
        }
        throw new AssertionError(recommendationId + " is not on the board: " + board);
    }

    private JsonNode get(TestRestTemplate http, String path) throws Exception {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }


}
