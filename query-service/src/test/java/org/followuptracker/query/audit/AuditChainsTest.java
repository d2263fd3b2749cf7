package org.followuptracker.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AuditChainsTest {

    @Test
    void entriesWrittenBeyondTheirHeadAreAnApplicationInProgressNotABrokenChain() {
        List<AuditEntry> kazakhstan = chain("KAZ", 3);
        List<AuditEntry> uzbekistan = chain("UZB", 2);
        List<AuditEntry> all = both(kazakhstan, uzbekistan);

        // KAZ's head was moved past its first two entries, not yet past its third; UZB's first events have no head.
        AuditVerification verification = verify(List.of(headAt(kazakhstan, 2)), all);

        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(5);
        assertThat(verification.pending()).isEqualTo(3);
        AuditVerification.CountryChain kaz = verification.countries().get(0);
        assertThat(kaz.country()).isEqualTo("KAZ");
        assertThat(kaz.pending()).isEqualTo(1);
        assertThat(kaz.headHash()).isEqualTo(kazakhstan.get(1).hash());
        AuditVerification.CountryChain uzb = verification.countries().get(1);
        assertThat(uzb.pending()).isEqualTo(2);
        assertThat(uzb.valid()).isTrue();

        AuditVerification applied = verify(List.of(headAt(kazakhstan, 3), headAt(uzbekistan, 2)), all);
        assertThat(applied.valid()).isTrue();
        assertThat(applied.pending()).isZero();
        assertThat(applied.countries().get(0).headHash()).isEqualTo(kazakhstan.get(2).hash());
    }

    @Test
    void aHeadThatCountsMoreEntriesThanThereAreShowsEntriesRemovedAtTheEnd() {
        List<AuditEntry> kazakhstan = chain("KAZ", 3);
        AuditHead head = headAt(kazakhstan, 3);

        AuditVerification verification = verify(List.of(head), kazakhstan.subList(0, 2));

        assertThat(verification.valid()).isFalse();
        AuditVerification.CountryChain kaz = verification.countries().get(0);
        assertThat(kaz.firstBrokenPosition()).isEqualTo(2);
        assertThat(kaz.problem()).contains("counts 3 entries").contains("removed at its end");
    }

    @Test
    void aHeadThatNamesAnotherHashThanItsEntryShowsTheChainRewritten() {
        List<AuditEntry> kazakhstan = chain("KAZ", 2);
        AuditHead head = new AuditHead("KAZ", 2, kazakhstan.get(1).eventId(), "f".repeat(64));

        AuditVerification verification = verify(List.of(head), kazakhstan);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.countries().get(0).firstBrokenEventId()).isEqualTo(kazakhstan.get(1).eventId());
        assertThat(verification.countries().get(0).problem()).contains("the chain was rewritten");
    }

    @Test
    void anEntryBeyondTheHeadThatDoesNotLinkOnFromItBreaksTheChain() {
        List<AuditEntry> kazakhstan = new ArrayList<>(chain("KAZ", 2));
        AuditEntry stranger = entry("KAZ", 3, "0".repeat(64));
        kazakhstan.add(stranger);

        AuditVerification verification = verify(List.of(headAt(kazakhstan, 2)), kazakhstan);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.countries().get(0).firstBrokenEventId()).isEqualTo(stranger.eventId());
        assertThat(verification.countries().get(0).problem()).contains("previous hash");
    }

    @Test
    void entriesThatComeInAnyOrderAreWalkedInTheOrderOfTheirChain() {
        List<AuditEntry> kazakhstan = chain("KAZ", 40);
        List<AuditEntry> uzbekistan = chain("UZB", 25);
        List<AuditEntry> all = both(kazakhstan, uzbekistan);
        Collections.shuffle(all, new Random(7));

        AuditVerification verification = verify(List.of(headAt(kazakhstan, 40), headAt(uzbekistan, 25)), all);

        assertThat(verification.valid()).isTrue();
        assertThat(verification.entries()).isEqualTo(65);
        assertThat(verification.countries()).extracting(AuditVerification.CountryChain::entries)
                .containsExactly(40L, 25L);

        List<AuditEntry> changed = new ArrayList<>(kazakhstan);
        AuditEntry original = changed.get(16);
        changed.set(16, new AuditEntry(original.eventId(), "KAZ", 17, original.type(), original.aggregateType(),
                original.aggregateId(), original.sequence(), original.revision(), "someone-else", original.source(),
                original.recordedAt(), original.recordedAtTime(), original.occurredOn(), original.payload(),
                original.previousHash(), original.hash()));
        Collections.shuffle(changed, new Random(11));
        AuditVerification.CountryChain kaz = verify(List.of(headAt(kazakhstan, 40)), changed).countries().get(0);
        assertThat(kaz.valid()).isFalse();
        assertThat(kaz.firstBrokenPosition()).isEqualTo(17);
        assertThat(kaz.firstBrokenEventId()).isEqualTo(original.eventId());
        assertThat(kaz.problem()).contains("changed after it was recorded");
        assertThat(kaz.entries()).isEqualTo(40);
    }

    @Test
    void anEntryMissingInTheMiddleShowsAtTheEntryAfterIt() {
        List<AuditEntry> kazakhstan = new ArrayList<>(chain("KAZ", 10));
        AuditEntry after = kazakhstan.get(5);
        kazakhstan.remove(4);
        Collections.shuffle(kazakhstan, new Random(3));

        AuditVerification.CountryChain kaz = verify(List.of(headAt(chain("KAZ", 10), 10)), kazakhstan).countries()
                .get(0);

        assertThat(kaz.valid()).isFalse();
        assertThat(kaz.firstBrokenPosition()).isEqualTo(6);
        assertThat(kaz.firstBrokenEventId()).isEqualTo(after.eventId());
        assertThat(kaz.problem()).isEqualTo("expected position 5 but found 6: an entry is missing");
    }

    @Test
    void aSecondEntryAtAPositionIsAnInsertionAndTheFirstBreakByPositionIsTheOneShown() {
        List<AuditEntry> kazakhstan = new ArrayList<>(chain("KAZ", 10));
        AuditEntry inserted = entry("KAZ", 3, kazakhstan.get(1).hash());
        AuditEntry unlinked = entry("KAZ", 8, "0".repeat(64));
        kazakhstan.set(7, unlinked);
        // The walk breaks at 8 first; the insertion at 3 comes after, and is the first break of the chain.
        kazakhstan.add(inserted);

        AuditVerification.CountryChain kaz = verify(List.of(headAt(chain("KAZ", 10), 10)), kazakhstan).countries()
                .get(0);

        assertThat(kaz.valid()).isFalse();
        assertThat(kaz.entries()).isEqualTo(11);
        assertThat(kaz.firstBrokenPosition()).isEqualTo(3);
        assertThat(kaz.problem()).isEqualTo("a second entry at position 3: an entry was inserted");
    }

    private static AuditVerification verify(List<AuditHead> heads, List<AuditEntry> entries) {
        AuditChains chains = new AuditChains(heads);
        entries.forEach(chains::add);
        return chains.verification();
    }

    private static List<AuditEntry> both(List<AuditEntry> one, List<AuditEntry> other) {
        List<AuditEntry> all = new ArrayList<>(one);
        all.addAll(other);
        return all;
    }

    private static List<AuditEntry> chain(String country, int length) {
        List<AuditEntry> chain = new ArrayList<>();
        String previous = AuditHash.GENESIS;
        for (int position = 1; position <= length; position++) {
            AuditEntry entry = entry(country, position, previous);
            chain.add(entry);
            previous = entry.hash();
        }
        return chain;
    }

    private static AuditEntry entry(String country, long position, String previousHash) {
        return new AuditEntry(country + "-event-" + position, country, position, "org.followuptracker.LetterSent",
                "Letter", country + "-letter", position - 1, "1", "coordinator", "a source", "2026-01-01T10:00:00Z",
                Instant.parse("2026-01-01T10:00:00Z"), "2026-01-01", "{}", previousHash, null).hashed();
    }

    private static AuditHead headAt(List<AuditEntry> chain, int length) {
        AuditEntry last = chain.get(length - 1);
        return new AuditHead(last.country(), length, last.eventId(), last.hash());
    }
}
