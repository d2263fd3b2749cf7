package org.followuptracker.query.store;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The documents of which a country has one, that nearly every event of the country changes
 * ({@link StoredCollection#perCountry}), and those of other collections kept by country (the timeline parts its
 * latest batch wrote: {@link StoredCollection#keptByCountry}), as the live consumer last wrote them, for the countries
 * it wrote to most recently, up to {@value #ENTRIES} entries (ids, months and timeline entries in their lists) in all: the next batch takes them from
 * here instead of reading them back from the store.
 * <p>
 * Why: they grow with the country (the index of its timeline's months, which of its letters and recommendations
 * changed, the head of its audit chain; the indexes of its letters and recommendations did too, before they kept
 * their earlier ids in parts, {@link CountryIndex}), and every batch that touched a country read them whole and wrote
 * them whole. For the benchmark's busiest country, some 4,500 letters and more recommendations, that was a fixed cost
 * of every batch that held one of its events, whatever the batch's size. Kept for 48 countries only, a quarter of the
 * 193, they were still 3.5 of the 4.7 KB a live batch read for each of its events in the benchmark's appends: its
 * commands concern every country. Bounded by what the documents hold instead, the base set's 193 countries all fit; a
 * store grown far larger keeps those written to most recently.
 * <p>
 * The consumer is the only writer of the live generation's documents and a country's events are all on one
 * partition, so what it wrote last is what the store holds, unless: the live generation changed (a rebuild went live:
 * forgotten, by generation), a write failed part way (forgotten by the consumer), or the consumer's partitions changed
 * (another instance may have written their countries meanwhile: forgotten on every rebalance, {@code ConsumerRebalance}).
 */
public class RecentCountryDocuments {

    /**
     * How many entries the kept documents may hold in all (the ids in a country's indexes and changes, the months in
     * its timeline's index, the entries of its timeline's parts; each some 100 bytes of heap): about 20 MiB.
     */
    public static final int ENTRIES = 200_000;

    /** By country, then collection and key; the country written to least recently first. */
    private final LinkedHashMap<String, Map<String, Map<String, Object>>> byCountry =
            new LinkedHashMap<>(256, 0.75f, true);
    private final Map<String, Integer> entriesByCountry = new HashMap<>();
    private long entries;
    private long generation = -1;
    private final ReadModelLayout layout;

    public RecentCountryDocuments(ReadModelLayout layout) {
        this.layout = layout;
    }

    /** The collections kept ({@link ReadModelLayout#kept()}): what a batch wrote of them is told {@link #written}. */
    public Set<String> collections() {
        return layout.kept();
    }

    /** What is kept for the generation, by collection and key (a copy); nothing if another was live before. */
    public synchronized Map<String, Map<String, Object>> of(Generation live) {
        keptFor(live);
        Map<String, Map<String, Object>> known = new HashMap<>();
        byCountry.values().forEach(documents -> documents.forEach((collection, byKey) ->
                known.computeIfAbsent(collection, name -> new HashMap<>()).putAll(byKey)));
        return known;
    }

    /** What a batch wrote to the generation, by collection and key, once it is written whole. */
    public synchronized void written(Generation live, Map<String, Map<String, Object>> documents) {
        keptFor(live);
        Map<String, Map<String, Map<String, Object>>> written = new HashMap<>();
        documents.forEach((collection, byKey) -> byKey.forEach((key, document) -> {
            StoredCollection.Kept kept = layout.kept(collection);
            String country = kept == null ? null : kept.country().apply(key, document);
            if (country != null) {
                written.computeIfAbsent(country, c -> new HashMap<>())
                        .computeIfAbsent(collection, c -> new HashMap<>()).put(key, document);
            }
        }));
        written.forEach((country, byCollection) -> {
            Map<String, Map<String, Object>> kept = byCountry.computeIfAbsent(country, key -> new HashMap<>());
            // A collection kept by country (its timeline parts): as this batch wrote it, replacing an earlier batch's.
            kept.putAll(byCollection);
            int held = kept.entrySet().stream().mapToInt(byKey -> byKey.getValue().values().stream()
                    .mapToInt(document -> entriesOf(byKey.getKey(), document)).sum()).sum();
            Integer before = entriesByCountry.put(country, held);
            entries += held - (before == null ? 0 : before);
        });
        // The countries written to least recently go first, until the rest fit.
        Iterator<String> eldestFirst = byCountry.keySet().iterator();
        while (entries > ENTRIES && eldestFirst.hasNext()) {
            entries -= entriesByCountry.remove(eldestFirst.next());
            eldestFirst.remove();
        }
    }

    /** What a kept document holds, in entries of its lists (at least one). */
    private int entriesOf(String collection, Object document) {
        return Math.max(1, layout.kept(collection).entries().applyAsInt(document));
    }

    /** What is kept is the generation's: what was kept for another is forgotten. */
    private void keptFor(Generation live) {
        if (live.number() != generation) {
            forget();
            generation = live.number();
        }
    }

    /** Forgets everything: the store may hold other documents now. */
    public synchronized void forget() {
        byCountry.clear();
        entriesByCountry.clear();
        entries = 0;
    }

    public synchronized int countries() {
        return byCountry.size();
    }

    public synchronized long entries() {
        return entries;
    }
}
