package org.followuptracker.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The due date for the answer to a letter was moved later. */
@Revision("1")
public record ResponseDueDateExtended(
        String letterId,
        String country,
        LocalDate responseDueBy,
        LocalDate changedOn,
        String reason) implements TrackerEvent, LetterEvent {

    @Override
    public LocalDate occurredOn() {
        return changedOn;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.responseDueDateExtended(this);
    }
}
