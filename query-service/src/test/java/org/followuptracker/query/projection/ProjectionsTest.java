package org.followuptracker.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.followuptracker.events.EventEnvelope;
import org.followuptracker.events.LetterSent;
import org.followuptracker.events.Mechanism;
import org.followuptracker.events.RecommendationRecorded;
import org.followuptracker.events.ReceivedEvent;
import org.followuptracker.query.store.StoredCollection;
import org.junit.jupiter.api.Test;

/**
 * Applying an event twice changes nothing, for every projection at once: {@link Projections} marks an event applied
 * after all projections applied it, and skips an event so marked. Projections need not tell it themselves.
 */
class ProjectionsTest {

    /** Counts what it is given, and writes a document per event it is given. */
    private static final class Counting implements Projection {

        int applied;

        @Override
        public List<StoredCollection> collections() {
            return List.of(StoredCollection.documents("counted"));
        }

        @Override
        public void apply(ReceivedEvent received, org.followuptracker.query.store.ReadModel readModel) {
            applied++;
            readModel.save("counted", received.envelope().id() + "#" + applied, applied);
        }
    }

    private final Counting counting = new Counting();
    private final ProjectionFixture fixture = ProjectionFixture.of(counting);

    @Test
    void anEventAppliedTwiceChangesNothingTheSecondTime() {
        EventEnvelope sent = fixture.recorded("letter-1", "Letter", new LetterSent("letter-1", "KAZ", null,
                LocalDate.parse("2013-01-15"), "Open Society", "Minister", "Torture", List.of(), null, List.of()));
        fixture.given(sent);

        fixture.when(sent).thenNothingChanged();

        assertThat(counting.applied).isEqualTo(1);
    }

    @Test
    void theMarkThatAnEventWasAppliedSaysWhatARetractionOfItNeeds() {
        EventEnvelope recorded = fixture.recorded("rec-1", "Recommendation", new RecommendationRecorded("rec-1", "KAZ",
                "Ratify", Mechanism.NGO, List.of(), List.of(), LocalDate.parse("2010-03-16")));

        fixture.when(recorded);

        assertThat(fixture.document(AppliedEvent.COLLECTION, "event-1", AppliedEvent.class)).isEqualTo(
                new AppliedEvent("event-1", "KAZ", "RecommendationRecorded", null, null, List.of("rec-1")));
        assertThat(counting.applied).isEqualTo(1);
    }

    @Test
    void everyTypeOfEventHasItsConstant() {
        assertThat(List.of(EventType.values())).extracting(EventType::typeName).containsExactlyInAnyOrder(
                java.util.Arrays.stream(org.followuptracker.events.TrackerEvent.class.getPermittedSubclasses())
                        .map(Class::getSimpleName).toArray(String[]::new));
    }
}
