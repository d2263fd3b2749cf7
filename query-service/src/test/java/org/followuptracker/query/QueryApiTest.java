package org.followuptracker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.followuptracker.query.TestTopic.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.followuptracker.access.Role;
import org.followuptracker.access.UsersFile;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterPublished;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.Position;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseDueDateWithdrawn;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.events.UnSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query service as readers meet it: events put on the topic (as the command service's relay would) show up in
 * the timeline and on the board, once each however often they are delivered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=query-api-test"})
@EmbeddedKafka(kraft = true, partitions = 1, topics = "query-api-test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryApiTest {

    /** "Today" for the query service: after the due date of the test letters. */
    static final Instant TODAY = Instant.parse("2013-01-15T12:00:00Z");

    private static final TestReadStore READ_STORE = new TestReadStore();

    static final String PASSWORD = "correct horse battery staple";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("tracker.access.users-file", QueryApiTest::usersFile);
        registry.add("spring.data.mongodb.uri", () -> READ_STORE.uri("query-api-test"));
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(TODAY, ZoneOffset.UTC);
        }
    }

    @Autowired
    TestRestTemplate anonymous;
    TestRestTemplate http;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;

    private final ObjectMapper json = new ObjectMapper();
    private TestTopic topic;

    @BeforeAll
    void connect() {
        http = anonymous.withBasicAuth("viewer", PASSWORD);
        topic = new TestTopic(broker, "query-api-test");
    }

    @AfterAll
    void close() {
        topic.close();
        READ_STORE.stop();
    }

    @Test
    void aLetterAndItsResponseShowInTheTimelineInOrderAndTheLetterIsNoLongerOpen() throws Exception {
        String country = "MNG";
        String letterId = UUID.randomUUID().toString();
        topic.publish(envelope("rec-b", "Recommendation", 0, "2026-11-27T10:00:00Z",
                new RecommendationRecorded("rec-b", country, "Abolish the death penalty", Mechanism.UPR,
                        List.of(new UnSource("A/HRC/14/10", "97.16", List.of("France"))), List.of("Death penalty"))));
        topic.publish(envelope("rec-a", "Recommendation", 0, "2026-11-27T10:00:00Z",
                new RecommendationRecorded("rec-a", country, "Ratify the Second Optional Protocol", Mechanism.NGO, List.of(), List.of())));
        topic.publish(envelope(letterId, "Letter", 0, "2026-11-27T10:00:00Z", new LetterSent(letterId, country, "EUR 1",
                LocalDate.of(2012, 10, 18), "Amnesty International", "Minister", "Candidacy", List.of(),
                LocalDate.of(2012, 12, 1), List.of("rec-a", "rec-b"))));

        JsonNode open = await().atMost(20, TimeUnit.SECONDS).until(() -> timeline(country),
                t -> t.get("entries").size() == 1);
        assertThat(open.get("openLetters")).hasSize(1);
        assertThat(open.get("openLetters").get(0).get("letterId").asText()).isEqualTo(letterId);
        assertThat(open.get("openLetters").get(0).get("overdue").asBoolean()).isTrue();

        // Recorded before the letter's entry, but it happened later: the timeline is in the order things happened.
        topic.publish(envelope(letterId, "Letter", 1, "2026-11-27T09:00:00Z", new ResponseReceived(letterId, "resp-1", country,
                LocalDate.of(2012, 11, 20), "Ministry", "Under review",
                List.of(new PositionTaken("rec-b", Position.SUPPORTED)))));

        JsonNode answered = await().atMost(20, TimeUnit.SECONDS).until(() -> timeline(country),
                t -> t.get("entries").size() == 2);
        assertThat(answered.get("entries").get(0).get("type").asText()).isEqualTo("LetterSent");
        assertThat(answered.get("entries").get(0).get("occurredOn").asText()).isEqualTo("2012-10-18");
        assertThat(answered.get("entries").get(0).get("recommendationIds")).hasSize(2);
        assertThat(answered.get("entries").get(0).get("summary").asText()).contains("urges 2 recommendations");
        assertThat(answered.get("entries").get(1).get("type").asText()).isEqualTo("ResponseReceived");
        assertThat(answered.get("entries").get(1).get("letterId").asText()).isEqualTo(letterId);
        assertThat(answered.get("openLetters")).isEmpty();

        JsonNode board = board(country);
        assertThat(board).extracting(r -> r.get("recommendationId").asText()).containsExactly("rec-a", "rec-b");
        JsonNode deathPenalty = find(board, "rec-b");
        assertThat(deathPenalty.get("timesUrged").asInt()).isEqualTo(1);
        assertThat(deathPenalty.get("firstUrgedOn").asText()).isEqualTo("2012-10-18");
        assertThat(deathPenalty.get("lastUrgedOn").asText()).isEqualTo("2012-10-18");
        assertThat(deathPenalty.get("latestPosition").asText()).isEqualTo("SUPPORTED");
        assertThat(deathPenalty.get("sources").get(0).get("recommendingStates").get(0).asText()).isEqualTo("France");
        assertThat(deathPenalty.get("mechanism").asText()).isEqualTo("UPR");
        assertThat(deathPenalty.get("themes").get(0).asText()).isEqualTo("Death penalty");
        assertThat(find(board, "rec-a").get("latestPosition").isNull()).isTrue();
    }

    @Test
    void theSameEventDeliveredTwiceLandsOnce() throws Exception {
        String country = "UZB";
        EventEnvelope recorded = envelope("rec-x", "Recommendation", 0, "2026-11-27T10:00:00Z",
                new RecommendationRecorded("rec-x", country, "Release human rights defenders", Mechanism.NGO, List.of(), List.of()));
        EventEnvelope letter = envelope("letter-x", "Letter", 0, "2026-11-27T10:00:00Z", new LetterSent("letter-x",
                country, null, LocalDate.of(2013, 1, 2), "Amnesty International", "Minister", "Defenders", List.of(),
                null, List.of("rec-x")));
        EventEnvelope response = envelope("letter-x", "Letter", 1, "2026-11-27T10:01:00Z", new ResponseReceived("letter-x",
                "resp-x", country, LocalDate.of(2013, 1, 10), "Ministry", null,
                List.of(new PositionTaken("rec-x", Position.NOTED))));
        EventEnvelope finding = envelope("rec-x", "Recommendation", 1, "2026-11-27T10:02:00Z",
                new RecommendationImplemented("rec-x", country, LocalDate.of(2013, 1, 12), "Released on 12 January"));

        EventEnvelope fromAddendum = envelope("rec-x", "Recommendation", 2, "2026-11-27T10:03:00Z",
                new PositionRecorded("rec-x", country, Position.SUPPORTED, LocalDate.of(2013, 1, 11), "A/HRC/22/99/Add.1"));

        for (EventEnvelope envelope : List.of(recorded, letter, recorded, response, letter, finding, fromAddendum,
                response, finding, fromAddendum)) {
            topic.publish(envelope);
        }
        topic.publish(envelope("marker", "Recommendation", 0, "2026-11-27T10:04:00Z",
                new RecommendationRecorded("marker", country, "Marker: everything before it was applied", Mechanism.NGO, List.of(), List.of())));
        // The timeline is written after the board in each batch: wait for both.
        await().atMost(20, TimeUnit.SECONDS).until(() -> board(country).size() == 2
                && timeline(country).get("total").asInt() >= 4);

        JsonNode timeline = timeline(country);
        assertThat(timeline.get("entries")).extracting(e -> e.get("type").asText())
                .containsExactly("LetterSent", "ResponseReceived", "PositionRecorded", "RecommendationImplemented");
        assertThat(timeline.get("entries").get(2).get("summary").asText()).contains("SUPPORTED").contains("A/HRC/22/99/Add.1");
        assertThat(timeline.get("entries").get(3).get("summary").asText())
                .contains("Found implemented").contains("Release human rights defenders");
        JsonNode board = find(board(country), "rec-x");
        assertThat(board.get("timesUrged").asInt()).isEqualTo(1);
        // NOTED in the answer of 10 January, SUPPORTED in the addendum of 11 January: the later one is the latest.
        assertThat(board.get("latestPosition").asText()).isEqualTo("SUPPORTED");
        assertThat(board.get("implementationStatus").asText()).isEqualTo("IMPLEMENTED");
        assertThat(timeline.get("total").asInt()).isEqualTo(4);
        // Six events, each once in the audit trail, however often delivered.
        JsonNode audit = json.readTree(anonymous.withBasicAuth("auditor", PASSWORD)
                .getForObject("/api/audit?country=" + country, String.class));
        assertThat(audit.get("total").asInt()).isEqualTo(6);
        assertThat(audit.get("entries")).extracting(e -> e.get("position").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aFollowUpMovesTheDueDateAndAWithdrawnDueDateIsNeverOverdue() throws Exception {
        String country = "AZE";
        topic.publish(envelope("rec-f", "Recommendation", 0, "2026-11-27T10:00:00Z",
                new RecommendationRecorded("rec-f", country, "Release journalists", Mechanism.NGO, List.of(), List.of())));
        topic.publish(envelope("letter-f", "Letter", 0, "2026-11-27T10:00:00Z", new LetterSent("letter-f", country, null,
                LocalDate.of(2012, 11, 1), "Amnesty International", "Minister", "Journalists", List.of(),
                LocalDate.of(2012, 12, 1), List.of("rec-f"))));
        JsonNode overdue = await().atMost(20, TimeUnit.SECONDS).until(() -> timeline(country),
                t -> t.get("entries").size() == 1);
        assertThat(overdue.get("openLetters").get(0).get("overdue").asBoolean()).isTrue();

        topic.publish(envelope("letter-f", "Letter", 1, "2026-11-27T10:01:00Z", new FollowUpSent("letter-f", "fu-1", country,
                LocalDate.of(2012, 12, 10), "Reminder", LocalDate.of(2013, 2, 28))));
        JsonNode followedUp = await().atMost(20, TimeUnit.SECONDS).until(() -> timeline(country),
                t -> t.get("entries").size() == 2);
        assertThat(followedUp.get("entries").get(1).get("type").asText()).isEqualTo("FollowUpSent");
        assertThat(followedUp.get("openLetters").get(0).get("responseDueBy").asText()).isEqualTo("2013-02-28");
        assertThat(followedUp.get("openLetters").get(0).get("overdue").asBoolean()).isFalse();

        topic.publish(envelope("letter-f", "Letter", 2, "2026-11-27T10:02:00Z", new ResponseDueDateWithdrawn("letter-f",
                country, LocalDate.of(2013, 1, 5), "Campaign paused")));
        JsonNode withdrawn = await().atMost(20, TimeUnit.SECONDS).until(() -> timeline(country),
                t -> t.get("entries").size() == 3);
        assertThat(withdrawn.get("openLetters").get(0).get("responseDueBy").isNull()).isTrue();
        assertThat(withdrawn.get("openLetters").get(0).get("overdue").asBoolean()).isFalse();
    }

    @Test
    void aPublicationIsAnEntryOfTheTimelineAndShowsOnTheLetterAwaitingAnAnswerUntilItIsRetracted() throws Exception {
        String country = "ARM";
        topic.publish(envelope("letter-p", "Letter", 0, "2026-11-27T10:00:00Z", new LetterSent("letter-p", country, null,
                LocalDate.of(2012, 11, 1), "Amnesty International", "Minister", "Journalists", List.of(),
                LocalDate.of(2012, 12, 1), List.of())));
        EventEnvelope published = envelope("letter-p", "Letter", 1, "2026-11-27T10:01:00Z", new LetterPublished(
                "letter-p", country, LocalDate.of(2012, 11, 5), "https://www.amnesty.org/en/documents/arm/2012/"));
        topic.publish(published);
        JsonNode timeline = await().atMost(20, TimeUnit.SECONDS).until(() -> timeline(country),
                t -> t.get("entries").size() == 2);

        JsonNode entry = timeline.get("entries").get(1);
        assertThat(entry.get("type").asText()).isEqualTo("LetterPublished");
        assertThat(entry.get("occurredOn").asText()).isEqualTo("2012-11-05");
        assertThat(entry.get("letterId").asText()).isEqualTo("letter-p");
        assertThat(entry.get("summary").asText()).isEqualTo("Letter published at https://www.amnesty.org/en/documents/arm/2012/");
        JsonNode open = timeline.get("openLetters").get(0);
        assertThat(open.get("published").get("on").asText()).isEqualTo("2012-11-05");
        assertThat(open.get("published").get("url").asText()).isEqualTo("https://www.amnesty.org/en/documents/arm/2012/");
        JsonNode acrossCountries = json.readTree(http.getForObject("/api/letters/awaiting?size=500", String.class));
        JsonNode awaiting = null;
        for (JsonNode letter : acrossCountries.get("letters")) {
            awaiting = letter.get("letterId").asText().equals("letter-p") ? letter : awaiting;
        }
        assertThat(awaiting).as(acrossCountries.toString()).isNotNull();
        assertThat(awaiting.get("published").get("on").asText()).isEqualTo("2012-11-05");

        topic.publish(envelope("letter-p", "Letter", 2, "2026-11-27T10:02:00Z", new FactRetracted("letter-p", country,
                published.id(), "LetterPublished", "Only a draft was online", LocalDate.of(2012, 11, 6))));
        JsonNode retracted = await().atMost(20, TimeUnit.SECONDS).until(() -> timeline(country),
                t -> t.get("entries").size() == 3);
        assertThat(retracted.get("entries").get(1).get("retracted").get("reason").asText())
                .isEqualTo("Only a draft was online");
        assertThat(retracted.get("openLetters").get(0).get("published").isNull()).isTrue();
    }

    @Test
    void aRetractedResponseAndDueDateAreUndoneShownAsRetractedAndStayUndoneWhenDeliveredAgain() throws Exception {
        String country = "BLR";
        topic.publish(envelope("rec-r", "Recommendation", 0, "2026-11-27T10:00:00Z",
                new RecommendationRecorded("rec-r", country, "Release political prisoners", Mechanism.NGO, List.of(),
                        List.of())));
        topic.publish(envelope("letter-r", "Letter", 0, "2026-11-27T10:00:00Z", new LetterSent("letter-r", country, null,
                LocalDate.of(2012, 11, 1), "Amnesty International", "Minister", "Prisoners", List.of(),
                LocalDate.of(2012, 12, 1), List.of("rec-r"))));
        EventEnvelope followUp = envelope("letter-r", "Letter", 1, "2026-11-27T10:01:00Z", new FollowUpSent("letter-r",
                "fu-r", country, LocalDate.of(2012, 12, 10), "Reminder", LocalDate.of(2013, 2, 28)));
        EventEnvelope response = envelope("letter-r", "Letter", 2, "2026-11-27T10:02:00Z", new ResponseReceived(
                "letter-r", "resp-r", country, LocalDate.of(2013, 1, 3), "Ministry", "No prisoners",
                List.of(new PositionTaken("rec-r", Position.REJECTED))));
        topic.publish(followUp);
        topic.publish(response);
        topic.publish(envelope("letter-r", "Letter", 3, "2026-11-27T10:03:00Z", new FactRetracted("letter-r", country,
                response.id(), "ResponseReceived", "It answered another letter", LocalDate.of(2013, 1, 4))));
        topic.publish(envelope("letter-r", "Letter", 4, "2026-11-27T10:04:00Z", new FactRetracted("letter-r", country,
                followUp.id(), "FollowUpSent", "Never sent", LocalDate.of(2013, 1, 4))));
        topic.publish(response);
        topic.publish(followUp);
        topic.publish(envelope("marker-r", "Recommendation", 0, "2026-11-27T10:05:00Z", new RecommendationRecorded(
                "marker-r", country, "Marker", Mechanism.NGO, List.of(), List.of())));
        await().atMost(20, TimeUnit.SECONDS).until(() -> board(country).size() == 2
                && timeline(country).get("total").asInt() >= 5);

        JsonNode timeline = timeline(country);
        assertThat(timeline.get("entries")).extracting(e -> e.get("type").asText()).containsExactly("LetterSent",
                "FollowUpSent", "ResponseReceived", "FactRetracted", "FactRetracted");
        JsonNode retracted = timeline.get("entries").get(2).get("retracted");
        assertThat(retracted.get("reason").asText()).isEqualTo("It answered another letter");
        assertThat(retracted.get("actor").asText()).isEqualTo("coordinator");
        assertThat(timeline.get("entries").get(0).has("retracted")).isFalse();
        JsonNode open = timeline.get("openLetters").get(0);
        assertThat(open.get("letterId").asText()).isEqualTo("letter-r");
        assertThat(open.get("responseDueBy").asText()).isEqualTo("2012-12-01");
        assertThat(find(board(country), "rec-r").get("latestPosition").isNull()).isTrue();
    }

    @Test
    void aRetractedRecommendationLeavesTheBoard() throws Exception {
        String country = "TJK";
        EventEnvelope recorded = envelope("rec-w", "Recommendation", 0, "2026-11-27T10:00:00Z", new RecommendationRecorded(
                "rec-w", country, "Recorded twice by mistake", Mechanism.NGO, List.of(), List.of()));
        topic.publish(recorded);
        topic.publish(envelope("rec-w", "Recommendation", 1, "2026-11-27T10:01:00Z", new FactRetracted("rec-w", country,
                recorded.id(), "RecommendationRecorded", "Duplicate", LocalDate.of(2013, 1, 4))));
        topic.publish(envelope("rec-k", "Recommendation", 0, "2026-11-27T10:02:00Z", new RecommendationRecorded(
                "rec-k", country, "Kept", Mechanism.NGO, List.of(), List.of())));

        // One read of the board per try: between two, it may move on (rec-w on it, then off, then rec-k on).
        await().atMost(20, TimeUnit.SECONDS).until(() -> {
            JsonNode board = board(country);
            return board.size() == 1 && board.get(0).get("recommendationId").asText().equals("rec-k");
        });
    }

    @Test
    void aRecommendationShowsOnTheTimelineOnTheDayItWasMadeWhenThatIsKnown() throws Exception {
        String country = "MDA";
        topic.publish(envelope("rec-made", "Recommendation", 0, "2026-11-27T10:00:00Z", new RecommendationRecorded(
                "rec-made", country, "Abolish the death penalty", Mechanism.UPR,
                List.of(new UnSource("A/HRC/15/16", "97.1", List.of("France", "Spain"))), List.of(),
                LocalDate.of(2010, 6, 15))));
        topic.publish(envelope("rec-typed", "Recommendation", 0, "2026-11-27T10:00:01Z", new RecommendationRecorded(
                "rec-typed", country, "Release the prisoners", Mechanism.NGO, List.of(), List.of())));
        await().atMost(20, TimeUnit.SECONDS).until(() -> board(country).size() == 2
                && timeline(country).get("total").asInt() >= 1);

        JsonNode entries = timeline(country).get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("type").asText()).isEqualTo("RecommendationRecorded");
        assertThat(entries.get(0).get("occurredOn").asText()).isEqualTo("2010-06-15");
        assertThat(entries.get(0).get("summary").asText()).isEqualTo(
                "Recommendation made in A/HRC/15/16 (97.1) by France, Spain: \u201cAbolish the death penalty\u201d");
    }

    @Test
    void monthsOfMoreEntriesThanOnePartHoldReadWholeAndInOrderPageByPage() throws Exception {
        String country = "NIC";
        List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
        for (int n = 1; n <= 230; n++) {
            // Recorded in this order, but happened in the reverse one: 150 in September, 80 in October.
            sent.add(topic.send(envelope("letter-b" + n, "Letter", 0, "2026-11-27T10:00:00Z", new LetterSent(
                    "letter-b" + n, country, null, LocalDate.of(2026, 9, 1).plusDays((230 - n) / 5),
                    "Open Society", "Minister", "Letter " + n, List.of(), null, List.of()))));
        }
        for (java.util.concurrent.Future<?> send : sent) {
            send.get();
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> timeline(country).get("total").asInt() == 230);

        List<String> read = new java.util.ArrayList<>();
        for (int page = 0; page < 5; page++) {
            JsonNode timeline = json.readTree(http.getForObject("/api/countries/" + country + "/timeline?size=50&page="
                    + page, String.class));
            assertThat(timeline.get("total").asInt()).isEqualTo(230);
            assertThat(timeline.get("entries")).hasSize(page < 4 ? 50 : 30);
            timeline.get("entries").forEach(entry -> read.add(entry.get("occurredOn").asText() + " "
                    + entry.get("summary").asText()));
        }
        assertThat(read).hasSize(230).doesNotHaveDuplicates();
        assertThat(read.stream().map(entry -> entry.substring(0, 10)).toList()).isSorted();
        assertThat(read.get(0)).startsWith("2026-09-01 ");
        assertThat(read.get(149)).startsWith("2026-09-30 ");
        assertThat(read.get(150)).startsWith("2026-10-01 ");
        assertThat(read).filteredOn(entry -> entry.contains(": Letter 115 (")).hasSize(1);

        // Read through the filters too: by type, and from a day.
        JsonNode letters = json.readTree(http.getForObject("/api/countries/" + country
                + "/timeline?type=LetterSent&size=50&page=4", String.class));
        assertThat(letters.get("total").asInt()).isEqualTo(230);
        assertThat(letters.get("entries")).hasSize(30);
        JsonNode october = json.readTree(http.getForObject("/api/countries/" + country
                + "/timeline?from=2026-10-01&size=100", String.class));
        assertThat(october.get("total").asInt()).isEqualTo(80);
        assertThat(october.get("entries").get(0).get("occurredOn").asText()).isEqualTo("2026-10-01");
    }

    @Test
    void aMessageThatIsNoEnvelopeIsPassedOverAndWhatFollowsIsApplied() throws Exception {
        String country = "TKM";
        topic.publishRaw(country, "not an envelope".getBytes());
        topic.publish(envelope("rec-t", "Recommendation", 0, "2026-11-27T10:00:00Z",
                new RecommendationRecorded("rec-t", country, "Allow independent monitors", Mechanism.NGO, List.of(), List.of())));

        await().atMost(20, TimeUnit.SECONDS).until(() -> board(country).size() == 1);
    }

    @Test
    void aCountryThatIsNoIsoCodeIsRefusedWithAProblemNamingIt() {
        ResponseEntity<String> response = http.getForEntity("/api/countries/KZ/timeline", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"field\":\"iso3\"");
        assertThat(http.getForEntity("/api/recommendations?country=Kazakhstan", String.class).getBody())
                .contains("\"field\":\"country\"");
    }

    @Test
    void aCountryWithNothingRecordedHasAnEmptyTimelineAndLowerCaseCodesAreRead() throws Exception {
        JsonNode timeline = json.readTree(http.getForObject("/api/countries/fra/timeline", String.class));

        assertThat(timeline.get("country").asText()).isEqualTo("FRA");
        assertThat(timeline.get("entries")).isEmpty();
        assertThat(timeline.get("openLetters")).isEmpty();
    }

    @Test
    void theApiIsDescribedAndHealthIsReported() {
        assertThat(anonymous.getForEntity("/v3/api-docs", String.class).getBody()).contains("/api/countries/{iso3}/timeline");
        assertThat(anonymous.getForEntity("/actuator/health", String.class).getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void readingNeedsSignInAndEveryRoleMayRead() {
        for (String path : List.of("/api/countries/KAZ/timeline", "/api/recommendations?country=KAZ")) {
            ResponseEntity<String> refused = anonymous.getForEntity(path, String.class);
            assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            for (String user : List.of("coordinator", "viewer", "auditor", "admin")) {
                assertThat(anonymous.withBasicAuth(user, PASSWORD).getForEntity(path, String.class).getStatusCode())
                        .as(user + " " + path).isEqualTo(HttpStatus.OK);
            }
        }
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(anonymous.withBasicAuth("admin", PASSWORD).getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void whatNoViewAnswersIsAProblemBodyTooNeverSpringsOwnJsonOrA500() throws Exception {
        // Each as a signed-in admin, who may call everything: path, status, the field named (or null).
        record Call(String method, String path, String contentType, String accept, int status, String field) {
        }
        List<Call> calls = List.of(
                new Call("GET", "/api/countries//timeline", null, null, 400, "path"),
                new Call("GET", "/api/countries/KAZ;x=1/timeline", null, null, 400, "path"),
                new Call("GET", "/api/countries/%2e%2e/timeline", null, null, 400, "path"),
                new Call("GET", "/api/countries/a%2Fb/timeline", null, null, 400, "path"),
                new Call("GET", "/api/nothing-here", null, null, 404, null),
                new Call("GET", "/error", null, null, 404, null),
                new Call("DELETE", "/api/countries", null, null, 403, null),
                new Call("PUT", "/actuator/health", null, null, 405, null),
                new Call("GET", "/api/countries", null, "text/html", 406, null),
                new Call("GET", "/api/countries", "multipart/form-data; boundary=zzz", null, 400, "body"),
                new Call("GET", "/api/countries?q=K", "multipart/form-data", null, 400, "body"),
                // Refused before it starts (checked below).
                new Call("POST", "/api/admin/rebuilds", null, "application/xml", 406, null),
                new Call("POST", "/api/admin/read-model-checks", "multipart/form-data; boundary=zzz", null, 200, null));
        for (Call call : calls) {
            HttpHeaders headers = new HttpHeaders();
            if (call.contentType() != null) {
                headers.set("Content-Type", call.contentType());
            }
            if (call.accept() != null) {
                headers.set("Accept", call.accept());
            }
            ResponseEntity<String> response = anonymous.withBasicAuth("admin", PASSWORD).exchange(
                    java.net.URI.create(anonymous.getRootUri() + call.path()), HttpMethod.valueOf(call.method()),
                    new HttpEntity<>("--zzz\r\ngarbage", headers), String.class);
            String what = call + " -> " + response.getStatusCode() + " " + response.getBody();
            assertThat(response.getStatusCode().value()).as(what).isEqualTo(call.status());
            if (call.status() >= 400) {
                assertThat(response.getHeaders().getContentType()).as(what)
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                JsonNode problem = json.readTree(response.getBody());
                assertThat(problem.get("status").asInt()).as(what).isEqualTo(call.status());
                assertThat(problem.path("field").isMissingNode() ? null : problem.get("field").asText()).as(what)
                        .isEqualTo(call.field());
            }
        }
        JsonNode latest = json.readTree(anonymous.withBasicAuth("admin", PASSWORD)
                .getForObject("/api/admin/rebuilds/latest", String.class));
        assertThat(latest.get("purpose").asText()).as("no rebuild was started by the refused one")
                .isNotEqualTo("requested");
    }

    static String usersFile() {
        try {
            java.nio.file.Path path = java.nio.file.Files.createTempDirectory("tracker-users").resolve("users");
            UsersFile users = new UsersFile(path);
            for (Role role : Role.values()) {
                users.put(role.name().toLowerCase(java.util.Locale.ROOT), PASSWORD, java.util.Set.of(role));
            }
            return path.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode timeline(String country) throws Exception {
        return json.readTree(http.getForObject("/api/countries/" + country + "/timeline", String.class));
    }

    private JsonNode board(String country) throws Exception {
        return json.readTree(http.getForObject("/api/recommendations?country=" + country, String.class))
                .get("recommendations");
    }

    private static JsonNode find(JsonNode board, String recommendationId) {
        for (JsonNode recommendation : board) {
            if (recommendation.get("recommendationId").asText().equals(recommendationId)) {
                return recommendation;
            }
        }
        throw new AssertionError(recommendationId + " is not on the board: " + board);
    }


}
