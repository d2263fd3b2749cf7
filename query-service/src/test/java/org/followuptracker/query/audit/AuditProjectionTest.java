package org.followuptracker.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.LetterSent;
import org.followuptracker.query.projection.ProjectionFixture;
import org.junit.jupiter.api.Test;

/** Given events, when one more, then these documents of the audit trail: the audit projection on its own. */
class AuditProjectionTest {

    private final ProjectionFixture fixture = ProjectionFixture.of(new AuditProjection());

    private EventEnvelope sent(String letterId, String country) {
        return fixture.recorded(letterId, "Letter", new LetterSent(letterId, country, null, LocalDate.parse("2013-01-15"),
                "Open Society", "Minister of Foreign Affairs", "Torture in prisons", List.of(), null, List.of()));
    }

    @Test
    void everyEventIsAnEntryOfItsCountrysChainAsItTravelled() {
        fixture.when(sent("letter-1", "KAZ"));

        AuditEntry entry = fixture.document(AuditEntry.COLLECTION, "event-1", AuditEntry.class);
        assertThat(entry.position()).isEqualTo(1);
        assertThat(entry.previousHash()).isEqualTo(AuditHash.GENESIS);
        assertThat(entry.payload()).isEqualTo("{\"event\":\"event-1\"}");
        assertThat(entry.type()).isEqualTo("org.followuptracker.LetterSent");
        assertThat(entry.recordedAt()).isEqualTo("2013-01-01T00:01:00Z");
        assertThat(fixture.document(AuditHead.COLLECTION, "KAZ", AuditHead.class))
                .isEqualTo(new AuditHead("KAZ", 1, "event-1", entry.hash()));
    }

    @Test
    void eachCountryHasAChainOfItsOwnEachEntryChainedToTheOneBefore() {
        fixture.given(sent("letter-1", "KAZ"), sent("letter-2", "KGZ"));

        fixture.when(sent("letter-3", "KAZ"));

        AuditEntry first = fixture.document(AuditEntry.COLLECTION, "event-1", AuditEntry.class);
        AuditEntry third = fixture.document(AuditEntry.COLLECTION, "event-3", AuditEntry.class);
        assertThat(third.position()).isEqualTo(2);
        assertThat(third.previousHash()).isEqualTo(first.hash());
        assertThat(fixture.document(AuditHead.COLLECTION, "KGZ", AuditHead.class).length()).isEqualTo(1);
    }

    @Test
    void anEntryWrittenWithoutItsHeadMovesTheHeadWhenItsEventIsAppliedAgain() {
        EventEnvelope event = sent("letter-1", "KAZ");
        fixture.given(event);
        AuditEntry entry = fixture.document(AuditEntry.COLLECTION, "event-1", AuditEntry.class);
        // A flush cut short: the entry written, the head and the mark that the event was applied not.
        fixture.readModel().save(AuditHead.COLLECTION, "KAZ", AuditHead.start("KAZ"));
        fixture.readModel().delete("applied_events", "event-1");

        fixture.when(event)
                .thenDocuments(ProjectionFixture.doc(AuditHead.COLLECTION, "KAZ",
                        new AuditHead("KAZ", 1, "event-1", entry.hash())));
    }
}
