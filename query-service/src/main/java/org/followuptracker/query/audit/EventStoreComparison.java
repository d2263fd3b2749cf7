package org.followuptracker.query.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.followuptracker.events.CountryEventIds;
import org.followuptracker.query.audit.AuditVerification.CountryAgreement;
import org.followuptracker.query.audit.AuditVerification.EventStoreCheck;
import org.followuptracker.query.store.DirectReadModel;
import org.springframework.stereotype.Component;

/**
 * Compares the audit chains with the event store, the source of truth: per country, how many events and the digest
 * of their ids ({@link CountryEventIds}); where those differ, the ids themselves, to tell a chain that is behind
 * (events on their way) from one that holds events the event store never had, and to name those entries.
 */
@Component
class EventStoreComparison {

    /** How many entries a country's disagreement names at most: the first by position. */
    static final int NAMED = 10;
    /** Of how many entries the first are looked for: the store finds these by key. */
    private static final int LOOKED_UP = 1_000;

    private final EventStoreClient eventStore;

    EventStoreComparison(EventStoreClient eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @param chains the event ids of every country's chain, read before the event store is asked: an event reaches
     *               the read store only after it was stored, so an honest event store then holds every one of them
     */
    EventStoreCheck compare(Map<String, CountryEventIds> chains, String authorization, DirectReadModel readModel) {
        try {
            Map<String, EventStoreClient.CountryDigest> stored = new HashMap<>();
            for (EventStoreClient.CountryDigest digest : eventStore.digests(authorization).countries()) {
                stored.put(digest.country(), digest);
            }
            Set<String> countries = new TreeSet<>(chains.keySet());
            countries.addAll(stored.keySet());
            Set<String> differing = new TreeSet<>(countries.stream().filter(country -> {
                CountryEventIds chain = chains.get(country);
                EventStoreClient.CountryDigest digest = stored.get(country);
                return chain == null || digest == null || chain.count() != digest.events()
                        || !chain.digest().equals(digest.digest());
            }).toList());
            // Asked only of countries the event store named: of any other, it holds nothing (and a country written
            // into the read store by hand need not be one it would take).
            Set<String> asked = new TreeSet<>(differing);
            asked.retainAll(stored.keySet());
            Map<String, List<String>> storedIds = new HashMap<>();
            if (!asked.isEmpty()) {
                for (EventStoreClient.CountryIds ids : eventStore.eventIds(asked, authorization).countries()) {
                    storedIds.put(ids.country(), ids.eventIds());
                }
            }
            List<CountryAgreement> agreements = new ArrayList<>();
            for (String country : countries) {
                CountryEventIds chain = chains.getOrDefault(country, new CountryEventIds());
                agreements.add(differing.contains(country)
                        ? compared(country, chain, storedIds.getOrDefault(country, List.of()), readModel)
                        : new CountryAgreement(country, chain.count(), chain.count(), "agrees", 0, 0, List.of()));
            }
            return new EventStoreCheck(true, agreements.stream().noneMatch(a -> a.notInEventStore() > 0),
                    agreements.stream().mapToLong(CountryAgreement::notInReadStore).sum(), null, agreements);
        } catch (EventStoreClient.Unavailable e) {
            return e.reachable() ? EventStoreCheck.unanswered(e.getMessage())
                    : EventStoreCheck.unreachable(e.getMessage());
        }
    }

    /** One country's chain and stored events, id by id, both in ascending order. */
    private static CountryAgreement compared(String country, CountryEventIds chain, List<String> storedIds,
            DirectReadModel readModel) {
        List<String> stored = new ArrayList<>(storedIds);
        stored.removeIf(java.util.Objects::isNull);
        Collections.sort(stored);
        Iterator<String> chained = chain.ascending();
        Iterator<String> inStore = stored.iterator();
        String nextChained = next(chained);
        String nextStored = next(inStore);
        long notInReadStore = 0;
        long notInEventStore = 0;
        List<String> strays = new ArrayList<>();
        while (nextChained != null || nextStored != null) {
            int order = nextChained == null ? 1 : nextStored == null ? -1 : nextChained.compareTo(nextStored);
            if (order == 0) {
                nextChained = next(chained);
                nextStored = next(inStore);
            } else if (order < 0) {
                notInEventStore++;
                if (strays.size() < LOOKED_UP) {
                    strays.add(nextChained);
                }
                nextChained = next(chained);
            } else {
                notInReadStore++;
                nextStored = next(inStore);
            }
        }
        List<AuditVerification.Entry> entries = readModel.findAll(AuditEntry.COLLECTION, strays, AuditEntry.class)
                .stream().map(entry -> new AuditVerification.Entry(entry.position(), entry.eventId()))
                .sorted(Comparator.comparingLong(AuditVerification.Entry::position)).limit(NAMED).toList();
        String status = notInEventStore > 0 ? "disagrees" : notInReadStore > 0 ? "behind" : "agrees";
        return new CountryAgreement(country, chain.count(), stored.size(), status, notInReadStore, notInEventStore,
                entries);
    }

    private static String next(Iterator<String> ids) {
        return ids.hasNext() ? ids.next() : null;
    }
}
