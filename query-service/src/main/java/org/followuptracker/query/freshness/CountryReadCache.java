package org.followuptracker.query.freshness;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import org.followuptracker.query.audit.AuditHead;
import org.followuptracker.query.store.DirectReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a reader reads whole for a country (its letters, the documents of its board), kept in memory for as long as
 * the country has not changed. Whether it changed is one key lookup: the length of the country's audit chain, which
 * every event of the country moves, and which the projections write after everything else an event changed
 * ({@link org.followuptracker.query.store.ReadModelLayout}). So what is read after seeing a length holds at least the events up to
 * it, and every instance of the query service, sharing one store, sees a change as soon as its head is written.
 * <p>
 * When a country changed, what is kept of it is first brought up to date ({@link Refresh}): a few documents read
 * rather than the country's thousands. Keyed by generation, so a rebuild made live is read afresh. Bounded by how
 * many records (letters, recommendations) it holds, {@code tracker.read-cache.max-records}; the least recently read
 * country goes first.
 */
@Component
public class CountryReadCache {

    private static final Logger log = LoggerFactory.getLogger(CountryReadCache.class);

    private record Key(int generation, String what, String country) {
    }

    /**
     * Brings what is kept of countries that changed up to date with the store, where it can tell what changed since:
     * only if what tells it was written for every event up to the one that ended the country's audit chain when it
     * was read ({@code lastEventIds}), so that a writer that does not tell (an older version, say) is never missed.
     * A country it leaves out of the answer is read whole.
     */
    @FunctionalInterface
    public interface Refresh<T> {
        Map<String, T> refreshed(DirectReadModel readModel, Map<String, T> kept, Map<String, String> lastEventIds);
    }

    private record Cached(long length, Object value, int records) {
    }

    static final int BYTES_PER_RECORD = 1536;
    /** How many times a country a refresh could not tell is read again, to see if its head moved meanwhile. */
    private static final int HEAD_READS = 3;
    private static final int HEAD_PAUSE_MILLIS = 2;

    private final int maxRecords;
    private final Map<Key, Cached> cached = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Key, Object> readingNow = new ConcurrentHashMap<>();
    /** The newest generation read: what older ones held is dropped once a newer one is read. */
    private int newestGeneration;
    private final Counter hits;
    private final Counter misses;
    private final Counter refreshes;
    private long records;

    /**
     * @param maxRecords at most how many letters and recommendations to keep; 0: as many as fit in a quarter of the
     *                   heap at {@value #BYTES_PER_RECORD} bytes each (a letter, with what is worked out from it,
     *                   measured about 1,100)
     */
    public CountryReadCache(@Value("${tracker.read-cache.max-records:0}") int maxRecords, MeterRegistry meters) {
        if (maxRecords < 0) {
            throw new IllegalArgumentException("tracker.read-cache.max-records must be 0 (as the heap allows) or more, not "
                    + maxRecords);
        }
        this.maxRecords = maxRecords > 0 ? maxRecords
                : (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 4 / BYTES_PER_RECORD);
        this.hits = Counter.builder("tracker.read.cache").tag("result", "hit")
                .description("Reads of a country's documents answered from memory: the country had not changed")
                .register(meters);
        this.misses = Counter.builder("tracker.read.cache").tag("result", "miss")
                .description("Reads of a country's documents that went to the store").register(meters);
        this.refreshes = Counter.builder("tracker.read.cache").tag("result", "refresh")
                .description("Reads of a changed country answered from memory brought up to date with what changed")
                .register(meters);
        log.info("read cache: at most {} letters and recommendations kept in memory", this.maxRecords);
    }

    /**
     * {@code what} of {@code country} ("letters", "board"), as {@code load} reads it from the store, unless it was
     * read since the country last changed, or {@code refresh} brings what was read up to date; {@code records} says
     * how much of the bound it takes. Null if {@code load} gives null.
     */
    public <T> T get(DirectReadModel readModel, String what, String country,
            BiFunction<DirectReadModel, List<String>, Map<String, T>> load, Refresh<T> refresh, ToIntFunction<T> records) {
        // One reader at a time reads a changed country from the store; the others then find it here.
        Key key = new Key(readModel.generation().number(), what, country);
        Object reading = readingNow.computeIfAbsent(key, k -> new Object());
        synchronized (reading) {
            try {
                List<String> one = List.of(country);
                return read(readModel, what, one, heads(readModel, one), load, refresh, records).get(country);
            } finally {
                readingNow.remove(key, reading);
            }
        }
    }

    /** {@code what} of every country any event was written for, as {@link #get}. */
    public <T> Map<String, T> getEvery(DirectReadModel readModel, String what,
            BiFunction<DirectReadModel, List<String>, Map<String, T>> load, Refresh<T> refresh, ToIntFunction<T> records) {
        Map<String, AuditHead> heads = new HashMap<>();
        readModel.all(AuditHead.COLLECTION, AuditHead.class).forEach(head -> heads.put(head.country(), head));
        return read(readModel, what, heads.keySet(), heads, load, refresh, records);
    }

