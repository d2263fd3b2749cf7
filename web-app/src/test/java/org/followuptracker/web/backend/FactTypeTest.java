package org.followuptracker.web.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.followuptracker.events.EventTypes;
import org.followuptracker.events.LetterEvent;
import org.followuptracker.events.RecommendationEvent;
import org.followuptracker.events.TrackerEvent;
import org.followuptracker.web.country.TimelinePicture;
import org.junit.jupiter.api.Test;

/** The web app's kinds of fact are the event contract's, each corrected on what it is a fact of. */
class FactTypeTest {

    @Test
    void theKindsOfFactAreTheEventTypesOfTheContract() {
        List<String> contract = EventTypes.all().stream().map(Class::getSimpleName).toList();

        assertThat(FactType.NAMES).containsExactlyInAnyOrderElementsOf(contract);
        assertThat(TimelinePicture.TYPES).isEqualTo(FactType.NAMES);
    }

    @Test
    void aLettersFactIsCorrectedOnTheLetterAndARecommendationsOnTheRecommendation() {
        for (Class<? extends TrackerEvent> type : EventTypes.all()) {
            FactType kind = FactType.named(type.getSimpleName()).orElseThrow();
            String expected = LetterEvent.class.isAssignableFrom(type) ? "letters"
                    : RecommendationEvent.class.isAssignableFrom(type) ? "recommendations"
                    : null;
            assertThat(kind.correctedOn()).as(type.getSimpleName()).isEqualTo(expected);
            assertThat(FactType.CORRECTED_ON.get(kind.type())).as(type.getSimpleName()).isEqualTo(expected);
        }
    }

    @Test
    void aKindNewerThanTheAppIsNone() {
        assertThat(FactType.named("SomethingNew")).isEmpty();
        for (FactType kind : FactType.values()) {
            assertThat(FactType.named(kind.type())).contains(kind);
        }
    }
}
