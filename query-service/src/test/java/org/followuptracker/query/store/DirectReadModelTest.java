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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Reads of many documents come in batches of a bounded size, and every document arrives. */
class DirectReadModelTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address = server.bind();
    private final MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    private final List<Query> queries = new ArrayList<>();
    private final MongoTemplate mongo = new MongoTemplate(client, "test") {
        @Override
        public <T> List<T> find(Query query, Class<T> entityClass, String collectionName) {
            queries.add(query);
            return super.find(query, entityClass, collectionName);
        }
    };

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void everyDocumentArrivesInBatchesOfAThousand() {
        List<Document> letters = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            letters.add(new Document("_id", "letter-" + i).append("country", i % 2 == 0 ? "KAZ" : "UZB"));
        }
        mongo.insert(letters, "g3_letters");
        DirectReadModel readModel = new DirectReadModel(mongo, new Generation(3));

        assertThat(readModel.all("letters", Document.class)).hasSize(2_500);
        assertThat(readModel.find("letters", Query.query(Criteria.where("country").is("KAZ")), Document.class))
                .hasSize(1_250).allSatisfy(letter -> assertThat(letter.getString("country")).isEqualTo("KAZ"));
        assertThat(queries).extracting(query -> query.getMeta().getCursorBatchSize()).containsExactly(1_000, 1_000);
        Query ownBatches = Query.query(Criteria.where("country").is("UZB")).cursorBatchSize(10);
        assertThat(readModel.find("letters", ownBatches, Document.class)).hasSize(1_250);
        assertThat(queries.get(2).getMeta().getCursorBatchSize()).as("a batch size asked for is kept").isEqualTo(10);
    }
}
