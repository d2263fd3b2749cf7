package org.followuptracker.query.consuming;

import java.util.Collection;
import java.util.HashMap;
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
 * last wrote them, for the {@value #COUNTRIES} countries it wrote to most recently: the next batch takes them from
 * here instead of reading them back from the store.
 * <p>
 * Why: they grow with the country (the index of its letters, of its recommendations, of its timeline's months, which
 * of its letters and recommendations changed, the head of its audit chain), and every batch that touched a country
 * read them whole and wrote them whole. For the benchmark's busiest country, some 4,500 letters and more
 * recommendations, that was a fixed cost of every batch that held one of its events, whatever the batch's size.
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
    /** How many countries' documents are kept, those written to most recently. */
    static final int COUNTRIES = 48;

    private final LinkedHashMap<String, Map<String, Object>> byCountry = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > COUNTRIES;
        }
    };
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
        documents.forEach((collection, byKey) -> {
            if (COLLECTIONS.contains(collection)) {
                byKey.forEach((country, document) -> byCountry.computeIfAbsent(country, key -> new HashMap<>())
                        .put(collection, document));
            }
        });
    }

    /** What is kept is the generation's: what was kept for another is forgotten. */
    private void keptFor(Generation live) {
        if (live.number() != generation) {
            byCountry.clear();
            generation = live.number();
        }
    }

    /** Forgets everything: the store may hold other documents now. */
    public synchronized void forget() {
        byCountry.clear();
    }

    synchronized int countries() {
        return byCountry.size();
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
