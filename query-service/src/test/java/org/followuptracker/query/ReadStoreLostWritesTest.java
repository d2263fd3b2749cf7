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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.followuptracker.events.LetterSent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A read store that lost its last writes while the query service ran (the process that keeps it was killed before
 * its file had them, and started again): the query service reads those events again from the topic, from where the
 * store stands, whether or not new events come to their partitions. Kafka's committed offsets, which outlived the
 * loss, are no reason to pass them over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=lost-writes-test",
        "spring.kafka.listener.idle-event-interval=500ms"})
@EmbeddedKafka(kraft = true, partitions = 2, topics = "lost-writes-test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadStoreLostWritesTest {

    private static final TestReadStore READ_STORE = new TestReadStore();
    /** Kazakhstan, and a country on the other partition of two: the one gets an event after the loss, the other none. */
    private static final List<String> COUNTRIES = List.of("KAZ", List.of("BLR", "ARM", "GEO", "MNG", "UZB").stream()
            .filter(country -> partitionOf(country) != partitionOf("KAZ")).findFirst().orElseThrow());
    private static final String OTHER = COUNTRIES.get(1);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tracker.access.users-file", QueryApiTest::usersFile);
        registry.add("spring.data.mongodb.uri", () -> READ_STORE.uri("lost-writes-test"));
    }

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    MongoTemplate mongo;
    private TestRestTemplate admin;
    private TestTopic topic;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void connect() {
        admin = anonymous.withBasicAuth("admin", QueryApiTest.PASSWORD);
        topic = new TestTopic(broker, "lost-writes-test");
    }

    @AfterAll
    void close() {
        topic.close();
        READ_STORE.stop();
    }

    @Test
    void eventsWhoseWritesTheStoreLostAreAppliedAgainFromWhereTheStoreStands() throws Exception {
        publishLetters(0, 5);
        awaitLetters(Map.of("KAZ", 5, OTHER, 5));
        Map<String, List<Document>> storeThen = snapshot();

        publishLetters(5, 5);
        awaitLetters(Map.of("KAZ", 10, OTHER, 10));

        // The store comes back as it was before the last five letters of each country: their writes are lost.
        restore(storeThen);
        assertThat(letters("KAZ")).isEqualTo(5);
        assertThat(letters(OTHER)).isEqualTo(5);

        // A new letter to Kazakhstan; none to the other: both countries are whole again.
        publish("KAZ", 10);
        awaitLetters(Map.of("KAZ", 11, OTHER, 10));

        JsonNode check = json.readTree(admin.postForEntity("/api/admin/read-model-checks", null, String.class)
                .getBody());
        assertThat(check.get("equal").asBoolean()).as(check.toString()).isTrue();
        JsonNode verification = get("/api/audit/verification");
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("entries").asLong()).isEqualTo(21);
    }

    private static int partitionOf(String country) {
        // As Kafka's default partitioner places a key.
        byte[] key = country.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(key)) % 2;
    }

    /** Every document of every collection, as the store holds it now. */
    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> documents = new HashMap<>();
        for (String collection : mongo.getCollectionNames()) {
            documents.put(collection, mongo.findAll(Document.class, collection));
        }
        return documents;
    }

    private void restore(Map<String, List<Document>> documents) {
        for (String collection : mongo.getCollectionNames()) {
            mongo.dropCollection(collection);
        }
        documents.forEach((collection, saved) -> {
            mongo.createCollection(collection);
            if (!saved.isEmpty()) {
                mongo.insert(saved, collection);
            }
        });
    }

    private void publishLetters(int first, int count) throws Exception {
        for (int i = first; i < first + count; i++) {
            for (String country : COUNTRIES) {
                publish(country, i);
            }
        }
    }

    private void publish(String country, int i) throws Exception {
        String letter = country + "-letter-" + i;
        topic.publish(envelope(letter, "Letter", 0, OffsetDateTime.of(2026, 1, 1, 0, 0, i, 0, ZoneOffset.UTC), null,
                new LetterSent(letter, country, null, LocalDate.of(2012, 10, 18).plusDays(i), "Amnesty International",
                        "Minister", "Letter " + i, List.of(), null, List.of())));
    }

    private void awaitLetters(Map<String, Integer> expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (Map.Entry<String, Integer> country : expected.entrySet()) {
                assertThat(letters(country.getKey())).as(country.getKey()).isEqualTo(country.getValue().longValue());
            }
        });
    }

    private long letters(String country) throws Exception {
        return get("/api/countries/" + country + "/timeline?size=1").get("total").asLong();
    }

    private JsonNode get(String path) throws Exception {
        return json.readTree(admin.getForObject(path, String.class));
    }
}
