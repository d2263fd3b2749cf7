package org.followuptracker.query.audit;

import java.util.List;

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
 * written before it, so it is among the entries read after it. The walk: {@link AuditChains}.
 */
public record AuditVerification(boolean valid, long entries, long pending, List<CountryChain> countries) {

    public record CountryChain(String country, long entries, long pending, boolean valid, String headHash,
            Long firstBrokenPosition, String firstBrokenEventId, String problem) {
    }
}
