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
 */
public record AuditVerification(boolean valid, long entries, List<CountryChain> countries) {

    public record CountryChain(String country, long entries, boolean valid, String headHash, Long firstBrokenPosition,
            String firstBrokenEventId, String problem) {
    }

    static AuditVerification of(List<AuditEntry> all, List<AuditHead> heads) {
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
        return new AuditVerification(chains.stream().allMatch(CountryChain::valid), all.size(), chains);
    }

    private static CountryChain verify(String country, List<AuditEntry> entries, AuditHead head) {
        List<AuditEntry> chain = entries.stream().sorted(Comparator.comparingLong(AuditEntry::position)).toList();
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
            }
            if (problem != null) {
                return new CountryChain(country, chain.size(), false, head == null ? null : head.hash(), entry.position(),
                        entry.eventId(), problem);
            }
            previous = entry.hash();
        }
        if (head == null || head.length() != chain.size() || !head.hash().equals(previous)) {
            return new CountryChain(country, chain.size(), false, head == null ? null : head.hash(), (long) chain.size(),
                    null, "the chain's head does not match its last entry: entries were removed or added at its end");
        }
        return new CountryChain(country, chain.size(), true, previous, null, null, null);
    }
}
