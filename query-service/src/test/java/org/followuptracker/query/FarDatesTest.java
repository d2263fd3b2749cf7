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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.Position;
import org.followuptracker.events.PositionRecorded;
import org.followuptracker.events.RecommendationImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseDueDateExtended;
import org.followuptracker.events.ResponseReceived;
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
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API takes dates in the years 1900 to 2200 only, but an event stored before that rule may carry any date the
 * contract holds: year 9999999, year -9999999, even {@link LocalDate#MAX} and {@link LocalDate#MIN}. Such an event
 * takes no view down: every read answers, the date is shown as recorded, and it counts as the far future or past
 * it is (a letter due in year 9999999 is not overdue; one due in year -9999999 is, by billions of days).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=far-dates-test"})
@EmbeddedKafka(kraft = true, partitions = 1, topics = "far-dates-test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FarDatesTest {

    static final Instant TODAY = Instant.parse("2013-01-15T12:00:00Z");
    static final String COUNTRY = "NZL";
    static final LocalDate FAR_FUTURE = LocalDate.parse("+9999999-12-31");
    static final LocalDate FAR_PAST = LocalDate.parse("-9999999-01-01");
    static final String PASSWORD = QueryApiTest.PASSWORD;
    private static final TestReadStore READ_STORE = new TestReadStore();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("tracker.access.users-file", QueryApiTest::usersFile);
        registry.add("spring.data.mongodb.uri", () -> READ_STORE.uri("far-dates-test"));
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
    @Autowired
    EmbeddedKafkaBroker broker;

    private final ObjectMapper json = new ObjectMapper();
    private final List<EventEnvelope> events = new ArrayList<>();

    @BeforeAll
    void eventsWithFarDatesAreOnTheTopic() throws Exception {
        add("rec-future", "Recommendation", 0, new RecommendationRecorded("rec-future", COUNTRY, "Far future",
                Mechanism.UPR, List.of(), List.of(), FAR_FUTURE));
        add("rec-past", "Recommendation", 0, new RecommendationRecorded("rec-past", COUNTRY, "Far past",
                Mechanism.NGO, List.of(), List.of(), LocalDate.MIN));
        // The letter of the issue: due in year 9999999.
        add("letter-due-late", "Letter", 0, new LetterSent("letter-due-late", COUNTRY, "EUR 1",
                LocalDate.of(2012, 10, 18), "Amnesty International", "Minister", "Due in year 9999999", List.of(),
                FAR_FUTURE, List.of("rec-future", "rec-past")));
        add("letter-due-late", "Letter", 1, new FollowUpSent("letter-due-late", "follow-up-1", COUNTRY, FAR_FUTURE,
                "A reminder from the far future", LocalDate.MAX));
        add("letter-sent-early", "Letter", 0, new LetterSent("letter-sent-early", COUNTRY, "EUR 2", FAR_PAST,
                "Amnesty International", "Minister", "Sent in year -9999999", List.of(), FAR_PAST.plusDays(30),
                List.of("rec-future")));
        add("letter-sent-early", "Letter", 1, new ResponseDueDateExtended("letter-sent-early", COUNTRY,
                FAR_PAST.plusDays(60), FAR_PAST.plusDays(10), "Extended"));
        add("letter-min-max", "Letter", 0, new LetterSent("letter-min-max", COUNTRY, "EUR 3", LocalDate.MIN,
                "Amnesty International", "Minister", "From the first day to the last", List.of(), LocalDate.MAX,
                List.of("rec-past")));
        add("letter-answered", "Letter", 0, new LetterSent("letter-answered", COUNTRY, "EUR 4", LocalDate.MIN,
                "Amnesty International", "Minister", "Answered on the last day", List.of(), null,
                List.of("rec-past")));
        add("letter-answered", "Letter", 1, new ResponseReceived("letter-answered", "response-1", COUNTRY,
                LocalDate.MAX, "Ministry", "At last", List.of()));
        add("rec-future", "Recommendation", 1, new PositionRecorded("rec-future", COUNTRY, Position.SUPPORTED,
                LocalDate.MIN, "A/HRC/1/1"));
        add("rec-future", "Recommendation", 2, new PositionRecorded("rec-future", COUNTRY, Position.NOTED,
                FAR_FUTURE, "A/HRC/1/2"));
        add("rec-past", "Recommendation", 1, new RecommendationImplemented("rec-past", COUNTRY, LocalDate.MAX,
                "Done, eventually"));
        try (TestTopic topic = new TestTopic(broker, "far-dates-test")) {
            for (EventEnvelope event : events) {
                topic.publish(event);
            }
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> read("/api/countries/" + COUNTRY + "/timeline?size=500"),
                timeline -> timeline.path("total").asInt() == events.size());
    }

    @AfterAll
    void stop() {
        READ_STORE.stop();
    }

    @Test
    void everyViewAnswersForEveryRoleWithTheFarDatesInIt() throws Exception {
        List<String> paths = List.of("/api/countries", "/api/countries?overdue=true", "/api/countries/" + COUNTRY,
                "/api/countries/" + COUNTRY + "?asOf=2013-01-03", "/api/letters/awaiting",
                "/api/letters/awaiting?country=" + COUNTRY, "/api/letters/awaiting?overdue=true",
                "/api/letters/awaiting?asOf=2013-01-03", "/api/letters/awaiting?format=csv",
                "/api/countries/" + COUNTRY + "/timeline", "/api/countries/" + COUNTRY + "/timeline?from=2012-01-01",
                "/api/countries/" + COUNTRY + "/timeline?to=2012-12-31&type=LetterSent",
                "/api/countries/" + COUNTRY + "/timeline?asOf=2200-12-31&format=json",
                "/api/countries/" + COUNTRY + "/timeline?format=csv", "/api/recommendations?country=" + COUNTRY,
                "/api/recommendations?country=" + COUNTRY + "&format=csv", "/api/recommendations/rec-future",
                "/api/recommendations/rec-past?asOf=2013-01-03");
        for (String user : List.of("viewer", "coordinator", "auditor", "admin")) {
            for (String path : paths) {
                ResponseEntity<String> response = anonymous.withBasicAuth(user, PASSWORD)
                        .getForEntity(path, String.class);
                assertThat(response.getStatusCode().value()).as(user + " " + path + " -> " + response.getBody())
                        .isEqualTo(200);
            }
        }
        for (String path : List.of("/api/audit?country=" + COUNTRY, "/api/audit/verification")) {
            ResponseEntity<String> response = anonymous.withBasicAuth("auditor", PASSWORD)
                    .getForEntity(path, String.class);
            assertThat(response.getStatusCode().value()).as(path + " -> " + response.getBody()).isEqualTo(200);
        }
    }

    @Test
    void aLetterDueInTheFarFutureIsShownAsRecordedAndIsNotOverdue() throws Exception {
        JsonNode letter = awaiting("letter-due-late");

        // Its follow-up moved the due date to the last day a date can hold.
        assertThat(letter.get("responseDueBy").asText()).isEqualTo(LocalDate.MAX.toString());
        assertThat(letter.get("lastFollowUpOn").asText()).isEqualTo("+9999999-12-31");
        assertThat(letter.get("overdue").asBoolean()).isFalse();
        assertThat(letter.get("daysOverdue").asLong()).isZero();
        assertThat(letter.get("daysWaited").asLong()).isEqualTo(89);
    }

    @Test
    void aLetterDueInYearMinus9999999IsTheMostOverdueOfAll() throws Exception {
        JsonNode awaiting = read("/api/letters/awaiting");
        JsonNode letters = awaiting.get("letters");

        assertThat(letters.get(0).get("letterId").asText()).isEqualTo("letter-sent-early");
        JsonNode early = awaiting("letter-sent-early");
        assertThat(early.get("sentOn").asText()).isEqualTo("-9999999-01-01");
        assertThat(early.get("responseDueBy").asText()).isEqualTo(FAR_PAST.plusDays(60).toString());
        assertThat(early.get("overdue").asBoolean()).isTrue();
        long daysOverdue = LocalDate.of(2013, 1, 15).toEpochDay() - FAR_PAST.plusDays(60).toEpochDay();
        assertThat(early.get("daysOverdue").asLong()).isEqualTo(daysOverdue);
        JsonNode minMax = awaiting("letter-min-max");
        assertThat(minMax.get("sentOn").asText()).isEqualTo(LocalDate.MIN.toString());
        assertThat(minMax.get("responseDueBy").asText()).isEqualTo(LocalDate.MAX.toString());
        assertThat(minMax.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void theCountryCountsItsLettersWithTheFarDaysInTheMedian() throws Exception {
        JsonNode country = read("/api/countries/" + COUNTRY);

        assertThat(country.get("letters").asInt()).isEqualTo(4);
        assertThat(country.get("answered").asInt()).isEqualTo(1);
        assertThat(country.get("overdue").asInt()).isEqualTo(1);
        assertThat(country.get("medianDaysToAnswer").asDouble())
                .isEqualTo((double) (LocalDate.MAX.toEpochDay() - LocalDate.MIN.toEpochDay()));
        assertThat(country.get("lastLetterOn").asText()).isEqualTo("2012-10-18");
    }

    @Test
    void theTimelineIsInTheOrderThingsHappenedFromTheFirstDayToTheLast() throws Exception {
        JsonNode timeline = read("/api/countries/" + COUNTRY + "/timeline?size=500");
        List<String> days = new ArrayList<>();
        timeline.get("entries").forEach(entry -> days.add(entry.get("occurredOn").asText()));

        assertThat(days).hasSize(events.size());
        assertThat(days.get(0)).isEqualTo(LocalDate.MIN.toString());
        assertThat(days.get(days.size() - 1)).isEqualTo(LocalDate.MAX.toString());
        assertThat(days.stream().map(LocalDate::parse).toList()).isSorted();
        // Paged: each page takes up where the one before ended.
        List<String> paged = new ArrayList<>();
        for (int page = 0; page * 5 < events.size(); page++) {
            read("/api/countries/" + COUNTRY + "/timeline?size=5&page=" + page).get("entries")
                    .forEach(entry -> paged.add(entry.get("occurredOn").asText()));
        }
        assertThat(paged).isEqualTo(days);
        JsonNode from = read("/api/countries/" + COUNTRY + "/timeline?from=2012-01-01&to=2200-12-31");
        assertThat(from.get("entries")).extracting(entry -> entry.get("occurredOn").asText())
                .containsExactly("2012-10-18");
    }

    @Test
    void theBoardTakesTheLatestPositionAndFindingByTheirDays() throws Exception {
        JsonNode future = read("/api/recommendations/rec-future");
        assertThat(future.get("latestPosition").asText()).isEqualTo("NOTED");
        assertThat(future.get("latestPositionOn").asText()).isEqualTo("+9999999-12-31");
        assertThat(future.get("firstUrgedOn").asText()).isEqualTo("-9999999-01-01");
        assertThat(future.get("lastUrgedOn").asText()).isEqualTo("2012-10-18");
        JsonNode past = read("/api/recommendations/rec-past");
        assertThat(past.get("implementationStatus").asText()).isEqualTo("IMPLEMENTED");
        assertThat(past.get("implementationAssessedOn").asText()).isEqualTo(LocalDate.MAX.toString());
        assertThat(past.get("firstUrgedOn").asText()).isEqualTo(LocalDate.MIN.toString());
    }

    @Test
    void askingForADayOutsideTheYears1900To2200IsRefusedNamingTheParameter() throws Exception {
        for (String path : List.of("/api/letters/awaiting?asOf=+9999999-12-31", "/api/countries?asOf=1899-12-31",
                "/api/countries/" + COUNTRY + "/timeline?from=2201-01-01", "/api/countries/" + COUNTRY
                        + "/timeline?to=0001-01-01", "/api/recommendations?asOf=2201-01-01T00:00:00Z")) {
            ResponseEntity<String> response = anonymous.withBasicAuth("viewer", PASSWORD)
                    .getForEntity(path, String.class);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
            String parameter = path.substring(path.indexOf('?') + 1, path.indexOf('='));
            assertThat(json.readTree(response.getBody()).get("field").asText()).as(path).isEqualTo(parameter);
        }
    }

    private JsonNode awaiting(String letterId) throws Exception {
        for (JsonNode letter : read("/api/letters/awaiting?country=" + COUNTRY).get("letters")) {
            if (letter.get("letterId").asText().equals(letterId)) {
                return letter;
            }
        }
        throw new AssertionError(letterId + " is not awaiting an answer");
    }

    private JsonNode read(String path) throws Exception {
        ResponseEntity<String> response = anonymous.withBasicAuth("viewer", PASSWORD)
                .getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(path + " -> " + response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private void add(String aggregateId, String type, long sequence, org.followuptracker.events.TrackerEvent event) {
        events.add(envelope(aggregateId, type, sequence, "2013-01-02T10:00:" + String.format("%02d", events.size())
                + "Z", event));
    }
}
