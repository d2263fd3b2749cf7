package org.followuptracker.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void everyEventTheContractPermitsHasItsTypeAndIsReadBackByIt() {
        assertThat(List.<Class<?>>copyOf(EventTypes.all())).containsExactly(TrackerEvent.class.getPermittedSubclasses());
        for (Class<?> permitted : TrackerEvent.class.getPermittedSubclasses()) {
            Class<? extends TrackerEvent> type = permitted.asSubclass(TrackerEvent.class);
            assertThat(EventTypes.typeOf(type)).isEqualTo("org.followuptracker." + type.getSimpleName());
            assertThat(EventTypes.classOf(EventTypes.typeOf(type))).contains(type);
        }
    }

    /** The names are the contract: a record renamed must keep its old type, or readers stall on what was sent. */
    @Test
    void theTypesAlreadySentAreStillKnown() {
        List<String> sent = List.of("RecommendationRecorded", "LetterSent", "FollowUpSent", "ResponseDueDateSet",
                "ResponseDueDateExtended", "ResponseDueDateWithdrawn", "ResponseReceived", "PositionRecorded",
                "RecommendationImplemented", "RecommendationPartiallyImplemented", "RecommendationNotImplemented",
                "FactRetracted", "LetterPublished");
        for (String name : sent) {
            assertThat(EventTypes.classOf("org.followuptracker." + name)).as(name).isPresent();
        }
    }

    /** A fact belongs to the history of a letter or of a recommendation; a retraction may be of either. */
    @Test
    void everyEventIsALettersOrARecommendationsOrARetraction() {
        for (Class<?> type : TrackerEvent.class.getPermittedSubclasses()) {
            boolean ofALetter = LetterEvent.class.isAssignableFrom(type);
            boolean ofARecommendation = RecommendationEvent.class.isAssignableFrom(type);
            assertThat(ofALetter ^ ofARecommendation || type == FactRetracted.class)
                    .as(type.getSimpleName() + " is an event of a letter or of a recommendation, not both")
                    .isTrue();
        }
        assertThat(LetterEvent.class.isAssignableFrom(FactRetracted.class)).isFalse();
        assertThat(RecommendationEvent.class.isAssignableFrom(FactRetracted.class)).isFalse();
    }

    @Test
    void eachLetterEventIsHandedToTheVisitorsMethodOfItsOwnKind() {
        LetterEvent.Visitor<String> names = new LetterEvent.Visitor<>() {
            public String letterSent(LetterSent event) { return "LetterSent"; }
            public String followUpSent(FollowUpSent event) { return "FollowUpSent"; }
            public String responseDueDateSet(ResponseDueDateSet event) { return "ResponseDueDateSet"; }
            public String responseDueDateExtended(ResponseDueDateExtended event) { return "ResponseDueDateExtended"; }
            public String responseDueDateWithdrawn(ResponseDueDateWithdrawn event) { return "ResponseDueDateWithdrawn"; }
            public String responseReceived(ResponseReceived event) { return "ResponseReceived"; }
            public String letterPublished(LetterPublished event) { return "LetterPublished"; }
        };
        List<LetterEvent> events = SampleEvents.oneOfEachType().stream()
                .filter(LetterEvent.class::isInstance).map(LetterEvent.class::cast).toList();

        assertThat(events).extracting(Object::getClass)
                .containsExactlyInAnyOrder(LetterEvent.class.getPermittedSubclasses());
        for (LetterEvent event : events) {
            assertThat(event.accept(names)).isEqualTo(event.getClass().getSimpleName());
        }
    }

    @Test
    void eachRecommendationEventIsHandedToTheVisitorsMethodOfItsOwnKind() {
        RecommendationEvent.Visitor<String> names = new RecommendationEvent.Visitor<>() {
            public String recommendationRecorded(RecommendationRecorded event) { return "RecommendationRecorded"; }
            public String positionRecorded(PositionRecorded event) { return "PositionRecorded"; }
            public String recommendationImplemented(RecommendationImplemented event) {
                return "RecommendationImplemented";
            }
            public String recommendationPartiallyImplemented(RecommendationPartiallyImplemented event) {
                return "RecommendationPartiallyImplemented";
            }
            public String recommendationNotImplemented(RecommendationNotImplemented event) {
                return "RecommendationNotImplemented";
            }
        };
        List<RecommendationEvent> events = SampleEvents.oneOfEachType().stream()
                .filter(RecommendationEvent.class::isInstance).map(RecommendationEvent.class::cast).toList();

        assertThat(events).extracting(Object::getClass)
                .containsExactlyInAnyOrder(RecommendationEvent.class.getPermittedSubclasses());
        for (RecommendationEvent event : events) {
            assertThat(event.accept(names)).isEqualTo(event.getClass().getSimpleName());
        }
    }
}
