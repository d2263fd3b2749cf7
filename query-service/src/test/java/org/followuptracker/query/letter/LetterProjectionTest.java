package org.followuptracker.query.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.followuptracker.query.projection.ProjectionFixture.doc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.FollowUpSent;
import org.followuptracker.events.LetterPublished;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.ResponseDueDateExtended;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.query.projection.ProjectionFixture;
import org.followuptracker.query.store.CountryChanges;
import org.followuptracker.query.store.CountryIndex;
import org.followuptracker.query.store.Retraction;
import org.junit.jupiter.api.Test;

/** Given events, when one more, then these letters' documents: the letter projection on its own. */
class LetterProjectionTest {

    private final ProjectionFixture fixture = ProjectionFixture.of(new LetterProjection());

    private EventEnvelope sent(String letterId, LocalDate dueBy) {
        return fixture.recorded(letterId, "Letter", new LetterSent(letterId, "KAZ", "REF-1", LocalDate.parse("2013-01-15"),
                "Open Society", "Minister of Foreign Affairs", "Torture in prisons", List.of(), dueBy, List.of()));
    }

    private static Instant minute(int n) {
        return Instant.parse("2013-01-01T00:00:00Z").plusSeconds(60L * n);
    }

    @Test
    void aLetterSentIsADocumentOfItsOwnNamedByItsCountrysIndex() {
        LetterRecord letter = new LetterRecord("letter-1", "event-1", "REF-1", "Torture in prisons",
                "Minister of Foreign Affairs", "2013-01-15", minute(1), null,
                List.of(new LetterRecord.DueDate("event-1", "2013-03-15", minute(1), null)), List.of(), List.of());

        fixture.when(sent("letter-1", LocalDate.parse("2013-03-15")))
                .thenDocuments(
                        doc(LetterDocument.COLLECTION, "letter-1", new LetterDocument("letter-1", "KAZ", letter, 0)),
                        doc(LetterDocument.INDEX, "KAZ", new CountryIndex("KAZ", List.of("letter-1"), 0)),
                        doc(LetterDocument.CHANGES, "KAZ", new CountryChanges("KAZ", 1,
                                List.of(new CountryChanges.Change(1, List.of("letter-1"))), "event-1")));
    }

    @Test
    void aResponseAFollowUpAndANewDueDateAreAddedToTheLetter() {
        fixture.given(sent("letter-1", null));

        fixture.when(fixture.recorded("letter-1", "Letter", new ResponseReceived("letter-1", "response-1", "KAZ",
                LocalDate.parse("2013-02-01"), "Ministry", null, List.of())));
        fixture.when(fixture.recorded("letter-1", "Letter", new FollowUpSent("letter-1", "follow-up-1", "KAZ",
                LocalDate.parse("2013-03-01"), "A reminder", LocalDate.parse("2013-04-01"))));
        fixture.when(fixture.recorded("letter-1", "Letter", new ResponseDueDateExtended("letter-1", "KAZ",
                LocalDate.parse("2013-05-01"), LocalDate.parse("2013-03-02"), "asked for more time")));

        LetterRecord letter = fixture.document(LetterDocument.COLLECTION, "letter-1", LetterDocument.class).letter();
        assertThat(letter.responses()).containsExactly(
                new LetterRecord.Reply("event-2", "response-1", "2013-02-01", minute(2), null));
        assertThat(letter.followUps()).containsExactly(new LetterRecord.FollowUp("event-3", "2013-03-01", minute(3), null));
        assertThat(letter.dueDates()).extracting(LetterRecord.DueDate::dueBy).containsExactly(null, "2013-04-01",
                "2013-05-01");
        CountryChanges changes = fixture.document(LetterDocument.CHANGES, "KAZ", CountryChanges.class);
        assertThat(changes.latest()).isEqualTo(4);
        assertThat(changes.throughEventId()).isEqualTo("event-4");
    }

    @Test
    void aRetractedResponseIsMarkedNotRemoved() {
        fixture.given(sent("letter-1", null), fixture.recorded("letter-1", "Letter", new ResponseReceived("letter-1",
                "response-1", "KAZ", LocalDate.parse("2013-02-01"), "Ministry", null, List.of())));

        fixture.when(fixture.recorded("letter-1", "Letter", new FactRetracted("letter-1", "KAZ", "event-2",
                "ResponseReceived", "entered twice", LocalDate.parse("2013-02-02"))));

        assertThat(fixture.document(LetterDocument.COLLECTION, "letter-1", LetterDocument.class).letter().responses())
                .containsExactly(new LetterRecord.Reply("event-2", "response-1", "2013-02-01", minute(2),
                        new Retraction("event-3", minute(3))));
    }

    @Test
    void aPublicationIsAddedToTheLetterAndShowsUntilItIsRetracted() {
        fixture.given(sent("letter-1", null));

        fixture.when(fixture.recorded("letter-1", "Letter", new LetterPublished("letter-1", "KAZ",
                LocalDate.parse("2013-01-20"), "https://www.opensocietyfoundations.org/letters/torture")));
        fixture.when(fixture.recorded("letter-1", "Letter", new LetterPublished("letter-1", "KAZ",
                LocalDate.parse("2013-01-22"), null)));
        fixture.when(fixture.recorded("letter-1", "Letter", new FactRetracted("letter-1", "KAZ", "event-3",
                "LetterPublished", "it was the press release", LocalDate.parse("2013-01-23"))));

        LetterRecord letter = fixture.document(LetterDocument.COLLECTION, "letter-1", LetterDocument.class).letter();
        assertThat(letter.publications()).containsExactly(
                new LetterRecord.Publication("event-2", "2013-01-20",
                        "https://www.opensocietyfoundations.org/letters/torture", minute(2), null),
                new LetterRecord.Publication("event-3", "2013-01-22", null, minute(3),
                        new Retraction("event-4", minute(4))));
        assertThat(letter.asOf(minute(1)).published()).isNull();
        assertThat(letter.asOf(minute(3)).published()).isEqualTo(new Published(LocalDate.parse("2013-01-22"), null));
        assertThat(letter.asOf(minute(4)).published()).isEqualTo(new Published(LocalDate.parse("2013-01-20"),
                "https://www.opensocietyfoundations.org/letters/torture"));
        assertThat(fixture.document(LetterDocument.CHANGES, "KAZ", CountryChanges.class).throughEventId())
                .isEqualTo("event-4");
    }

    @Test
    void anEventOfTheCountryAboutNoLetterOnlyTellsTheCountrysLettersAreUpToDate() {
        fixture.given(sent("letter-1", null));

        fixture.when(fixture.recorded("rec-1", "Recommendation", new FactRetracted("rec-1", "KAZ", "event-0",
                "RecommendationRecorded", "not ours", LocalDate.parse("2013-02-02"))))
                .thenDocuments(doc(LetterDocument.CHANGES, "KAZ", new CountryChanges("KAZ", 1,
                        List.of(new CountryChanges.Change(1, List.of("letter-1"))), "event-2")));
    }

    @Test
    void aLetterSentAgainWithTheSameIdIsNotAddedTwice() {
        fixture.given(sent("letter-1", null));

        fixture.when(sent("letter-1", null));

        assertThat(fixture.document(LetterDocument.INDEX, "KAZ", CountryIndex.class).ids())
                .containsExactly("letter-1");
    }
}
