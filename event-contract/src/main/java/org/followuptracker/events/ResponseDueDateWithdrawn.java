package org.followuptracker.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The letter no longer expects an answer by a given day. */
@Revision("1")
public record ResponseDueDateWithdrawn(
        String letterId,
        String country,
        LocalDate changedOn,
        String reason) implements TrackerEvent {

    @Override
    public LocalDate occurredOn() {
        return changedOn;
    }
}
