package org.followuptracker.command.letter;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that the sender published the open letter, on a day and perhaps at a web address. */
public record RecordPublicationCommand(
        @TargetAggregateIdentifier String letterId,
        LocalDate publishedOn,
        String url) {
}