    /**
     * {@code what} of each of {@code countries}: those that changed since they were last read, or were never read,
     * are read with one call of {@code load}, which answers by country (leaving out those it found nothing for).
     */
    private <T> Map<String, T> read(DirectReadModel readModel, String what, Collection<String> countries,
            Map<String, AuditHead> heads, BiFunction<DirectReadModel, List<String>, Map<String, T>> load,
            Refresh<T> refresh, ToIntFunction<T> records) {
        int generation = readModel.generation().number();
        Map<String, T> found = new HashMap<>();
        List<String> changed = new ArrayList<>();
        for (String country : countries) {
            AuditHead head = heads.get(country);
            Cached entry = head == null ? null : cached(new Key(generation, what, country));
            if (entry == null || entry.length() != head.length()) {
                changed.add(country);
            } else if (entry.value() != null) {
                found.put(country, cast(entry.value()));
            }
        }
        hits.increment(countries.size() - changed.size());
        Map<String, T> refreshed = refreshed(readModel, what, changed, heads, refresh);
        refreshed.forEach((country, value) -> keep(generation, what, heads.get(country), value, records));
        found.putAll(refreshed);
        List<String> toRead = changed.stream().filter(country -> !refreshed.containsKey(country)).toList();
        if (toRead.isEmpty()) {
            return found;
        }
        misses.increment(toRead.size());
        Map<String, T> read = load.apply(readModel, toRead);
        found.putAll(read);
        for (String country : toRead) {
            if (heads.containsKey(country)) {
                keep(generation, what, heads.get(country), read.get(country), records);
            }
        }
        return found;
    }

    /**
     * Of the countries that changed, those whose kept value {@code refresh} brought up to date, and to what.
     * <p>
     * What tells which documents changed is written just before the audit head, so a reader who read a head may find
     * it written already for the events after, whose head is still being written: {@code refresh} then cannot tell,
     * and the country would be read whole (KAZ's board, some 300 ms, where a refresh takes 10). So a country left out
     * has its head read again, up to {@value #HEAD_READS} times {@value #HEAD_PAUSE_MILLIS} ms apart, and where it
     * moved, the refresh is tried again against it ({@code heads} then holds the newer head).
     */
    private <T> Map<String, T> refreshed(DirectReadModel readModel, String what, List<String> changed,
            Map<String, AuditHead> heads, Refresh<T> refresh) {
        Map<String, T> stale = new HashMap<>();
        for (String country : changed) {
            AuditHead head = heads.get(country);
            Cached before = head == null ? null : cached(new Key(readModel.generation().number(), what, country));
            if (before != null && before.value() != null) {
                stale.put(country, cast(before.value()));
            }
        }
        Map<String, T> refreshed = new HashMap<>();
        Map<String, T> toTry = new HashMap<>(stale);
        int headReads = 0;
        while (!toTry.isEmpty()) {
            Map<String, String> lastEventIds = new HashMap<>();
            toTry.keySet().forEach(country -> lastEventIds.put(country, heads.get(country).lastEventId()));
            Map<String, T> now = refresh.refreshed(readModel, toTry, lastEventIds);
            refreshed.putAll(now);
            stale.keySet().removeAll(now.keySet());
            toTry = new HashMap<>();
            // The heads of those left, read again until one moved, or the reads are spent.
            while (toTry.isEmpty() && !stale.isEmpty() && headReads < HEAD_READS) {
                if (headReads++ > 0) {
                    pause();
                }
                Map<String, AuditHead> again = heads(readModel, stale.keySet());
                Map<String, T> moved = new HashMap<>();
                stale.forEach((country, kept) -> {
                    AuditHead head = again.get(country);
                    if (head != null && head.length() > heads.get(country).length()) {
                        heads.put(country, head);
                        moved.put(country, kept);
                    }
                });
                toTry = moved;
            }
        }
        refreshes.increment(refreshed.size());
        return refreshed;
    }

    private static void pause() {
        try {
            Thread.sleep(HEAD_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps {@code value} (null: the store had nothing) of the country as read with its audit chain at {@code head}. */
    private <T> void keep(int generation, String what, AuditHead head, T value, ToIntFunction<T> records) {
        keep(new Key(generation, what, head.country()), new Cached(head.length(), value,
                value == null ? 1 : Math.max(1, records.applyAsInt(value))));
    }

    /** The head of each country's audit chain; a country none of whose events is written yet has none. */
    private static Map<String, AuditHead> heads(DirectReadModel readModel, Collection<String> countries) {
        Map<String, AuditHead> heads = new HashMap<>();
        readModel.findAll(AuditHead.COLLECTION, countries, AuditHead.class).forEach(head -> heads.put(head.country(), head));
        return heads;
    }

    /** What is kept of a country, however long its chain was when it was read; or null. */
    private synchronized Cached cached(Key key) {
        return cached.get(key);
    }

    private synchronized void keep(Key key, Cached entry) {
        if (key.generation() > newestGeneration) {
            newestGeneration = key.generation();
            for (Iterator<Map.Entry<Key, Cached>> kept = cached.entrySet().iterator(); kept.hasNext(); ) {
                Map.Entry<Key, Cached> older = kept.next();
                if (older.getKey().generation() < newestGeneration) {
                    records -= older.getValue().records();
                    kept.remove();
                }
            }
        }
        if (entry.records() > maxRecords || key.generation() < newestGeneration) {
            return;
        }
        Cached before = cached.get(key);
        if (before != null && before.length() > entry.length()) {
            return;
        }
        if (before != null) {
            records -= before.records();
        }
        cached.put(key, entry);
        records += entry.records();
        for (Iterator<Cached> oldest = cached.values().iterator(); records > maxRecords && oldest.hasNext(); ) {
            records -= oldest.next().records();
            oldest.remove();
        }
    }

    /** How many records are held now. */
    synchronized long records() {
        return records;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
