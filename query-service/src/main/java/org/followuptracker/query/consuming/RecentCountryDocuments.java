package org.followuptracker.query.consuming;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.followuptracker.query.audit.AuditHead;
import org.followuptracker.query.letter.LetterChanges;
import org.followuptracker.query.letter.LetterIndex;
import org.followuptracker.query.readmodel.Generation;
import org.followuptracker.query.recommendation.BoardChanges;
import org.followuptracker.query.recommendation.BoardIndex;
import org.followuptracker.query.timeline.TimelineIndex;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * The documents of which a country has one, that nearly every event of the country changes, as the live consumer
 * last wrote them, for the countries it wrote to most recently, up to {@value #ENTRIES} entries (ids and months in
 * their lists) in all: the next batch takes them from here instead of reading them back from the store.
 * <p>
 * Why: they grow with the country (the index of its letters, of its recommendations, of its timeline's months, which
 * of its letters and recommendations changed, the head of its audit chain), and every batch that touched a country
 * read them whole and wrote them whole. For the benchmark's busiest country, some 4,500 letters and more
 * recommendations, that was a fixed cost of every batch that held one of its events, whatever the batch's size. (The
 * indexes of letters and recommendations now hold their latest ids only, the rest in parts no batch reads back:
 * {@code IndexParts}.)
 * Kept for 48 countries only, a quarter of the 193, they were still 3.5 of the 4.7 KB a live batch read for each of
 * its events in the benchmark's appends: its commands concern every country. Bounded by what the documents hold
 * instead, the base set's 193 countries all fit; a store grown far larger keeps those written to most recently.
 * <p>
 * The consumer is the only writer of the live generation's documents and a country's events are all on one
 * partition, so what it wrote last is what the store holds, unless: the live generation changed (a rebuild went live:
 * forgotten, by generation), a write failed part way (forgotten by the consumer), or the consumer's partitions changed
 * (another instance may have written their countries meanwhile: forgotten on every rebalance).
 */
@Component
public class RecentCountryDocuments implements ConsumerAwareRebalanceListener {

    /** The collections kept, each keyed by country. */
    public static final Set<String> COLLECTIONS = Set.of(LetterIndex.COLLECTION, BoardIndex.COLLECTION,
            TimelineIndex.COLLECTION, LetterChanges.COLLECTION, BoardChanges.COLLECTION, AuditHead.COLLECTION);
    /**
     * How many entries the kept documents may hold in all (the ids in a country's indexes and changes, the months in
     * its timeline's index; each some 100 bytes of heap): about 20 MiB.
     */
    static final int ENTRIES = 200_000;

    /** By country, the country written to least recently first. */
    private final LinkedHashMap<String, Map<String, Object>> byCountry = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<String, Integer> entriesByCountry = new HashMap<>();
    private long entries;
    private long generation = -1;

    /** What is kept for the generation, by collection and country (a copy); nothing if another was live before. */
    public synchronized Map<String, Map<String, Object>> of(Generation live) {
        keptFor(live);
        Map<String, Map<String, Object>> known = new HashMap<>();
        byCountry.forEach((country, documents) -> documents.forEach((collection, document) ->
                known.computeIfAbsent(collection, name -> new HashMap<>()).put(country, document)));
        return known;
    }

    /** What a batch wrote to the generation, by collection and key, once it is written whole. */
    public synchronized void written(Generation live, Map<String, Map<String, Object>> documents) {
        keptFor(live);
        Set<String> countries = new HashSet<>();
        documents.forEach((collection, byKey) -> {
            if (COLLECTIONS.contains(collection)) {
                byKey.forEach((country, document) -> {
                    byCountry.computeIfAbsent(country, key -> new HashMap<>()).put(collection, document);
                    countries.add(country);
                });
            }
        });
        for (String country : countries) {
            int held = byCountry.get(country).values().stream().mapToInt(RecentCountryDocuments::entriesOf).sum();
            Integer before = entriesByCountry.put(country, held);
            entries += held - (before == null ? 0 : before);
        }
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

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget();
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget();
    }
}
