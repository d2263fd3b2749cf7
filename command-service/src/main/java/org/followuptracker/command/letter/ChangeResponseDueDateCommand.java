package org.followuptracker.command.letter;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set, move or (with a null {@code responseDueBy}) withdraw the day by which the letter expects an answer. */
public record ChangeResponseDueDateCommand(
        @TargetAggregateIdentifier String letterId,
        LocalDate responseDueBy,
        LocalDate changedOn,
        String reason) {
}
