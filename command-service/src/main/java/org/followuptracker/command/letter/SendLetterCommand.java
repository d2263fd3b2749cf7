package org.followuptracker.command.letter;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that a letter was sent, urging recommendations that the tracker already knows. */
public record SendLetterCommand(
        @TargetAggregateIdentifier String letterId,
        String country,
        String reference,
        LocalDate sentOn,
        String sender,
        String recipient,
        String subject,
        List<String> copiedTo,
        LocalDate responseDueBy,
        List<String> recommendationIds) {
}
