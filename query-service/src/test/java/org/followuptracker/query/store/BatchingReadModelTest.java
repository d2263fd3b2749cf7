package org.followuptracker.query.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.followuptracker.query.projection.TheProjections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

class BatchingReadModelTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address = server.bind();
    private final MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    /** Appended to by a build's writer threads. */
    private final List<String> written = Collections.synchronizedList(new ArrayList<>());
    /** Collections whose writes the store refuses. */
    private final List<String> refused = new ArrayList<>();
    private final List<String> read = new ArrayList<>();
    private final MongoTemplate mongo = new MongoTemplate(client, "test") {
        @Override
        public BulkOperations bulkOps(BulkOperations.BulkMode mode, String collectionName) {
            written.add(collectionName);
            if (refused.contains(collectionName)) {
                throw new DataAccessResourceFailureException("refused " + collectionName);
            }
            return super.bulkOps(mode, collectionName);
        }

        @Override
        public <T> List<T> find(Query query, Class<T> entityClass, String collectionName) {
            read.add(collectionName + "?" + query.getQueryObject().toJson());
            return super.find(query, entityClass, collectionName);
        }

        @Override
        public <T> T findById(Object id, Class<T> entityClass, String collectionName) {
            read.add(collectionName + "/" + id);
            return super.findById(id, entityClass, collectionName);
        }
    };

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void whatReadersPollForAndTheMarksOfProgressAreWrittenLastAndWhatIsPendingIsReadBack() {
        // The read models' layout, as the projections declare it.
        BatchingReadModel readModel = new BatchingReadModel(mongo, new Generation(7), TheProjections.all().layout());
        // In the order one event's projections save them.
        readModel.save("timeline", "KAZ:2013-02", new Document("entries", List.of("response")));
        readModel.save("timeline_places", "event-1", new Document("partKey", "KAZ:2013-02"));
        readModel.save("timeline_index", "KAZ", new Document("months", 1));
        readModel.save("board_changes", "KAZ", new Document("latest", 3));
        readModel.save("recommendations", "rec-1", new Document("position", "SUPPORTED"));
        readModel.save("letter_index", "KAZ", new Document("letterIds", List.of("letter-1")));
        readModel.save("letters", "KAZ", new Document("answered", true));
        readModel.save("letter_changes", "KAZ", new Document("latest", 8));
        readModel.save("audit", "event-1", new Document("position", 5));
        readModel.save("audit_heads", "KAZ", new Document("length", 5));
        readModel.save("applied_events", "event-1", new Document("type", "ResponseReceived"));

        assertThat(readModel.find("letters", "KAZ", Document.class).getBoolean("answered")).isTrue();
        assertThat(readModel.pendingDocuments()).isEqualTo(11);
        readModel.flush();

        // An index after the documents it names; which documents changed after the documents (a reader re-reads
        // those it is told of); the heads after what the events changed (readers keep a country's documents until its
        // head moves), and before the timeline (a reader who sees an entry must find its effect, through what it
        // keeps too); where an entry is before the entry (an event applied again finds it), the entries before their
        // index.
        assertThat(written).containsExactly("g7_recommendations", "g7_letters", "g7_audit", "g7_board_changes",
                "g7_letter_index", "g7_letter_changes", "g7_audit_heads", "g7_timeline_places", "g7_timeline",
                "g7_timeline_index", "g7_applied_events");
        assertThat(readModel.pendingDocuments()).isZero();
        assertThat(mongo.findById("KAZ", Document.class, "g7_letters").getBoolean("answered")).isTrue();
        assertThat(readModel.find("audit_heads", "KAZ", Document.class).getInteger("length")).isEqualTo(5);
    }

    @Test
    void aBuildIntoAnEmptyGenerationAsksTheStoreOnlyForWhatItHasWritten() {
        BatchingReadModel build = BatchingReadModel.ofEmptyGeneration(mongo, new Generation(8), ReadModelLayout.of());

        assertThat(build.find("applied_events", "event-1", Document.class)).isNull();
        assertThat(read).as("a document never written is known to be absent").isEmpty();

        build.save("applied_events", "event-1", new Document("type", "LetterSent"));
        build.save("letters", "KAZ", new Document("letters", 1));
        build.flush();
        assertThat(build.find("applied_events", "event-1", Document.class).getString("type")).isEqualTo("LetterSent");
        assertThat(build.find("letters", "KAZ", Document.class).getInteger("letters")).isEqualTo(1);
        assertThat(read).containsExactly("g8_applied_events/event-1", "g8_letters/KAZ");
        assertThat(build.find("letters", "KGZ", Document.class)).isNull();
        assertThat(build.find("applied_events", "KAZ", Document.class)).as("another collection's id").isNull();
        assertThat(read).hasSize(2);
    }

    @Test
    void aBuildWritesAllItsCollectionsAtOnceAndAWriteTheStoreRefusesFailsTheFlush() {
        BatchingReadModel build = BatchingReadModel.ofEmptyGeneration(mongo, new Generation(9), ReadModelLayout.of());
        List<String> collections = List.of("letters", "recommendations", "audit", "timeline", "timeline_places",
                "timeline_index", "board_index", "letter_index", "audit_heads", "applied_events");
        for (String collection : collections) {
            for (int i = 0; i < 300; i++) {
                build.save(collection, collection + "-" + i, new Document("n", i));
            }
        }
        build.flush();
        for (String collection : collections) {
            assertThat(mongo.count(new Query(), "g9_" + collection)).as(collection).isEqualTo(300);
            assertThat(mongo.findById(collection + "-299", Document.class, "g9_" + collection).getInteger("n"))
                    .isEqualTo(299);
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(collections.stream().map(c -> "g9_" + c).toList());

        refused.add("g9_audit");
        build.save("letters", "letter-1", new Document("n", 1));
        build.save("audit", "event-1", new Document("n", 1));
        assertThatThrownBy(build::flush).isInstanceOf(DataAccessResourceFailureException.class)
                .hasMessage("refused g9_audit");
        assertThat(mongo.findById("letter-1", Document.class, "g9_letters")).as("the other collection's write")
                .isNotNull();
    }

    @Test
    void aBuildKeepsTheDocumentsOfSomeCollectionsInMemoryThroughEveryFlushButTheLast() {
        BatchingReadModel build = BatchingReadModel.ofEmptyGeneration(mongo, new Generation(10),
                ReadModelLayout.of(StoredCollection.perCountry("letter_index", Document.class, index -> 1)));
        build.save("letter_index", "KAZ", new Document("letterIds", List.of("letter-1")));
        build.save("letters", "letter-1", new Document("n", 1));
        build.flushMost();

        assertThat(written).containsExactly("g10_letters");
        assertThat(mongo.count(new Query(), "g10_letter_index")).as("not written yet").isZero();
        assertThat(build.pendingDocuments()).isEqualTo(1);
        assertThat(build.find("letter_index", "KAZ", Document.class).getList("letterIds", String.class))
                .containsExactly("letter-1");

        build.save("letter_index", "KAZ", new Document("letterIds", List.of("letter-1", "letter-2")));
        build.save("letter_index", "KGZ", new Document("letterIds", List.of("letter-3")));
        build.save("letters", "letter-2", new Document("n", 2));
        assertThat(build.pendingDocuments()).isEqualTo(3);
        build.flushMost();
        assertThat(written).containsExactly("g10_letters", "g10_letters");
        assertThat(build.pendingDocuments()).isEqualTo(2);
        assertThat(read).as("what is kept is answered from memory").isEmpty();

        build.flush();
        assertThat(written).containsExactly("g10_letters", "g10_letters", "g10_letter_index");
        assertThat(build.pendingDocuments()).isZero();
        assertThat(mongo.findById("KAZ", Document.class, "g10_letter_index").getList("letterIds", String.class))
                .containsExactly("letter-1", "letter-2");
        assertThat(build.find("letter_index", "KGZ", Document.class).getList("letterIds", String.class))
                .containsExactly("letter-3");
    }

    @Test
    void theLiveConsumersReadModelAlwaysAsksTheStoreForWhatIsNotPending() {
        mongo.save(new Document("_id", "event-9").append("type", "LetterSent"), "g7_applied_events");
        BatchingReadModel live = new BatchingReadModel(mongo, new Generation(7), ReadModelLayout.of());
        assertThat(live.find("applied_events", "event-9", Document.class).getString("type")).isEqualTo("LetterSent");
    }

    @Test
    void whatWasReadAheadIsAnsweredFromMemoryFoundOrAbsentUntilTheFlush() {
        mongo.save(new Document("_id", "event-2").append("type", "LetterSent"), "g7_applied_events");
        BatchingReadModel live = new BatchingReadModel(mongo, new Generation(7), ReadModelLayout.of());
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            ids.add("event-" + i);
        }

        live.readAhead("applied_events", ids, Document.class);
        assertThat(read).as("100 keys, 64 a query").hasSize(2);
        assertThat(live.find("applied_events", "event-2", Document.class).getString("type")).isEqualTo("LetterSent");
        assertThat(live.find("applied_events", "event-1", Document.class)).isNull();
        assertThat(live.find("applied_events", "event-100", Document.class)).isNull();
        assertThat(read).as("answered from what was read ahead").hasSize(2);

        live.save("applied_events", "event-1", new Document("type", "ResponseReceived"));
        assertThat(live.find("applied_events", "event-1", Document.class).getString("type")).isEqualTo("ResponseReceived");
        assertThat(live.find("applied_events", "event-101", Document.class)).isNull();
        assertThat(read).as("a key not read ahead").hasSize(3);

        live.save("applied_events", "event-2", new Document("type", "FollowUpSent"));
        assertThat(live.find("applied_events", "event-2", Document.class).getString("type"))
                .as("what was saved since it was read ahead").isEqualTo("FollowUpSent");

        live.flush();
        assertThat(live.find("applied_events", "event-3", Document.class)).isNull();
        assertThat(read).as("after the flush, the store is asked again").hasSize(4);
    }
}
