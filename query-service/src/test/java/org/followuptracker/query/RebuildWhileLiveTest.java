package org.followuptracker.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.followuptracker.query.TestTopic.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.Position;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseReceived;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A rebuild of some twenty thousand events while readers read and new events keep arriving: readers are answered
 * from the old read models throughout, progress is visible, nothing recorded meanwhile is lost at the switch, and
 * afterwards the live read models equal a fresh rebuild.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=rebuild-test"})
@EmbeddedKafka(kraft = true, partitions = 4, topics = "rebuild-test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildWhileLiveTest {

    static final List<String> COUNTRIES = List.of("ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "MNG", "RUS", "TJK",
            "TKM", "UKR", "UZB", "CHN", "IRN", "TUR", "EGY", "SAU", "BHR", "QAT");
    static final int BEFORE = 6_000;
    static final int DURING = 600;

    private static final TestReadStore READ_STORE = new TestReadStore();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tracker.access.users-file", QueryApiTest::usersFile);
        registry.add("spring.data.mongodb.uri", () -> READ_STORE.uri("rebuild-test"));
    }

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    EmbeddedKafkaBroker broker;
    TestRestTemplate admin;

    private final ObjectMapper json = new ObjectMapper();
    private TestTopic topic;

    @BeforeAll
    void connect() {
        admin = anonymous.withBasicAuth("admin", QueryApiTest.PASSWORD);
        topic = new TestTopic(broker, "rebuild-test");
    }

    @AfterAll
    void close() {
        topic.close();
        READ_STORE.stop();
    }

    @Test
    void readersKeepReadingTheOldReadModelsProgressShowsAndNothingArrivingMeanwhileIsLost() throws Exception {
        int events = publish(0, BEFORE);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> letters() == BEFORE);
        JsonNode before = get("/api/countries/KAZ/timeline?size=5");

        JsonNode started = json.readTree(admin.postForEntity("/api/admin/rebuilds", null, String.class).getBody());
        assertThat(started.get("state").asText()).isEqualTo("RUNNING");
        assertThat(admin.postForEntity("/api/admin/rebuilds", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        CompletableFuture<Integer> meanwhile = CompletableFuture.supplyAsync(() -> publish(BEFORE, DURING));

        List<JsonNode> seen = new ArrayList<>();
        JsonNode progress = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode latest = get("/api/admin/rebuilds/latest");
            seen.add(latest);
            // Readers are answered throughout, from the old read models until the switch.
            assertThat(get("/api/countries/KAZ/timeline?size=5").get("entries")).isEqualTo(before.get("entries"));
            return latest;
        }, latest -> !latest.get("state").asText().equals("RUNNING"));
        assertThat(progress.get("state").asText()).as(progress.toString()).isEqualTo("LIVE");
        List<JsonNode> running = seen.stream().filter(p -> p.get("state").asText().equals("RUNNING")).toList();
        assertThat(running).as("progress while running").isNotEmpty();
        assertThat(running).anySatisfy(p -> assertThat(p.get("lag").asLong()).isPositive());
        assertThat(running).anySatisfy(p -> assertThat(p.get("eventsPerSecond").asDouble()).isPositive());
        System.out.printf("Rebuild of %d+ events: %s%n", events, progress);

        events += meanwhile.get();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> letters() == BEFORE + DURING);
        ResponseEntity<String> check = admin.postForEntity("/api/admin/read-model-checks", null, String.class);
        JsonNode result = json.readTree(check.getBody());
        assertThat(result.get("equal").asBoolean()).as(check.getBody()).isTrue();
        assertThat(result.get("eventsRead").asInt()).isEqualTo(events);
    }

    private long letters() throws Exception {
        long letters = 0;
        for (JsonNode country : get("/api/countries?size=500").get("countries")) {
            letters += country.get("letters").asLong();
        }
        return letters;
    }

    /** Publishes {@code count} letters, each urging a new recommendation, every other one answered. */
    private int publish(int first, int count) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        OffsetDateTime recordedAt = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        int events = 0;
        for (int i = first; i < first + count; i++) {
            String country = COUNTRIES.get(i % COUNTRIES.size());
            String recommendation = "rec-" + i;
            String letter = "letter-" + i;
            LocalDate sentOn = LocalDate.of(2010, 1, 1).plusDays(i % 3650);
            OffsetDateTime at = recordedAt.plusSeconds(i * 3L);
            sent.add(topic.send(envelope(recommendation, "Recommendation", 0, at, null, new RecommendationRecorded(recommendation,
                    country, "Recommendation " + i, Mechanism.NGO, List.of(), List.of("Theme " + (i % 7))))));
            sent.add(topic.send(envelope(letter, "Letter", 0, at.plusSeconds(1), null, new LetterSent(letter, country, null, sentOn,
                    "Amnesty International", "Minister", "Letter " + i, List.of(), sentOn.plusDays(30),
                    List.of(recommendation)))));
            events += 2;
            if (i % 2 == 0) {
                sent.add(topic.send(envelope(letter, "Letter", 1, at.plusSeconds(2), null, new ResponseReceived(letter, "resp-" + i,
                        country, sentOn.plusDays(10 + i % 40), "Ministry", null,
                        List.of(new PositionTaken(recommendation, Position.NOTED))))));
                events++;
            }
        }
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return events;
    }


    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = admin.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

}
