package org.followuptracker.embedded.readstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.followuptracker.embedded.FreePorts;
import org.followuptracker.embedded.InProcessMongo;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded read store keeps documents as BSON in its H2 file: what the query service writes, of every type it
 * writes, reads back the same, also after a restart and after being replaced many times; a unique index on two fields
 * (the audit's) keeps its keys as BSON and refuses a duplicate; an earlier version's file (which this store cannot
 * read) is removed so the read models are built again.
 */
class BsonH2BackendTest {

    @TempDir
    Path folder;

    @Test
    void documentsReadBackAsWrittenAfterReplacementsAndARestart() {
        Document letter = new Document("_id", "letter-1")
                .append("country", "KAZ")
                .append("sequence", 42L)
                .append("count", 7)
                .append("share", 0.25)
                .append("answered", true)
                .append("retraction", null)
                .append("recordedAt", Date.from(Instant.parse("2012-10-01T09:30:00Z")))
                .append("objectId", new ObjectId("5f1d7e2b9c1a4b3d2e6f7a8b"))
                .append("amount", Decimal128.parse("12.50"))
                .append("dueDates", List.of(new Document("dueBy", "2012-12-01").append("eventId", "e-1"),
                        new Document("dueBy", null).append("eventId", "e-2")))
                .append("text", "Ratify the Optional Protocol to the Convention against Torture \u2013 \u201cOPCAT\u201d");
        List<String> letterIds = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            letterIds.add("letter-" + i);
        }

        try (InProcessMongo mongo = InProcessMongo.start(folder, FreePorts.next());
                MongoClient client = MongoClients.create(mongo.uri("test"))) {
            MongoCollection<Document> letters = client.getDatabase("test").getCollection("g1_letter");
            letters.insertOne(letter);
            MongoCollection<Document> index = client.getDatabase("test").getCollection("g1_letter_index");
            // A country's index is written again with every letter sent to it.
            for (int n = 1; n <= letterIds.size(); n += 250) {
                index.replaceOne(Filters.eq("_id", "KAZ"), new Document("_id", "KAZ").append("letterIds",
                        letterIds.subList(0, n)), new ReplaceOptions().upsert(true));
            }
        }

        try (InProcessMongo mongo = InProcessMongo.start(folder, FreePorts.next());
                MongoClient client = MongoClients.create(mongo.uri("test"))) {
            assertThat(client.getDatabase("test").getCollection("g1_letter").find(Filters.eq("_id", "letter-1"))
                    .first()).as("found by its id, through the _id index").isEqualTo(letter);
            assertThat(client.getDatabase("test").getCollection("g1_letter_index").find().first().getList("letterIds",
                    String.class)).hasSize(4_751).startsWith("letter-0").endsWith("letter-4750");
        }
        assertThat(folder.resolve(InProcessMongo.FILE)).exists();
    }

    @Test
    void theDocumentsAreKeptAsBsonInTheOrderTheyWereAddedAndFoundByTheirIds() {
        try (InProcessMongo mongo = InProcessMongo.start(folder, FreePorts.next());
                MongoClient client = MongoClients.create(mongo.uri("test"))) {
            MongoCollection<Document> letters = client.getDatabase("test").getCollection("g1_letter");
            letters.insertOne(new Document("_id", "letter-z").append("country", "KAZ"));
            letters.insertOne(new Document("_id", "letter-a").append("country", "UZB"));
            letters.insertOne(new Document("_id", "letter-b").append("country", "ARM"));
            letters.deleteOne(Filters.eq("_id", "letter-a"));
        }
        try (InProcessMongo mongo = InProcessMongo.start(folder, FreePorts.next());
                MongoClient client = MongoClients.create(mongo.uri("test"))) {
            MongoCollection<Document> letters = client.getDatabase("test").getCollection("g1_letter");
            // After a restart: added after the others (not under the number of one still there), changed and removed by id.
            letters.insertOne(new Document("_id", "letter-m").append("country", "TKM"));
            letters.replaceOne(Filters.eq("_id", "letter-z"), new Document("_id", "letter-z").append("country", "KGZ"));
            letters.deleteOne(Filters.eq("_id", "letter-b"));
            assertThat(letters.find().into(new ArrayList<>())).extracting(letter -> letter.getString("country"))
                    .containsExactly("KGZ", "TKM");
            assertThat(letters.find(Filters.eq("_id", "letter-m")).first()).containsEntry("country", "TKM");
        }
        MVStore store = new MVStore.Builder().fileName(folder.resolve(InProcessMongo.FILE).toString()).readOnly().open();
        try {
            var documents = store.openMap("databases.test.g1_letter",
                    new org.h2.mvstore.MVMap.Builder<Long, de.bwaldvogel.mongo.bson.Document>()
                            .keyType(org.h2.mvstore.type.LongDataType.INSTANCE).valueType(new BsonDocumentType()));
            assertThat(documents.keySet()).as("numbered as added, never again under a number in use").containsExactly(0L, 3L);
            assertThat(documents.get(0L)).containsEntry("_id", "letter-z").containsEntry("country", "KGZ");
            var idIndex = store.openMap("test.g1_letter._index__id_",
                    new org.h2.mvstore.MVMap.Builder<de.bwaldvogel.mongo.backend.KeyValue, Object>()
                            .keyType(new KeyValueType()));
            assertThat(idIndex.get(new de.bwaldvogel.mongo.backend.KeyValue("letter-m"))).isEqualTo(3L);
            assertThat(idIndex.containsKey(new de.bwaldvogel.mongo.backend.KeyValue("letter-a"))).isFalse();
            assertThat(idIndex.containsKey(new de.bwaldvogel.mongo.backend.KeyValue("letter-b"))).isFalse();
        } finally {
            store.close();
        }
    }

    @Test
    void aReplacementByItsIdReplacesTheWholeDocumentOrAddsItAndOtherUpdatesKeepTheirMeaning() {
        try (InProcessMongo mongo = InProcessMongo.start(folder, FreePorts.next());
                MongoClient client = MongoClients.create(mongo.uri("test"))) {
            MongoCollection<Document> letters = client.getDatabase("test").getCollection("g1_letter");
            var added = letters.replaceOne(Filters.eq("_id", "letter-1"), new Document("_id", "letter-1")
                    .append("country", "KAZ").append("answered", false), new ReplaceOptions().upsert(true));
            assertThat(added.getMatchedCount()).isZero();
            assertThat(added.getUpsertedId()).isNotNull();
            assertThat(added.getUpsertedId().asString().getValue()).isEqualTo("letter-1");

            var replaced = letters.replaceOne(Filters.eq("_id", "letter-1"), new Document("country", "UZB"),
                    new ReplaceOptions().upsert(true));
            assertThat(replaced.getMatchedCount()).isEqualTo(1);
            assertThat(replaced.getUpsertedId()).isNull();
            assertThat(letters.find(Filters.eq("_id", "letter-1")).first()).as("whole: the field it lacks is gone")
                    .isEqualTo(new Document("_id", "letter-1").append("country", "UZB"));

            assertThat(letters.replaceOne(Filters.eq("_id", "letter-2"), new Document("country", "ARM"))
                    .getMatchedCount()).as("without upsert, an absent document stays absent").isZero();
            letters.updateOne(Filters.eq("_id", "letter-1"), new Document("$set", new Document("answered", true)));
            assertThatThrownBy(() -> letters.replaceOne(Filters.eq("_id", "letter-1"),
                    new Document("_id", "letter-9").append("country", "TJK"))).isInstanceOf(MongoWriteException.class)
                    .as("the id cannot change").hasMessageContaining("_id");
            letters.replaceOne(Filters.and(Filters.eq("_id", "letter-1"), Filters.eq("country", "UZB")),
                    new Document("country", "KGZ").append("answered", true));

            MongoCollection<Document> audit = client.getDatabase("test").getCollection("g1_audit");
            audit.createIndex(Indexes.ascending("country", "position"), new IndexOptions().unique(true));
            audit.insertOne(new Document("_id", "e-1").append("country", "KAZ").append("position", 1L));
            audit.insertOne(new Document("_id", "e-2").append("country", "KAZ").append("position", 2L));
            assertThatThrownBy(() -> audit.replaceOne(Filters.eq("_id", "e-2"), new Document("country", "KAZ")
                    .append("position", 1L))).as("another index is kept right").isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000");
            audit.replaceOne(Filters.eq("_id", "e-2"), new Document("country", "KAZ").append("position", 3L));
            assertThat(audit.find(Filters.eq("position", 2L)).first()).isNull();
            assertThatThrownBy(() -> audit.replaceOne(Filters.eq("_id", "e-4"), new Document("country", "KAZ")
                    .append("position", 3L), new ReplaceOptions().upsert(true)))
                    .as("an upsert of an absent document is checked against the other index")
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
            assertThat(audit.find(Filters.eq("_id", "e-4")).first()).isNull();
            var upserted = audit.replaceOne(Filters.eq("_id", "e-5"), new Document("country", "KAZ")
                    .append("position", 5L), new ReplaceOptions().upsert(true));
            assertThat(upserted.getUpsertedId().asString().getValue()).isEqualTo("e-5");
            assertThat(audit.find(Filters.eq("position", 5L)).first()).containsEntry("_id", "e-5");
            assertThatThrownBy(() -> audit.insertOne(new Document("_id", "e-6").append("country", "KAZ")
                    .append("position", 5L))).as("the upserted document is in the other index")
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
        }

        try (InProcessMongo mongo = InProcessMongo.start(folder, FreePorts.next());
                MongoClient client = MongoClients.create(mongo.uri("test"))) {
            MongoCollection<Document> letters = client.getDatabase("test").getCollection("g1_letter");
            assertThat(letters.find().into(new ArrayList<>())).containsExactly(
                    new Document("_id", "letter-1").append("country", "KGZ").append("answered", true));
            assertThat(client.getDatabase("test").getCollection("g1_audit").find(Filters.eq("_id", "e-2")).first())
                    .containsEntry("position", 3L);
        }
    }

    @Test
    void aReplacementByAStringIdTakesTheDirectPathWhereNoOtherIndexKeepsKeys() {
        try (InProcessMongo mongo = InProcessMongo.start(folder, FreePorts.next());
                MongoClient client = MongoClients.create(mongo.uri("test"))) {
            // As the recommendations: an index by country, which the server takes and ignores (it keeps no keys).
            MongoCollection<Document> recommendations = client.getDatabase("test").getCollection("g1_recommendations");
            recommendations.createIndex(Indexes.ascending("country"));
            Document recommendation = new Document("_id", "rec-1").append("country", "KAZ").append("status", "urged");
            recommendations.insertOne(recommendation);

            var same = recommendations.replaceOne(Filters.eq("_id", "rec-1"), recommendation);
            assertThat(same.getModifiedCount()).as("the direct replacement counts the same content as modified, "
                    + "where the general path (and MongoDB) would not").isEqualTo(1);
            recommendations.replaceOne(Filters.eq("_id", "rec-1"), new Document("country", "UZB"),
                    new ReplaceOptions().upsert(true));
            assertThat(recommendations.find(Filters.eq("_id", "rec-1")).first()).as("replaced whole")
                    .isEqualTo(new Document("_id", "rec-1").append("country", "UZB"));
            assertThat(recommendations.find(Filters.eq("country", "UZB")).into(new ArrayList<>()))
                    .as("found by the field of the ignored index, by a scan").hasSize(1);
            assertThat(recommendations.find(Filters.eq("country", "KAZ")).first()).isNull();

            // An absent document upserted by its id (a string) is added with its key put in the id index directly.
            var upserted = recommendations.replaceOne(Filters.eq("_id", "rec-2"), new Document("country", "ARM"),
                    new ReplaceOptions().upsert(true));
            assertThat(upserted.getUpsertedId().asString().getValue()).isEqualTo("rec-2");
            assertThat(recommendations.find(Filters.eq("_id", "rec-2")).first()).as("found through the id index")
                    .isEqualTo(new Document("_id", "rec-2").append("country", "ARM"));
            assertThatThrownBy(() -> recommendations.insertOne(new Document("_id", "rec-2")))
                    .as("its key is in the id index").isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("E11000");
        }

        try (InProcessMongo mongo = InProcessMongo.start(folder, FreePorts.next());
                MongoClient client = MongoClients.create(mongo.uri("test"))) {
            assertThat(client.getDatabase("test").getCollection("g1_recommendations").find(Filters.eq("_id", "rec-2"))
                    .first()).as("after a restart").containsEntry("country", "ARM");
        }
    }

    @Test
    void aCompoundUniqueIndexRefusesADuplicateAlsoAfterARestart() {
        try (InProcessMongo mongo = InProcessMongo.start(folder, FreePorts.next());
                MongoClient client = MongoClients.create(mongo.uri("test"))) {
            MongoCollection<Document> audit = client.getDatabase("test").getCollection("g1_audit");
            audit.createIndex(Indexes.ascending("country", "position"), new IndexOptions().unique(true));
            audit.insertOne(new Document("_id", "e-1").append("country", "KAZ").append("position", 1L));
            audit.insertOne(new Document("_id", "e-2").append("country", "KAZ").append("position", 2L));
            audit.insertOne(new Document("_id", "e-3").append("country", "UZB").append("position", 1L));
        }

        try (InProcessMongo mongo = InProcessMongo.start(folder, FreePorts.next());
                MongoClient client = MongoClients.create(mongo.uri("test"))) {
            MongoCollection<Document> audit = client.getDatabase("test").getCollection("g1_audit");
            assertThatThrownBy(() -> audit.insertOne(new Document("_id", "e-4").append("country", "KAZ")
                    .append("position", 2L))).isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
            audit.insertOne(new Document("_id", "e-5").append("country", "KAZ").append("position", 3L));
            assertThat(audit.countDocuments(Filters.eq("country", "KAZ"))).isEqualTo(3);
        }
        MVStore store = new MVStore.Builder().fileName(folder.resolve(InProcessMongo.FILE).toString()).readOnly().open();
        try {
            var index = store.openMap("test.g1_audit._index_country_1_position_1",
                    new org.h2.mvstore.MVMap.Builder<de.bwaldvogel.mongo.backend.KeyValue, Object>()
                            .keyType(new KeyValueType()));
            // The wire server keeps the numbers of an index key as doubles.
            assertThat(index.keySet()).as("kept as BSON, in MongoDB's order").containsExactly(
                    new de.bwaldvogel.mongo.backend.KeyValue("KAZ", 1.0), new de.bwaldvogel.mongo.backend.KeyValue("KAZ", 2.0),
                    new de.bwaldvogel.mongo.backend.KeyValue("KAZ", 3.0), new de.bwaldvogel.mongo.backend.KeyValue("UZB", 1.0));
        } finally {
            store.close();
        }
    }

    @Test
    void earlierVersionsFilesAreRemovedSoTheReadModelsAreBuiltAgain() throws Exception {
        Files.writeString(folder.resolve("read-models.mv"), "serialized Java objects");
        Files.writeString(folder.resolve("read-models-bson.mv"), "the audit's index keys serialized");
        Files.writeString(folder.resolve("read-models-bson-2.mv"), "documents under their ids");

        try (InProcessMongo mongo = InProcessMongo.start(folder, FreePorts.next());
                MongoClient client = MongoClients.create(mongo.uri("test"))) {
            assertThat(client.getDatabase("test").listCollectionNames().into(new ArrayList<>())).isEmpty();
        }
        assertThat(folder.resolve("read-models.mv")).doesNotExist();
        assertThat(folder.resolve("read-models-bson.mv")).doesNotExist();
        assertThat(folder.resolve("read-models-bson-2.mv")).doesNotExist();
    }
}
