package org.followuptracker.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.followuptracker.access.Role;
import org.followuptracker.access.UsersFile;
import org.followuptracker.events.CountryEventIds;
import org.followuptracker.events.EnvelopeCodec;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.query.store.Generations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Given events on the topic and the same events in the event store (a stand-in for the command service's answers),
 * someone who can write to the read store rewrites audit entries, hashes and heads included, as the projection would
 * have written them: the verification says which country and where, because the chain no longer extends the signed
 * checkpoint and because its event ids no longer agree with the event store's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "tracker.kafka.topic=tampered-audit-test"})
@EmbeddedKafka(kraft = true, partitions = 1, topics = "tampered-audit-test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperedAuditTrailTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final MongoServer READ_STORE = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress READ_STORE_ADDRESS = READ_STORE.bind();
    private static final EventStoreStandIn EVENT_STORE = new EventStoreStandIn();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("tracker.access.users-file", TamperedAuditTrailTest::usersFile);
        registry.add("spring.data.mongodb.uri", () -> "mongodb://" + READ_STORE_ADDRESS.getHostString() + ":"
                + READ_STORE_ADDRESS.getPort() + "/tampered-audit-test");
        registry.add("tracker.command-service-url", EVENT_STORE::url);
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
    Checkpoints checkpoints;

    private final ObjectMapper json = new ObjectMapper();
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private KafkaProducer<String, byte[]> topic;
    private TestRestTemplate auditor;

    @BeforeAll
    void connect() {
        topic = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new ByteArraySerializer());
        auditor = anonymous.withBasicAuth("auditor", PASSWORD);
    }

    @AfterAll
    void close() {
        topic.close();
        EVENT_STORE.stop();
        READ_STORE.shutdownNow();
    }

    @Test
    void anEntryRewrittenWithItsHashShowsWhereAgainstTheCheckpointAndTheEventStore() throws Exception {
        recorded("KAZ", 5);
        assertThat(auditor.postForEntity("/api/audit/checkpoints", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        JsonNode sound = verification();
        assertThat(sound.get("valid").asBoolean()).isTrue();
        assertThat(chain(sound, "KAZ").get("extendsCheckpoint").asBoolean()).isTrue();
        assertThat(sound.get("eventStore").get("agrees").asBoolean()).isTrue();
        assertThat(agreement(sound, "KAZ").get("status").asText()).isEqualTo("agrees");
        // The command service was asked as the auditor who asked.
        assertThat(EVENT_STORE.authorizations).contains("Basic " + Base64.getEncoder()
                .encodeToString(("auditor:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));

        List<AuditEntry> original = entries("KAZ");
        AuditHead head = head("KAZ");
        List<AuditEntry> forged = rewrite(original, 3, 3, true);
        try {
            JsonNode tampered = verification();

            assertThat(tampered.get("valid").asBoolean()).isFalse();
            assertThat(tampered.get("checkpoint").get("extended").asBoolean()).isFalse();
            JsonNode kaz = chain(tampered, "KAZ");
            assertThat(kaz.get("valid").asBoolean()).isFalse();
            assertThat(kaz.get("extendsCheckpoint").asBoolean()).isFalse();
            assertThat(kaz.get("firstBrokenPosition").asLong()).isEqualTo(4);
            assertThat(kaz.get("firstBrokenEventId").asText()).isEqualTo(original.get(3).eventId());
            assertThat(kaz.get("problem").asText())
                    .contains("(position 3, event " + forged.get(0).eventId() + "): one of the two was changed");
            assertThat(tampered.get("eventStore").get("agrees").asBoolean()).isFalse();
            JsonNode agreement = agreement(tampered, "KAZ");
            assertThat(agreement.get("status").asText()).isEqualTo("disagrees");
            assertThat(agreement.get("notInEventStore").asLong()).isEqualTo(1);
            assertThat(agreement.get("notInReadStore").asLong()).isEqualTo(1);
            assertThat(agreement.get("entriesNotInEventStore").get(0).get("position").asLong()).isEqualTo(3);
            assertThat(agreement.get("entriesNotInEventStore").get(0).get("eventId").asText())
                    .isEqualTo(forged.get(0).eventId());

            // Nor is a checkpoint of the rewritten chain signed.
            ResponseEntity<String> refused = auditor.postForEntity("/api/audit/checkpoints", null, String.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(json.readTree(refused.getBody()).get("detail").asText()).contains("KAZ");
        } finally {
            restore(forged, original, head);
        }
        assertThat(verification().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aChainRewrittenFromAnEntryOnWithItsHashesAndHeadRecomputedShowsToo() throws Exception {
        recorded("UZB", 5);
        JsonNode taken = json.readTree(auditor.postForEntity("/api/audit/checkpoints", null, String.class).getBody());
        long number = taken.get("number").asLong();
        List<AuditEntry> original = entries("UZB");
        AuditHead head = head("UZB");

        List<AuditEntry> forged = rewrite(original, 3, 5, true);
        try {
            JsonNode tampered = verification();

            assertThat(tampered.get("valid").asBoolean()).isFalse();
            JsonNode uzb = chain(tampered, "UZB");
            assertThat(uzb.get("extendsCheckpoint").asBoolean()).isFalse();
            assertThat(uzb.get("firstBrokenPosition").asLong()).isEqualTo(5);
            assertThat(uzb.get("firstBrokenEventId").asText()).isEqualTo(forged.get(2).eventId());
            assertThat(uzb.get("problem").asText()).contains("checkpoint " + number + " signed another hash");
            JsonNode agreement = agreement(tampered, "UZB");
            assertThat(agreement.get("status").asText()).isEqualTo("disagrees");
            assertThat(agreement.get("entriesNotInEventStore")).extracting(e -> e.get("position").asLong())
                    .containsExactly(3L, 4L, 5L);
            assertThat(agreement.get("entriesNotInEventStore")).extracting(e -> e.get("eventId").asText())
                    .containsExactly(forged.get(0).eventId(), forged.get(1).eventId(), forged.get(2).eventId());
        } finally {
            restore(forged, original, head);
        }

        // The same events said otherwise (another actor), ids kept: only the checkpoint can tell.
        forged = rewrite(original, 3, 5, false);
        try {
            JsonNode tampered = verification();

            assertThat(chain(tampered, "UZB").get("firstBrokenPosition").asLong()).isEqualTo(5);
            assertThat(chain(tampered, "UZB").get("extendsCheckpoint").asBoolean()).isFalse();
            assertThat(agreement(tampered, "UZB").get("status").asText()).isEqualTo("agrees");
        } finally {
            restore(forged, original, head);
        }
        assertThat(verification().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aReceiptVerifiesWithThePublicKeyAndThePlainJdkAndATamperedOneDoesNot() throws Exception {
        recorded("MNG", 2);
        assertThat(auditor.postForEntity("/api/audit/checkpoints", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        ResponseEntity<String> download = auditor.getForEntity("/api/audit/checkpoints/latest/receipt", String.class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        JsonNode receipt = json.readTree(download.getBody());
        String pem = auditor.getForObject("/api/audit/checkpoints/public-key", String.class);
        assertThat(receipt.get("publicKey").asText()).isEqualTo(pem);
        assertThat(receipt.get("algorithm").asText()).isEqualTo("Ed25519");

        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----|\\s", ""))));
        String statement = receipt.get("statement").asText();
        byte[] signature = Base64.getDecoder().decode(receipt.get("signature").asText());
        assertThat(verifies(key, statement, signature)).isTrue();
        assertThat(receipt.get("keyId").asText()).isEqualTo(HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16));

        JsonNode stated = json.readTree(statement);
        JsonNode mongolia = null;
        for (JsonNode country : stated.get("countries")) {
            mongolia = country.get("country").asText().equals("MNG") ? country : mongolia;
        }
        assertThat(mongolia.get("position").asLong()).isEqualTo(2);
        assertThat(mongolia.get("hash").asText()).isEqualTo(head("MNG").hash());
        String tampered = statement.replace("\"position\":2", "\"position\":1");
        assertThat(tampered).isNotEqualTo(statement);
        assertThat(verifies(key, tampered, signature)).isFalse();
    }

    @Test
    void eventsTheEventStoreHoldsAndTheChainsNotYetAreBehindNotADisagreement() throws Exception {
        recorded("ARM", 2);
        EventEnvelope onItsWay = recommendation("ARM", "arm-on-its-way");
        EVENT_STORE.store(onItsWay);

        JsonNode behind = verification();
        assertThat(behind.get("eventStore").get("agrees").asBoolean()).isTrue();
        assertThat(behind.get("eventStore").get("behind").asLong()).isEqualTo(1);
        assertThat(agreement(behind, "ARM").get("status").asText()).isEqualTo("behind");
        assertThat(agreement(behind, "ARM").get("notInReadStore").asLong()).isEqualTo(1);

        publish(onItsWay);
        await().atMost(30, TimeUnit.SECONDS).until(() -> head("ARM") != null && head("ARM").length() == 3);
        assertThat(agreement(verification(), "ARM").get("status").asText()).isEqualTo("agrees");
    }

    @Test
    void aCheckpointNotSignedWithTheKeyOrCheckpointsRemovedShow() throws Exception {
        recorded("BLR", 1);
        long number = json.readTree(auditor.postForEntity("/api/audit/checkpoints", null, String.class).getBody())
                .get("number").asLong();
        String statement = auditor.getForObject("/api/audit/checkpoints/latest", JsonNode.class).get("statement")
                .asText();
        String forgedStatement = statement.replace("\"number\":" + number, "\"number\":" + (number + 1));
        mongo.insert(new org.bson.Document("_id", number + 1).append("statement", forgedStatement)
                .append("signature", Base64.getEncoder().encodeToString(new byte[64])), SignedCheckpoint.COLLECTION);

        JsonNode forged = verification();
        assertThat(forged.get("valid").asBoolean()).isFalse();
        assertThat(forged.get("checkpoint").get("number").asLong()).isEqualTo(number);
        assertThat(forged.get("checkpoint").get("problem").asText())
                .contains("checkpoints [" + (number + 1) + "]").contains("not signed with this service's key");
        assertThat(auditor.getForObject("/api/audit/checkpoints/latest", JsonNode.class).get("number").asLong())
                .isEqualTo(number);

        mongo.remove(new Query(), SignedCheckpoint.COLLECTION);
        JsonNode removed = verification();
        assertThat(removed.get("valid").asBoolean()).isFalse();
        assertThat(removed.get("checkpoint").get("problem").asText())
                .contains("checkpoint " + number + ", which this service took or read, is no longer in the read store");

        assertThat(auditor.postForEntity("/api/audit/checkpoints", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(verification().get("valid").asBoolean()).isTrue();
    }

    @Test
    void anEntryOfACountryTheEventStoreDoesNotKnowIsNamedToo() throws Exception {
        // Into the read models readers read: not those of before the first build, which then replaces them.
        await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> generations.liveNow().isPresent());
        AuditEntry stranger = new AuditEntry(UUID.randomUUID().toString(), "XQZ", 1, "org.followuptracker.LetterSent",
                "Letter", "a-letter", 0, "1", "someone", null, "2026-01-01T10:00:00Z",
                java.time.Instant.parse("2026-01-01T10:00:00Z"), null, "{}", AuditHash.GENESIS, null).hashed();
        mongo.save(stranger, collection(AuditEntry.COLLECTION));
        try {
            JsonNode verification = verification();

            assertThat(verification.get("eventStore").get("reachable").asBoolean()).isTrue();
            assertThat(verification.get("eventStore").get("agrees").asBoolean()).isFalse();
            JsonNode agreement = agreement(verification, "XQZ");
            assertThat(agreement.get("status").asText()).isEqualTo("disagrees");
            assertThat(agreement.get("eventStoreEvents").asLong()).isZero();
            assertThat(agreement.get("entriesNotInEventStore").get(0).get("eventId").asText())
                    .isEqualTo(stranger.eventId());
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(stranger.eventId())), collection(AuditEntry.COLLECTION));
        }
    }

    @Test
    void aCheckpointIsTakenOnScheduleOnlyWhenAChainMoved() throws Exception {
        recorded("GEO", 1);
        assertThat(checkpoints.takeIfMoved()).isPresent();
        assertThat(checkpoints.takeIfMoved()).isEmpty();

        recorded("GEO", 1);
        assertThat(checkpoints.takeIfMoved()).get().extracting(SignedCheckpoint::statement)
                .satisfies(statement -> assertThat(statement.countries()).anySatisfy(head -> {
                    assertThat(head.country()).isEqualTo("GEO");
                    assertThat(head.position()).isEqualTo(2);
                }));
    }

    @Test
    void onlyAuditorsAndAdminsTakeCheckpoints() {
        assertThat(anonymous.postForEntity("/api/audit/checkpoints", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : List.of("coordinator", "viewer")) {
            assertThat(anonymous.withBasicAuth(user, PASSWORD).postForEntity("/api/audit/checkpoints", null,
                    String.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(anonymous.withBasicAuth("admin", PASSWORD).postForEntity("/api/audit/checkpoints", null,
                String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /** Puts {@code count} more events of {@code country} in the event store and on the topic; waits until applied. */
    private void recorded(String country, int count) throws Exception {
        long before = head(country) == null ? 0 : head(country).length();
        for (int i = 0; i < count; i++) {
            EventEnvelope envelope = recommendation(country, country + "-" + UUID.randomUUID());
            EVENT_STORE.store(envelope);
            publish(envelope);
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> head(country) != null
                && head(country).length() == before + count);
    }

    private static EventEnvelope recommendation(String country, String recommendationId) {
        return new EventEnvelope(UUID.randomUUID().toString(), OffsetDateTime.parse("2026-11-27T10:00:00Z"),
                recommendationId, "Recommendation", 0, RecommendationRecorded.REVISION, "coordinator", "a source",
                new RecommendationRecorded(recommendationId, country, "Abolish the death penalty", Mechanism.UPR,
                        List.of(), List.of()));
    }

    private void publish(EventEnvelope envelope) throws Exception {
        topic.send(new ProducerRecord<>("tampered-audit-test", envelope.country(), codec.encode(envelope))).get();
    }

    /**
     * Rewrites the entries at positions {@code from} to {@code to} straight in the read store as the projection would
     * have written other events there (another actor; other event ids if {@code newIds}): each hashed and linked to
     * the one before it, the head moved to the last if it was the chain's last. Answers the entries written.
     */
    private List<AuditEntry> rewrite(List<AuditEntry> chain, int from, int to, boolean newIds) {
        String audit = collection(AuditEntry.COLLECTION);
        List<AuditEntry> forged = new ArrayList<>();
        String previous = chain.get(from - 2).hash();
        for (AuditEntry entry : chain.subList(from - 1, to)) {
            AuditEntry other = new AuditEntry(newIds ? UUID.randomUUID().toString() : entry.eventId(),
                    entry.country(), entry.position(), entry.type(), entry.aggregateType(), entry.aggregateId(),
                    entry.sequence(), entry.revision(), "someone-else", entry.source(), entry.recordedAt(),
                    entry.recordedAtTime(), entry.occurredOn(), entry.payload(), previous, null).hashed();
            mongo.remove(Query.query(Criteria.where("_id").is(entry.eventId())), audit);
            mongo.save(other, audit);
            forged.add(other);
            previous = other.hash();
        }
        if (to == chain.size()) {
            AuditEntry last = forged.get(forged.size() - 1);
            mongo.save(new AuditHead(last.country(), last.position(), last.eventId(), last.hash()),
                    collection(AuditHead.COLLECTION));
        }
        return forged;
    }

    private void restore(List<AuditEntry> forged, List<AuditEntry> original, AuditHead head) {
        String audit = collection(AuditEntry.COLLECTION);
        for (AuditEntry entry : forged) {
            mongo.remove(Query.query(Criteria.where("_id").is(entry.eventId())), audit);
        }
        for (AuditEntry entry : original) {
            mongo.save(entry, audit);
        }
        mongo.save(head, collection(AuditHead.COLLECTION));
    }

    private List<AuditEntry> entries(String country) {
        return mongo.find(Query.query(Criteria.where("country").is(country)), AuditEntry.class,
                collection(AuditEntry.COLLECTION)).stream()
                .sorted(java.util.Comparator.comparingLong(AuditEntry::position)).toList();
    }

    private AuditHead head(String country) {
        return generations.reading().find(AuditHead.COLLECTION, country, AuditHead.class);
    }

    private String collection(String name) {
        return generations.reading().generation().collection(name);
    }

    private JsonNode verification() throws Exception {
        ResponseEntity<String> answer = auditor.getForEntity("/api/audit/verification", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(answer.getBody());
    }

    private static JsonNode chain(JsonNode verification, String country) {
        for (JsonNode chain : verification.get("countries")) {
            if (chain.get("country").asText().equals(country)) {
                return chain;
            }
        }
        throw new AssertionError("no chain of " + country + " in " + verification);
    }

    private static JsonNode agreement(JsonNode verification, String country) {
        for (JsonNode agreement : verification.get("eventStore").get("countries")) {
            if (agreement.get("country").asText().equals(country)) {
                return agreement;
            }
        }
        throw new AssertionError("no agreement of " + country + " in " + verification.get("eventStore"));
    }

    private static boolean verifies(PublicKey key, String statement, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(statement.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(signature);
    }

    static String usersFile() {
        try {
            Path path = Files.createTempDirectory("tracker-users").resolve("users");
            UsersFile users = new UsersFile(path);
            for (Role role : Role.values()) {
                users.put(role.name().toLowerCase(Locale.ROOT), PASSWORD, Set.of(role));
            }
            return path.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The command service's event-store answers, from the events this test stored: each country's count and digest,
     * and the ids of the countries asked. It notes the credentials it was asked with.
     */
    static final class EventStoreStandIn {

        private final Map<String, CountryEventIds> countries = new ConcurrentHashMap<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        private final HttpServer server;
        private final ObjectMapper json = new ObjectMapper();

        EventStoreStandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/audit/event-store/countries", exchange -> answer(exchange, digests()));
            server.createContext("/api/audit/event-store/event-ids", exchange -> answer(exchange,
                    eventIds(exchange.getRequestURI().getQuery())));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        synchronized void store(EventEnvelope envelope) {
            countries.computeIfAbsent(envelope.country(), country -> new CountryEventIds()).add(envelope.id());
        }

        private synchronized Map<String, Object> digests() {
            List<Map<String, Object>> digests = new ArrayList<>();
            new TreeMap<>(countries).forEach((country, ids) -> digests.add(Map.of("country", country,
                    "events", ids.count(), "digest", ids.digest())));
            return Map.of("events", digests.stream().mapToLong(d -> (long) d.get("events")).sum(),
                    "countries", digests);
        }

        private synchronized Map<String, Object> eventIds(String query) {
            List<Map<String, Object>> listed = new ArrayList<>();
            for (String parameter : query.split("&")) {
                String country = parameter.substring("country=".length());
                if (!org.followuptracker.events.Countries.isIso3(country)) {
                    // As the command service: 400.
                    return null;
                }
                List<String> ids = new ArrayList<>();
                if (countries.containsKey(country)) {
                    countries.get(country).ascending().forEachRemaining(ids::add);
                }
                listed.add(Map.of("country", country, "events", ids.size(), "eventIds", ids));
            }
            return Map.of("countries", listed);
        }

        private void answer(HttpExchange exchange, Object body) throws IOException {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION)));
            byte[] bytes = json.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 400 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        void stop() {
            server.stop(0);
        }
    }
}
