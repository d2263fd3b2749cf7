package org.followuptracker.command.recommendation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what was found of a recommendation's implementation on a given day, and on what evidence. */
public record RecordImplementationFindingCommand(
        @TargetAggregateIdentifier String recommendationId,
        ImplementationStatus status,
        LocalDate assessedOn,
        String evidence) {
}
