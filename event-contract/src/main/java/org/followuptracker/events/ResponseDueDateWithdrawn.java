package org.followuptracker.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The letter no longer expects an answer by a given day. */
@Revision("1")
public record ResponseDueDateWithdrawn(
        String letterId,
        String country,
        LocalDate changedOn,
        String reason) implements TrackerEvent, LetterEvent {

    @Override
    public LocalDate occurredOn() {
        return changedOn;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.responseDueDateWithdrawn(this);
    }
}
