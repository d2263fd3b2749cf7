package org.followuptracker.command.retraction;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a fact recorded on a letter, for a reason; the fact stays in the history. */
public record RetractLetterFactCommand(
        @TargetAggregateIdentifier String aggregateId,
        String eventId,
        String reason,
        LocalDate retractedOn) {
}
