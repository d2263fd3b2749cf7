package org.followuptracker.query.consuming;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.Position;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.events.TrackerEvent;
import org.followuptracker.query.audit.AuditHead;
import org.followuptracker.query.store.CountryIndex;
import org.followuptracker.query.projection.AppliedEvent;
import org.followuptracker.query.projection.Projections;
import org.followuptracker.query.projection.TheProjections;
import org.followuptracker.query.store.BatchingReadModel;
import org.followuptracker.query.store.Generation;
import org.followuptracker.query.store.RecentCountryDocuments;
import org.followuptracker.query.store.CountryIndex;
import org.followuptracker.query.timeline.TimelineIndex;
import org.followuptracker.query.timeline.TimelineMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A batch of events, as the live consumer and rebuilds apply it: what the projections look up for the whole batch is
 * read ahead in a few round trips per collection, however many events and countries the batch has, and the read
 * models come out the same as when each event is applied on its own.
 */
class BatchReadAheadTest {

    private static final List<String> COUNTRIES = List.of("ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "MNG",
            "RUS", "TJK", "TKM", "UKR", "UZB", "CHN", "IRN", "TUR", "EGY", "SAU", "BHR", "QAT");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address = server.bind();
    private final MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    private final List<String> lookups = new ArrayList<>();
    private final List<String> queries = new ArrayList<>();
    private final MongoTemplate mongo = new MongoTemplate(client, "test") {
        @Override
        public <T> T findById(Object id, Class<T> entityClass, String collectionName) {
            lookups.add(collectionName + "/" + id);
            return super.findById(id, entityClass, collectionName);
        }

        @Override
        public <T> List<T> find(Query query, Class<T> entityClass, String collectionName) {
            queries.add(collectionName);
            return super.find(query, entityClass, collectionName);
        }
    };
    private final AnnotationConfigApplicationContext context = TheProjections.context();
    private final Projections projections = context.getBean(Projections.class);
    private long recorded;

    @AfterEach
    void stop() {
        context.close();
        client.close();
        server.shutdownNow();
    }

    @Test
    void aBatchLooksUpWhatItNeedsInAFewRoundTripsAndWritesWhatEventByEventWouldHave() {
        List<EventEnvelope> first = firstBatch();
        List<EventEnvelope> second = secondBatch();
        Generation batched = new Generation(1);
        applyAsABatch(first, batched);
        lookups.clear();
        queries.clear();

        applyAsABatch(second, batched);

        assertThat(second).hasSize(80);
        assertThat(lookups).as("nothing looked up key by key, once the countries have letters").isEmpty();
        // Each collection read ahead: applied events, audit entries and heads, board changes and index,
        // recommendations, letter changes, index and letters, timeline months, index and places; a query each per 64
        // keys (the 80 events' ids take two).
        assertThat(queries.stream().distinct()).hasSize(12);
        assertThat(queries).hasSizeLessThanOrEqualTo(15);

        Generation oneByOne = new Generation(2);
        for (EventEnvelope envelope : first) {
            applyAlone(envelope, oneByOne);
        }
        for (EventEnvelope envelope : second) {
            applyAlone(envelope, oneByOne);
        }
        assertEveryReadModelTheSame(batched, oneByOne);
    }

    @Test
    void theCountriesDocumentsTheConsumerWroteLastAreNotReadBackAndTheReadModelsComeOutTheSame() {
        List<EventEnvelope> first = firstBatch();
        List<EventEnvelope> second = secondBatch();
        RecentCountryDocuments recent = new RecentCountryDocuments(projections.layout());
        Generation remembering = new Generation(1);
        applyAsTheConsumerDoes(first, remembering, recent);
        assertThat(recent.countries()).isEqualTo(COUNTRIES.size());
        queries.clear();
        lookups.clear();

        applyAsTheConsumerDoes(second, remembering, recent);

        assertThat(lookups).isEmpty();
        // A query each per 64 keys: the 80 events' ids take two.
        assertThat(queries.stream().distinct()).as("read ahead from the store").containsExactlyInAnyOrder(
                Stream.of("applied_events", "recommendations", "timeline_places", "timeline", "letter", "audit")
                        .map(remembering::collection).toArray(String[]::new));
        // Another letter each, in the month the first two went to: the timeline's part for it is kept too.
        List<EventEnvelope> third = new ArrayList<>();
        COUNTRIES.forEach(country -> third.addAll(letterWithNewRecommendation(country, "3")));
        queries.clear();
        applyAsTheConsumerDoes(third, remembering, recent);
        assertThat(lookups).isEmpty();
        assertThat(queries.stream().distinct()).as("read ahead from the store").containsExactlyInAnyOrder(
                Stream.of("applied_events", "recommendations", "timeline_places", "letter", "audit")
                        .map(remembering::collection).toArray(String[]::new));
        Generation reading = new Generation(2);
        applyAsABatch(first, reading);
        applyAsABatch(second, reading);
        applyAsABatch(third, reading);
        assertEveryReadModelTheSame(remembering, reading);
        // Another generation live (a rebuild went live): nothing of the one before is taken for it.
        assertThat(recent.of(reading)).isEmpty();
    }

