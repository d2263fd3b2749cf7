package org.followuptracker.query.store;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Reads and writes straight through to MongoDB; readers also fetch many documents at once. */
public class DirectReadModel implements ReadModel {

    static final int KEYS_PER_QUERY = 64;
    static final int DOCUMENTS_PER_BATCH = 1_000;

    private final MongoTemplate mongo;
    private final Generation generation;

    public DirectReadModel(MongoTemplate mongo, Generation generation) {
        this.mongo = mongo;
        this.generation = generation;
    }

    @Override
    public Generation generation() {
        return generation;
    }

    @Override
    public <T> T find(String collection, String id, Class<T> type) {
        return mongo.findById(id, type, generation.collection(collection));
    }

    @Override
    public void save(String collection, String id, Object document) {
        mongo.save(document, generation.collection(collection));
    }

    /**
     * The documents with these keys (in no particular order): one indexed lookup per key in any store. Asked for
     * {@value #KEYS_PER_QUERY} keys at a time: the embedded MongoDB-wire server matches every document found against
     * the whole list again: one query of 4,000 keys took 400 ms, 63 queries of 64 keys take 36 ms.
     */
    public <T> List<T> findAll(String collection, Collection<String> ids, Class<T> type) {
        List<String> keys = List.copyOf(ids);
        List<T> found = new java.util.ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<String> some = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            found.addAll(mongo.find(Query.query(Criteria.where("_id").in(some)), type, generation.collection(collection)));
        }
        return found;
    }

    /** What {@code query} finds; for reads that a key cannot answer (a real MongoDB uses the indexes made for them). */
    public <T> List<T> find(String collection, Query query, Class<T> type) {
        return mongo.find(inBatches(query), type, generation.collection(collection));
    }

    /** How many documents {@code query} finds (its skip and limit, if any, ignored). */
    public long count(String collection, Query query) {
        return mongo.count(Query.of(query).skip(0).limit(0), generation.collection(collection));
    }

    public <T> List<T> all(String collection, Class<T> type) {
        return mongo.find(inBatches(new Query()), type, generation.collection(collection));
    }

    /**
     * Every document of the collection, handed to {@code each} one at a time as the replies come: for what is worked
     * out from many documents without holding them all (a million events hold some 330,000 letters, 330 MB).
     */
    public <T> void forEach(String collection, Class<T> type, Consumer<? super T> each) {
        forEach(collection, new Query(), type, each);
    }

    /** As {@link #forEach(String, Class, Consumer)}, for what {@code query} finds, in its order. */
    public <T> void forEach(String collection, Query query, Class<T> type, Consumer<? super T> each) {
        try (Stream<T> documents = mongo.stream(inBatches(query), type, generation.collection(collection))) {
            documents.forEach(each);
        }
    }

    /**
     * The query, answered {@value #DOCUMENTS_PER_BATCH} documents a reply unless it says otherwise. MongoDB sends at
     * most 16 MB a reply by itself; the embedded MongoDB-wire server sends everything found in one reply unless asked
     * for batches, and the driver refuses a reply over 48 MB: with a million events stored, every letter was one of
     * 227 MB, and the overdue list failed.
     */
    private static Query inBatches(Query query) {
        return query.getMeta().getCursorBatchSize() == null ? query.cursorBatchSize(DOCUMENTS_PER_BATCH) : query;
    }
}
