package org.followuptracker.query.rebuild;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.followuptracker.query.store.Generation;
import org.followuptracker.query.store.ReadModelLayout;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Compares two generations of the read models document by document, a thousand documents at a time: a read model
 * of a million events does not fit in memory at once, nor in one reply of the store.
 */
final class ReadModelComparison {

    private static final int LISTED = 50;
    private static final int AT_A_TIME = 1_000;

    private ReadModelComparison() {
    }

    record Difference(String collection, String id, String difference) {
    }

    record Result(Map<String, Long> documents, long differenceCount, List<Difference> differences) {
    }

    /** Compares {@code collections} ({@link ReadModelLayout#compared}) of the two generations. */
    static Result compare(MongoTemplate mongo, List<String> collections, Generation live, Generation rebuilt) {
        Map<String, Long> documents = new LinkedHashMap<>();
        Differences differences = new Differences();
        for (String collection : collections) {
            String liveName = live.collection(collection);
            String rebuiltName = rebuilt.collection(collection);
            long[] rebuiltCount = {0};
            inChunks(mongo, new Query(), rebuiltName, expected -> {
                rebuiltCount[0] += expected.size();
                Map<Object, Document> actual = byId(mongo, liveName, expected.stream().map(d -> d.get("_id")).toList(),
                        false);
                for (Document document : expected) {
                    Document found = actual.get(document.get("_id"));
                    if (found == null) {
                        differences.add(collection, document.get("_id"), "missing from the live read models");
                    } else if (!Objects.equals(found, document)) {
                        differences.add(collection, document.get("_id"), "differs: live " + shorten(found.toJson())
                                + " rebuilt " + shorten(document.toJson()));
                    }
                }
            });
            documents.put(collection, rebuiltCount[0]);
            Query idsOnly = new Query();
            idsOnly.fields().include("_id");
            inChunks(mongo, idsOnly, liveName, found -> {
                Set<Object> rebuiltIds = byId(mongo, rebuiltName, found.stream().map(d -> d.get("_id")).toList(), true)
                        .keySet();
                for (Document document : found) {
                    if (!rebuiltIds.contains(document.get("_id"))) {
                        differences.add(collection, document.get("_id"),
                                "in the live read models only: no event on the topic makes it");
                    }
                }
            });
        }
        return new Result(documents, differences.count, differences.listed);
    }

    private static void inChunks(MongoTemplate mongo, Query query, String collection, Consumer<List<Document>> chunk) {
        try (Stream<Document> documents = mongo.stream(query.cursorBatchSize(AT_A_TIME), Document.class, collection)) {
            List<Document> some = new ArrayList<>(AT_A_TIME);
            documents.forEach(document -> {
                some.add(document);
                if (some.size() == AT_A_TIME) {
                    chunk.accept(some);
                    some.clear();
                }
            });
            if (!some.isEmpty()) {
                chunk.accept(some);
            }
        }
    }

    private static Map<Object, Document> byId(MongoTemplate mongo, String collection, List<Object> ids, boolean idsOnly) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        if (idsOnly) {
            query.fields().include("_id");
        }
        Map<Object, Document> byId = new HashMap<>();
        for (Document document : mongo.find(query, Document.class, collection)) {
            byId.put(document.get("_id"), document);
        }
        return byId;
    }

    private static String shorten(String json) {
        return json.length() <= 600 ? json : json.substring(0, 600) + "...";
    }

    /** Counts every difference, lists the first {@value #LISTED}. */
    private static final class Differences {
        private final List<Difference> listed = new ArrayList<>();
        private long count;

        void add(String collection, Object id, String difference) {
            count++;
            if (listed.size() < LISTED) {
                listed.add(new Difference(collection, String.valueOf(id), difference));
            }
        }
    }
}
