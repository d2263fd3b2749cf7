package org.followuptracker.query.rebuild;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.followuptracker.query.readmodel.Generation;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Compares two generations of the read models document by document. */
final class ReadModelComparison {

    /**
     * Every read-model collection a generation has, but for what tells readers which documents changed
     * ({@code board_changes}, {@code letter_changes}): that counts an event applied again after an interrupted write
     * once more, so live and rebuilt may rightly differ there.
     */
    static final List<String> COLLECTIONS = List.of("applied_events", "audit", "audit_heads", "board_index", "letter", "letter_index",
            "recommendations", "timeline", "timeline_index", "timeline_places");
    private static final int LISTED = 50;

    private ReadModelComparison() {
    }

    record Difference(String collection, String id, String difference) {
    }

    record Result(Map<String, Long> documents, long differenceCount, List<Difference> differences) {
    }

    static Result compare(MongoTemplate mongo, Generation live, Generation rebuilt) {
        Map<String, Long> documents = new LinkedHashMap<>();
        List<Difference> differences = new ArrayList<>();
        long count = 0;
        for (String collection : COLLECTIONS) {
            Map<Object, Document> liveDocuments = byId(mongo.findAll(Document.class, live.collection(collection)));
            Map<Object, Document> rebuiltDocuments = byId(mongo.findAll(Document.class, rebuilt.collection(collection)));
            documents.put(collection, (long) rebuiltDocuments.size());
            for (Map.Entry<Object, Document> expected : rebuiltDocuments.entrySet()) {
                Document actual = liveDocuments.get(expected.getKey());
                String difference = actual == null ? "missing from the live read models"
                        : Objects.equals(actual, expected.getValue()) ? null
                        : "differs: live " + shorten(actual.toJson()) + " rebuilt " + shorten(expected.getValue().toJson());
                if (difference != null) {
                    count++;
                    if (differences.size() < LISTED) {
                        differences.add(new Difference(collection, String.valueOf(expected.getKey()), difference));
                    }
                }
            }
            for (Object id : liveDocuments.keySet()) {
                if (!rebuiltDocuments.containsKey(id)) {
                    count++;
                    if (differences.size() < LISTED) {
                        differences.add(new Difference(collection, String.valueOf(id),
                                "in the live read models only: no event on the topic makes it"));
                    }
                }
            }
        }
        return new Result(documents, count, differences);
    }

    private static Map<Object, Document> byId(List<Document> documents) {
        Map<Object, Document> byId = new HashMap<>();
        for (Document document : documents) {
            byId.put(document.get("_id"), document);
        }
        return byId;
    }

    private static String shorten(String json) {
        return json.length() <= 600 ? json : json.substring(0, 600) + "...";
    }
}
