package org.followuptracker.events;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A fact recorded earlier (the event {@code retractedEventId}, of type {@code retractedType}, of the letter or
 * recommendation {@code aggregateId}) was wrong and is withdrawn, for a reason. The original stays in the history;
 * readers show it as retracted. A corrected fact is recorded anew beside the retraction.
 */
@Revision("1")
public record FactRetracted(
        String aggregateId,
        String country,
        String retractedEventId,
        String retractedType,
        String reason,
        LocalDate retractedOn) implements TrackerEvent {

    @Override
    public LocalDate occurredOn() {
        return retractedOn;
    }
}
