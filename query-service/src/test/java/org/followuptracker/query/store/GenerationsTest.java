package org.followuptracker.query.store;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The live generation says which layout its documents are of; the consumer applies events only to this version's. */
class GenerationsTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address = server.bind();
    private final MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "test");

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aGenerationMadeLiveIsOfThisVersionsLayout() {
        Generations generations = new Generations(mongo);
        assertThat(generations.liveNowOfThisLayout()).isEmpty();

        generations.makeLive(new Generation(4));

        assertThat(generations.liveLayout()).isEqualTo(ReadModelLayout.VERSION);
        assertThat(generations.liveNowOfThisLayout()).contains(new Generation(4));
    }

    @Test
    void aNewGenerationHasTheIndexesItsDocumentsDeclare() {
        Generation generation = new Generations(mongo).allocate(TheProjections.all().layout());

        assertThat(indexes(generation, "audit")).contains(
                new Document("key", new Document("country", 1).append("position", 1)).append("unique", true),
                new Document("key", new Document("recordedAtTime", 1).append("country", 1).append("position", 1)),
                new Document("key", new Document("actor", 1).append("recordedAtTime", 1)));
    }

    /** The keys of each index of the collection, and whether it is unique where it is. */
    private List<Document> indexes(Generation generation, String collection) {
        List<Document> indexes = new ArrayList<>();
        for (Document index : mongo.getCollection(generation.collection(collection)).listIndexes()) {
            Document described = new Document("key", index.get("key"));
            if (Boolean.TRUE.equals(index.get("unique"))) {
                described.append("unique", true);
            }
            indexes.add(described);
        }
        return indexes;
    }

    @Test
    void aGenerationMadeLiveBeforeLayoutsHadVersionsIsReadButNotAppliedTo() {
        mongo.save(new Document("_id", "live").append("number", 2), Generations.POINTERS);
        Generations generations = new Generations(mongo);

        assertThat(generations.liveLayout()).isZero();
        assertThat(generations.live()).contains(new Generation(2));
        assertThat(generations.liveNowOfThisLayout()).isEmpty();
    }
}
