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

    @Test
    void aChainRewrittenFromAnEntryOnWithEveryHashRecomputedNoLongerHasTheHashTheCheckpointSigned() {
        List<AuditEntry> kazakhstan = chain("KAZ", 6);
        CheckpointStatement checkpoint = checkpoint(7, headAt(kazakhstan, 5));
        // From position 3 on, every entry is another one, linked and hashed as the projection would: so is the head.
        List<AuditEntry> rewritten = new ArrayList<>(kazakhstan.subList(0, 2));
        String previous = kazakhstan.get(1).hash();
        for (int position = 3; position <= 6; position++) {
            AuditEntry forged = new AuditEntry("forged-" + position, "KAZ", position, "org.followuptracker.LetterSent",
                    "Letter", "KAZ-letter", position - 1, "1", "someone-else", "a source", "2026-01-01T10:00:00Z",
                    Instant.parse("2026-01-01T10:00:00Z"), "2026-01-01", "{}", previous, null).hashed();
            rewritten.add(forged);
            previous = forged.hash();
        }
        Collections.shuffle(rewritten, new Random(5));

        AuditVerification alone = verify(List.of(headAt(rewritten.stream()
                .sorted(java.util.Comparator.comparingLong(AuditEntry::position)).toList(), 6)), rewritten);
        assertThat(alone.valid()).as("without a checkpoint, nothing shows").isTrue();

        AuditChains chains = new AuditChains(List.of(new AuditHead("KAZ", 6, "forged-6", previous)), checkpoint);
        rewritten.forEach(chains::add);
        AuditVerification.CountryChain kaz = chains.verification().countries().get(0);

        assertThat(kaz.valid()).isFalse();
        assertThat(kaz.extendsCheckpoint()).isFalse();
        assertThat(kaz.firstBrokenPosition()).isEqualTo(5);
        assertThat(kaz.firstBrokenEventId()).isEqualTo("forged-5");
        assertThat(kaz.problem()).contains("checkpoint 7 signed another hash for this position");
    }

    @Test
    void anEntryRewrittenWithItsHashBreaksTheLinkAfterItNamingBoth() {
        List<AuditEntry> kazakhstan = new ArrayList<>(chain("KAZ", 5));
        AuditEntry original = kazakhstan.get(2);
        AuditEntry forged = new AuditEntry("forged-3", "KAZ", 3, original.type(), original.aggregateType(),
                original.aggregateId(), original.sequence(), original.revision(), "someone-else", original.source(),
                original.recordedAt(), original.recordedAtTime(), original.occurredOn(), original.payload(),
                original.previousHash(), null).hashed();
        kazakhstan.set(2, forged);

        AuditChains chains = new AuditChains(List.of(headAt(chain("KAZ", 5), 5)),
                checkpoint(1, headAt(chain("KAZ", 5), 5)));
        kazakhstan.forEach(chains::add);
        AuditVerification.CountryChain kaz = chains.verification().countries().get(0);

        assertThat(kaz.valid()).isFalse();
        assertThat(kaz.extendsCheckpoint()).isFalse();
        assertThat(kaz.firstBrokenPosition()).isEqualTo(4);
        assertThat(kaz.problem()).contains("(position 3, event forged-3): one of the two was changed");
    }

    @Test
    void aChainShorterThanTheCheckpointSignedOrGoneDoesNotExtendIt() {
        List<AuditEntry> kazakhstan = chain("KAZ", 5);
        CheckpointStatement checkpoint = checkpoint(2, headAt(kazakhstan, 5), headAt(chain("UZB", 2), 2));

        // The last two entries removed and the head moved back with them: the chain verifies by itself.
        AuditChains chains = new AuditChains(List.of(headAt(kazakhstan, 3)), checkpoint);
        kazakhstan.subList(0, 3).forEach(chains::add);
        AuditVerification verification = chains.verification();

        assertThat(verification.valid()).isFalse();
        AuditVerification.CountryChain kaz = verification.countries().get(0);
        assertThat(kaz.extendsCheckpoint()).isFalse();
        assertThat(kaz.firstBrokenPosition()).isEqualTo(4);
        assertThat(kaz.problem()).isEqualTo("checkpoint 2 signed 5 entries, the chain has 3: entries were removed");
        AuditVerification.CountryChain uzb = verification.countries().get(1);
        assertThat(uzb.country()).isEqualTo("UZB");
        assertThat(uzb.entries()).isZero();
        assertThat(uzb.valid()).isFalse();
        assertThat(uzb.extendsCheckpoint()).isFalse();
    }

    @Test
    void aChainThatGrewPastTheCheckpointExtendsIt() {
        List<AuditEntry> kazakhstan = chain("KAZ", 8);
        AuditChains chains = new AuditChains(List.of(headAt(kazakhstan, 8), headAt(chain("UZB", 1), 1)),
                checkpoint(3, headAt(kazakhstan, 4)));
        both(kazakhstan, chain("UZB", 1)).forEach(chains::add);

        AuditVerification verification = chains.verification();

        assertThat(verification.valid()).isTrue();
        assertThat(verification.countries().get(0).extendsCheckpoint()).isTrue();
        assertThat(verification.countries().get(1).extendsCheckpoint()).as("not in the checkpoint").isNull();
    }

    private static CheckpointStatement checkpoint(long number, AuditHead... heads) {
        return new CheckpointStatement(CheckpointStatement.FORMAT, number, "2026-01-02T00:00:00Z", "key",
                java.util.Arrays.stream(heads).map(head -> new CheckpointStatement.SignedHead(head.country(),
                        head.length(), head.lastEventId(), head.hash())).toList());
    }

    private static AuditVerification verify(List<AuditHead> heads, List<AuditEntry> entries) {
        AuditChains chains = new AuditChains(heads, null);
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
