package org.followuptracker.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A reminder was sent about a letter that got no (full) answer. A {@code responseDueBy} is the letter's new due
 * date; null leaves the due date as it was.
 */
@Revision("1")
public record FollowUpSent(
        String letterId,
        String followUpId,
        String country,
        LocalDate sentOn,
        String summary,
        LocalDate responseDueBy) implements TrackerEvent, LetterEvent {

    @Override
    public LocalDate occurredOn() {
        return sentOn;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.followUpSent(this);
    }
}
