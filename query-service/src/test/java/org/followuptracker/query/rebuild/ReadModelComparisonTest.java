package org.followuptracker.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.followuptracker.query.projection.TheProjections;
import org.followuptracker.query.store.Generation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class ReadModelComparisonTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address = server.bind();
    private final MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "test");
    private final Generation live = new Generation(1);
    private final Generation rebuilt = new Generation(2);
    private static final List<String> COMPARED = TheProjections.all().layout().compared();

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void everyCollectionIsComparedButWhereTheReadModelsStandAndWhichDocumentsChanged() {
        assertThat(COMPARED).containsExactly("applied_events", "audit", "audit_heads", "board_index",
                "board_index_parts", "letter", "letter_index", "letter_index_parts", "recommendations", "timeline",
                "timeline_index", "timeline_places");
    }

    @Test
    void everyDifferenceIsCountedAcrossManyChunksAndTheFirstFiftyAreListed() {
        List<Document> timeline = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            timeline.add(new Document("_id", "KAZ:" + i).append("entries", i));
        }
        mongo.insert(timeline, rebuilt.collection("timeline"));
        timeline.set(1_700, new Document("_id", "KAZ:1700").append("entries", -1));
        timeline.remove(2_200);
        timeline.add(new Document("_id", "KGZ:1").append("entries", 1));
        mongo.insert(timeline, live.collection("timeline"));
        List<Document> places = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            places.add(new Document("_id", "event-" + i));
        }
        mongo.insert(places, live.collection("timeline_places"));

        ReadModelComparison.Result result = ReadModelComparison.compare(mongo, COMPARED, live, rebuilt);

        assertThat(result.documents().get("timeline")).isEqualTo(2_500);
        assertThat(result.documents().get("timeline_places")).isZero();
        assertThat(result.differenceCount()).isEqualTo(3 + 60);
        assertThat(result.differences()).hasSize(50);
        assertThat(result.differences().subList(0, 3)).extracting(ReadModelComparison.Difference::id)
                .containsExactlyInAnyOrder("KAZ:1700", "KAZ:2200", "KGZ:1");
        assertThat(result.differences().subList(3, 50)).extracting(ReadModelComparison.Difference::collection)
                .containsOnly("timeline_places");
        assertThat(result.differences()).filteredOn(d -> d.id().equals("KAZ:1700")).singleElement()
                .satisfies(d -> assertThat(d.difference()).startsWith("differs: live"));
        assertThat(result.differences()).filteredOn(d -> d.id().equals("KAZ:2200")).singleElement()
                .satisfies(d -> assertThat(d.difference()).isEqualTo("missing from the live read models"));
        assertThat(result.differences()).filteredOn(d -> d.id().equals("KGZ:1")).singleElement()
                .satisfies(d -> assertThat(d.difference()).startsWith("in the live read models only"));
    }

    @Test
    void generationsWithTheSameDocumentsAreEqual() {
        List<Document> letters = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            letters.add(new Document("_id", "letter-" + i).append("recommendations", List.of("rec-" + i)));
        }
        mongo.insert(letters, live.collection("letter"));
        mongo.insert(letters, rebuilt.collection("letter"));

        ReadModelComparison.Result result = ReadModelComparison.compare(mongo, COMPARED, live, rebuilt);

        assertThat(result.differenceCount()).isZero();
        assertThat(result.documents().get("letter")).isEqualTo(1_001);
    }
}
