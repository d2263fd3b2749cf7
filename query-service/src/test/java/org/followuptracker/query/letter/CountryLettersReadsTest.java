package org.followuptracker.query.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.query.store.ChangeWindow;
import org.followuptracker.query.store.IndexPart;
import org.followuptracker.query.store.CountryIndex;
import org.followuptracker.query.freshness.ProjectedCountries;
import org.followuptracker.query.web.AsOf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CountryLettersReadsTest {

    private static final AsOf NOW = AsOf.of(null, Clock.fixed(Instant.parse("2013-06-01T12:00:00Z"), ZoneOffset.UTC));

    private final ProjectedCountries store = new ProjectedCountries();
    private final LetterProjection projection = new LetterProjection();
    private final CountryLettersReads reads = new CountryLettersReads(store.cache);

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aKeptCountryIsBroughtUpToDateFromTheLettersAsTheLastEventsLeftThem() {
        for (int i = 1; i <= 4; i++) {
            sent("letter-" + i, LocalDate.of(2013, 1, 10 * i - 9));
        }
        // Read, with the letters awaiting an answer now worked out: these are then worked out for the changed only.
        assertThat(awaitingIds()).containsExactly("letter-1", "letter-2", "letter-3", "letter-4");

        applied("letter-2", "Letter", new ResponseReceived("letter-2", "resp-1", "KAZ", LocalDate.of(2013, 3, 1),
                "Ministry", "We will consider it", List.of()));
        applied("letter-4", "Letter", new FollowUpSent("letter-4", "follow-up-1", "KAZ", LocalDate.of(2013, 3, 2),
                "Reminder", LocalDate.of(2013, 4, 1)));
        sent("letter-0", LocalDate.of(2012, 12, 1));
        EventEnvelope letter5 = sent("letter-5", LocalDate.of(2013, 5, 1));
        applied("letter-5", "Letter", new FactRetracted("letter-5", "KAZ", letter5.id(), "LetterSent",
                "Sent to the wrong ministry", LocalDate.of(2013, 5, 2)));
        // An event about no letter also tells readers that the letters are up to date with it.
        applied("rec-1", "Recommendation", new RecommendationRecorded("rec-1", "KAZ", "Ratify OP-CAT", Mechanism.NGO,
                List.of(), List.of()));

        KeptLetters kept = reads.of(store.readModel, "KAZ");
        assertThat(kept.awaiting(NOW)).extracting(AwaitingLetter::letterId)
                .containsExactly("letter-0", "letter-1", "letter-3", "letter-4");
        assertThat(kept.awaiting(NOW)).isEqualTo(fromTheStore().awaiting(NOW.knownAt(), NOW.today()));
        assertThat(kept.awaiting(NOW).get(3).followUps()).isEqualTo(1);
        assertThat(kept.summary(NOW)).isEqualTo(CountrySummary.of(fromTheStore(), NOW.knownAt(), NOW.today()));
        assertThat(store.reads("miss")).isEqualTo(1);
        assertThat(store.reads("refresh")).isEqualTo(1);
    }

    @Test
    void lettersChangedByAWriterThatDoesNotTellWhatChangedAreReadWhole() {
        sent("letter-1", LocalDate.of(2013, 1, 1));
        reads.of(store.readModel, "KAZ");

        // An earlier version of the projections writes the letter, and the audit head, but not the letter changes.
        letter2WrittenByAnEarlierVersion();
        store.chainEndsWith("KAZ", "event-old");

        assertReadWholeWithLetter2();
    }

    /** Letter 2 to KAZ, written with the country's index by a writer that does not tell the changes, as of event-old. */
    private LetterRecord letter2WrittenByAnEarlierVersion() {
        LetterRecord letter2 = new LetterRecord("letter-2", "event-old", null, "Subject", "Minister", "2013-02-01",
                Instant.parse("2026-01-02T00:00:00Z"), null, List.of(), List.of(), List.of());
        store.mongo.save(new LetterDocument("letter-2", "KAZ", letter2, null),
                store.readModel.generation().collection(LetterDocument.COLLECTION));
        store.mongo.save(new CountryIndex("KAZ", List.of("letter-1", "letter-2"), null),
                store.readModel.generation().collection(LetterDocument.INDEX));
        return letter2;
    }

    /** The second read of KAZ read it whole (not brought up to date from the changes), and found letter 2. */
    private void assertReadWholeWithLetter2() {
        assertThat(reads.of(store.readModel, "KAZ").awaiting(NOW)).extracting(AwaitingLetter::letterId)
                .containsExactly("letter-1", "letter-2");
        assertThat(store.reads("miss")).isEqualTo(2);
        assertThat(store.reads("refresh")).isZero();
    }

    @Test
    void aReaderFurtherBehindThanTheChangesKeptReadsTheCountryWhole() {
        sent("letter-1", LocalDate.of(2013, 1, 1));
        reads.of(store.readModel, "KAZ");
        for (int i = 2; i <= ChangeWindow.KEPT + 2; i++) {
            sent("letter-" + i, LocalDate.of(2013, 1, 1).plusDays(i));
        }

        assertThat(reads.of(store.readModel, "KAZ").awaiting(NOW)).hasSize(ChangeWindow.KEPT + 2);
        assertThat(store.reads("miss")).isEqualTo(2);
        assertThat(store.reads("refresh")).isZero();
    }

    @Test
    void lettersWhoseIndexFilledAPartAreReadInOrderAndALetterSentAgainIsNotIndexedTwice() {
        List<EventEnvelope> sent = new ArrayList<>();
        for (int i = 0; i <= IndexPart.IDS; i++) {
            sent.add(sent("letter-" + i, LocalDate.of(2013, 1, 1).plusDays(i)));
        }
        // Applied again, as after a flush cut short that wrote the index but not the marks of being applied: the
        // first is in the part by now, the last in the head.
        store.applied(sent.get(0), projection);
        store.applied(sent.get(IndexPart.IDS), projection);

        CountryIndex index = store.mongo.findById("KAZ", CountryIndex.class,
                store.readModel.generation().collection(LetterDocument.INDEX));
        assertThat(index.parts()).isEqualTo(1);
        assertThat(index.ids()).containsExactly("letter-" + IndexPart.IDS);
        List<String> inOrder = IntStream.rangeClosed(0, IndexPart.IDS).mapToObj(i -> "letter-" + i).toList();
        assertThat(fromTheStore().letters()).extracting(LetterRecord::letterId).isEqualTo(inOrder);
        assertThat(awaitingIds()).isEqualTo(inOrder);
    }

    private EventEnvelope sent(String letterId, LocalDate sentOn) {
        return applied(letterId, "Letter", new LetterSent(letterId, "KAZ", null, sentOn, "Amnesty International",
                "Minister", "Candidacy", List.of(), sentOn.plusDays(30), List.of()));
    }

    private EventEnvelope applied(String aggregateId, String aggregateType, org.followuptracker.events.TrackerEvent event) {
        EventEnvelope envelope = store.recorded(aggregateId, aggregateType, event);
        store.applied(envelope, projection);
        return envelope;
    }

    private List<String> awaitingIds() {
        return reads.of(store.readModel, "KAZ").awaiting(NOW).stream().map(AwaitingLetter::letterId).toList();
    }

    /** The country's letters as the store holds them, in the order of its index. */
    private CountryLetters fromTheStore() {
        CountryIndex index = store.mongo.findById("KAZ", CountryIndex.class,
                store.readModel.generation().collection(LetterDocument.INDEX));
        return new CountryLetters("KAZ", CountryIndex.read(store.readModel, LetterDocument.INDEX_PARTS,
                List.of(index)).get("KAZ").stream().map(id -> store.mongo.findById(id,
                LetterDocument.class, store.readModel.generation().collection(LetterDocument.COLLECTION)).letter())
                .toList());
    }

    @Test
    void aLetterWrittenWithoutItsIndexBeforeAFlushWasCutShortIsIndexedWhenItsSendingIsAppliedAgain() {
        sent("letter-1", LocalDate.of(2013, 1, 1));
        EventEnvelope letter2 = store.recorded("letter-2", "Letter", new LetterSent("letter-2", "KAZ", null,
                LocalDate.of(2013, 2, 1), "Amnesty International", "Minister", "Candidacy", List.of(),
                LocalDate.of(2013, 3, 1), List.of()));
        // The flush wrote the letter, then stopped: neither the index nor the event's mark of being applied.
        LetterRecord written = new LetterRecord("letter-2", letter2.id(), null, "Candidacy", "Minister", "2013-02-01",
                letter2.recordedAt().toInstant(), null, List.of(new LetterRecord.DueDate(letter2.id(), "2013-03-01",
                letter2.recordedAt().toInstant(), null)), List.of(), List.of());
        store.mongo.save(new LetterDocument("letter-2", "KAZ", written, 1),
                store.readModel.generation().collection(LetterDocument.COLLECTION));

        store.applied(letter2, projection);

        assertThat(fromTheStore().letters()).extracting(LetterRecord::letterId).containsExactly("letter-1", "letter-2");
        assertThat(awaitingIds()).containsExactly("letter-1", "letter-2");
    }

}
