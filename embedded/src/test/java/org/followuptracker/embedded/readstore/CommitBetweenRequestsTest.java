package org.followuptracker.embedded.readstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.followuptracker.embedded.FreePorts;
import org.followuptracker.embedded.InProcessMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the read store's file holds at any moment, which is what a kill of its process leaves, is the store as it was
 * between two requests: a writer that writes its documents and then where it stands never finds, in a copy of the
 * file, where it stands without the documents before. This is how the query service finds lost writes again after a
 * crash. Several writers, each its own documents and its own position; the store commits every few milliseconds; the
 * file copied while they write.
 * <p>
 * H2's own background commit fails this only when its thread is held up between two maps (microseconds, on a busy
 * machine): this test did not catch it in runs without the lock. It guards what the lock promises.
 */
class CommitBetweenRequestsTest {

    private static final int WRITERS = 4;

    @TempDir
    Path folder;

    @Test
    void readsRunBesideACommitAndEverythingElseWaitsForIt() {
        assertThat(BsonH2Backend.onlyReads(command("find"))).isTrue();
        assertThat(BsonH2Backend.onlyReads(command("getMore"))).isTrue();
        assertThat(BsonH2Backend.onlyReads(command("aggregate").append("pipeline",
                List.of(new de.bwaldvogel.mongo.bson.Document("$match", new de.bwaldvogel.mongo.bson.Document())))))
                .isTrue();
        assertThat(BsonH2Backend.onlyReads(command("aggregate").append("pipeline",
                List.of(new de.bwaldvogel.mongo.bson.Document("$merge", "elsewhere"))))).isFalse();
        for (String write : List.of("insert", "update", "delete", "findAndModify", "createIndexes", "drop",
                "dropDatabase", "renameCollection", "someCommandNotKnownYet")) {
            assertThat(BsonH2Backend.onlyReads(command(write))).as(write).isFalse();
        }
        assertThat(BsonH2Backend.onlyReads(null)).isFalse();
    }

    private static de.bwaldvogel.mongo.bson.Document command(String name) {
        return new de.bwaldvogel.mongo.bson.Document(name, "letters");
    }

    @Test
    void aCopyOfTheFileTakenWhileWritersWriteHoldsEveryDocumentBeforeEachStoredPosition() throws Exception {
        Path file = folder.resolve("live").resolve(InProcessMongo.FILE);
        Files.createDirectories(file.getParent());
        BsonH2Backend backend = new BsonH2Backend(file.toString(), Duration.ofMillis(2));
        MongoServer server = new MongoServer(backend);
        int port = FreePorts.next();
        server.bind("127.0.0.1", port);
        List<Path> copies = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoDatabase database = client.getDatabase("test");
            for (int w = 0; w < WRITERS; w++) {
                String writer = "writer-" + w;
                Thread thread = new Thread(() -> {
                    for (long at = 1; !stop.get(); at++) {
                        database.getCollection("documents_" + writer).insertOne(new Document("_id", at));
                        database.getCollection("positions").replaceOne(Filters.eq("_id", writer),
                                new Document("_id", writer).append("at", at), new ReplaceOptions().upsert(true));
                        written.incrementAndGet();
                    }
                });
                thread.start();
                writers.add(thread);
            }
            for (int c = 0; c < 60; c++) {
                long before = written.get();
                await("more writes before the next copy").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(1)).until(() -> written.get() >= before + 20);
                Path copy = folder.resolve("copy-" + c);
                Files.createDirectories(copy);
                Files.copy(file, copy.resolve(InProcessMongo.FILE));
                copies.add(copy);
            }
            stop.set(true);
            for (Thread thread : writers) {
                thread.join();
            }
        } finally {
            server.shutdown();
        }

        long positionsSeen = 0;
        for (Path copy : copies) {
            try (InProcessMongo mongo = InProcessMongo.start(copy, FreePorts.next());
                    MongoClient client = MongoClients.create(mongo.uri("test"))) {
                MongoDatabase database = client.getDatabase("test");
                for (Document position : database.getCollection("positions").find()) {
                    String writer = position.getString("_id");
                    long at = position.getLong("at");
                    positionsSeen++;
                    assertThat(database.getCollection("documents_" + writer).countDocuments())
                            .as("%s's documents in %s, which says it stands at %d", writer, copy.getFileName(), at)
                            .isGreaterThanOrEqualTo(at);
                }
            }
        }
        assertThat(positionsSeen).as("positions found in the copies").isGreaterThan(WRITERS * 20L);
    }
}
