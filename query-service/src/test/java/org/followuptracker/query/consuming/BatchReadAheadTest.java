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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.Position;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.events.TrackerEvent;
import org.followuptracker.query.readmodel.BatchingReadModel;
import org.followuptracker.query.readmodel.Generation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A batch of events, as the live consumer and rebuilds apply it: what the projections look up for the whole batch is
 * read ahead in a few round trips per collection, however many events and countries the batch has, and the read
 * models come out the same as when each event is applied on its own.
 */
class BatchReadAheadTest {

    @ComponentScan(basePackages = "org.followuptracker.query", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                    pattern = ".*(Projection|Projections|RecommendationTexts)"))
    static class JustTheProjections {
    }

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
    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(
            JustTheProjections.class);
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
        List<EventEnvelope> first = new ArrayList<>();
        List<EventEnvelope> second = new ArrayList<>();
        for (String country : COUNTRIES) {
            first.addAll(letterWithNewRecommendation(country, "1"));
            second.addAll(letterWithNewRecommendation(country, "2"));
            second.add(recorded(country + "-letter-1", "Letter", new ResponseReceived(country + "-letter-1",
                    country + "-response-1", country, LocalDate.parse("2013-02-01"), "Ministry", null,
                    List.of(new PositionTaken(country + "-rec-1", Position.SUPPORTED)))));
            second.add(recorded(country + "-letter-2", "Letter", new FollowUpSent(country + "-letter-2",
                    country + "-follow-up-1", country, LocalDate.parse("2013-03-01"), "A reminder", null)));
        }
        Generation batched = new Generation(1);
        applyAsABatch(first, batched);
        lookups.clear();
        queries.clear();

        applyAsABatch(second, batched);

        assertThat(second).hasSize(80);
        assertThat(lookups).as("nothing looked up key by key, once the countries have letters").isEmpty();
        // Each collection read ahead: applied events, audit entries and heads, board changes and index,
        // recommendations, letter changes, index and letters, timeline months and index; a query each per 64 keys
        // (the 80 events' ids take two).
        assertThat(queries.stream().distinct()).hasSize(11);
        assertThat(queries).hasSizeLessThanOrEqualTo(13);

        Generation oneByOne = new Generation(2);
        for (EventEnvelope envelope : first) {
            applyAlone(envelope, oneByOne);
        }
        for (EventEnvelope envelope : second) {
            applyAlone(envelope, oneByOne);
        }
        for (String collection : List.of(AppliedEvent.COLLECTION, "recommendations", "board_index", "board_changes",
                "letter", "letter_index", "letter_changes", "timeline", "timeline_index", "audit",
                "audit_heads")) {
            assertThat(documents(batched, collection)).as(collection).isNotEmpty()
                    .isEqualTo(documents(oneByOne, collection));
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
        BatchingReadModel readModel = new BatchingReadModel(mongo, generation);
        List<ReceivedEvent> received = events.stream().map(BatchReadAheadTest::received).toList();
        projections.readAhead(received, readModel);
        received.forEach(event -> projections.apply(event, readModel));
        readModel.flush();
    }

    private void applyAlone(EventEnvelope envelope, Generation generation) {
        BatchingReadModel readModel = new BatchingReadModel(mongo, generation);
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
