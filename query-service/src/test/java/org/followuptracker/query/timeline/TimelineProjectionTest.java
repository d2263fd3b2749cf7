package org.followuptracker.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.followuptracker.query.projection.ProjectionFixture.doc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.FactRetracted;
import org.followuptracker.events.LetterPublished;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.RecommendationNotImplemented;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.UnSource;
import org.followuptracker.query.projection.ProjectionFixture;
import org.followuptracker.query.recommendation.BoardProjectionFactory;
import org.junit.jupiter.api.Test;

/**
 * Given events, when one more, then these timeline documents: the timeline projection, with the board's (it names
 * recommendations by their texts), and nothing else.
 */
class TimelineProjectionTest {

    private final ProjectionFixture fixture = ProjectionFixture.of(BoardProjectionFactory.boardProjection(),
            new TimelineProjection(new RecommendationTexts()));

    private EventEnvelope letter(String letterId, String sentOn, String... recommendationIds) {
        return fixture.recorded(letterId, "Letter", new LetterSent(letterId, "KAZ", null, LocalDate.parse(sentOn),
                "Open Society", "Minister of Foreign Affairs", "Torture in prisons", List.of(), null,
                List.of(recommendationIds)));
    }

    private static Instant minute(int n) {
        return Instant.parse("2013-01-01T00:00:00Z").plusSeconds(60L * n);
    }

    @Test
    void aLetterIsAnEntryInTheMonthItWasSent() {
        TimelineEntry entry = new TimelineEntry("event-1", "LetterSent", "2013-01-15", minute(1),
                "Letter sent by Open Society to Minister of Foreign Affairs: Torture in prisons (urges 0 recommendations)",
                "letter-1", List.of(), null, "coordinator", "a source", null);

        ProjectionFixture alone = ProjectionFixture.of(new TimelineProjection(new RecommendationTexts()));
        alone.when(alone.recorded("letter-1", "Letter", new LetterSent("letter-1", "KAZ", null,
                        LocalDate.parse("2013-01-15"), "Open Society", "Minister of Foreign Affairs", "Torture in prisons",
                        List.of(), null, List.of())))
                .thenDocuments(
                        doc(TimelinePlace.COLLECTION, "event-1", new TimelinePlace("event-1", "KAZ:2013-01")),
                        doc(TimelineMonth.COLLECTION, "KAZ:2013-01", new TimelineMonth("KAZ:2013-01", "KAZ", "2013-01",
                                0, 0, List.of(entry))),
                        doc(TimelineIndex.COLLECTION, "KAZ", new TimelineIndex("KAZ",
                                List.of(new TimelineIndex.MonthCount("2013-01", 1, 1)))));
    }

    @Test
    void aPublicationIsAnEntryOfItsLetterOnTheDayItWasPublished() {
        fixture.given(letter("letter-1", "2013-01-15"));

        fixture.when(fixture.recorded("letter-1", "Letter", new LetterPublished("letter-1", "KAZ",
                LocalDate.parse("2013-02-03"), "https://www.opensocietyfoundations.org/letters/torture")));
        fixture.when(fixture.recorded("letter-1", "Letter", new LetterPublished("letter-1", "KAZ",
                LocalDate.parse("2013-02-04"), null)));

        assertThat(fixture.document(TimelineMonth.COLLECTION, "KAZ:2013-02", TimelineMonth.class).entries())
                .extracting(TimelineEntry::type, TimelineEntry::occurredOn, TimelineEntry::letterId,
                        TimelineEntry::summary)
                .containsExactly(
                        tuple("LetterPublished", "2013-02-03", "letter-1",
                                "Letter published at https://www.opensocietyfoundations.org/letters/torture"),
                        tuple("LetterPublished", "2013-02-04", "letter-1",
                                "Letter published"));
    }

    @Test
    void aRecommendationIsOnTheTimelineOnlyWhenTheDayItWasMadeIsKnown() {
        fixture.when(fixture.recorded("rec-1", "Recommendation", new RecommendationRecorded("rec-1", "KAZ",
                "Ratify the Optional Protocol", Mechanism.NGO, List.of(), List.of(), null)));
        assertThat(fixture.document(TimelineIndex.COLLECTION, "KAZ", TimelineIndex.class)).isNull();

        fixture.when(fixture.recorded("rec-2", "Recommendation", new RecommendationRecorded("rec-2", "KAZ",
                "End torture", Mechanism.UPR, List.of(new UnSource("A/HRC/14/10", "95.42", List.of("France", "Spain"))),
                List.of(), LocalDate.parse("2010-03-16"))));

        TimelineMonth march = fixture.document(TimelineMonth.COLLECTION, "KAZ:2010-03", TimelineMonth.class);
        assertThat(march.entries()).extracting(TimelineEntry::summary).containsExactly(
                "Recommendation made in A/HRC/14/10 (95.42) by France, Spain: \u201cEnd torture\u201d");
    }

    @Test
    void aFindingNamesTheRecommendationByItsText() {
        fixture.given(fixture.recorded("rec-1", "Recommendation", new RecommendationRecorded("rec-1", "KAZ",
                "Ratify the Optional Protocol", Mechanism.NGO, List.of(), List.of(), null)));

        fixture.when(fixture.recorded("rec-1", "Recommendation", new RecommendationNotImplemented("rec-1", "KAZ",
                LocalDate.parse("2014-01-01"), "no law")));

        assertThat(fixture.document(TimelineMonth.COLLECTION, "KAZ:2014-01", TimelineMonth.class).entries())
                .extracting(TimelineEntry::summary)
                .containsExactly("Found not implemented: \u201cRatify the Optional Protocol\u201d (evidence: no law)");
    }

    @Test
    void aRetractedFactsEntryStaysMarkedAndTheRetractionIsAnEntryOfItsOwn() {
        fixture.given(letter("letter-1", "2013-01-15"));

        fixture.when(fixture.recorded("letter-1", "Letter", new FactRetracted("letter-1", "KAZ", "event-1",
                "LetterSent", "sent to the wrong country", LocalDate.parse("2013-01-20"))));

        List<TimelineEntry> entries = fixture.document(TimelineMonth.COLLECTION, "KAZ:2013-01", TimelineMonth.class)
                .entries();
        assertThat(entries).extracting(TimelineEntry::eventId).containsExactly("event-1", "event-2");
        assertThat(entries.get(0).retraction()).isEqualTo(new TimelineEntry.Retraction("sent to the wrong country",
                "2013-01-20", minute(2), "coordinator", "event-2"));
        assertThat(entries.get(1).summary()).startsWith("Retracted: Letter sent by Open Society")
                .endsWith("(reason: sent to the wrong country)");
        assertThat(entries.get(1).letterId()).isEqualTo("letter-1");
    }

    @Test
    void aMonthIsKeptInPartsOfAtMostTwentyFiveEntries() {
        for (int n = 1; n <= TimelineMonth.PART_ENTRIES; n++) {
            fixture.given(letter("letter-" + n, "2013-01-15"));
        }

        fixture.when(letter("letter-26", "2013-01-15"));

        assertThat(fixture.document(TimelineMonth.COLLECTION, "KAZ:2013-01#1", TimelineMonth.class).entries())
                .extracting(TimelineEntry::letterId).containsExactly("letter-26");
        assertThat(fixture.document(TimelineIndex.COLLECTION, "KAZ", TimelineIndex.class).months())
                .containsExactly(new TimelineIndex.MonthCount("2013-01", 26, 2));
    }
}
