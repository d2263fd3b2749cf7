package org.followuptracker.query.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The result of walking every country's audit chain: each entry's hash recomputed from its content and the hash
 * before it. Any entry changed, removed or inserted after the fact shows as the first broken link of its country.
 * The head hashes can be noted down (or published) to detect a chain rewritten as a whole later.
 * <p>
 * A country's head is where its chain is known to end: an event's entry is written before the head is moved past it
 * ({@link AuditProjection}). Entries found beyond the head are {@code pending}: an event being applied while the
 * chains were read, or one whose application was interrupted and completes when the service applies it again. They
 * must link on from the head like any other entry, but they do not make the chain invalid. For that to hold while
 * events are applied, the heads are read before the entries ({@link AuditController}): every entry a head counts was
 * written before it, so it is among the entries read after it.
 */
public record AuditVerification(boolean valid, long entries, long pending, List<CountryChain> countries) {

    public record CountryChain(String country, long entries, long pending, boolean valid, String headHash,
            Long firstBrokenPosition, String firstBrokenEventId, String problem) {
    }

    /** Verifies {@code all} entries against {@code heads}, which must have been read first. */
    static AuditVerification of(List<AuditHead> heads, List<AuditEntry> all) {
        Map<String, List<AuditEntry>> byCountry = new TreeMap<>(all.stream()
                .collect(Collectors.groupingBy(AuditEntry::country)));
        Map<String, AuditHead> headOf = heads.stream().collect(Collectors.toMap(AuditHead::country, h -> h));
        for (String country : headOf.keySet()) {
            byCountry.putIfAbsent(country, List.of());
        }
        List<CountryChain> chains = new ArrayList<>();
        for (Map.Entry<String, List<AuditEntry>> country : byCountry.entrySet()) {
            chains.add(verify(country.getKey(), country.getValue(), headOf.get(country.getKey())));
        }
        return new AuditVerification(chains.stream().allMatch(CountryChain::valid), all.size(),
                chains.stream().mapToLong(CountryChain::pending).sum(), chains);
    }

    private static CountryChain verify(String country, List<AuditEntry> entries, AuditHead head) {
        List<AuditEntry> chain = entries.stream().sorted(Comparator.comparingLong(AuditEntry::position)).toList();
        long counted = head == null ? 0 : head.length();
        String headHash = head == null ? null : head.hash();
        long pending = Math.max(0, chain.size() - counted);
        String previous = AuditHash.GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            AuditEntry entry = chain.get(i);
            String problem = null;
            if (entry.position() != i + 1) {
                problem = "expected position " + (i + 1) + " but found " + entry.position() + ": an entry is missing";
            } else if (!previous.equals(entry.previousHash())) {
                problem = "its previous hash is not the hash of the entry before it";
            } else if (!entry.expectedHash().equals(entry.hash())) {
                problem = "its content does not match its hash: it was changed after it was recorded";
            } else if (entry.position() == counted && !entry.hash().equals(headHash)) {
                problem = "the chain's head names another hash for this entry, its last: the chain was rewritten";
            }
            if (problem != null) {
                return new CountryChain(country, chain.size(), pending, false, headHash, entry.position(),
                        entry.eventId(), problem);
            }
            previous = entry.hash();
        }
        if (chain.size() < counted) {
            return new CountryChain(country, chain.size(), 0, false, headHash, (long) chain.size(), null,
                    "the chain's head counts " + counted + " entries: entries were removed at its end");
        }
        return new CountryChain(country, chain.size(), pending, true, headHash, null, null, null);
    }
}