    @Test
    void eventsNoOneCanHaveAppliedAreNotLookedForInTheAuditOrTheTimelineAndOneDeliveredAgainIsStillAppliedOnce() {
        List<EventEnvelope> first = firstBatch();
        List<EventEnvelope> second = secondBatch();
        Generation live = new Generation(1);
        applyFirstDelivered(first, live, Set.of());
        queries.clear();
        lookups.clear();

        applyFirstDelivered(second, live, ids(second));

        assertThat(lookups).isEmpty();
        assertThat(queries.stream().distinct()).as("read ahead from the store").contains(live.collection("applied_events"))
                .doesNotContain(live.collection("audit"), live.collection("timeline_places"));
        // The relay sends the first batch's letters again after the second batch: new offsets, the same events.
        List<EventEnvelope> again = first.stream().filter(event -> event.event() instanceof LetterSent).toList();
        applyFirstDelivered(again, live, ids(again));

        Generation reading = new Generation(2);
        applyAsABatch(first, reading);
        applyAsABatch(second, reading);
        assertEveryReadModelTheSame(live, reading);
    }

    private static Set<String> ids(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::id).collect(Collectors.toSet());
    }

    /** As the consumer applies a batch, told which of its events no one can have applied before. */
    private void applyFirstDelivered(List<EventEnvelope> events, Generation generation, Set<String> firstDelivered) {
        BatchingReadModel readModel = new BatchingReadModel(mongo, generation, projections.layout());
        List<ReceivedEvent> received = events.stream().map(BatchReadAheadTest::received).toList();
        readModel.firstDelivered(firstDelivered);
        projections.readAhead(received, readModel);
        received.forEach(event -> projections.apply(event, readModel));
        readModel.flush();
    }

    @Test
    void aCountrysTimelinePartsAreKeptAsItsLatestBatchWroteThem() {
        RecentCountryDocuments recent = new RecentCountryDocuments(projections.layout());
        Generation live = new Generation(1);
        recent.written(live, Map.of("timeline", Map.of("KAZ:2013-01", part("KAZ", "2013-01"),
                        "KAZ:2013-02", part("KAZ", "2013-02"), "KGZ:2013-02", part("KGZ", "2013-02")),
                "timeline_index", Map.of("KAZ", new TimelineIndex("KAZ", List.of()))));
        assertThat(recent.of(live).get("timeline").keySet()).containsOnly("KAZ:2013-01", "KAZ:2013-02", "KGZ:2013-02");

        // KAZ's next batch adds to March only: its parts are those now, its index and KGZ's parts stay.
        recent.written(live, Map.of("timeline", Map.of("KAZ:2013-03", part("KAZ", "2013-03"))));

        Map<String, Map<String, Object>> known = recent.of(live);
        assertThat(known.get("timeline").keySet()).containsOnly("KAZ:2013-03", "KGZ:2013-02");
        assertThat(known.get("timeline_index").keySet()).containsOnly("KAZ");
        assertThat(recent.entries()).isEqualTo(3);
    }

    private static TimelineMonth part(String country, String month) {
        return new TimelineMonth(TimelineMonth.key(country, month), country, month, 0, 0, List.of());
    }

    @Test
    void onlyTheCountriesWrittenToMostRecentlyAreKeptAsFarAsTheirEntriesFitAndARebalanceForgetsThemAll() {
        RecentCountryDocuments recent = new RecentCountryDocuments(projections.layout());
        Generation live = new Generation(1);
        // Five countries' letter indexes fill what is kept.
        int letters = RecentCountryDocuments.ENTRIES / 5;
        for (int i = 0; i < 8; i++) {
            recent.written(live, Map.of("letter_index", Map.of("C" + i, new CountryIndex("C" + i,
                            Collections.nCopies(letters, "l" + i), 0)),
                    "letter", Map.of("l" + i, "a letter: not one of the countries' documents")));
            if (i == 4) {
                // C0 written to again: now more recent than C1 to C4.
                recent.written(live, Map.of("audit_heads", Map.of("C0", new AuditHead("C0", 2, "e2", "h2"))));
            }
        }
        Map<String, Map<String, Object>> known = recent.of(live);
        // C1 to C4 made room, the least recently written first; C0, written to again, stayed.
        assertThat(known.keySet()).containsOnly("letter_index", "audit_heads");
        assertThat(known.get("letter_index").keySet()).containsOnly("C0", "C5", "C6", "C7");
        assertThat(recent.countries()).isEqualTo(4);
        assertThat(recent.entries()).isEqualTo(4L * letters + 1);

        // A country whose documents grew past what is kept is not kept.
        recent.written(live, Map.of("board_index", Map.of("BIG", new CountryIndex("BIG",
                Collections.nCopies(RecentCountryDocuments.ENTRIES + 1, "r"), 0))));
        assertThat(recent.of(live)).isEmpty();
        assertThat(recent.entries()).isZero();

        recent.written(live, Map.of("letter_index", Map.of("C1", new CountryIndex("C1", List.of("l1"), 0))));
        assertThat(recent.of(live).get("letter_index").keySet()).containsOnly("C1");
        new ConsumerRebalance(recent, new FirstDeliveries()).onPartitionsAssigned(null, List.of());

        assertThat(recent.of(live)).isEmpty();
    }

    @Test
    void aBusyMonthIsKeptInPartsThatABatchAddsToAndAnEventAppliedAgainAddsNothing() {
        List<EventEnvelope> letters = lettersTo("KAZ", 63);
        Generation batched = new Generation(1);
        applyAsABatch(letters.subList(0, 8), batched);
        lookups.clear();
        applyAsABatch(letters.subList(8, 45), batched);
        applyAsABatch(letters.subList(45, 63), batched);
        assertThat(lookups).as("the parts a batch fills and begins read ahead, not looked up key by key").isEmpty();

        Map<Object, Document> parts = documents(batched, "timeline");
        assertThat(parts.keySet()).containsExactly("KAZ:2013-01", "KAZ:2013-01#1", "KAZ:2013-01#2");
        assertThat(parts.values()).extracting(part -> part.getList("entries", Document.class).size())
                .containsExactly(25, 25, 13);
        assertThat(parts.get("KAZ:2013-01#2").getInteger("entriesBefore")).isEqualTo(50);
        Document month = documents(batched, "timeline_index").get("KAZ").getList("months", Document.class).get(0);
        assertThat(month.getInteger("entries")).isEqualTo(63);
        assertThat(month.getInteger("parts")).isEqualTo(3);
        assertThat(documents(batched, "timeline_places").get("event-38").getString("partKey")).isEqualTo("KAZ:2013-01#1");

        // A write cut short: the events' entries were written, their marks that they were applied were not.
        for (Object id : List.of("event-38", "event-51", "event-63")) {
            client.getDatabase("test").getCollection(batched.collection(AppliedEvent.COLLECTION))
                    .deleteOne(new Document("_id", id));
        }
        applyAsABatch(List.of(letters.get(37), letters.get(50), letters.get(62)), batched);
        assertThat(documents(batched, "timeline")).as("nothing added twice").isEqualTo(parts);
        assertThat(documents(batched, "timeline_index").get("KAZ").getList("months", Document.class).get(0))
                .isEqualTo(month);

        // A retraction marks the entry in whichever part it is, and is an entry of its own in the last.
        EventEnvelope retraction = recorded("KAZ-letter-38", "Letter", new FactRetracted("KAZ-letter-38", "KAZ",
                "event-38", "LetterSent", "Sent to the wrong ministry", LocalDate.parse("2013-01-20")));
        applyAsABatch(List.of(retraction), batched);
        List<Document> middle = documents(batched, "timeline").get("KAZ:2013-01#1").getList("entries", Document.class);
        assertThat(middle.get(12).getString("eventId")).isEqualTo("event-38");
        assertThat(middle.get(12).get("retraction", Document.class).getString("reason"))
                .isEqualTo("Sent to the wrong ministry");
        assertThat(documents(batched, "timeline").get("KAZ:2013-01#2").getList("entries", Document.class))
                .hasSize(14).last().extracting(entry -> entry.getString("type")).isEqualTo("FactRetracted");

        // The same read models as applying each event on its own.
        Generation oneByOne = new Generation(2);
        letters.forEach(envelope -> applyAlone(envelope, oneByOne));
        applyAlone(retraction, oneByOne);
        assertSameTimeline(batched, oneByOne);
    }

    @Test
    void aBatchThatFillsSeveralPartsOfAMonthReadsThemAhead() {
        List<EventEnvelope> letters = lettersTo("KAZ", 70);
        Generation batched = new Generation(1);
        applyAsABatch(letters.subList(0, 5), batched);
        lookups.clear();

        applyAsABatch(letters.subList(5, 70), batched);

        assertThat(lookups).as("the parts a batch fills and begins read ahead, not looked up key by key").isEmpty();
        assertThat(documents(batched, "timeline").values()).extracting(part -> part.getList("entries", Document.class)
                .size()).containsExactly(25, 25, 20);
    }

    @Test
    void aBatchWhoseWriteWasCutShortAddsEachEntryOnceWhenDeliveredAgain() {
        List<EventEnvelope> letters = lettersTo("KAZ", 63);
        Generation whole = new Generation(1);
        applyAsABatch(letters.subList(0, 45), whole);
        applyAsABatch(letters.subList(45, 63), whole);
        // The second batch fills the month's second part (20 entries before it) and begins a third.
        assertThat(documents(whole, "timeline").keySet()).containsExactly("KAZ:2013-01", "KAZ:2013-01#1", "KAZ:2013-01#2");

        // Where the write stopped: the collections it had not written yet, in the order it writes them.
        List<List<String>> notWritten = List.of(List.of("timeline", "timeline_index", AppliedEvent.COLLECTION),
                List.of("timeline_index", AppliedEvent.COLLECTION), List.of(AppliedEvent.COLLECTION));
        int number = 2;
        for (List<String> collections : notWritten) {
            Generation cut = new Generation(number++);
            applyAsABatch(letters.subList(0, 45), cut);
            Map<String, Map<Object, Document>> before = new TreeMap<>();
            collections.forEach(collection -> before.put(collection, documents(cut, collection)));
            applyAsABatch(letters.subList(45, 63), cut);
            before.forEach((collection, documents) -> restore(cut, collection, documents));

            applyAsABatch(letters.subList(45, 63), cut);

            for (String collection : List.of("timeline", "timeline_index", "timeline_places", AppliedEvent.COLLECTION)) {
                assertThat(documents(cut, collection)).as("%s, after a write that had not written %s", collection,
                        collections).isEqualTo(documents(whole, collection));
            }
        }

        // The parts written in another order (a bulk write is unordered): the third part, not the second.
        Generation unordered = new Generation(number);
        applyAsABatch(letters.subList(0, 45), unordered);
        Document second = documents(unordered, "timeline").get("KAZ:2013-01#1");
        Map<Object, Document> index = documents(unordered, "timeline_index");
        Map<Object, Document> applied = documents(unordered, AppliedEvent.COLLECTION);
        applyAsABatch(letters.subList(45, 63), unordered);
        client.getDatabase("test").getCollection(unordered.collection("timeline"))
                .replaceOne(new Document("_id", "KAZ:2013-01#1"), second);
        restore(unordered, "timeline_index", index);
        restore(unordered, AppliedEvent.COLLECTION, applied);

        applyAsABatch(letters.subList(45, 63), unordered);

        assertSameTimeline(unordered, whole);
    }

    private List<EventEnvelope> lettersTo(String country, int count) {
        List<EventEnvelope> letters = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String letterId = country + "-letter-" + n;
            letters.add(recorded(letterId, "Letter", new LetterSent(letterId, country, null, LocalDate.parse("2013-01-15"),
                    "Open Society", "Minister of Foreign Affairs", "Letter " + n, List.of(), null, List.of())));
        }
        return letters;
    }

    private void assertSameTimeline(Generation actual, Generation expected) {
        for (String collection : List.of("timeline", "timeline_index", "timeline_places")) {
            assertThat(documents(actual, collection)).as(collection).isEqualTo(documents(expected, collection));
        }
    }

    private void restore(Generation generation, String collection, Map<Object, Document> documents) {
        var stored = client.getDatabase("test").getCollection(generation.collection(collection));
        stored.deleteMany(new Document());
        if (!documents.isEmpty()) {
            stored.insertMany(new ArrayList<>(documents.values()));
        }
    }

    private List<EventEnvelope> letterWithNewRecommendation(String country, String n) {
        String recommendationId = country + "-rec-" + n;
        String letterId = country + "-letter-" + n;
        return List.of(
                recorded(recommendationId, "Recommendation", new RecommendationRecorded(recommendationId, country,
                        "Ratify the Optional Protocol " + n, Mechanism.NGO, List.of(), List.of(), null)),
                recorded(letterId, "Letter", new LetterSent(letterId, country, null, LocalDate.parse("2013-01-0" + n),
                        "Open Society", "Minister of Foreign Affairs", "Letter " + n, List.of(), null,
                        List.of(recommendationId))));
    }

    private EventEnvelope recorded(String aggregateId, String aggregateType, TrackerEvent event) {
        recorded++;
        return new EventEnvelope("event-" + recorded, OffsetDateTime.parse("2013-01-01T00:00:00Z").plusMinutes(recorded),
                aggregateId, aggregateType, recorded, "1", "coordinator", "a source", event);
    }

    private void applyAsABatch(List<EventEnvelope> events, Generation generation) {
        BatchingReadModel readModel = new BatchingReadModel(mongo, generation, projections.layout());
        List<ReceivedEvent> received = events.stream().map(BatchReadAheadTest::received).toList();
        projections.readAhead(received, readModel);
        received.forEach(event -> projections.apply(event, readModel));
        readModel.flush();
    }

    /** Every collection of the read models holds documents, the same in both generations. */
    private void assertEveryReadModelTheSame(Generation one, Generation other) {
        for (String collection : List.of(AppliedEvent.COLLECTION, "recommendations", "board_index", "board_changes",
                "letter", "letter_index", "letter_changes", "timeline", "timeline_index", "timeline_places", "audit",
                "audit_heads")) {
            assertThat(documents(one, collection)).as(collection).isNotEmpty().isEqualTo(documents(other, collection));
        }
    }

    /** Each country: a letter urging a new recommendation. */
    private List<EventEnvelope> firstBatch() {
        List<EventEnvelope> events = new ArrayList<>();
        COUNTRIES.forEach(country -> events.addAll(letterWithNewRecommendation(country, "1")));
        return events;
    }

    /** Each country: another such letter, a response to the first letter, a follow-up to the second. */
    private List<EventEnvelope> secondBatch() {
        List<EventEnvelope> events = new ArrayList<>();
        for (String country : COUNTRIES) {
            events.addAll(letterWithNewRecommendation(country, "2"));
            events.add(recorded(country + "-letter-1", "Letter", new ResponseReceived(country + "-letter-1",
                    country + "-response-1", country, LocalDate.parse("2013-02-01"), "Ministry", null,
                    List.of(new PositionTaken(country + "-rec-1", Position.SUPPORTED)))));
            events.add(recorded(country + "-letter-2", "Letter", new FollowUpSent(country + "-letter-2",
                    country + "-follow-up-1", country, LocalDate.parse("2013-03-01"), "A reminder", null)));
        }
        return events;
    }

    /** As the live consumer applies a batch: with what it wrote last, and keeping what it writes now. */
    private void applyAsTheConsumerDoes(List<EventEnvelope> events, Generation generation, RecentCountryDocuments recent) {
        BatchingReadModel readModel = new BatchingReadModel(mongo, generation, projections.layout(), recent.of(generation));
        List<ReceivedEvent> received = events.stream().map(BatchReadAheadTest::received).toList();
        projections.readAhead(received, readModel);
        received.forEach(event -> projections.apply(event, readModel));
        Map<String, Map<String, Object>> countries = readModel.pendingIn(recent.collections());
        readModel.flush();
        recent.written(generation, countries);
    }

    private void applyAlone(EventEnvelope envelope, Generation generation) {
        BatchingReadModel readModel = new BatchingReadModel(mongo, generation, projections.layout());
        projections.apply(received(envelope), readModel);
        readModel.flush();
    }

    private static ReceivedEvent received(EventEnvelope envelope) {
        return new ReceivedEvent(envelope, "{}", envelope.revision());
    }

    private Map<Object, Document> documents(Generation generation, String collection) {
        Map<Object, Document> byId = new TreeMap<>();
        for (Document document : client.getDatabase("test").getCollection(generation.collection(collection)).find()) {
            byId.put(document.get("_id"), document);
        }
        return byId;
    }
}
