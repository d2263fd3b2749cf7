package org.followuptracker.query.audit;

import java.util.List;

/**
 * The result of walking every country's audit chain: each entry's hash recomputed from its content and the hash
 * before it. Any entry changed, removed or inserted after the fact shows as the first broken link of its country.
 * A chain rewritten as a whole, hashes included, shows where it no longer has the hash the last signed checkpoint
 * names ({@link CheckpointStatement}); an entry whose event id the event store does not know shows in
 * {@code eventStore}.
 * <p>
 * A country's head is where its chain is known to end: an event's entry is written before the head is moved past it
 * ({@link AuditProjection}). Entries found beyond the head are {@code pending}: an event being applied while the
 * chains were read, or one whose application was interrupted and completes when the service applies it again. They
 * must link on from the head like any other entry, but they do not make the chain invalid. For that to hold while
 * events are applied, the heads are read before the entries ({@link AuditVerifier}): every entry a head counts was
 * written before it, so it is among the entries read after it. The walk: {@link AuditChains}.
 *
 * @param valid      every chain links up, and extends the last signed checkpoint, which is itself sound
 * @param checkpoint the last signed checkpoint the chains were held to; null before the first
 * @param eventStore the chains compared with the event store
 */
public record AuditVerification(boolean valid, long entries, long pending, List<CountryChain> countries,
        CheckpointCheck checkpoint, EventStoreCheck eventStore) {

    /**
     * @param extendsCheckpoint whether the chain still has the entry the last checkpoint signed for its country, and
     *                          links on from it; null when the checkpoint does not name the country
     */
    public record CountryChain(String country, long entries, long pending, boolean valid, String headHash,
            Long firstBrokenPosition, String firstBrokenEventId, String problem, Boolean extendsCheckpoint) {
    }

    /**
     * @param extended whether every country's chain extends it
     * @param problem  what is wrong with the checkpoints themselves (newer ones not signed with this service's key,
     *                 or ones this service took no longer in the read store), or null
     */
    public record CheckpointCheck(Long number, String takenAt, String keyId, boolean extended, String problem) {
    }

    /**
     * The chains against the event store, the source of truth, country by country: their entries' event ids against
     * its events' ids. An event the event store holds and a chain does not yet is {@code behind} (it is on its way,
     * or was removed from the read store: a checkpoint shows that for what it signed); an entry whose event id the
     * event store does not hold is a disagreement.
     *
     * @param reachable whether the command service answered
     * @param agrees    no chain holds an event the event store does not; null when it could not be asked
     * @param behind    events the event store holds that the chains do not (yet)
     * @param problem   why it could not be compared, or null
     */
    public record EventStoreCheck(boolean reachable, Boolean agrees, long behind, String problem,
            List<CountryAgreement> countries) {

        static EventStoreCheck unreachable(String problem) {
            return new EventStoreCheck(false, null, 0, problem, List.of());
        }

        static EventStoreCheck unanswered(String problem) {
            return new EventStoreCheck(true, null, 0, problem, List.of());
        }
    }

    /**
     * One country in both stores.
     *
     * @param status          {@code agrees} (the same events), {@code behind} (the chain lacks some of the event
     *                        store's, and has none it does not) or {@code disagrees}
     * @param notInReadStore  how many of the event store's events the chain lacks
     * @param notInEventStore how many of the chain's entries are of events the event store does not hold
     * @param entriesNotInEventStore the first {@value EventStoreComparison#NAMED} of those entries
     */
    public record CountryAgreement(String country, long readStoreEntries, long eventStoreEvents, String status,
            long notInReadStore, long notInEventStore, List<Entry> entriesNotInEventStore) {
    }

    /** An entry of a chain: where it is and its event. */
    public record Entry(long position, String eventId) {
    }

    AuditVerification with(CheckpointCheck checkpoint, EventStoreCheck eventStore) {
        boolean checkpointSound = checkpoint == null || checkpoint.problem() == null;
        return new AuditVerification(valid && checkpointSound, entries, pending, countries, checkpoint, eventStore);
    }
}
