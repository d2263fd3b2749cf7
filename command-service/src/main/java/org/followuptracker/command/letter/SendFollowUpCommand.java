package org.followuptracker.command.letter;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a reminder sent about a letter, perhaps with a new due date for the answer. */
public record SendFollowUpCommand(
        @TargetAggregateIdentifier String letterId,
        String followUpId,
        LocalDate sentOn,
        String summary,
        LocalDate responseDueBy) {
}
