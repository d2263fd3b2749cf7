package org.followuptracker.query.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.followuptracker.query.store.DirectReadModel;

/**
 * Verifies every country's audit chain from its entries as they come, one at a time and in any order, without
 * holding them: what it keeps of an entry is its link (position, event id, hash, and the hash it names before it),
 * and only until the chain up to it is walked. Entries that come in the order of their chain (as a store returns
 * entries that were only ever added) are walked as they come, so what it holds stays some bytes per country; an
 * entry that comes before the one before it waits for it. Walking a country's chain stops at its first broken link.
 * <p>
 * A million events' entries, held whole to be sorted and walked, were more than the query service's heap.
 */
final class AuditChains {

    private final Map<String, Chain> chains = new TreeMap<>();
    /** What the checkpoint signed, by country. */
    private final Map<String, Signed> signed = new HashMap<>();
    private long entries;

    /**
     * @param heads      every country's head, read before any entry ({@link AuditVerification})
     * @param checkpoint the last signed checkpoint, read before the heads, which every chain must extend; or null
     */
    AuditChains(List<AuditHead> heads, CheckpointStatement checkpoint) {
        if (checkpoint != null) {
            for (CheckpointStatement.SignedHead head : checkpoint.countries()) {
                signed.put(head.country(), new Signed(checkpoint.number(), head.position(), head.hash()));
            }
        }
        for (AuditHead head : heads) {
            chains.put(head.country(), new Chain(head, signed.get(head.country())));
        }
        // A country the checkpoint names must still have its chain, head or not.
        signed.forEach((country, head) -> chains.computeIfAbsent(country, none -> new Chain(null, head)));
    }

    /** Adds an entry; a country without a head (its first events being applied) gets a chain without one. */
    void add(AuditEntry entry) {
        entries++;
        chains.computeIfAbsent(entry.country(), country -> new Chain(null, signed.get(country))).add(entry);
    }

    /**
     * Walks every chain of the read store against {@code heads} (read before) and {@code checkpoint} (read before
     * them, or null), handing each entry to {@code also} too as it comes.
     */
    static AuditVerification walk(DirectReadModel readModel, List<AuditHead> heads, CheckpointStatement checkpoint,
            Consumer<AuditEntry> also) {
        AuditChains chains = new AuditChains(heads, checkpoint);
        // The entries one at a time as the store's replies come: a million of them do not fit in the heap at once.
        readModel.forEach(AuditEntry.COLLECTION, AuditEntry.class, entry -> {
            chains.add(entry);
            also.accept(entry);
        });
        return chains.verification();
    }

    AuditVerification verification() {
        List<AuditVerification.CountryChain> countries = new ArrayList<>(chains.size());
        chains.forEach((country, chain) -> countries.add(chain.verified(country)));
        return new AuditVerification(countries.stream().allMatch(AuditVerification.CountryChain::valid), entries,
                countries.stream().mapToLong(AuditVerification.CountryChain::pending).sum(), countries, null, null);
    }

    /** An entry as the walk needs it. */
    private record Link(long position, String eventId, String hash, String previousHash, boolean intact) {

        static Link of(AuditEntry entry) {
            return new Link(entry.position(), entry.eventId(), entry.hash(), entry.previousHash(),
                    entry.expectedHash().equals(entry.hash()));
        }
    }

    /** Where a chain broke. */
    private record Break(long position, String eventId, String problem) {
    }

    /** Where a signed checkpoint saw the chain end, and the hash of its entry there. */
    private record Signed(long checkpoint, long position, String hash) {
    }

    /** One country's chain, walked from its first entry as far as its entries have come. */
    private static final class Chain {

        private final long counted;
        private final String headHash;
        private final Signed signed;
        private long entries;
        private long walked;
        private String previous = AuditHash.GENESIS;
        private String previousEventId;
        /** Entries come before the one before them, by position. */
        private final TreeMap<Long, Link> waiting = new TreeMap<>();
        /** The first break found, by position; the walk stops at a break it finds. */
        private Break broken;
        private boolean walkStopped;

        Chain(AuditHead head, Signed signed) {
            this.counted = head == null ? 0 : head.length();
            this.headHash = head == null ? null : head.hash();
            this.signed = signed;
        }

        void add(AuditEntry entry) {
            entries++;
            long position = entry.position();
            if (position < 1) {
                breakAt(new Break(position, entry.eventId(), "position " + position + " is before a chain's first"));
                return;
            }
            if (position <= walked || waiting.containsKey(position)) {
                breakAt(new Break(position, entry.eventId(), "a second entry at position " + position
                        + ": an entry was inserted"));
                return;
            }
            if (walkStopped) {
                return;
            }
            waiting.put(position, Link.of(entry));
            while (!walkStopped && waiting.containsKey(walked + 1)) {
                walk(waiting.remove(walked + 1));
            }
        }

        private void walk(Link link) {
            String problem = null;
            if (!previous.equals(link.previousHash())) {
                problem = "its previous hash is not the hash of the entry before it"
                        + (previousEventId == null ? "" : " (position " + walked + ", event " + previousEventId
                        + "): one of the two was changed");
            } else if (!link.intact()) {
                problem = "its content does not match its hash: it was changed after it was recorded";
            } else if (signed != null && link.position() == signed.position() && !link.hash().equals(signed.hash())) {
                problem = "checkpoint " + signed.checkpoint() + " signed another hash for this position: the chain "
                        + "was rewritten here or before";
            } else if (link.position() == counted && !link.hash().equals(headHash)) {
                problem = "the chain's head names another hash for this entry, its last: the chain was rewritten";
            }
            if (problem != null) {
                breakAt(new Break(link.position(), link.eventId(), problem));
                walkStopped = true;
                waiting.clear();
                return;
            }
            walked = link.position();
            previous = link.hash();
            previousEventId = link.eventId();
        }

        private void breakAt(Break found) {
            if (broken == null || found.position() < broken.position()) {
                broken = found;
            }
        }

        AuditVerification.CountryChain verified(String country) {
            if (!walkStopped && !waiting.isEmpty()) {
                Link after = waiting.firstEntry().getValue();
                breakAt(new Break(after.position(), after.eventId(), "expected position " + (walked + 1)
                        + " but found " + after.position() + ": an entry is missing"));
            }
            // The walk passed the signed position only if the entry there has the signed hash.
            Boolean extendsCheckpoint = signed == null ? null : walked >= signed.position();
            long pending = Math.max(0, entries - counted);
            if (broken != null) {
                return new AuditVerification.CountryChain(country, entries, pending, false, headHash,
                        broken.position(), broken.eventId(), broken.problem(), extendsCheckpoint);
            }
            if (!extendsCheckpoint(extendsCheckpoint)) {
                return new AuditVerification.CountryChain(country, entries, 0, false, headHash, walked + 1, null,
                        "checkpoint " + signed.checkpoint() + " signed " + signed.position() + " entries, the chain "
                        + "has " + walked + ": entries were removed", false);
            }
            if (entries < counted) {
                return new AuditVerification.CountryChain(country, entries, 0, false, headHash, entries, null,
                        "the chain's head counts " + counted + " entries: entries were removed at its end",
                        extendsCheckpoint);
            }
            return new AuditVerification.CountryChain(country, entries, pending, true, headHash, null, null, null,
                    extendsCheckpoint);
        }

        private static boolean extendsCheckpoint(Boolean extendsCheckpoint) {
            return extendsCheckpoint == null || extendsCheckpoint;
        }
    }
}
