package org.followuptracker.query.consuming;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.followuptracker.query.audit.AuditHead;
import org.followuptracker.query.letter.LetterChanges;
import org.followuptracker.query.letter.LetterIndex;
import org.followuptracker.query.readmodel.Generation;
import org.followuptracker.query.recommendation.BoardChanges;
import org.followuptracker.query.recommendation.BoardIndex;
import org.followuptracker.query.timeline.TimelineIndex;
import org.followuptracker.query.timeline.TimelineMonth;
import org.springframework.stereotype.Component;

/**
 * The documents of which a country has one, that nearly every event of the country changes, and the timeline parts
 * its latest batch wrote, as the live consumer last wrote them, for the countries it wrote to most recently, up to
 * {@value #ENTRIES} entries (ids, months and timeline entries in their lists) in all: the next batch takes them from
 * here instead of reading them back from the store.
 * <p>
 * Why: they grow with the country (the index of its timeline's months, which of its letters and recommendations
 * changed, the head of its audit chain; the indexes of its letters and recommendations did too, before they kept
 * their earlier ids in parts, {@code IndexParts}), and every batch that touched a country read them whole and wrote
 * them whole. For the benchmark's busiest country, some 4,500 letters and more recommendations, that was a fixed cost
 * of every batch that held one of its events, whatever the batch's size. Kept for 48 countries only, a quarter of the
 * 193, they were still 3.5 of the 4.7 KB a live batch read for each of its events in the benchmark's appends: its
 * commands concern every country. Bounded by what the documents hold instead, the base set's 193 countries all fit; a
 * store grown far larger keeps those written to most recently.
 * <p>
 * The consumer is the only writer of the live generation's documents and a country's events are all on one
 * partition, so what it wrote last is what the store holds, unless: the live generation changed (a rebuild went live:
 * forgotten, by generation), a write failed part way (forgotten by the consumer), or the consumer's partitions changed
 * (another instance may have written their countries meanwhile: forgotten on every rebalance, {@link ConsumerRebalance}).
 */
@Component
public class RecentCountryDocuments {

    /** The collections kept whole, each keyed by country. */
    static final Set<String> BY_COUNTRY = Set.of(LetterIndex.COLLECTION, BoardIndex.COLLECTION,
            TimelineIndex.COLLECTION, LetterChanges.COLLECTION, BoardChanges.COLLECTION, AuditHead.COLLECTION);
    /**
     * Every collection kept: those by country, and the timeline's parts, of which a country's are kept as its latest
     * batch wrote them (the last part of each month it added to: most events are entered in the months of the last
     * weeks, so the next batch adds to those same parts). They were two thirds of what a live batch read back.
     */
    public static final Set<String> COLLECTIONS = Stream.concat(BY_COUNTRY.stream(),
            Stream.of(TimelineMonth.COLLECTION)).collect(Collectors.toUnmodifiableSet());
    /**
     * How many entries the kept documents may hold in all (the ids in a country's indexes and changes, the months in
     * its timeline's index, the entries of its timeline's parts; each some 100 bytes of heap): about 20 MiB.
     */
    static final int ENTRIES = 200_000;

    /** By country, then collection and key; the country written to least recently first. */
    private final LinkedHashMap<String, Map<String, Map<String, Object>>> byCountry =
            new LinkedHashMap<>(256, 0.75f, true);
    private final Map<String, Integer> entriesByCountry = new HashMap<>();
    private long entries;
    private long generation = -1;

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
            String country = BY_COUNTRY.contains(collection) ? key
                    : document instanceof TimelineMonth part && collection.equals(TimelineMonth.COLLECTION)
                            ? part.country() : null;
            if (country != null) {
                written.computeIfAbsent(country, c -> new HashMap<>())
                        .computeIfAbsent(collection, c -> new HashMap<>()).put(key, document);
            }
        }));
        written.forEach((country, byCollection) -> {
            Map<String, Map<String, Object>> kept = byCountry.computeIfAbsent(country, key -> new HashMap<>());
            // A country's timeline parts: as this batch wrote them, replacing those an earlier batch wrote.
            kept.putAll(byCollection);
            int held = kept.values().stream().flatMap(byKey -> byKey.values().stream())
                    .mapToInt(RecentCountryDocuments::entriesOf).sum();
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
    static int entriesOf(Object document) {
        int entries = 1;
        if (document instanceof LetterIndex index) {
            entries = index.letterIds().size();
        } else if (document instanceof BoardIndex index) {
            entries = index.recommendationIds().size();
        } else if (document instanceof TimelineIndex index) {
            entries = index.months().size();
        } else if (document instanceof LetterChanges changes) {
            entries = changes.changedLetters().size();
        } else if (document instanceof BoardChanges changes) {
            entries = changes.recent().stream().mapToInt(change -> change.recommendationIds().size()).sum();
        } else if (document instanceof TimelineMonth part) {
            entries = part.entries().size();
        }
        return Math.max(1, entries);
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

    synchronized int countries() {
        return byCountry.size();
    }

    synchronized long entries() {
        return entries;
    }
}
