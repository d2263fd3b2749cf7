package org.followuptracker.command.letter;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.followuptracker.events.PositionTaken;

/** Record a government's response to a letter, with its positions on the recommendations the letter urged. */
public record RecordResponseCommand(
        @TargetAggregateIdentifier String letterId,
        String responseId,
        LocalDate receivedOn,
        String from,
        String summary,
        List<PositionTaken> positions) {
}
