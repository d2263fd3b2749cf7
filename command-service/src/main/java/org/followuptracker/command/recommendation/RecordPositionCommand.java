package org.followuptracker.command.recommendation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.followuptracker.events.Position;

/** Record a position the government took on a recommendation, as a document (not a letter's answer) shows it. */
public record RecordPositionCommand(
        @TargetAggregateIdentifier String recommendationId,
        Position position,
        LocalDate takenOn,
        String source) {
}
