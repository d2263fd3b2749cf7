package org.followuptracker.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.bson.Document;
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
    void aGenerationMadeLiveBeforeLayoutsHadVersionsIsReadButNotAppliedTo() {
        mongo.save(new Document("_id", "live").append("number", 2), Generations.POINTERS);
        Generations generations = new Generations(mongo);

        assertThat(generations.liveLayout()).isZero();
        assertThat(generations.live()).contains(new Generation(2));
        assertThat(generations.liveNowOfThisLayout()).isEmpty();
    }
}
