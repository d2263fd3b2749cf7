package org.followuptracker.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A government's position on a recommendation, known from a document rather than from an answer to our letter:
 * for instance its replies in a UPR addendum ({@code source} A/HRC/14/10/Add.1).
 */
@Revision("1")
public record PositionRecorded(
        String recommendationId,
        String country,
        Position position,
        LocalDate takenOn,
        String source) implements TrackerEvent, RecommendationEvent {

    @Override
    public LocalDate occurredOn() {
        return takenOn;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.positionRecorded(this);
    }
}
