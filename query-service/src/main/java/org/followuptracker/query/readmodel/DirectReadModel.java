package org.followuptracker.query.readmodel;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Reads and writes straight through to MongoDB; readers also fetch many documents at once. */
public class DirectReadModel implements ReadModel {

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

    /** The documents with these keys (in no particular order): one indexed lookup per key in any store. */
    public <T> List<T> findAll(String collection, Collection<String> ids, Class<T> type) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), type, generation.collection(collection));
    }

    /** What {@code query} finds; for reads that a key cannot answer (a real MongoDB uses the indexes made for them). */
    public <T> List<T> find(String collection, Query query, Class<T> type) {
        return mongo.find(query, type, generation.collection(collection));
    }

    public <T> List<T> all(String collection, Class<T> type) {
        return mongo.findAll(type, generation.collection(collection));
    }
}
