package org.followuptracker.query.projection;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.followuptracker.query.store.Generation;
import org.followuptracker.query.store.LookAhead;
import org.followuptracker.query.store.ReadModel;

/**
 * Read models held in a map, for tests of projections: what a projection saves is what it finds, with no store, no
 * batching and no Spring. Reading ahead finds nothing to do.
 */
public final class InMemoryReadModel implements ReadModel, LookAhead {

    private final Map<String, Map<String, Object>> documents = new LinkedHashMap<>();

    @Override
    public Generation generation() {
        return new Generation(1);
    }

    @Override
    public <T> T find(String collection, String id, Class<T> type) {
        Object document = documents.getOrDefault(collection, Map.of()).get(id);
        return type.isInstance(document) ? type.cast(document) : null;
    }

    @Override
    public void save(String collection, String id, Object document) {
        documents.computeIfAbsent(collection, name -> new LinkedHashMap<>()).put(id, document);
    }

    /** Forgets the document: for a test of what a write cut short leaves. */
    public void delete(String collection, String id) {
        documents.getOrDefault(collection, new LinkedHashMap<>()).remove(id);
    }

    @Override
    public void readAhead(String collection, Collection<String> ids, Class<?> type) {
    }

    @Override
    public void readAheadOfEvents(String collection, Collection<String> eventIds, Class<?> type) {
    }

    /** Every document, by collection and key (a copy). */
    public Map<String, Map<String, Object>> documents() {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        documents.forEach((collection, byKey) -> copy.put(collection, new LinkedHashMap<>(byKey)));
        return copy;
    }
}
