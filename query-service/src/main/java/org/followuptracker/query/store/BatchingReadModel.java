package org.followuptracker.query.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Keeps written documents in memory and writes them in bulk on {@link #flush()}: a document changed by a thousand
 * events is written once. Used by rebuilds, where it turns millions of single writes into a few thousand bulk ones,
 * and by the live consumer, a poll's events at a time.
 * <p>
 * Into the live generation, the flush writes one collection after the other, in the order of the read models'
 * {@link ReadModelLayout} (which says why): the documents first, then what is written last, then where the read
 * models stand on the topic ({@link TopicPositions}).
 */
public class BatchingReadModel implements ReadModel, LookAhead {

    /** Write a build's collections at once, one thread per collection of the read models at most. */
    private static final ExecutorService BUILD_WRITERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "read-model-build-writer");
        thread.setDaemon(true);
        return thread;
    });

    private final MongoTemplate mongo;
    private final Generation generation;
    private final ReadModelLayout layout;
    private final Map<String, Map<String, Object>> pending = new LinkedHashMap<>();
    /** What was read ahead, by collection and key (null: not in the store), and as which type. */
    private final Map<String, Map<String, Object>> readAhead = new HashMap<>();
    private final Map<String, Class<?>> readAheadTypes = new HashMap<>();
    /** For a generation that started empty and only this writes to: what it wrote. Null: anyone may have written. */
    private final WrittenIds written;
    /** Collections {@link #flushMost()} leaves pending: written by {@link #flush()} only. */
    private final Set<String> keptUntilFlush;
    /** Documents known as the store holds them, by collection and key, without reading them (see the constructor). */
    private final Map<String, Map<String, Object>> known;
    private int pendingCount;
    private int storeLookups;
    /** The ids of the events being applied that no one can have applied before, not even in part. */
    private Set<String> firstDelivered = Set.of();
    /** Since this was made: per collection read ahead, the keys asked of the store and the time it took. */
    private final StoreCosts readAheadCosts = new StoreCosts();
    /** Since this was made: per collection written into the live generation, the documents and the time it took. */
    private final StoreCosts writeCosts = new StoreCosts();

    public BatchingReadModel(MongoTemplate mongo, Generation generation, ReadModelLayout layout) {
        this(mongo, generation, layout, Map.of());
    }

    /**
     * With documents of the generation known as the store holds them now, by collection and key: looking one up, or
     * reading it ahead, is answered with it, not from the store. Only for documents no one else writes meanwhile: the
     * live consumer's own, as it wrote them last ({@code RecentCountryDocuments}).
     */
    public BatchingReadModel(MongoTemplate mongo, Generation generation, ReadModelLayout layout,
            Map<String, Map<String, Object>> known) {
        this(mongo, generation, layout, null, Set.of(), known);
    }

    private BatchingReadModel(MongoTemplate mongo, Generation generation, ReadModelLayout layout, WrittenIds written,
            Set<String> keptUntilFlush, Map<String, Map<String, Object>> known) {
        this.mongo = mongo;
        this.generation = generation;
        this.layout = layout;
        this.written = written;
        this.keptUntilFlush = Set.copyOf(keptUntilFlush);
        this.known = known;
    }

    /**
     * For a build into a generation that is empty and that nothing else writes to until it is done: a document it
     * has not written is known to be absent without asking the store. The documents of the collections of one
     * document per country ({@link ReadModelLayout#perCountry()}) stay in memory through every {@link #flushMost()}
     * until a {@link #flush()}: nearly every event changes them and they grow as the build goes, so they are written
     * once rather than again, whole, with every flush. (In a rebuild of 384,000 events the three indexes alone were
     * some 13 MB, rewritten every 20,000 documents.)
     */
    public static BatchingReadModel ofEmptyGeneration(MongoTemplate mongo, Generation generation,
            ReadModelLayout layout) {
        return new BatchingReadModel(mongo, generation, layout, new WrittenIds(), layout.perCountry(), Map.of());
    }

    @Override
    public Generation generation() {
        return generation;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T find(String collection, String id, Class<T> type) {
        Map<String, Object> documents = pending.get(collection);
        if (documents != null && documents.containsKey(id)) {
            return (T) documents.get(id);
        }
        Map<String, Object> ahead = readAhead.get(collection);
        if (ahead != null && ahead.containsKey(id) && type.equals(readAheadTypes.get(collection))) {
            return (T) ahead.get(id);
        }
        Object document = known.getOrDefault(collection, Map.of()).get(id);
        if (type.isInstance(document)) {
            return (T) document;
        }
        if (written != null && !written.mightContain(collection, id)) {
            return null;
        }
        storeLookups++;
        return mongo.findById(id, type, generation.collection(collection));
    }

    /**
     * Reads the documents with these keys in one round trip per {@value DirectReadModel#KEYS_PER_QUERY} keys; until the next
     * {@link #flush()}, looking one of them up is answered from what was read (or from what was saved since). Only for
     * documents no one else writes meanwhile: those of the events being applied.
     */
    @Override
    public void readAhead(String collection, Collection<String> ids, Class<?> type) {
        Class<?> before = readAheadTypes.putIfAbsent(collection, type);
        if (before != null && !before.equals(type)) {
            throw new IllegalArgumentException(collection + " was read ahead as " + before.getSimpleName() + ", not "
                    + type.getSimpleName());
        }
        Map<String, Object> ahead = readAhead.computeIfAbsent(collection, name -> new HashMap<>());
        Map<String, Object> saved = pending.getOrDefault(collection, Map.of());
        Map<String, Object> knownHere = known.getOrDefault(collection, Map.of());
        // What was read ahead, saved or known already is known; of the rest, what this build never wrote is absent.
        List<String> unknown = ids.stream().distinct().filter(id -> !ahead.containsKey(id) && !saved.containsKey(id)
                && !type.isInstance(knownHere.get(id))).toList();
        List<String> keys = unknown.stream().filter(id -> written == null || written.mightContain(collection, id)).toList();
        unknown.forEach(id -> ahead.put(id, null));
        long started = System.nanoTime();
        for (int from = 0; from < keys.size(); from += DirectReadModel.KEYS_PER_QUERY) {
            List<String> some = keys.subList(from, Math.min(keys.size(), from + DirectReadModel.KEYS_PER_QUERY));
            Query query = Query.query(Criteria.where("_id").in(some));
            for (Document found : mongo.find(query, Document.class, generation.collection(collection))) {
                ahead.put(String.valueOf(found.get("_id")), mongo.getConverter().read(type, found));
            }
        }
        if (!keys.isEmpty()) {
            readAheadCosts.add(collection, keys.size(), System.nanoTime() - started);
        }
    }

    /**
     * What reading ahead cost so far, the costliest collection first: "collection keys/ms", for the log of a slow
     * batch.
     */
    public String readAheadCosts() {
        return readAheadCosts.summary();
    }

    /**
     * What writing into the live generation cost so far, the costliest collection first: "collection documents/ms",
     * for the log of a slow batch.
     */
    public String writeCosts() {
        return writeCosts.summary();
    }

    /**
     * Tells which of the events about to be applied no one can have applied before, not even in part: documents keyed
     * by their ids that only applying them writes are then known absent ({@link #readAheadOfEvents}). Until the next
     * {@link #flush()}.
     */
    public void firstDelivered(Set<String> eventIds) {
        firstDelivered = Set.copyOf(eventIds);
    }

    @Override
    public void readAheadOfEvents(String collection, Collection<String> eventIds, Class<?> type) {
        readAhead(collection, eventIds.stream().filter(id -> !firstDelivered.contains(id)).toList(), type);
        // Absent from the store; what was saved since is still found first (find looks at what is pending first).
        Map<String, Object> ahead = readAhead.get(collection);
        eventIds.stream().filter(firstDelivered::contains).forEach(id -> ahead.putIfAbsent(id, null));
    }

    @Override
    public void save(String collection, String id, Object document) {
        Object before = pending.computeIfAbsent(collection, name -> new LinkedHashMap<>()).put(id, document);
        if (before == null) {
            pendingCount++;
        }
    }

    /** The documents of these collections saved since the last flush, by collection and key (a copy). */
    public Map<String, Map<String, Object>> pendingIn(Set<String> collections) {
        Map<String, Map<String, Object>> documents = new HashMap<>();
        for (String collection : collections) {
            Map<String, Object> saved = pending.get(collection);
            if (saved != null && !saved.isEmpty()) {
                documents.put(collection, new HashMap<>(saved));
            }
        }
        return documents;
    }

    /** How many lookups went to the store one key at a time (not read ahead, saved or known absent) so far. */
    public int storeLookups() {
        return storeLookups;
    }

    /** How many documents await writing. */
    public int pendingDocuments() {
        return pendingCount;
    }

    /**
     * Writes what was saved. Into the live generation one collection after the other, in the order above. Into a
     * generation being built (that no one reads and that is dropped if its build fails), all collections at once,
     * each on a connection of its own: the store then works on several at a time, where it otherwise worked on one
     * while the build waited (the build thread spent about 60% of a rebuild waiting for its writes).
     */
    public void flush() {
        flush(Set.of());
    }

    /**
     * As {@link #flush()}, but the documents of the collections this was told to keep until the flush stay in
     * memory, unwritten (they are written by the next {@link #flush()}).
     */
    public void flushMost() {
        flush(keptUntilFlush);
    }

    private void flush(Set<String> kept) {
        List<String> collections = new ArrayList<>(pending.keySet());
        collections.removeIf(collection -> pending.get(collection).isEmpty() || kept.contains(collection));
        collections.sort(Comparator.comparingInt(layout::writeOrder));
        if (written == null) {
            for (String collection : collections) {
                long started = System.nanoTime();
                write(collection, pending.get(collection));
                writeCosts.add(collection, pending.get(collection).size(), System.nanoTime() - started);
            }
        } else {
            for (String collection : collections) {
                pending.get(collection).keySet().forEach(id -> written.add(collection, id));
            }
            List<CompletableFuture<Void>> writes = collections.stream().map(collection -> CompletableFuture.runAsync(
                    () -> write(collection, pending.get(collection)), BUILD_WRITERS)).toList();
            RuntimeException failure = null;
            for (CompletableFuture<Void> write : writes) {
                try {
                    write.join();
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
        pending.keySet().removeIf(collection -> !kept.contains(collection));
        pendingCount = pending.values().stream().mapToInt(Map::size).sum();
        readAhead.clear();
        readAheadTypes.clear();
        firstDelivered = Set.of();
    }

    private void write(String collection, Map<String, Object> documents) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, generation.collection(collection));
        for (Map.Entry<String, Object> entry : documents.entrySet()) {
            Document document = new Document();
            mongo.getConverter().write(entry.getValue(), document);
            bulk.replaceOne(Query.query(Criteria.where("_id").is(entry.getKey())), document,
                    FindAndReplaceOptions.options().upsert());
        }
        bulk.execute();
    }
}
