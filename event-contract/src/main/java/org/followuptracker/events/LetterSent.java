package org.followuptracker.events;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A letter was sent to a government, urging the listed recommendations. {@code reference} is the sender's own
 * reference for the letter (such as Amnesty International's index number), or null.
 */
@Revision("1")
public record LetterSent(
        String letterId,
        String country,
        String reference,
        LocalDate sentOn,
        String sender,
        String recipient,
        String subject,
        List<String> copiedTo,
        LocalDate responseDueBy,
        List<String> recommendationIds) implements TrackerEvent, LetterEvent {

    public LetterSent {
        copiedTo = copiedTo == null ? List.of() : List.copyOf(copiedTo);
        recommendationIds = recommendationIds == null ? List.of() : List.copyOf(recommendationIds);
    }

    @Override
    public LocalDate occurredOn() {
        return sentOn;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.letterSent(this);
    }
}
