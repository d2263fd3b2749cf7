package org.followuptracker.query.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.followuptracker.query.projection.ProjectionFixture.doc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.LetterPublished;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.Position;
import org.followuptracker.events.PositionTaken;
import org.followuptracker.events.RecommendationPartiallyImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ResponseDueDateWithdrawn;
import org.followuptracker.events.ResponseReceived;
import org.followuptracker.query.projection.ProjectionFixture;
import org.followuptracker.query.store.CountryChanges;
import org.followuptracker.query.store.CountryIndex;
import org.followuptracker.query.store.Retraction;
import org.junit.jupiter.api.Test;

/** Given events, when one more, then these documents of the recommendation board: the board projection on its own. */
class BoardProjectionTest {

    private final ProjectionFixture fixture = ProjectionFixture.of(new BoardProjection());

    private EventEnvelope recorded(String recommendationId) {
        return fixture.recorded(recommendationId, "Recommendation", new RecommendationRecorded(recommendationId, "KAZ",
                "Ratify the Optional Protocol", Mechanism.NGO, List.of(), List.of("torture"), null));
    }

    private EventEnvelope letterUrging(String letterId, String... recommendationIds) {
        return fixture.recorded(letterId, "Letter", new LetterSent(letterId, "KAZ", null, LocalDate.parse("2013-01-15"),
                "Open Society", "Minister of Foreign Affairs", "Torture in prisons", List.of(), null,
                List.of(recommendationIds)));
    }

    private static Instant minute(int n) {
        return Instant.parse("2013-01-01T00:00:00Z").plusSeconds(60L * n);
    }

    @Test
    void aRecommendationRecordedIsOnTheBoardNamedByItsCountrysIndex() {
        fixture.when(recorded("rec-1"))
                .thenDocuments(
                        doc(RecommendationDocument.COLLECTION, "rec-1", new RecommendationDocument("rec-1", "KAZ",
                                "Ratify the Optional Protocol", "NGO", List.of(), List.of("torture"), null, "event-1",
                                minute(1), null, List.of(), List.of(), List.of(), 0)),
                        doc(RecommendationDocument.INDEX, "KAZ", new CountryIndex("KAZ", List.of("rec-1"), 0)),
                        doc(RecommendationDocument.CHANGES, "KAZ", new CountryChanges("KAZ", 1,
                                List.of(new CountryChanges.Change(1, List.of("rec-1"))), "event-1")));
    }

    @Test
    void aLetterUrgesEachOfItsRecommendationsInItsOrder() {
        fixture.given(recorded("rec-1"), recorded("rec-2"));

        fixture.when(letterUrging("letter-1", "rec-2", "rec-1"));

        assertThat(fixture.document(RecommendationDocument.COLLECTION, "rec-2", RecommendationDocument.class).urgings())
                .containsExactly(new RecommendationDocument.Urging("event-3", "letter-1", "2013-01-15", 0, minute(3), null));
        assertThat(fixture.document(RecommendationDocument.COLLECTION, "rec-1", RecommendationDocument.class).urgings())
                .containsExactly(new RecommendationDocument.Urging("event-3", "letter-1", "2013-01-15", 1, minute(3), null));
        assertThat(fixture.document(RecommendationDocument.CHANGES, "KAZ", CountryChanges.class).recent())
                .last().isEqualTo(new CountryChanges.Change(3, List.of("rec-2", "rec-1")));
    }

    @Test
    void aResponseTakesAPositionOnEachRecommendationItNames() {
        fixture.given(recorded("rec-1"), letterUrging("letter-1", "rec-1"));

        fixture.when(fixture.recorded("letter-1", "Letter", new ResponseReceived("letter-1", "response-1", "KAZ",
                LocalDate.parse("2013-02-01"), "Ministry", null, List.of(new PositionTaken("rec-1", Position.SUPPORTED)))));

        assertThat(fixture.document(RecommendationDocument.COLLECTION, "rec-1", RecommendationDocument.class).positions())
                .containsExactly(new RecommendationDocument.PositionRecord("event-3", "letter-1", "response-1", null,
                        "SUPPORTED", "2013-02-01", minute(3), null));
    }

    @Test
    void aFindingIsRecordedAndARetractedLetterNoLongerUrges() {
        fixture.given(recorded("rec-1"), letterUrging("letter-1", "rec-1"));

        fixture.when(fixture.recorded("rec-1", "Recommendation", new RecommendationPartiallyImplemented("rec-1", "KAZ",
                LocalDate.parse("2014-01-01"), "a law passed")));
        fixture.when(fixture.recorded("letter-1", "Letter", new FactRetracted("letter-1", "KAZ", "event-2",
                "LetterSent", "sent to the wrong country", LocalDate.parse("2014-01-02"))));

        RecommendationDocument rec = fixture.document(RecommendationDocument.COLLECTION, "rec-1",
                RecommendationDocument.class);
        assertThat(rec.findings()).containsExactly(new RecommendationDocument.Finding("event-3",
                "PARTIALLY_IMPLEMENTED", "2014-01-01", "a law passed", minute(3), null));
        assertThat(rec.urgings()).extracting(RecommendationDocument.Urging::retracted)
                .containsExactly(new Retraction("event-4", minute(4)));
    }

    @Test
    void aLettersPublicationOnlyTellsTheBoardIsUpToDate() {
        fixture.given(recorded("rec-1"), letterUrging("letter-1", "rec-1"));

        fixture.when(fixture.recorded("letter-1", "Letter", new LetterPublished("letter-1", "KAZ",
                LocalDate.parse("2013-01-20"), "https://www.opensocietyfoundations.org/letters/torture")))
                .thenDocuments(doc(RecommendationDocument.CHANGES, "KAZ", new CountryChanges("KAZ", 2,
                        List.of(new CountryChanges.Change(1, List.of("rec-1")), new CountryChanges.Change(2,
                                List.of("rec-1"))), "event-3")));
    }

    @Test
    void anEventAboutALettersDatesOnlyTellsTheBoardIsUpToDate() {
        fixture.given(recorded("rec-1"), letterUrging("letter-1"));

        fixture.when(fixture.recorded("letter-1", "Letter", new ResponseDueDateWithdrawn("letter-1", "KAZ",
                LocalDate.parse("2013-02-01"), "answered by phone")))
                .thenDocuments(doc(RecommendationDocument.CHANGES, "KAZ", new CountryChanges("KAZ", 1,
                        List.of(new CountryChanges.Change(1, List.of("rec-1"))), "event-3")));
    }
}
